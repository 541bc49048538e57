/**
 * Reads the course's resume state for display, without knowing the lesson
 * (src/domain/codec.ts writes it):
 *
 *   "1." <length of JSON> "." <JSON> ( <answer key> "=" <length> ":" <text> )*
 *
 * The JSON part is shown pretty-printed, the written answers as they were typed.
 */
import { h } from './dom.js';

/** { ok: true, version, json, answers: [[key, text]…], length } or { ok: false, reason }. */
export function decodeResumeState(text) {
  if (typeof text !== 'string' || text === '') return { ok: false, reason: 'empty' };
  const head = /^(\d+)\.(\d+)\./.exec(text);
  if (!head) return { ok: false, reason: 'not in the "<version>.<length>.<JSON>" format' };
  const start = head[0].length;
  const jsonLength = Number(head[2]);
  let json;
  try {
    json = JSON.parse(text.slice(start, start + jsonLength));
  } catch {
    return { ok: false, reason: `the ${jsonLength} characters after the header are not JSON` };
  }
  const answers = [];
  const rest = text.slice(start + jsonLength);
  let at = 0;
  while (at < rest.length) {
    const eq = rest.indexOf('=', at);
    const colon = rest.indexOf(':', eq + 1);
    const length = Number(rest.slice(eq + 1, colon));
    if (eq < 0 || colon < 0 || !Number.isInteger(length) || colon + 1 + length > rest.length)
      return { ok: false, reason: `written answers are malformed from character ${start + jsonLength + at}` };
    answers.push([rest.slice(at, eq), rest.slice(colon + 1, colon + 1 + length)]);
    at = colon + 1 + length;
  }
  return { ok: true, version: Number(head[1]), json, answers, length: text.length };
}

/**
 * Fills `container` with the decoded state. `limit` (characters) and `source` label
 * where it was read from, e.g. 4096 / "cmi.suspend_data (SCORM 1.2: CMIString4096)".
 */
export function renderResumeState(container, { text, source, limit, facts = [] }) {
  const decoded = decodeResumeState(text);
  const length = typeof text === 'string' ? text.length : 0;
  const size = limit ? `${length} of ${limit} characters` : `${length} characters`;
  const over = limit && length > limit;
  const children = [
    h(
      'p',
      { class: 'meta' },
      h('code', { text: source }),
      ` · ${size}`,
      over ? h('strong', { class: 'bad-text', text: ' · over the limit' }) : null,
    ),
  ];
  if (facts.length) children.push(h('dl', { class: 'mini-facts' }, facts));
  if (!decoded.ok) {
    children.push(
      h('p', { class: 'muted', text: decoded.reason === 'empty' ? 'Nothing saved yet.' : `Cannot decode: ${decoded.reason}.` }),
    );
    if (decoded.reason !== 'empty') children.push(h('pre', { class: 'json', text }));
  } else {
    children.push(
      h('p', { class: 'muted', text: `Format ${decoded.version}: JSON part, then ${decoded.answers.length} written answer(s).` }),
    );
    children.push(
      h('pre', { class: 'json', tabindex: '0', 'aria-label': 'Resume state JSON', text: JSON.stringify(decoded.json, null, 2) }),
    );
    if (decoded.answers.length)
      children.push(
        h(
          'dl',
          { class: 'answers', 'aria-label': 'Written answers' },
          decoded.answers.map(([key, answer]) => h('div', {}, h('dt', { text: key }), h('dd', { text: answer }))),
        ),
      );
  }
  container.replaceChildren(...children);
}
