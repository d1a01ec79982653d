/*
 * The RevOps cockpit: polls sla-service's ops endpoints every 2 s and the KPI endpoints every 10 s (never two
 * requests of one loop at a time), and redraws tiles, tables and the SVG charts of charts.js in place.
 */
"use strict";
(() => {
  const FAST_MS = 2000, KPI_MS = 10000, REQUEST_TIMEOUT_MS = 8000, SPARK_SAMPLES = 40;
  const $ = (id) => document.getElementById(id);
  const { compact, duration } = Charts;

  // The token arrives in the fragment (never sent to a server); kept for this tab only, so a reload still works.
  const token = new URLSearchParams(location.hash.slice(1)).get("token") || sessionStorage.getItem("leadflow.token");

  const state = {
    lagHistory: new Map(),   // group -> [{t, v}] lag in records per sample, oldest first
    lastLagSample: null,     // measuredAt of the last sample added to the history
    errors: new Map(),       // endpoint name -> ApiError of its last call
    trace: null,             // lead id shown in the side panel
    traceJson: null,
    funnel: null,
  };

  // ---------------------------------------------------------------- small DOM helpers

  function h(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "text") node.textContent = v;
      else node.setAttribute(k, v);
    }
    for (const c of children.flat()) {
      if (c !== null && c !== undefined) node.append(c);
    }
    return node;
  }

  function emptyRow(columns, text, cls) {
    return h("tr", {}, h("td", { class: cls || "empty", colspan: columns, text }));
  }

  function setText(node, text, cls) {
    if (node.textContent !== text) node.textContent = text;
    if (cls !== undefined && node.className !== cls) node.className = cls;
  }

  /**
   * Updates a table body in place, row by row keyed by key(item): rows keep their identity across polls, so a link
   * the user is about to click is not swapped from under the pointer.
   */
  function syncRows(tbody, items, key, columns) {
    const old = new Map([...tbody.rows].filter((r) => r.dataset.key).map((r) => [r.dataset.key, r]));
    const rows = items.map((item) => {
      let tr = old.get(key(item));
      if (!tr) {
        tr = h("tr", { "data-key": key(item) }, columns.map(() => h("td")));
      }
      columns.forEach((fill, i) => fill(tr.cells[i], item, tr));
      return tr;
    });
    if (rows.length !== tbody.rows.length || rows.some((r, i) => tbody.rows[i] !== r)) tbody.replaceChildren(...rows);
  }

  const pad2 = (n) => String(n).padStart(2, "0");
  function when(iso) {
    if (!iso) return "–";
    const d = new Date(iso);
    const today = new Date().toDateString() === d.toDateString();
    return today ? d.toLocaleTimeString() : d.toLocaleDateString([], { month: "short", day: "numeric" }) + " " +
      d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
  }
  const pct = (v) => (v === null || v === undefined ? "–" : `${(v * 100).toFixed(1)}%`);
  const num = (v) => (v === null || v === undefined ? "–" : Number(v).toLocaleString());

  // ---------------------------------------------------------------- HTTP

  class ApiError extends Error {
    constructor(status, message) {
      super(message);
      this.status = status;
    }
    get refused() {
      return this.status === 401 || this.status === 403;
    }
  }

  async function api(path) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), REQUEST_TIMEOUT_MS);
    let response;
    try {
      response = await fetch(path, { headers: { Authorization: "Bearer " + token, Accept: "application/json" },
        cache: "no-store", signal: abort.signal });
    } catch (e) {
      throw new ApiError(0, abort.signal.aborted ? "no answer within " + REQUEST_TIMEOUT_MS / 1000 + " s" : "the service cannot be reached");
    } finally {
      clearTimeout(timer);
    }
    if (response.status === 401) {
      sessionStorage.removeItem("leadflow.token");
      throw new ApiError(401, "token refused (401): it is missing, expired or not signed by Leadflow; open the page with a fresh #token=…");
    }
    if (response.status === 403) {
      throw new ApiError(403, "token refused (403): this token may not read RevOps data; use a revops or admin token");
    }
    if (!response.ok) {
      let detail = response.statusText;
      try { detail = (await response.json()).detail || detail; } catch (ignored) { /* not a problem body */ }
      throw new ApiError(response.status, `${response.status} ${detail}`.trim());
    }
    return response.json();
  }

  /** Calls each endpoint at once; records each failure under its name for the banner. Resolves to value or null. */
  async function load(calls) {
    const names = Object.keys(calls);
    const results = await Promise.allSettled(names.map((n) => api(calls[n])));
    const out = {};
    results.forEach((r, i) => {
      out[names[i]] = r.status === "fulfilled" ? r.value : null;
      if (r.status === "fulfilled") state.errors.delete(names[i]);
      else state.errors.set(names[i], r.reason instanceof ApiError ? r.reason : new ApiError(0, String(r.reason)));
    });
    return out;
  }

  function showBanner() {
    const banner = $("banner");
    const errors = [...state.errors.entries()];
    const refused = errors.find(([, e]) => e.refused);
    // KPI endpoints may not exist yet: their cards say so; only a refused token puts them in the banner.
    const core = errors.filter(([name]) => !name.startsWith("kpi"));
    let text = null;
    if (!token) text = "No token: open this page as dashboard.html#token=<revops or admin JWT>.";
    else if (refused) text = "T" + refused[1].message.slice(1);
    else if (core.length) text = core.map(([name, e]) => `${name}: ${e.message}`).join(" · ");
    banner.hidden = !text;
    banner.classList.toggle("refused", !!refused);
    if (text) setText(banner, text);
    const status = $("status");
    if (text && (refused || core.length || !token)) {
      setText(status, refused || !token ? "not authorised" : "updated " + new Date().toLocaleTimeString() + " (partly)", "status down");
    } else {
      setText(status, "updated " + new Date().toLocaleTimeString() + " · every 2 s", "status live");
    }
  }

  // ---------------------------------------------------------------- pipeline health

  const SEVERITY = { STALLED: 0, LAGGING: 1, OK: 2 };

  function renderLag(report) {
    if (report.measuredAt !== state.lastLagSample) {
      state.lastLagSample = report.measuredAt;
      const t = Date.parse(report.measuredAt) || Date.now();
      const seen = new Set();
      for (const g of report.groups) {
        seen.add(g.group);
        const hist = state.lagHistory.get(g.group) || [];
        hist.push({ t, v: g.lag });
        if (hist.length > SPARK_SAMPLES) hist.shift();
        state.lagHistory.set(g.group, hist);
      }
      for (const g of [...state.lagHistory.keys()]) if (!seen.has(g)) state.lagHistory.delete(g);
    }
    const box = $("lag-tiles");
    if (report.groups.length === 0) {
      box.replaceChildren(h("p", { class: "empty", text: "no data yet: no consumer group has committed offsets" }));
      return;
    }
    const groups = [...report.groups].sort((a, b) => (SEVERITY[a.status] ?? 3) - (SEVERITY[b.status] ?? 3) || a.group.localeCompare(b.group));
    box.replaceChildren(...groups.map((g) => {
      const partitions = g.topics.reduce((n, t) => n + t.partitions.length, 0);
      return h("div", { class: `tile ${g.status}`, "data-group": g.group },
        h("div", { class: "name" }, h("span", { text: g.group, title: g.group }), h("span", { class: `pill ${g.status}`, text: g.status })),
        h("div", { class: "figures" },
          h("div", {}, h("b", { text: compact(g.lag) }), h("span", { text: "records behind" })),
          h("div", {}, h("b", { text: g.lagSeconds === null || g.lagSeconds === undefined ? "?" : duration(g.lagSeconds) }),
            h("span", { text: g.lagSeconds === null || g.lagSeconds === undefined ? "age unknown" : "oldest unread" }))),
        Charts.sparkline(state.lagHistory.get(g.group) || [], g.status, `lag of ${g.group} in records`),
        h("div", { class: "topics", title: g.topics.map((t) => t.topic).join(", "),
          text: `${g.topics.map((t) => t.topic).join(", ")} · ${partitions} partition${partitions === 1 ? "" : "s"}` }));
    }));
  }

  function renderDlq(report) {
    const box = $("dlq-tiles");
    const waiting = report.topics.filter((t) => t.depth > 0).length;
    setText($("dlq-total"), `· ${report.topics.length} topics · ${num(report.depth)} record${report.depth === 1 ? "" : "s"} waiting` +
      (waiting ? ` in ${waiting}` : ""));
    if (report.topics.length === 0) {
      box.replaceChildren(h("p", { class: "empty", text: "no data yet: no dead-letter topic exists" }));
      return;
    }
    const topics = [...report.topics].sort((a, b) => b.depth - a.depth || a.topic.localeCompare(b.topic));
    box.replaceChildren(...topics.map((t) => h("div", { class: `tile dlq${t.depth > 0 ? " nonzero" : ""}`, "data-topic": t.topic },
      h("b", { text: num(t.depth) }), h("span", { class: "topic", text: t.topic }))));
  }

  // ---------------------------------------------------------------- SLA tables

  const leadCell = (td, item, tr) => {
    let a = td.firstElementChild;
    if (!a) {
      a = h("a", { class: "lead", href: "#lead=" + item.leadId, "data-lead-id": item.leadId, title: "open the trace of " + item.leadId,
        text: item.leadId.slice(0, 8) + "…" });
      td.append(a);
    }
    tr.classList.toggle("selected", item.leadId === state.trace);
  };
  const textCell = (f, cls) => (td, item) => setText(td, f(item), typeof cls === "function" ? cls(item) : cls || "");

  function renderBreaches(body) {
    const list = body.breaches;
    setText($("breach-count"), String(list.length));
    setText($("breach-open"), String(list.filter((b) => !b.touchedAt).length));
    const tbody = $("breach-rows");
    if (list.length === 0) {
      tbody.replaceChildren(emptyRow(7, "No SLA breaches. Every clock so far was met or is still running."));
      return;
    }
    syncRows(tbody, list, (b) => b.clockId, [
      leadCell, textCell((b) => b.sdrId || "–"), textCell((b) => b.poolId || "–"), textCell((b) => b.policyId || "–"),
      textCell((b) => `${b.kind} #${b.attempt}`), textCell((b) => when(b.dueAt)),
      textCell((b) => b.minutesLate.toFixed(1), (b) => (b.touchedAt ? "num warn" : "num bad"))]);
  }

  function renderAtRisk(body) {
    const list = body.clocks;
    setText($("risk-count"), String(list.length));
    setText($("risk-next"), list.length ? duration(list[0].minutesLeft * 60) : "–");
    const tbody = $("risk-rows");
    if (list.length === 0) {
      tbody.replaceChildren(emptyRow(7, "No lead at risk right now."));
      return;
    }
    syncRows(tbody, list, (c) => c.clockId, [
      leadCell, textCell((c) => c.sdrId || "–"), textCell((c) => c.poolId || "–"), textCell((c) => c.policyId || "–"),
      textCell((c) => `${c.kind} #${c.attempt}`), textCell((c) => when(c.dueAt)),
      textCell((c) => c.minutesLeft.toFixed(1), (c) => (c.minutesLeft < 1 ? "num bad" : "num warn"))]);
  }

  /** Why an endpoint's data is missing, in a few words (the banner has the details). */
  function reason(name) {
    const e = state.errors.get(name);
    if (!e) return "not available";
    if (e.refused) return "not available: token refused";
    if (e.status === 404) return "not available: this sla-service does not serve it yet";
    return `not available (${e.message})`;
  }

  function unavailable(tbody, columns, name) {
    if (!tbody.querySelector("tr[data-key]")) tbody.replaceChildren(emptyRow(columns, reason(name)));
  }

  // ---------------------------------------------------------------- lead trace panel

  function copyField(label, value) {
    const input = h("input", { readonly: "", value, "aria-label": label });
    const button = h("button", { type: "button", class: "ghost", text: "copy" });
    button.addEventListener("click", async () => {
      input.select();
      try { await navigator.clipboard.writeText(value); } catch (e) { document.execCommand("copy"); }
      button.textContent = "copied";
      setTimeout(() => { button.textContent = "copy"; }, 1500);
    });
    return h("div", { class: "copy" }, h("label", { text: label }), input, button);
  }

  function openTrace(leadId) {
    state.trace = leadId;
    state.traceJson = null;
    $("trace").hidden = false;
    setText($("trace-title"), "Lead " + leadId.slice(0, 8) + "…");
    $("trace-body").replaceChildren(h("p", { class: "empty", text: "loading the trace…" }));
    document.querySelectorAll("tr[data-key]").forEach((tr) => tr.classList.toggle("selected",
      tr.querySelector(`a[data-lead-id='${leadId}']`) !== null));
    refreshTrace();
  }

  async function refreshTrace() {
    const leadId = state.trace;
    if (!leadId) return;
    try {
      const trace = await api(`/api/v1/ops/leads/${encodeURIComponent(leadId)}/trace`);
      const json = JSON.stringify(trace);
      if (state.trace === leadId && json !== state.traceJson) {
        state.traceJson = json;
        renderTrace(trace);
      }
    } catch (e) {
      if (state.trace === leadId && !state.traceJson) {
        $("trace-body").replaceChildren(h("p", { class: "unavailable",
          text: e.status === 404 ? "sla-service has no record of this lead (never assigned, or erased)." : "The trace could not be loaded: " + e.message }));
      }
    }
  }

  function renderTrace(t) {
    const routingUrl = `${location.protocol}//${location.hostname}:8084/api/v1/leads/${t.leadId}/routing`;
    const facts = Object.entries(t.facts || {}).filter(([, v]) => v !== null && v !== "");
    const row = (k, v) => [h("dt", { text: k }), h("dd", {}, v)];
    const clocks = t.clocks || [];
    $("trace-body").replaceChildren(
      copyField("lead id", t.leadId),
      copyField("routing decision", routingUrl),
      h("p", { class: "hint muted", text: "The routing decision lives in routing-service (port 8084): call it there with your token." }),
      h("dl", { class: "facts" },
        row("policy", `${t.policyId || "–"} (set ${t.policyVersion || "–"})`),
        row("holder", `${t.sdrId || "–"} · pool ${t.poolId || "–"}`),
        row("captured", when(t.capturedAt)), row("assigned", when(t.assignedAt)), row("accepted", when(t.acceptedAt)),
        row("first touch", t.firstTouchAt ? `${when(t.firstTouchAt)} (${duration((Date.parse(t.firstTouchAt) - Date.parse(t.capturedAt)) / 1000)} after capture)` : "not yet"),
        row("attempts", String(t.attempts)), row("contacted", when(t.contactedAt)),
        row("closed", t.closedAt ? `${when(t.closedAt)} (${t.closeReason || "–"})` : "open"),
        row("facts", h("span", { class: "chips" }, facts.length ? facts.map(([k, v]) => h("span", { text: `${k}: ${v}` })) : "–"))),
      h("h3", { text: "Clocks" }),
      clocks.length ? Charts.timeline(clocks, t.capturedAt, Date.now(), "the lead's SLA clocks over time")
        : h("p", { class: "empty", text: "no clock yet" }),
      h("div", { class: "legend" },
        h("span", {}, h("i", { style: "background:#dfe6f3" }), "allowed time"),
        h("span", {}, h("i", { style: "background:var(--ok)" }), "met"),
        h("span", {}, h("i", { style: "background:var(--accent)" }), "running"),
        h("span", {}, h("i", { style: "background:var(--bad)" }), "past the deadline"),
        h("span", {}, h("i", { style: "background:var(--warn);width:3px" }), "at-risk warning"),
        h("span", {}, h("i", { style: "background:var(--ink);width:2px" }), "deadline")),
      h("div", { class: "scroll" }, h("table", { id: "trace-clocks" },
        h("thead", {}, h("tr", {}, ["clock", "SDR", "state", "started", "due", "stopped / breached"].map((c) => h("th", { text: c })))),
        h("tbody", {}, clocks.map((c) => h("tr", { "data-state": c.state },
          h("td", { text: `${c.kind} #${c.attempt}` }), h("td", { text: c.sdrId || "–" }),
          h("td", {}, h("span", { class: `pill ${c.state}`, text: c.state })),
          h("td", { text: when(c.startedAt) }), h("td", { text: when(c.dueAt) }),
          h("td", { text: c.breachedAt ? `breach #${c.breachNumber} at ${when(c.breachedAt)}` + (c.stoppedAt ? `, ${c.stopReason} ${when(c.stoppedAt)}` : "")
            : c.stoppedAt ? `${c.stopReason || "stopped"} ${when(c.stoppedAt)}` : "–" })))))));
  }

  function closeTrace() {
    state.trace = null;
    state.traceJson = null;
    $("trace").hidden = true;
    document.querySelectorAll("tr.selected").forEach((tr) => tr.classList.remove("selected"));
  }

  // ---------------------------------------------------------------- KPIs

  function month(d) {
    return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}`;
  }

  function range() {
    return `from=${encodeURIComponent($("range-from").value)}&to=${encodeURIComponent($("range-to").value)}`;
  }

  function kpiUnavailable(box, name) {
    box.replaceChildren(h("p", { class: "unavailable", text: reason(name) }));
  }

  function renderSpeed(body, by) {
    const chart = $("speed-chart");
    const hist = body.histogram;
    const total = hist ? [...(hist.firstTouch || []), ...(hist.assigned || [])].reduce((a, b) => a + b, 0) : 0;
    if (!hist || !hist.bounds || total === 0) {
      chart.replaceChildren(h("p", { class: "empty", text: "no data yet: no lead captured in these months" }));
    } else {
      chart.replaceChildren(
        Charts.histogram(hist.bounds, [
          { name: "first touch", counts: hist.firstTouch || [], cls: "s-firstTouch" },
          { name: "assigned", counts: hist.assigned || [], cls: "s-assigned" }], "speed to lead distribution"),
        h("div", { class: "legend" },
          h("span", {}, h("i", { style: "background:var(--accent)" }), "capture → first touch"),
          h("span", {}, h("i", { style: "background:var(--accent-2)" }), "capture → assigned")));
    }
    setText($("speed-key"), { all: "leads", source: "source", campaign: "campaign", team: "team", sdr: "SDR" }[by] || by);
    const tbody = $("speed-rows");
    if (!body.groups || body.groups.length === 0) {
      tbody.replaceChildren(emptyRow(8, "no data yet"));
      return;
    }
    const attainmentClass = (a) => (a === null || a === undefined ? "num muted" : a >= 0.9 ? "num ok" : a >= 0.75 ? "num warn" : "num bad");
    syncRows(tbody, body.groups, (g) => `${by}:${g.key}`, [
      textCell((g) => g.key ?? "(none)"), textCell((g) => num(g.leads), "num"),
      textCell((g) => duration(g.firstTouch?.p50), "num"), textCell((g) => duration(g.firstTouch?.p90), "num"),
      textCell((g) => duration(g.firstTouch?.p99), "num"), textCell((g) => duration(g.assigned?.p50), "num"),
      textCell((g) => duration(g.assigned?.p90), "num"),
      (td, g) => {
        setText(td, pct(g.sla?.attainment), attainmentClass(g.sla?.attainment));
        td.title = `${g.sla?.met ?? 0} met, ${g.sla?.breached ?? 0} breached`;
      }]);
  }

  const STAGES = [["inquiries", "Inquiries"], ["mql", "MQL"], ["sal", "SAL (accepted)"], ["sql", "SQL"],
    ["opportunities", "Opportunities"], ["won", "Won"]];
  const STEPS = [["inquiryToMql", "inquiryToMql"], ["mqlToSal", "mqlToSal"], ["salToSql", "salToSql"],
    ["sqlToOpportunity", "sqlToOpportunity"], ["opportunityToWon", "opportunityToClose"]];

  function renderFunnel(body) {
    state.funnel = body;
    const select = $("funnel-key");
    const keys = (body.groups || []).map((g) => g.key ?? "(none)");
    const chosen = keys.includes(select.value) ? select.value : keys[0];
    if ([...select.options].map((o) => o.value).join("\n") !== keys.join("\n")) {
      select.replaceChildren(...keys.map((k) => h("option", { value: k, text: k })));
    }
    select.value = chosen ?? "";
    select.hidden = keys.length <= 1;
    drawFunnel();
  }

  function drawFunnel() {
    const box = $("funnel-chart");
    const body = state.funnel;
    const group = body && (body.groups || []).find((g) => (g.key ?? "(none)") === $("funnel-key").value);
    if (!group || !group.inquiries) {
      box.replaceChildren(h("p", { class: "empty", text: "no data yet: no inquiry in these months" }));
      return;
    }
    const stages = STAGES.map(([k, name]) => ({ name, count: group[k], cls: k === "won" ? "won" : "" }));
    const steps = STEPS.map(([rate, days]) => ({ rate: group.rates?.[rate], days: group.velocityDays?.[days] }));
    box.replaceChildren(Charts.funnel(stages, steps, `funnel of ${group.key}`),
      h("div", { class: "funnel-foot" },
        h("span", {}, "lost ", h("b", { text: num(group.lost) })),
        h("span", {}, "recycled ", h("b", { text: num(group.recycled) })),
        h("span", {}, "won amount ", h("b", { text: group.wonAmount === null || group.wonAmount === undefined ? "–" : Number(group.wonAmount).toLocaleString() })),
        h("span", {}, "inquiry → won ", h("b", { text: pct(group.inquiries ? group.won / group.inquiries : null) }))));
  }

  function renderFairness(body) {
    const box = $("fairness-chart");
    const pools = body.pools || [];
    if (pools.length === 0) {
      box.replaceChildren(h("p", { class: "empty", text: "no data yet: no lead assigned in these months" }));
      return;
    }
    box.replaceChildren(...pools.map((p) => {
      const over = p.maxShareOverEven;
      const cls = over === null || over === undefined ? "muted" : over <= 1.2 ? "ok" : over <= 1.5 ? "warn" : "bad";
      const sdrs = [...(p.sdrs || [])].sort((a, b) => b.share - a.share || a.sdrId.localeCompare(b.sdrId));
      return h("div", { class: "pool", "data-pool": p.pool },
        h("h4", {}, p.pool, h("span", { text: `${num(p.leads)} leads · ${sdrs.length} SDRs` }),
          h("span", { class: cls, text: over === null || over === undefined ? "" : `top share ${over.toFixed(2)}× even` })),
        sdrs.length ? Charts.fairness(sdrs, `shares of pool ${p.pool}`) : h("p", { class: "empty", text: "no SDR took a lead" }));
    }));
  }

  // ---------------------------------------------------------------- the loops

  /** Runs fn now and then every ms after it finished; a run asked for while one is going happens right after it. */
  function poller(fn, ms) {
    let timer = null, running = false, again = false;
    async function run() {
      if (running) { again = true; return; }
      clearTimeout(timer);
      running = true;
      try { await fn(); } catch (e) { console.error(e); }
      running = false;
      if (again) { again = false; run(); return; }
      timer = setTimeout(run, ms);
    }
    return { run };
  }

  const fast = poller(async () => {
    const r = await load({ lag: "/api/v1/ops/lag", dlq: "/api/v1/ops/dlq", breaches: "/api/v1/ops/breaches?limit=50",
      "at-risk": "/api/v1/ops/at-risk?limit=50" });
    if (r.lag) renderLag(r.lag);
    else if (!$("lag-tiles").querySelector(".tile")) $("lag-tiles").replaceChildren(h("p", { class: "unavailable", text: reason("lag") }));
    if (r.dlq) renderDlq(r.dlq);
    else if (!$("dlq-tiles").querySelector(".tile")) $("dlq-tiles").replaceChildren(h("p", { class: "unavailable", text: reason("dlq") }));
    if (r.breaches) renderBreaches(r.breaches); else unavailable($("breach-rows"), 7, "breaches");
    if (r["at-risk"]) renderAtRisk(r["at-risk"]); else unavailable($("risk-rows"), 7, "at-risk");
    await refreshTrace();
    showBanner();
  }, FAST_MS);

  const kpis = poller(async () => {
    const by = $("speed-by").value, funnelBy = $("funnel-by").value;
    const r = await load({ "kpi speed": `/api/v1/kpi/speed?${range()}&by=${by}`,
      "kpi funnel": `/api/v1/kpi/funnel?${range()}&by=${funnelBy}`, "kpi fairness": `/api/v1/kpi/fairness?${range()}` });
    if (r["kpi speed"]) renderSpeed(r["kpi speed"], by);
    else {
      kpiUnavailable($("speed-chart"), "kpi speed");
      $("speed-rows").replaceChildren(emptyRow(8, reason("kpi speed")));
    }
    if (r["kpi funnel"]) renderFunnel(r["kpi funnel"]); else { state.funnel = null; kpiUnavailable($("funnel-chart"), "kpi funnel"); }
    if (r["kpi fairness"]) renderFairness(r["kpi fairness"]); else kpiUnavailable($("fairness-chart"), "kpi fairness");
    showBanner();
  }, KPI_MS);

  // ---------------------------------------------------------------- wiring

  const now = month(new Date());
  $("range-from").value = now;
  $("range-to").value = now;
  $("range-from").max = now;
  $("range-to").max = now;
  for (const id of ["range-from", "range-to"]) {
    $(id).addEventListener("change", (e) => {
      const from = $("range-from"), to = $("range-to");
      if (!from.value) from.value = now;
      if (!to.value) to.value = now;
      if (from.value > to.value) (e.target === from ? to : from).value = e.target.value;
      if (token) kpis.run();
    });
  }
  $("speed-by").addEventListener("change", () => token && kpis.run());
  $("funnel-by").addEventListener("change", () => token && kpis.run());
  $("funnel-key").addEventListener("change", drawFunnel);
  $("trace-close").addEventListener("click", closeTrace);
  document.addEventListener("keydown", (e) => { if (e.key === "Escape" && state.trace) closeTrace(); });
  document.addEventListener("click", (e) => {
    const a = e.target.closest("a.lead[data-lead-id]");
    if (!a) return;
    e.preventDefault();
    openTrace(a.dataset.leadId);
  });

  if (!token) {
    for (const id of ["lag-tiles", "dlq-tiles", "speed-chart", "funnel-chart", "fairness-chart"]) {
      $(id).replaceChildren(h("p", { class: "empty", text: "waiting for a token" }));
    }
    showBanner();
  } else {
    // Keep the token out of the address bar and history of shared screens.
    sessionStorage.setItem("leadflow.token", token);
    history.replaceState(null, "", location.pathname + location.search);
    fast.run();
    kpis.run();
  }
})();
