/**
 * Identifiers every LMS will accept, built from the course's own ids.
 *
 * SCORM's identifier types are broader on paper (1.2 CMIIdentifier: printable
 * ASCII; 2004: URIs), but real LMS players are stricter: Moodle's SCORM 2004
 * player checks every short identifier (choice responses, correct-response
 * patterns) against `^[\w.]{1,250}$` and answers error 406 to a hyphen
 * (mod/scorm/datamodels/scorm_13.js, CMIShortIdentifier). So everything the
 * course writes into an identifier-typed element uses only letters, digits,
 * `_` and `.`, whatever ids authors chose in course/.
 *
 * The mapping is deterministic: the same course id gives the same LMS id on
 * every build, attempt and session, so reports stay comparable. It is
 * readable rather than reversible (`quiz-5-6.q1` → `quiz_5_6.q1`); two course
 * ids that would map to the same LMS id are caught at build time
 * (`duplicateLmsIds`, used by the upload guide).
 */
import { SCORM2004 } from './limits.js';

/** Letters, digits, `_` and `.`: Moodle's `[\w.]`, accepted by every SCORM player we know of. */
const PORTABLE_CHAR = /[A-Za-z0-9_.]/;

/**
 * The longest identifier every identifier-typed element takes: SCORM 2004
 * short_identifier_type's SPM (250), below 1.2 CMIIdentifier's 255 (limits.ts).
 */
export const LMS_ID_MAX = 250;

/**
 * A course id as an LMS identifier: every character outside `[A-Za-z0-9_.]`
 * becomes `_`; an id longer than 250 keeps a readable prefix plus `_` and a
 * hash of the whole id. Example: `identity-patterns.case-1` → `identity_patterns.case_1`.
 *
 * @throws RangeError for an empty id (the course schema forbids them).
 */
export function toLmsId(raw: string): string {
  if (raw === '') throw new RangeError('An empty id cannot be reported to an LMS');
  let mapped = '';
  for (const char of raw) mapped += PORTABLE_CHAR.test(char) ? char : '_';
  if (mapped.length <= LMS_ID_MAX) return mapped;
  const suffix = `_${fnv1a32(raw)}`;
  return mapped.slice(0, LMS_ID_MAX - suffix.length) + suffix;
}

/** The LMS ids that two or more different course ids map to (empty when the mapping is one to one). */
export function duplicateLmsIds(rawIds: readonly string[]): string[] {
  const sources = new Map<string, Set<string>>();
  for (const raw of rawIds) {
    const id = toLmsId(raw);
    sources.set(id, (sources.get(id) ?? new Set()).add(raw));
  }
  return [...sources].filter(([, raws]) => raws.size > 1).map(([id]) => id);
}

/**
 * The identifier rule of the strictest LMS players, applied to every
 * identifier-typed element: 1..250 of `[A-Za-z0-9_.]` (Moodle 2004
 * CMIShortIdentifier `^[\w.]{1,250}$`).
 */
export function isPortableIdentifier(value: string): boolean {
  return value.length >= 1 && value.length <= LMS_ID_MAX && /^[A-Za-z0-9_.]+$/.test(value);
}

// Validators: what the LMS will accept. Used by tests and the strict test LMS.

/** SCORM 1.2 RTE 3.4.5 CMIIdentifier: 1..255 printable ASCII characters, no white space. */
export function isCmiIdentifier(value: string): boolean {
  return /^[\u0021-\u007E]{1,255}$/.test(value);
}

/**
 * RFC 3986 URI reference as SCORM 2004 identifiers need it: not empty, ASCII
 * only, every `%` starting an escape, at most one `#`, and a first segment
 * with `:` only when it is a real scheme with something after it (ADL's
 * conformance tests reject `urn:` and values with spaces). A `urn:` needs a
 * namespace id and a namespace-specific string (RFC 8141).
 *
 * SPEC NOTE: ADL's Sample RTE uses java.net.URI, which also lets non-ASCII
 * letters through; RFC 3986 does not, and neither do we.
 */
export function isUriReference(value: string): boolean {
  if (!/^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#]|%[0-9A-Fa-f]{2})+$/.test(value)) return false;
  if (value.indexOf('#') !== value.lastIndexOf('#')) return false;
  const firstSegment = /^[^/?#]*/.exec(value)?.[0] ?? '';
  const colon = firstSegment.indexOf(':');
  if (colon === -1) return true;
  const scheme = firstSegment.slice(0, colon);
  if (!/^[A-Za-z][A-Za-z0-9+\-.]*$/.test(scheme) || colon === value.length - 1) return false;
  if (scheme.toLowerCase() === 'urn') return /^urn:[A-Za-z0-9][A-Za-z0-9-]{0,30}[A-Za-z0-9]:[^?#]+/i.test(value);
  return true;
}

/** SCORM 2004 RTE 4.1 long_identifier_type: a URI reference of at most 4000 characters. */
export function isLongIdentifier(value: string): boolean {
  return value.length <= SCORM2004.longIdentifier && isUriReference(value);
}

/** SCORM 2004 RTE 4.1 short_identifier_type: a URI reference of at most 250 characters. */
export function isShortIdentifier(value: string): boolean {
  return value.length <= SCORM2004.shortIdentifier && isUriReference(value);
}

const utf8 = new TextEncoder();

/** FNV-1a 32-bit hash as 8 hex digits: tiny, stable and good enough to tell long ids apart. */
function fnv1a32(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
