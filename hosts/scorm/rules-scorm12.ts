/**
 * SCORM 1.2 data-model rules for the strict test LMS (ADL SCORM 1.2 RTE,
 * section 3.4; values in standards/RUNTIME-LIMITS.md §1).
 *
 * SCORM 1.2 has one error code for a bad value, 405 "incorrect data type",
 * used here for formats, vocabularies, lengths and ranges alike.
 */
import { isCmiIdentifier, isPortableIdentifier } from '../../src/tracking/scorm/identifiers.js';
import { SCORM12 } from '../../src/tracking/scorm/limits.js';
import { isCmiTime, isCmiTimespan } from '../../src/tracking/scorm/time.js';
import { check12Feedback, isCmiDecimal } from './response-formats.js';
import {
  PORTABLE_IDENTIFIER_RULE,
  type Breach,
  type Check,
  type ElementRule,
  type HeldData,
  type RuleSet,
  elementPattern,
  firstGap,
  isKeyword,
} from './rules-common.js';

/** SCORM 1.2 RTE 3.3 (API error codes). */
export const SCORM12_ERRORS = {
  general: 101,
  invalidArgument: 201,
  notInitialized: 301,
  notImplemented: 401,
  keyword: 402,
  readOnly: 403,
  writeOnly: 404,
  incorrectDataType: 405,
} as const;

const RTE = 'SCORM 1.2 RTE';
const bad = (rule: string, section: string): Breach => ({
  rule,
  section: `${RTE} ${section}`,
  errorCode: SCORM12_ERRORS.incorrectDataType,
});

const maxLength =
  (max: number, section: string): Check =>
  (value) =>
    value.length > max ? bad(`at most ${max} characters, got ${value.length}`, section) : undefined;

const vocabulary =
  (words: readonly string[], section: string): Check =>
  (value) =>
    words.includes(value) ? undefined : bad(`must be one of ${words.map((w) => `"${w}"`).join(', ')}`, section);

const decimalInRange =
  (min: number, max: number, section: string, blankAllowed: boolean): Check =>
  (value) => {
    if (value === '' && blankAllowed) return undefined;
    if (!isCmiDecimal(value)) return bad('must be a CMIDecimal (a plain decimal number)', `3.4.5 CMIDecimal; ${section}`);
    const n = Number(value);
    return n < min || n > max ? bad(`must be between ${min} and ${max}`, section) : undefined;
  };

const integerInRange =
  (min: number, max: number, section: string): Check =>
  (value) =>
    /^-?\d+$/.test(value) && Number(value) >= min && Number(value) <= max
      ? undefined
      : bad(`must be an integer between ${min} and ${max}`, section);

/**
 * RTE 3.4.5 CMIIdentifier.
 * SPEC NOTE (interoperability, stricter than the spec): the id must also be
 * 1-250 of `[A-Za-z0-9_.]`, the identifier rule of the strictest LMS players
 * (Moodle's SCORM 2004 CMIShortIdentifier `^[\w.]{1,250}$`), so the same
 * ids serve both versions and any LMS; a hyphen is refused with 405.
 */
const identifier =
  (section: string): Check =>
  (value) => {
    if (!isCmiIdentifier(value))
      return bad('must be a CMIIdentifier: 1-255 printable ASCII characters, no white space', `3.4.5 CMIIdentifier; ${section}`);
    return isPortableIdentifier(value) ? undefined : bad(PORTABLE_IDENTIFIER_RULE, `3.4.5 CMIIdentifier; ${section}`);
  };

const timespan =
  (section: string): Check =>
  (value) =>
    isCmiTimespan(value) ? undefined : bad('must be a CMITimespan HHHH:MM:SS.SS (2-4 hour digits)', `3.4.5 CMITimespan; ${section}`);

const feedback =
  (section: string): Check =>
  (value, { indexes, held }) => {
    const problem = check12Feedback(held.get(`cmi.interactions.${indexes[0]}.type`), value);
    return problem ? bad(problem, `3.4.5 CMIFeedback; ${section}`) : undefined;
  };

const STATUS = ['passed', 'completed', 'failed', 'incomplete', 'browsed'] as const;
const INTERACTION_TYPES = ['true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric'];
const RESULTS = ['correct', 'wrong', 'unanticipated', 'neutral'];

const ro: ElementRule = { access: 'read-only' };

/** Every SCORM 1.2 element, keyed by pattern (collection indexes as `n`). */
const ELEMENTS: Readonly<Record<string, ElementRule>> = {
  'cmi.core.student_id': ro,
  'cmi.core.student_name': ro,
  'cmi.core.lesson_location': {
    access: 'read-write',
    check: maxLength(SCORM12.lessonLocation, '3.4 cmi.core.lesson_location (CMIString255)'),
  },
  'cmi.core.credit': ro,
  'cmi.core.lesson_status': {
    access: 'read-write',
    // The SCO may not set "not attempted" (RTE 3.4 cmi.core.lesson_status).
    check: vocabulary(STATUS, '3.4 cmi.core.lesson_status'),
  },
  'cmi.core.entry': ro,
  'cmi.core.score.raw': { access: 'read-write', check: decimalInRange(SCORM12.scoreMin, SCORM12.scoreMax, '3.4 cmi.core.score.raw', true) },
  'cmi.core.score.min': { access: 'read-write', check: decimalInRange(SCORM12.scoreMin, SCORM12.scoreMax, '3.4 cmi.core.score.min', true) },
  'cmi.core.score.max': { access: 'read-write', check: decimalInRange(SCORM12.scoreMin, SCORM12.scoreMax, '3.4 cmi.core.score.max', true) },
  'cmi.core.total_time': ro,
  'cmi.core.lesson_mode': ro,
  'cmi.core.exit': { access: 'write-only', check: vocabulary(['time-out', 'suspend', 'logout', ''], '3.4 cmi.core.exit') },
  'cmi.core.session_time': { access: 'write-only', check: timespan('3.4 cmi.core.session_time') },
  'cmi.suspend_data': { access: 'read-write', check: maxLength(SCORM12.suspendData, '3.4 cmi.suspend_data (CMIString4096)') },
  'cmi.launch_data': ro,
  'cmi.comments': { access: 'read-write', check: maxLength(SCORM12.string4096, '3.4 cmi.comments (CMIString4096)') },
  'cmi.comments_from_lms': ro,
  'cmi.objectives.n.id': { access: 'read-write', check: identifier('3.4 cmi.objectives.n.id') },
  'cmi.objectives.n.score.raw': { access: 'read-write', check: decimalInRange(0, 100, '3.4 cmi.objectives.n.score.raw', true) },
  'cmi.objectives.n.score.min': { access: 'read-write', check: decimalInRange(0, 100, '3.4 cmi.objectives.n.score.min', true) },
  'cmi.objectives.n.score.max': { access: 'read-write', check: decimalInRange(0, 100, '3.4 cmi.objectives.n.score.max', true) },
  'cmi.objectives.n.status': { access: 'read-write', check: vocabulary([...STATUS, 'not attempted'], '3.4 cmi.objectives.n.status') },
  'cmi.student_data.mastery_score': ro,
  'cmi.student_data.max_time_allowed': ro,
  'cmi.student_data.time_limit_action': ro,
  'cmi.student_preference.audio': { access: 'read-write', check: integerInRange(-1, 100, '3.4 cmi.student_preference.audio') },
  'cmi.student_preference.language': { access: 'read-write', check: maxLength(SCORM12.string255, '3.4 cmi.student_preference.language') },
  'cmi.student_preference.speed': { access: 'read-write', check: integerInRange(-100, 100, '3.4 cmi.student_preference.speed') },
  'cmi.student_preference.text': { access: 'read-write', check: integerInRange(-1, 1, '3.4 cmi.student_preference.text') },
  'cmi.interactions.n.id': { access: 'write-only', check: identifier('3.4 cmi.interactions.n.id') },
  'cmi.interactions.n.objectives.n.id': { access: 'write-only', check: identifier('3.4 cmi.interactions.n.objectives.n.id') },
  'cmi.interactions.n.time': {
    access: 'write-only',
    check: (value) =>
      isCmiTime(value)
        ? undefined
        : bad('must be a CMITime HH:MM:SS[.SS] on a 24-hour clock', '3.4.5 CMITime; 3.4 cmi.interactions.n.time'),
  },
  'cmi.interactions.n.type': { access: 'write-only', check: vocabulary(INTERACTION_TYPES, '3.4 cmi.interactions.n.type') },
  'cmi.interactions.n.correct_responses.n.pattern': {
    access: 'write-only',
    check: feedback('3.4 cmi.interactions.n.correct_responses.n.pattern'),
  },
  'cmi.interactions.n.weighting': {
    access: 'write-only',
    check: (value) => (isCmiDecimal(value) ? undefined : bad('must be a CMIDecimal', '3.4.5 CMIDecimal; 3.4 cmi.interactions.n.weighting')),
  },
  'cmi.interactions.n.student_response': { access: 'write-only', check: feedback('3.4 cmi.interactions.n.student_response') },
  'cmi.interactions.n.result': {
    access: 'write-only',
    check: (value) =>
      RESULTS.includes(value) || isCmiDecimal(value)
        ? undefined
        : bad(`must be one of ${RESULTS.join(', ')} or a CMIDecimal`, '3.4 cmi.interactions.n.result'),
  },
  'cmi.interactions.n.latency': { access: 'write-only', check: timespan('3.4 cmi.interactions.n.latency') },
};

function readable(element: string): boolean {
  return isKeyword(element) || ELEMENTS[elementPattern(element).pattern]?.access !== 'write-only';
}

export const scorm12Rules: RuleSet = {
  checkSet(element: string, value: string, held: HeldData): Breach | undefined {
    if (isKeyword(element)) {
      return { rule: `${element} is a keyword and cannot be set`, section: `${RTE} 3.3 error 402`, errorCode: SCORM12_ERRORS.keyword };
    }
    const { pattern, indexes } = elementPattern(element);
    const rule = ELEMENTS[pattern];
    if (!rule) {
      return { rule: `${element} is not a SCORM 1.2 data-model element`, section: `${RTE} 3.4`, errorCode: SCORM12_ERRORS.invalidArgument };
    }
    if (rule.access === 'read-only') {
      return { rule: `${element} is read-only`, section: `${RTE} 3.4 ${pattern}`, errorCode: SCORM12_ERRORS.readOnly };
    }
    const gap = firstGap(element, held);
    if (gap) {
      return {
        rule: `${gap[0]}.${gap[1]} skips an index: the next record is ${gap[0]}.${held.count(gap[0])}`,
        section: `${RTE} 3.4 ${gap[0]}`,
        errorCode: SCORM12_ERRORS.invalidArgument,
      };
    }
    return rule.check?.(value, { element, indexes, held });
  },

  checkGet(element: string): Breach | undefined {
    const { pattern } = elementPattern(element);
    if (!isKeyword(element) && !ELEMENTS[pattern]) {
      return { rule: `${element} is not a SCORM 1.2 data-model element`, section: `${RTE} 3.4`, errorCode: SCORM12_ERRORS.invalidArgument };
    }
    if (!readable(element)) {
      return { rule: `${element} is write-only`, section: `${RTE} 3.4 ${pattern}`, errorCode: SCORM12_ERRORS.writeOnly };
    }
    return undefined;
  },
};
