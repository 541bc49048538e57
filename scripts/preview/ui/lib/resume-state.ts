/**
 * Reads the course's resume state for display, without knowing the lesson
 * (src/domain/codec.ts writes it):
 *
 *   <version> "." <length of JSON> "." <JSON> ( <answer key> "=" <length> ":" <text> )*
 *
 * SCORM packages put the interaction layout in front (src/tracking/scorm/interaction-slots.ts):
 * "i", one 6-character mark per interaction the LMS holds, ".".
 *
 * Pure; the JSON part is shown pretty-printed, the written answers as typed.
 */
import { splitSavedState } from '../../../../src/tracking/scorm/interaction-slots.js';

export type DecodedResumeState =
  | {
      readonly ok: true;
      readonly version: number;
      readonly json: unknown;
      /** [answer key, text as the learner typed it] */
      readonly answers: readonly (readonly [string, string])[];
      /** SCORM: how many interactions the saved layout names (undefined when the state carries none). */
      readonly places?: number;
    }
  | { readonly ok: false; readonly reason: string };

export function decodeResumeState(saved: string): DecodedResumeState {
  if (saved === '') return { ok: false, reason: 'empty' };
  const { marks, state: text } = splitSavedState(saved);
  const head = /^(\d+)\.(\d+)\./.exec(text);
  if (!head) return { ok: false, reason: 'not in the "<version>.<length>.<JSON>" format' };
  const start = head[0].length;
  const jsonLength = Number(head[2]);
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start, start + jsonLength));
  } catch {
    return { ok: false, reason: `the ${jsonLength} characters after the header are not JSON` };
  }
  const answers: (readonly [string, string])[] = [];
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
  return { ok: true, version: Number(head[1]), json, answers, ...(marks ? { places: marks.length } : {}) };
}
