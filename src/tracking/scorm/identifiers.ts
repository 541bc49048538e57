/**
 * Identifiers the LMS will accept, built from the course's own ids.
 *
 * Every mapping is deterministic and injective for ids that fit: the same
 * course id gives the same LMS id on every build and every machine, so LMS
 * reports stay comparable across releases. Ids that already satisfy the rule
 * pass through unchanged; other characters are percent-encoded as UTF-8
 * (`%` itself becomes `%25`, so two different ids never collide). Ids too long
 * for the SPM keep a readable prefix plus a hash of the whole id.
 */
import { SCORM12, SCORM2004 } from './limits.js';

/** Prefix that makes a course id an absolute URI (RFC 3986 `scheme ":" ...`) for SCORM 2004. */
export const INTERACTION_URN_PREFIX = 'urn:scorm:';

/**
 * SCORM 1.2 RTE 3.4.5 CMIIdentifier for cmi.interactions.n.id and
 * cmi.objectives.n.id: printable ASCII \u0021-\u007E only, at most 255.
 * Example: `quiz 5.6/q1` becomes `quiz%205.6/q1`.
 *
 * @throws RangeError for an empty id (the course schema forbids them).
 */
export function toCmiIdentifier(raw: string): string {
  return fitWithHash(percentEncode(nonEmpty(raw), isCmiIdentifierChar), '', SCORM12.identifier);
}

/**
 * SCORM 2004 RTE 4.2.8 cmi.interactions.n.id: long_identifier_type, a URI
 * (RFC 3986) of at most 4000 characters. An absolute URN is built rather than
 * relying on LMSs accepting relative references: `quiz-5-6.q1` becomes
 * `urn:scorm:quiz-5-6.q1`. Only RFC 3986 unreserved characters stay literal,
 * which also keeps the URN's namespace-specific string valid (RFC 8141).
 *
 * @throws RangeError for an empty id.
 */
export function toScorm2004InteractionId(raw: string): string {
  return fitWithHash(percentEncode(nonEmpty(raw), isUnreservedChar), INTERACTION_URN_PREFIX, SCORM2004.longIdentifier);
}

/**
 * SCORM 2004 RTE 4.1 short_identifier_type (choice, likert, sequencing and
 * matching ids in responses): a URI reference of at most 250 characters.
 * Course option ids such as `a` or `iam-role` are valid relative references
 * and pass through unchanged (ADL's conformance tests set ids like `INT1`);
 * anything outside RFC 3986 unreserved characters is percent-encoded, which
 * also guarantees that `[`, `]`, `{`, `}` and `,` can never form a SCORM
 * delimiter such as `[,]` inside an id.
 *
 * @throws RangeError for an empty id.
 */
export function toShortIdentifier(raw: string): string {
  return fitWithHash(percentEncode(nonEmpty(raw), isUnreservedChar), '', SCORM2004.shortIdentifier);
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

// Mapping internals.

function nonEmpty(raw: string): string {
  if (raw === '') throw new RangeError('An empty id cannot be reported to an LMS');
  return raw;
}

function isCmiIdentifierChar(char: string): boolean {
  return char !== '%' && /^[\u0021-\u007E]$/.test(char);
}

function isUnreservedChar(char: string): boolean {
  return /^[A-Za-z0-9\-._~]$/.test(char);
}

const utf8 = new TextEncoder();

/** Keeps characters `keep` allows; writes every other one as its UTF-8 bytes `%XX`. */
function percentEncode(raw: string, keep: (char: string) => boolean): string {
  let out = '';
  for (const char of raw) {
    if (keep(char)) {
      out += char;
    } else {
      for (const byte of utf8.encode(char)) out += `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
  }
  return out;
}

/**
 * `prefix + encoded` when it fits in `max`; otherwise the longest prefix of
 * `encoded` that leaves room for `~` and an 8-digit hash of the whole id.
 * The cut never splits a `%XX` escape, which would make an invalid URI.
 */
function fitWithHash(encoded: string, prefix: string, max: number): string {
  if (prefix.length + encoded.length <= max) return prefix + encoded;
  const suffix = `~${fnv1a32(encoded)}`;
  let keep = encoded.slice(0, max - prefix.length - suffix.length);
  const partialEscape = /%[0-9A-F]?$/.exec(keep);
  if (partialEscape) keep = keep.slice(0, partialEscape.index);
  return prefix + keep + suffix;
}

/** FNV-1a 32-bit hash as 8 hex digits: tiny, stable and good enough to tell long ids apart. */
function fnv1a32(text: string): string {
  let hash = 0x811c9dc5;
  for (const byte of utf8.encode(text)) {
    hash ^= byte;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}
