/*! Leadflow capture snippet: wires form[data-leadflow] to capture-service. No dependencies. */
(() => {
  'use strict';
  const script = document.currentScript;
  // The API lives where this script was served from, so a page on any origin posts to capture-service.
  const base = (script && script.dataset.apiBase) || new URL('.', (script && script.src) || location.href).href;
  // A form's own address: capture applies that form's rules, and lets only its allowed origins read the answer (CORS).
  const apiUrl = formId => new URL(formId ? `api/v1/forms/${encodeURIComponent(formId)}/submissions` : 'api/v1/leads', base).href;
  const defaultFormId = script && script.dataset.formId;
  const FIELDS = ['email', 'firstName', 'lastName', 'company', 'jobTitle', 'phone', 'country', 'message',
    'state', 'website', 'industry', 'employees', 'revenue'];
  const UTM = ['source', 'medium', 'campaign', 'term', 'content'];
  const UTM_MAX_AGE_MS = 90 * 24 * 3600 * 1000;

  // localStorage may be blocked (privacy modes, sandboxed frames): fall back to this page's memory.
  const memory = {};
  const store = {
    get(key) {
      try { return localStorage.getItem('leadflow.' + key); } catch (e) { return memory[key] ?? null; }
    },
    set(key, value) {
      try { localStorage.setItem('leadflow.' + key, value); } catch (e) { memory[key] = value; }
    }
  };

  // randomUUID needs a secure context (https, localhost); getRandomValues works everywhere fetch does.
  const uuid = () => crypto.randomUUID ? crypto.randomUUID()
    : Array.from(crypto.getRandomValues(new Uint8Array(16)), b => b.toString(16).padStart(2, '0')).join('');
  const once = (key, make) => store.get(key) || (store.set(key, make()), store.get(key));

  // Attribution: first touch wins while it is fresh, so a visitor who browses before submitting keeps it.
  const firstSeenAt = once('firstSeenAt', () => new Date().toISOString());
  const visitorId = once('visitorId', uuid);
  const utm = (() => {
    const params = new URLSearchParams(location.search);
    const fromUrl = {};
    UTM.forEach(k => { const v = params.get('utm_' + k); if (v) fromUrl[k] = v; });
    let kept = null;
    try { kept = JSON.parse(store.get('utm') || 'null'); } catch (e) { /* unreadable: replaced below */ }
    if (kept && kept.utm && Date.now() - kept.at < UTM_MAX_AGE_MS) return kept.utm;
    if (Object.keys(fromUrl).length === 0) return null;
    store.set('utm', JSON.stringify({ at: Date.now(), utm: fromUrl }));
    return fromUrl;
  })();

  const event = (form, name, detail) =>
    form.dispatchEvent(new CustomEvent('leadflow:' + name, { bubbles: true, detail }));

  function honeypot(form) {
    const box = document.createElement('div');
    box.setAttribute('aria-hidden', 'true');
    box.style.cssText = 'position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden';
    box.innerHTML = '<label>Leave this field empty <input type="text" name="lf_hp" tabindex="-1" autocomplete="off"></label>';
    form.appendChild(box);
    return box.querySelector('input');
  }

  function statusRegion(form) {
    let status = form.querySelector('[data-leadflow-status]');
    if (!status) {
      status = document.createElement('p');
      status.setAttribute('data-leadflow-status', '');
      form.appendChild(status);
    }
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');
    return status;
  }

  // 'consent.text' -> the consent checkbox, 'email' -> the e-mail input; null when the page has no such input.
  const inputFor = (form, field) =>
    form.querySelector(`[name="${CSS.escape(field)}"]`) || form.querySelector(`[name="${CSS.escape(field.split('.')[0])}"]`);

  function clearErrors(form) {
    form.querySelectorAll('[aria-invalid="true"]').forEach(el => el.removeAttribute('aria-invalid'));
    form.querySelectorAll('[data-leadflow-error]').forEach(el => { el.textContent = ''; el.hidden = true; });
  }

  function showFieldError(form, field, reason) {
    const input = inputFor(form, field);
    let slot = form.querySelector(`[data-leadflow-error="${CSS.escape(field)}"]`);
    if (!slot && !input) return false;
    if (!slot) {
      slot = document.createElement('span');
      slot.className = 'leadflow-error';
      slot.setAttribute('data-leadflow-error', field);
      // After the input; after the whole label for a checkbox, whose text follows it.
      const anchor = /checkbox|radio/.test(input.type) && input.closest('label') || input;
      anchor.insertAdjacentElement('afterend', slot);
    }
    slot.id = slot.id || 'leadflow-error-' + uuid();
    slot.textContent = (slot.textContent ? slot.textContent + ' ' : '') + reason;
    slot.hidden = false;
    if (input) {
      input.setAttribute('aria-invalid', 'true');
      const described = (input.getAttribute('aria-describedby') || '').split(' ').filter(Boolean);
      if (!described.includes(slot.id)) input.setAttribute('aria-describedby', described.concat(slot.id).join(' '));
    }
    return true;
  }

  function collect(form, formId, renderedAt, hp) {
    const value = name => {
      const el = form.elements[name];
      return el && typeof el.value === 'string' && el.value.trim() ? el.value.trim() : undefined;
    };
    const body = {};
    FIELDS.forEach(name => { body[name] = value(name); });
    const box = form.elements.consent;
    if (box && box.type === 'checkbox') {
      const label = box.closest('label') || (box.id && form.querySelector(`label[for="${CSS.escape(box.id)}"]`));
      body.consent = {
        marketing: box.checked,
        text: box.dataset.consentText || value('consentText') || (label ? label.textContent.replace(/\s+/g, ' ').trim() : undefined),
        version: box.dataset.consentVersion || value('consentVersion')
      };
    }
    Object.assign(body, {
      utm: utm || undefined, pageUrl: location.href, referrer: document.referrer || undefined, formId,
      hp: hp.value || undefined, renderedAt, firstSeenAt, visitorId
    });
    return body;
  }

  function wire(form) {
    if (form.leadflow) return form.leadflow;
    const formId = form.dataset.leadflowForm || form.dataset.leadflow || defaultFormId || undefined;
    const renderedAt = new Date().toISOString();
    const hp = honeypot(form);
    const status = statusRegion(form);
    let attempt = null; // { body, key }: a retry of the same submission reuses its Idempotency-Key
    let sending = false;

    form.addEventListener('submit', async e => {
      e.preventDefault();
      if (sending) return;
      const body = JSON.stringify(collect(form, formId, renderedAt, hp));
      if (!attempt || attempt.body !== body) attempt = { body, key: uuid() };
      const buttons = form.querySelectorAll('button[type="submit"], button:not([type]), input[type="submit"]');
      sending = true;
      buttons.forEach(b => { b.disabled = true; });
      form.setAttribute('aria-busy', 'true');
      form.classList.remove('leadflow-sent');
      status.textContent = form.dataset.sendingMessage || 'Sending\u2026';
      clearErrors(form);
      let response = null;
      let problem = null;
      try {
        response = await fetch(apiUrl(formId), {
          method: 'POST', body, mode: 'cors', credentials: 'omit',
          headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'Idempotency-Key': attempt.key }
        });
        const json = await response.json().catch(() => null);
        if (response.ok) {
          attempt = null;
          const detail = { formId, leadId: json && json.leadId };
          event(form, 'success', detail);
          if (form.dataset.redirect) {
            location.assign(form.dataset.redirect);
            return;
          }
          form.reset();
          form.classList.add('leadflow-sent');
          status.textContent = form.dataset.successMessage || 'Thank you! We will be in touch soon.';
          return;
        }
        problem = json || { status: response.status, detail: 'The request failed (' + response.status + ').' };
      } catch (err) {
        problem = { status: 0, detail: form.dataset.networkErrorMessage
            || 'We could not reach the server. Please check your connection and try again.' };
      } finally {
        sending = false;
        buttons.forEach(b => { b.disabled = false; });
        form.removeAttribute('aria-busy');
      }
      const unplaced = (problem.errors || [])
        .filter(err => !(err.field && showFieldError(form, err.field, err.reason)))
        .map(err => (err.field ? err.field + ' ' : '') + err.reason);
      let message = problem.detail || problem.title || 'The request failed.';
      const retryAfter = response && response.headers.get('Retry-After');
      if (response && response.status === 429 && retryAfter) message += ` (about ${retryAfter} s)`;
      status.textContent = [message].concat(unplaced).join(' ');
      const first = form.querySelector('[aria-invalid="true"]');
      if (first) first.focus();
      event(form, 'error', { formId, status: problem.status || (response && response.status) || 0, problem });
    });
    form.leadflow = { formId, renderedAt };
    form.setAttribute('data-leadflow-rendered-at', renderedAt);
    return form.leadflow;
  }

  function wireAll(root) {
    (root || document).querySelectorAll('form[data-leadflow], form[data-leadflow-form]').forEach(wire);
  }

  // Engagement: this page's view and Leadflow.track(...) events, keyed by the visitor id, go in batches to
  // api/v1/engagement as text/plain beacons (no CORS preflight; sendBeacon survives the page closing). No occurredAt:
  // capture stamps the time of receipt, so a browser clock running wrong never loses an event.
  const trackUrl = new URL('api/v1/engagement', base).href;
  const queue = [];
  let flushTimer = null;
  function flush() {
    clearTimeout(flushTimer);
    flushTimer = null;
    while (queue.length) {
      const body = JSON.stringify({ formId: defaultFormId, events: queue.splice(0, 100) });
      let queued = false;
      try { queued = !!(navigator.sendBeacon && navigator.sendBeacon(trackUrl, body)); } catch (e) { /* fetch below */ }
      if (!queued) {
        fetch(trackUrl, { method: 'POST', body, keepalive: true, mode: 'no-cors', credentials: 'omit',
          headers: { 'Content-Type': 'text/plain' } }).catch(() => { /* tracking never disturbs the page */ });
      }
    }
  }
  // type: page_view, pricing_page_visit, email_click, content_download, webinar_attended, demo_request ...;
  // detail: a few flat facts ({contentName: 'Robots 101'}); options: {url, title} when not this page's.
  function track(type, detail, options) {
    const o = options || {};
    const page = location.href.length > 2048 ? location.origin + location.pathname : location.href;
    queue.push({ type, visitorId, url: o.url || page, title: (o.title || document.title || '').slice(0, 300) || undefined,
      utm: utm || undefined, detail: detail || undefined });
    if (queue.length >= 100) flush();
    else if (!flushTimer) flushTimer = setTimeout(flush, 1000);
  }
  addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });
  if (!script || script.dataset.track !== 'off') {
    track('page_view');
    // data-pricing-pattern: a regular expression for the pricing pages' paths (default /pricing; "" for none).
    const pricing = script && script.dataset.pricingPattern !== undefined ? script.dataset.pricingPattern : '/pricing';
    try { if (pricing && new RegExp(pricing).test(location.pathname)) track('pricing_page_visit'); } catch (e) { /* bad pattern */ }
  }

  window.Leadflow = { apiUrl, visitorId, firstSeenAt, utm, wire, wireAll, track, flush };
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', () => wireAll());
  else wireAll();
})();
