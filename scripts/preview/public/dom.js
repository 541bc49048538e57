/**
 * Small helpers shared by the preview pages: building DOM from data (text
 * only, never innerHTML, so whatever a course or learner wrote shows as
 * typed), the preview's JSON API, and human formats.
 */

/**
 * h('p', { class: 'note' }, 'text', child) → <p class="note">text…</p>.
 * Props: class, text, on<event> handlers, booleans as present/absent attributes, anything else as an attribute.
 */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') element.className = value;
    else if (name === 'text') element.textContent = String(value);
    else if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export async function getJson(url) {
  const response = await fetch(url, { cache: 'no-store' });
  if (response.status === 404) return undefined;
  if (!response.ok) throw new Error(await errorText(response));
  return response.json();
}

export async function postJson(url, body) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body ?? {}),
  });
  if (!response.ok) throw new Error(await errorText(response));
  return response.status === 204 ? undefined : response.json();
}

async function errorText(response) {
  const body = await response.json().catch(() => undefined);
  return body && typeof body.error === 'string' ? body.error : `HTTP ${response.status}`;
}

export function formatBytes(bytes) {
  if (bytes === undefined || bytes === null) return '';
  if (bytes < 1024) return `${bytes} B`;
  return `${(bytes / 1024).toFixed(bytes < 10 * 1024 ? 1 : 0)} KB`;
}

/** "14:02:07", or "28 Nov, 14:02" when not today. */
export function formatClock(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const today = new Date().toDateString() === date.toDateString();
  return today
    ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit' })
    : date.toLocaleString([], { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
}

/** 83_400 → "1 min 23 s". */
export function formatMs(ms) {
  if (!Number.isFinite(ms)) return '';
  const seconds = Math.round(ms / 1000);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return [h && `${h} h`, m && `${m} min`, `${s} s`].filter(Boolean).join(' ');
}

/** ISO 8601 duration (PT1M23.4S, P1DT2H) → ms; NaN when it is not one. */
export function isoDurationMs(text) {
  const match = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(text ?? '');
  if (!match) return Number.NaN;
  const [, d = 0, hh = 0, mm = 0, ss = 0] = match;
  return (((Number(d) * 24 + Number(hh)) * 60 + Number(mm)) * 60 + Number(ss)) * 1000;
}

/** A coloured label: tone is good, bad, warn, info or neutral. */
export function badge(text, tone = 'neutral') {
  return h('span', { class: `badge ${tone}`, text });
}

/** One row of a description list: <div><dt>term</dt><dd>…</dd></div>. */
export function fact(term, ...value) {
  return h('div', {}, h('dt', { text: term }), h('dd', {}, ...value));
}
