/**
 * Interaction response formats as a strict LMS checks them: SCORM 1.2
 * CMIFeedback (RTE 3.4) and SCORM 2004 learner_response / correct_responses
 * (RTE 4.2.8, RUNTIME-LIMITS §2.3). Each check returns undefined when the
 * value is valid, or a sentence saying what is wrong.
 *
 * Written from the specification tables, independently of the course's
 * formatters in src/tracking/scorm/responses.ts, so it can catch their bugs.
 */
import { isPortableIdentifier, isShortIdentifier } from '../../src/tracking/scorm/identifiers.js';
import { SCORM12, SCORM2004 } from '../../src/tracking/scorm/limits.js';

export type Problem = string | undefined;

/**
 * SCORM 2004 RTE 4.1 short_identifier_type as real LMSs check it: a URI
 * reference of at most 250 characters (the spec) that is also made of
 * `[A-Za-z0-9_.]` only.
 * SPEC NOTE (interoperability, stricter than the spec): Moodle's SCORM 2004
 * player checks choice, likert, sequencing, matching and performance ids
 * against CMIShortIdentifier `^[\w.]{1,250}$` and answers 406 to anything
 * else, a hyphen included (mod/scorm/datamodels/scorm_13.js).
 */
export function isLmsShortIdentifier(value: string): boolean {
  return isShortIdentifier(value) && isPortableIdentifier(value);
}

/**
 * SPEC NOTE (interoperability, stricter than the spec): the specifications
 * allow line breaks in strings, but LMS validators written with `.` in
 * regular expressions (scorm-again among them) refuse the whole value.
 */
const LINE_BREAK = /[\r\n\u2028\u2029]/;
const LINE_BREAK_PROBLEM = 'contains a line break, which LMSs validating with "." (scorm-again) refuse';

// SCORM 1.2 --------------------------------------------------------------

/** SCORM 1.2 RTE 3.4.5 CMIDecimal: a signed decimal number. */
export function isCmiDecimal(value: string): boolean {
  return /^-?(\d+(\.\d*)?|\.\d+)$/.test(value);
}

const singles = /^[a-z0-9](,[a-z0-9])*$/;
const pairs = /^[a-z0-9]\.[a-z0-9](,[a-z0-9]\.[a-z0-9])*$/;

/** RTE 3.4: a CMIFeedback list may be wrapped in one pair of braces. */
function unbraced(value: string): string {
  return value.startsWith('{') && value.endsWith('}') ? value.slice(1, -1) : value;
}

/**
 * SCORM 1.2 RTE 3.4 CMIFeedback for cmi.interactions.n.student_response and
 * correct_responses.n.pattern, by cmi.interactions.n.type. An unknown type
 * (not set yet: 1.2 has no ordering rule) only gets the CMIString255 limit.
 */
export function check12Feedback(type: string | undefined, value: string): Problem {
  if (value.length > SCORM12.string255) return `CMIFeedback is at most ${SCORM12.string255} characters`;
  if (LINE_BREAK.test(value)) return LINE_BREAK_PROBLEM;
  switch (type) {
    case 'true-false':
      return /^[01tf]$/.test(value) ? undefined : 'true-false takes one of 0, 1, t, f';
    case 'choice':
    case 'sequencing':
      return value === '' || singles.test(unbraced(value)) ? undefined : `${type} takes single characters a-z or 0-9 separated by commas`;
    case 'likert':
      return /^[a-z0-9]?$/.test(value) ? undefined : 'likert takes a single character a-z or 0-9';
    case 'matching':
      return value === '' || pairs.test(unbraced(value)) ? undefined : 'matching takes source.target character pairs separated by commas';
    case 'numeric':
      return isCmiDecimal(value) ? undefined : 'numeric takes a CMIDecimal';
    default:
      return undefined; // fill-in, performance, or type not set: CMIString255
  }
}

// SCORM 2004 -------------------------------------------------------------

/** SCORM 2004 RTE 4.1 real(10,7): a decimal number (no exponent, no "+"). */
export function isReal(value: string): boolean {
  return /^-?(\d+(\.\d+)?|\.\d+)$/.test(value);
}

/** RFC 3066 language tag as RTE 4.1 language_type uses it (`en`, `en-US`, `x-klingon`). */
export function isLanguageTag(value: string): boolean {
  return /^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(value);
}

/**
 * SCORM 2004 RTE 4.1 localized_string_type: optional `{lang=<tag>}`, then
 * text; at most `max` characters.
 * SPEC NOTE: whether the SPM counts the delimiter is not spelled out; this
 * test LMS counts it (the stricter reading). Text that itself starts with
 * `{` after the delimiter is refused, as scorm-again does: it reads like a
 * second delimiter.
 */
export function checkLocalizedString(value: string, max: number): Problem {
  let text = value;
  if (value.startsWith('{lang=')) {
    const delimiter = /^\{lang=([^}]*)\}/.exec(value);
    if (!delimiter || !isLanguageTag(delimiter[1] ?? '')) return 'the {lang=…} delimiter needs an RFC 3066 language tag and a closing "}"';
    text = value.slice(delimiter[0].length);
  }
  if (text.startsWith('{')) return 'the text starts with "{", which reads as a delimiter';
  if (LINE_BREAK.test(value)) return LINE_BREAK_PROBLEM;
  return value.length > max ? `longer than ${max} characters (${value.length})` : undefined;
}

const SEPARATOR = '[,]';

/** Items of a `[,]`-separated value; empty items and a trailing separator show up as "" items. */
function items(value: string): string[] {
  return value.split(SEPARATOR);
}

function checkIdList(value: string, max: number, unique: boolean, what: string): Problem {
  const ids = items(value);
  if (ids.length > max) return `${what} holds at most ${max} identifiers`;
  const bad = ids.find((id) => !isLmsShortIdentifier(id));
  if (bad !== undefined)
    return `"${bad}" is not a short identifier as LMSs take it (1-${SCORM2004.shortIdentifier} of [A-Za-z0-9_.], as Moodle's CMIShortIdentifier; empty items and a trailing [,] are not allowed)`;
  if (unique && new Set(ids).size !== ids.length) return `${what} must not repeat an identifier`;
  return undefined;
}

/** Strips leading `{case_matters=…}` / `{order_matters=…}` delimiters that `allowed` names. */
function stripFlags(value: string, allowed: readonly string[]): { rest: string; problem: Problem } {
  let rest = value;
  for (;;) {
    const match = /^\{(case_matters|order_matters)=([^}]*)\}/.exec(rest);
    if (!match) return { rest, problem: undefined };
    const [whole, name = '', flag] = match;
    if (!allowed.includes(name)) return { rest, problem: `{${name}=…} is not allowed here` };
    if (flag !== 'true' && flag !== 'false') return { rest, problem: `{${name}=…} takes true or false` };
    rest = rest.slice(whole.length);
  }
}

function checkFillIn(value: string, isPattern: boolean): Problem {
  const { rest, problem } = stripFlags(value, isPattern ? ['case_matters', 'order_matters'] : []);
  if (problem) return problem;
  const texts = items(rest);
  if (texts.length > SCORM2004.fillInItems) return `fill-in holds at most ${SCORM2004.fillInItems} items`;
  for (const text of texts) {
    const itemProblem = checkLocalizedString(text, SCORM2004.fillInItemLength);
    if (itemProblem) return `fill-in item: ${itemProblem}`;
  }
  return undefined;
}

function checkLongFillIn(value: string, isPattern: boolean): Problem {
  const { rest, problem } = stripFlags(value, isPattern ? ['case_matters'] : []);
  return problem ?? checkLocalizedString(rest, SCORM2004.longFillInLength);
}

function checkMatching(value: string): Problem {
  const records = items(value);
  if (records.length > SCORM2004.choiceItems) return `matching holds at most ${SCORM2004.choiceItems} pairs`;
  for (const record of records) {
    const [source, target, extra] = record.split('[.]');
    if (
      extra !== undefined ||
      source === undefined ||
      target === undefined ||
      !isLmsShortIdentifier(source) ||
      !isLmsShortIdentifier(target)
    ) {
      return `"${record}" is not a source[.]target pair of short identifiers`;
    }
  }
  return undefined;
}

function checkPerformance(value: string, isPattern: boolean): Problem {
  const { rest, problem } = stripFlags(value, isPattern ? ['order_matters'] : []);
  if (problem) return problem;
  const records = items(rest);
  if (records.length > 125) return 'performance holds at most 125 steps';
  for (const record of records) {
    const parts = record.split('[.]');
    const [step = '', answer = ''] = parts;
    if (parts.length !== 2) return `"${record}" is not a step[.]answer record`;
    if (step !== '' && !isLmsShortIdentifier(step)) return `step "${step}" is not a short identifier`;
    if (answer.length > SCORM2004.fillInItemLength) return `a performance answer is at most ${SCORM2004.fillInItemLength} characters`;
  }
  return undefined;
}

function checkNumericRange(value: string): Problem {
  const [min = '', max, extra] = value.split('[:]');
  if (max === undefined) return isReal(value) ? undefined : 'numeric pattern is min[:]max or a real number';
  if (extra !== undefined) return 'numeric pattern has one [:]';
  if ((min !== '' && !isReal(min)) || (max !== '' && !isReal(max))) return 'numeric range bounds must be real numbers';
  if (min !== '' && max !== '' && Number(min) > Number(max)) return 'numeric range min is greater than max';
  return undefined;
}

/**
 * SCORM 2004 RTE 4.2.8 learner_response (isPattern false) or
 * correct_responses.n.pattern (isPattern true) for an interaction `type`.
 */
export function check2004Response(type: string, value: string, isPattern: boolean): Problem {
  switch (type) {
    case 'true-false':
      return value === 'true' || value === 'false' ? undefined : 'true-false takes "true" or "false"';
    case 'choice':
      return value === '' ? undefined : checkIdList(value, SCORM2004.choiceItems, true, 'choice');
    case 'sequencing':
      return checkIdList(value, SCORM2004.choiceItems, false, 'sequencing');
    case 'likert':
      return isLmsShortIdentifier(value) ? undefined : 'likert takes one short identifier';
    case 'fill-in':
      return checkFillIn(value, isPattern);
    case 'long-fill-in':
      return checkLongFillIn(value, isPattern);
    case 'matching':
      return checkMatching(value);
    case 'performance':
      return checkPerformance(value, isPattern);
    case 'numeric':
      return isPattern ? checkNumericRange(value) : isReal(value) ? undefined : 'numeric response is a real number';
    case 'other':
      return value.length > SCORM2004.longFillInLength ? `other is at most ${SCORM2004.longFillInLength} characters` : undefined;
    default:
      return `unknown interaction type "${type}"`;
  }
}

/** SCORM 2004 RTE 4.2.8: how many correct_responses patterns each type may have. */
export const CORRECT_RESPONSES_LIMIT: Readonly<Record<string, number>> = {
  'true-false': 1,
  choice: 10,
  'fill-in': 5,
  'long-fill-in': 5,
  likert: 1,
  matching: 5,
  performance: 5,
  sequencing: 5,
  numeric: 1,
  other: 1,
};
