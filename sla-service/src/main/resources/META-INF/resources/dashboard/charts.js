/*
 * The dashboard's charts: small functions that turn numbers into inline SVG elements. No library, no network.
 * Each returns a fresh <svg>; the caller replaces the previous one.
 */
"use strict";
const Charts = (() => {
  const NS = "http://www.w3.org/2000/svg";

  function el(tag, attrs, ...children) {
    const node = document.createElementNS(NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v !== undefined && v !== null) node.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined) continue;
      node.appendChild(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
    }
    return node;
  }

  function root(width, height, label) {
    return el("svg", { viewBox: `0 0 ${width} ${height}`, width: "100%", role: "img", "aria-label": label,
      preserveAspectRatio: "xMinYMin meet", style: `max-width:${width}px` }, el("title", {}, label));
  }

  /** 1, 2, 5 x 10^k at or above v: a readable axis maximum. */
  function niceMax(v) {
    if (!(v > 0)) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  function compact(n) {
    if (n === null || n === undefined) return "–";
    const a = Math.abs(n);
    if (a >= 1e6) return (n / 1e6).toFixed(a >= 1e7 ? 0 : 1) + "M";
    if (a >= 1e4) return (n / 1e3).toFixed(0) + "k";
    if (a >= 1e3) return (n / 1e3).toFixed(1) + "k";
    return Number.isInteger(n) ? String(n) : n.toFixed(1);
  }

  /** Seconds as the largest two units: 42 s, 4m 12s, 3h 5m, 2d 4h. */
  function duration(s) {
    if (s === null || s === undefined || Number.isNaN(s)) return "–";
    if (s < 60) return (s < 10 && !Number.isInteger(s) ? s.toFixed(1) : Math.round(s)) + " s";
    const m = Math.floor(s / 60), h = Math.floor(m / 60), d = Math.floor(h / 24);
    const two = (a, ua, b, ub) => (b ? `${a}${ua} ${b}${ub}` : `${a}${ua}`);
    if (m < 60) return two(m, "m", Math.floor(s % 60), "s");
    if (h < 24) return two(h, "h", m % 60, "m");
    return two(d, "d", h % 24, "h");
  }

  /** A bucket bound as a short label: 30s, 5m, 1h, 2d. */
  function bound(s) {
    if (s < 60) return `${+s.toFixed(1)}s`;
    if (s < 3600) return `${+(s / 60).toFixed(1)}m`;
    if (s < 86400) return `${+(s / 3600).toFixed(1)}h`;
    return `${+(s / 86400).toFixed(1)}d`;
  }

  /**
   * Lag of one consumer group over the samples this page has seen: a line with its area, y axis 0..max, the
   * time span under it. points: [{t: ms, v: number}], oldest first.
   */
  function sparkline(points, status, label) {
    const W = 240, H = 64, L = 34, R = 6, T = 6, B = 16;
    const svg = root(W, H, label);
    const max = niceMax(Math.max(1, ...points.map((p) => p.v || 0)));
    const t0 = points.length ? points[0].t : 0, t1 = points.length ? points[points.length - 1].t : 1;
    const x = (t) => L + (t1 === t0 ? (W - L - R) : ((t - t0) / (t1 - t0)) * (W - L - R));
    const y = (v) => T + (1 - (v || 0) / max) * (H - T - B);
    svg.append(
      el("line", { class: "grid", x1: L, x2: W - R, y1: y(max), y2: y(max) }),
      el("line", { class: "axis", x1: L, x2: W - R, y1: y(0), y2: y(0) }),
      el("text", { x: L - 4, y: y(max) + 4, "text-anchor": "end" }, compact(max)),
      el("text", { x: L - 4, y: y(0) + 3, "text-anchor": "end" }, "0"));
    if (points.length === 0) return svg;
    const span = Math.round((t1 - t0) / 1000);
    svg.append(el("text", { x: L, y: H - 3 }, span > 0 ? `−${duration(span)}` : "first sample"),
      el("text", { x: W - R, y: H - 3, "text-anchor": "end" }, "now"));
    const xy = points.map((p) => [x(p.t), y(p.v)]);
    if (xy.length > 1) {
      const line = xy.map(([a, b], i) => `${i ? "L" : "M"}${a.toFixed(1)},${b.toFixed(1)}`).join("");
      svg.append(el("path", { class: `area ${status}`, d: `${line}L${xy[xy.length - 1][0].toFixed(1)},${y(0)}L${xy[0][0].toFixed(1)},${y(0)}Z` }),
        el("path", { class: `line ${status}`, d: line }));
    }
    const [lx, ly] = xy[xy.length - 1];
    svg.append(el("circle", { class: status, cx: lx, cy: ly, r: 3 }));
    return svg;
  }

  /** Vertical axis with a few ticks and grid lines from 0 to max. */
  function yAxis(svg, max, x0, x1, y, format) {
    for (let i = 0; i <= 4; i++) {
      const v = (max * i) / 4;
      svg.append(el("line", { class: i ? "grid" : "axis", x1: x0, x2: x1, y1: y(v), y2: y(v) }),
        el("text", { x: x0 - 5, y: y(v) + 4, "text-anchor": "end" }, format(v)));
    }
  }

  const TICKS = [0.1, 0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 28800, 86400, 172800,
    604800, 2592000];

  /**
   * Counts per duration bucket on a logarithmic time axis. bounds[i] is the upper bound (seconds) of bucket i, which
   * starts at the bound before it; a series may carry one count more than there are bounds: the open bucket above the
   * last one. Each bucket is as wide as its span on the log axis and holds one bar per series side by side. Empty
   * buckets at both ends are left out; ticks at round durations. series: [{name, counts, cls}].
   */
  function histogram(bounds, series, label) {
    const n = Math.max(...series.map((s) => s.counts.length), bounds.length);
    const W = 560, H = 230, L = 44, R = 10, T = 10, B = 40;
    const svg = root(W, H, label);
    const step = (i) => (bounds.length > 1 ? bounds[Math.min(Math.max(i, 1), bounds.length - 1)] / bounds[Math.min(Math.max(i, 1), bounds.length - 1) - 1] : 2);
    const lo = (i) => (i === 0 ? bounds[0] / step(1) : bounds[Math.min(i, bounds.length) - 1]);
    const hi = (i) => (i < bounds.length ? bounds[i] : bounds[bounds.length - 1] * step(bounds.length - 1));
    const filled = (i) => series.some((s) => (s.counts[i] || 0) > 0);
    let first = 0, last = n - 1;
    while (first < last && !filled(first)) first++;
    while (last > first && !filled(last)) last--;
    const a = Math.log(lo(first)), b = Math.log(hi(last));
    const x = (sec) => L + ((Math.log(sec) - a) / (b - a)) * (W - L - R);
    const max = niceMax(Math.max(1, ...series.flatMap((s) => s.counts.slice(first, last + 1))));
    const y = (v) => T + (1 - v / max) * (H - T - B);
    yAxis(svg, max, L, W - R, y, compact);
    for (let i = first; i <= last; i++) {
      const x0 = x(lo(i)), w = x(hi(i)) - x0, bar = w / series.length;
      const span = i < bounds.length ? `${bound(lo(i))}–${bound(hi(i))}` : `over ${bound(lo(i))}`;
      series.forEach((s, j) => {
        const v = s.counts[i] || 0;
        if (v === 0) return;
        svg.append(el("rect", { class: s.cls, x: (x0 + j * bar + 0.25).toFixed(2), y: y(v).toFixed(1),
          width: Math.max(0.8, bar - 0.5).toFixed(2), height: (y(0) - y(v)).toFixed(1) }, el("title", {}, `${s.name}, ${span}: ${v}`)));
      });
    }
    let previous = -Infinity;
    for (const t of TICKS) {
      const tx = x(t);
      if (t < lo(first) || t > hi(last) || tx - previous < 38) continue;
      previous = tx;
      svg.append(el("line", { class: "axis", x1: tx, x2: tx, y1: y(0), y2: y(0) + 4 }),
        el("text", { class: "tick", x: tx, y: y(0) + 16, "text-anchor": "middle" }, bound(t)));
    }
    svg.append(el("text", { x: L + (W - L - R) / 2, y: H - 6, "text-anchor": "middle" }, "time since capture (log scale)"),
      el("text", { x: 10, y: T + (H - T - B) / 2, "text-anchor": "middle", transform: `rotate(-90 10 ${T + (H - T - B) / 2})` }, "leads"));
    return svg;
  }

  /**
   * The funnel: one horizontal bar per stage scaled to the first stage, its count at the bar's end, and between
   * two stages the conversion (and days spent) of the step. stages: [{name, count, cls}], steps: [{rate, days}].
   */
  function funnel(stages, steps, label) {
    const W = 560, rowH = 26, gap = 18, L = 110, R = 70, T = 4;
    const H = T + stages.length * rowH + (stages.length - 1) * gap + 4;
    const svg = root(W, H, label);
    const max = Math.max(1, ...stages.map((s) => s.count || 0));
    const width = (v) => Math.max(2, ((v || 0) / max) * (W - L - R));
    stages.forEach((s, i) => {
      const top = T + i * (rowH + gap);
      const w = width(s.count);
      const x = L + (W - L - R - w) / 2;
      svg.append(el("text", { class: "strong", x: L - 10, y: top + rowH / 2 + 4, "text-anchor": "end" }, s.name),
        el("rect", { class: `stage ${s.cls || ""}`, x: x.toFixed(1), y: top, width: w.toFixed(1), height: rowH, rx: 3,
          opacity: (1 - i * 0.09).toFixed(2) }),
        el("text", { class: "value", x: W - R + 8, y: top + rowH / 2 + 4 }, compact(s.count || 0)));
      if (i < steps.length && i < stages.length - 1) {
        const st = steps[i];
        const rate = st.rate === null || st.rate === undefined ? "–" : `${(st.rate * 100).toFixed(1)}%`;
        const days = st.days === null || st.days === undefined ? "" : ` · ${st.days.toFixed(1)} d`;
        svg.append(el("text", { x: L + (W - L - R) / 2, y: top + rowH + gap / 2 + 4, "text-anchor": "middle" }, `↓ ${rate}${days}`));
      }
    });
    return svg;
  }

  /** One pool's SDRs as horizontal bars of their share, with the even share (1/n) as a dashed line. */
  function fairness(sdrs, label) {
    const W = 560, rowH = 18, gap = 6, L = 110, R = 90, T = 16, B = 4;
    const H = T + sdrs.length * (rowH + gap) + B;
    const svg = root(W, H, label);
    const even = sdrs.length ? 1 / sdrs.length : 0;
    const max = Math.min(1, Math.max(even * 1.5, ...sdrs.map((s) => s.share || 0)) * 1.1);
    const x = (v) => L + (v / max) * (W - L - R);
    svg.append(el("line", { class: "axis", x1: L, x2: L, y1: T - 4, y2: H - B }));
    sdrs.forEach((s, i) => {
      const top = T + i * (rowH + gap);
      const over = even > 0 && s.share > even * 1.2;
      svg.append(el("text", { class: "strong", x: L - 8, y: top + rowH / 2 + 4, "text-anchor": "end" }, s.sdrId),
        el("rect", { class: `share${over ? " over" : ""}`, x: L, y: top, width: Math.max(1, x(s.share || 0) - L).toFixed(1), height: rowH, rx: 2 },
          el("title", {}, `${s.sdrId}: ${s.leads} leads, ${(100 * (s.share || 0)).toFixed(1)}%`)),
        el("text", { class: "value", x: W - R + 10, y: top + rowH / 2 + 4 }, `${(100 * (s.share || 0)).toFixed(1)}% · ${s.leads}`));
    });
    if (even > 0) {
      svg.append(el("line", { class: "even", x1: x(even), x2: x(even), y1: T - 6, y2: H - B }),
        el("text", { x: x(even), y: T - 8, "text-anchor": "middle" }, `even ${(100 * even).toFixed(1)}%`));
    }
    return svg;
  }

  function clockTime(ms, span) {
    const d = new Date(ms);
    if (span > 2 * 86400000) return d.toLocaleDateString([], { month: "short", day: "numeric" });
    if (span > 3600000) return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });
  }

  /**
   * A lead's clocks on one time axis, one row each: the allowed time (start to deadline) as a pale bar, the
   * clock's life in its state's colour, the overrun past the deadline in red, the at-risk warning as an amber
   * tick, the deadline as a dark tick, the breach as a red dot.
   */
  function timeline(clocks, capturedAt, now, label) {
    const ms = (iso) => (iso ? Date.parse(iso) : null);
    const ends = clocks.map((c) => ms(c.stoppedAt) || (c.state === "RUNNING" || (c.state === "BREACHED" && !c.stoppedAt) ? now : ms(c.dueAt)));
    const times = [ms(capturedAt), ...clocks.flatMap((c) => [ms(c.startedAt), ms(c.dueAt), ms(c.breachedAt)]), ...ends].filter((t) => t);
    let t0 = Math.min(...times), t1 = Math.max(...times);
    if (!(t1 > t0)) t1 = t0 + 60000;
    const pad = (t1 - t0) * 0.04;
    t0 -= pad; t1 += pad;
    const W = 560, rowH = 16, gap = 12, L = 120, R = 12, T = 6, B = 26;
    const H = T + clocks.length * (rowH + gap) + B;
    const svg = root(W, H, label);
    const x = (t) => L + ((t - t0) / (t1 - t0)) * (W - L - R);
    const axisY = H - B + 4;
    for (let i = 0; i <= 4; i++) {
      const t = t0 + ((t1 - t0) * i) / 4;
      svg.append(el("line", { class: "grid", x1: x(t), x2: x(t), y1: T, y2: axisY }),
        el("text", { x: x(t), y: axisY + 14, "text-anchor": i === 0 ? "start" : i === 4 ? "end" : "middle" }, clockTime(t, t1 - t0)));
    }
    svg.append(el("line", { class: "axis", x1: L, x2: W - R, y1: axisY, y2: axisY }));
    if (now >= t0 && now <= t1) svg.append(el("line", { class: "now", x1: x(now), x2: x(now), y1: T, y2: axisY }));
    clocks.forEach((c, i) => {
      const top = T + i * (rowH + gap), mid = top + rowH / 2;
      const start = ms(c.startedAt), due = ms(c.dueAt), end = ends[i];
      const row = el("g", { class: "clock", "data-state": c.state },
        el("title", {}, `${c.kind} #${c.attempt} (${c.sdrId}): ${c.state}`),
        el("text", { class: "strong", x: 0, y: mid + 4 }, `#${c.attempt} ${c.kind}`),
        el("rect", { class: "allowed", x: x(start), y: top, width: Math.max(1, x(due) - x(start)), height: rowH, rx: 2 }),
        el("rect", { class: `bar-${c.state}`, x: x(start), y: top + 4, width: Math.max(1, x(Math.min(end, due)) - x(start)), height: rowH - 8, rx: 2 }));
      if (end > due && c.state !== "CANCELLED") {
        row.append(el("rect", { class: "late", x: x(due), y: top + 4, width: Math.max(1, x(end) - x(due)), height: rowH - 8, rx: 2 }));
      }
      if (c.atRiskSentAt || c.atRiskAt) {
        const r = ms(c.atRiskSentAt || c.atRiskAt);
        row.append(el("line", { class: "risk", x1: x(r), x2: x(r), y1: top - 2, y2: top + rowH + 2 }));
      }
      row.append(el("line", { class: "due", x1: x(due), x2: x(due), y1: top - 3, y2: top + rowH + 3 }));
      if (c.breachedAt) row.append(el("circle", { class: "breach", cx: x(ms(c.breachedAt)), cy: mid, r: 5 }));
      svg.append(row);
    });
    return svg;
  }

  return { el, niceMax, compact, duration, sparkline, histogram, funnel, fairness, timeline };
})();
