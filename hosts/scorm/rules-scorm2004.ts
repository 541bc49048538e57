/**
 * SCORM 2004 4th Edition data-model rules for the strict test LMS (RTE
 * section 4.1 data types, 4.2.x elements; values in
 * standards/RUNTIME-LIMITS.md §2).
 *
 * Error codes (RTE 3.1.7): 406 type mismatch for formats, vocabularies and
 * lengths; 407 for numbers out of range; 408 for a missing dependency (an
 * interaction's id, or its type, not set first); 351 for a collection index
 * that skips ahead or passes the collection's SPM.
 */
import { isLongIdentifier, isPortableIdentifier } from '../../src/tracking/scorm/identifiers.js';
import { SCORM2004 } from '../../src/tracking/scorm/limits.js';
import { isIsoDuration, isIsoTimestamp } from '../../src/tracking/scorm/time.js';
import { CORRECT_RESPONSES_LIMIT, check2004Response, checkLocalizedString, isLanguageTag, isReal } from './response-formats.js';
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

/** SCORM 2004 RTE 3.1.7 (API error codes). */
export const SCORM2004_ERRORS = {
  general: 101,
  generalInitialization: 102,
  alreadyInitialized: 103,
  contentInstanceTerminated: 104,
  generalTermination: 111,
  terminationBeforeInitialization: 112,
  terminationAfterTermination: 113,
  retrieveBeforeInitialization: 122,
  retrieveAfterTermination: 123,
  storeBeforeInitialization: 132,
  storeAfterTermination: 133,
  commitBeforeInitialization: 142,
  commitAfterTermination: 143,
  generalArgument: 201,
  generalGet: 301,
  generalSet: 351,
  generalCommit: 391,
  undefinedElement: 401,
  valueNotInitialized: 403,
  readOnly: 404,
  writeOnly: 405,
  typeMismatch: 406,
  outOfRange: 407,
  dependencyNotEstablished: 408,
} as const;

const RTE = 'SCORM 2004 RTE';
const breach = (rule: string, section: string, errorCode: number = SCORM2004_ERRORS.typeMismatch): Breach => ({
  rule,
  section: `${RTE} ${section}`,
  errorCode,
});

const maxLength =
  (max: number, section: string): Check =>
  (value) =>
    value.length > max ? breach(`at most ${max} characters (SPM), got ${value.length}`, section) : undefined;

const localized =
  (max: number, section: string): Check =>
  (value) => {
    const problem = checkLocalizedString(value, max);
    return problem ? breach(problem, `4.1 localized_string_type; ${section}`) : undefined;
  };

const vocabulary =
  (words: readonly string[], section: string): Check =>
  (value) =>
    words.includes(value) ? undefined : breach(`must be one of ${words.map((w) => `"${w}"`).join(', ')}`, section);

const real =
  (section: string, min?: number, max?: number): Check =>
  (value) => {
    if (!isReal(value)) return breach('must be a real(10,7) decimal number (no exponent)', `4.1 real(10,7); ${section}`);
    const n = Number(value);
    if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
      return breach(`must be between ${min ?? '-∞'} and ${max ?? '∞'}`, section, SCORM2004_ERRORS.outOfRange);
    }
    return undefined;
  };

/**
 * RTE 4.1 long_identifier_type (interaction and objective ids).
 * SPEC NOTE (interoperability, stricter than the spec): the id must also be
 * 1-250 of `[A-Za-z0-9_.]`, the identifier rule of the strictest LMS players
 * (Moodle's CMIShortIdentifier `^[\w.]{1,250}$`, mod/scorm/datamodels/scorm_13.js):
 * the same id is then valid wherever an LMS copies or compares it.
 */
const longIdentifier =
  (section: string): Check =>
  (value) => {
    if (!isLongIdentifier(value))
      return breach(
        `must be a URI (RFC 3986) of 1-${SCORM2004.longIdentifier} characters, no spaces`,
        `4.1 long_identifier_type; ${section}`,
      );
    return isPortableIdentifier(value) ? undefined : breach(PORTABLE_IDENTIFIER_RULE, `4.1 long_identifier_type; ${section}`);
  };

const duration =
  (section: string): Check =>
  (value) =>
    isIsoDuration(value)
      ? undefined
      : breach(
          'must be an ISO 8601 duration like PT1H5M30.25S (not "P" or "PT", at most 2 decimals)',
          `4.1 timeinterval(second,10,2); ${section}`,
        );

const timestamp =
  (section: string): Check =>
  (value) =>
    isIsoTimestamp(value) ? undefined : breach('must be YYYY-MM-DDThh:mm:ss.s[TZD], year 1970-2038', `4.1 time(second,10,0); ${section}`);

/** RTE 4.2.8: every interaction field but id needs the id set first; responses need the type too. */
const interaction =
  (check: Check, needsType: boolean): Check =>
  (value, target) => {
    const n = target.indexes[0];
    if (!target.held.get(`cmi.interactions.${n}.id`)) {
      return breach(
        `cmi.interactions.${n}.id must be set before ${target.element}`,
        '4.2.8 cmi.interactions.n.id',
        SCORM2004_ERRORS.dependencyNotEstablished,
      );
    }
    if (needsType && !target.held.get(`cmi.interactions.${n}.type`)) {
      return breach(
        `cmi.interactions.${n}.type must be set before ${target.element}`,
        '4.2.8 cmi.interactions.n.type',
        SCORM2004_ERRORS.dependencyNotEstablished,
      );
    }
    return check(value, target);
  };

/** RTE 4.2.16: an objective's fields need its id set first. */
const objective =
  (check: Check): Check =>
  (value, target) =>
    target.held.get(`cmi.objectives.${target.indexes[0]}.id`)
      ? check(value, target)
      : breach(
          `cmi.objectives.${target.indexes[0]}.id must be set before ${target.element}`,
          '4.2.16 cmi.objectives.n.id',
          SCORM2004_ERRORS.dependencyNotEstablished,
        );

const response =
  (isPattern: boolean, section: string): Check =>
  (value, { indexes, held }) => {
    const type = held.get(`cmi.interactions.${indexes[0]}.type`) ?? '';
    if (isPattern) {
      const limit = CORRECT_RESPONSES_LIMIT[type] ?? 1;
      if ((indexes[1] ?? 0) >= limit)
        return breach(`a ${type} interaction has at most ${limit} correct_responses`, section, SCORM2004_ERRORS.generalSet);
      // RTE 4.2.8.1: the patterns of a choice interaction are unique; Moodle answers 351
      // ("Data Model Element Pattern Already Exists") to the same pattern set again.
      const same = Array.from({ length: held.count(`cmi.interactions.${indexes[0]}.correct_responses`) }, (_, k) =>
        held.get(`cmi.interactions.${indexes[0]}.correct_responses.${k}.pattern`),
      ).includes(value);
      if (type === 'choice' && same) return breach(`this choice pattern is already set`, section, SCORM2004_ERRORS.generalSet);
    }
    const problem = check2004Response(type, value, isPattern);
    return problem ? breach(`${type}: ${problem}`, section) : undefined;
  };

const COMPLETION = ['completed', 'incomplete', 'not attempted', 'unknown'];
const SUCCESS = ['passed', 'failed', 'unknown'];
const INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'long-fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'other',
];
const RESULTS = ['correct', 'incorrect', 'unanticipated', 'neutral'];
const NAV_REQUESTS = ['continue', 'previous', 'exit', 'exitAll', 'abandon', 'abandonAll', 'suspendAll', '_none_'];

const ro: ElementRule = { access: 'read-only' };
const rw = (check: Check): ElementRule => ({ access: 'read-write', check });

/** Every SCORM 2004 element the strict LMS accepts, keyed by pattern (indexes as `n`). */
const ELEMENTS: Readonly<Record<string, ElementRule>> = {
  'cmi.comments_from_learner.n.comment': rw(localized(SCORM2004.comment, '4.2.1 cmi.comments_from_learner.n.comment')),
  'cmi.comments_from_learner.n.location': rw(maxLength(SCORM2004.shortIdentifier, '4.2.1 cmi.comments_from_learner.n.location')),
  'cmi.comments_from_learner.n.timestamp': rw(timestamp('4.2.1 cmi.comments_from_learner.n.timestamp')),
  'cmi.comments_from_lms.n.comment': ro,
  'cmi.comments_from_lms.n.location': ro,
  'cmi.comments_from_lms.n.timestamp': ro,
  'cmi.completion_status': rw(vocabulary(COMPLETION, '4.2.3 cmi.completion_status')),
  'cmi.completion_threshold': ro,
  'cmi.credit': ro,
  'cmi.entry': ro,
  'cmi.exit': { access: 'write-only', check: vocabulary(['time-out', 'suspend', 'logout', 'normal', ''], '4.2.7 cmi.exit') },
  'cmi.interactions.n.id': rw(longIdentifier('4.2.8 cmi.interactions.n.id')),
  'cmi.interactions.n.type': rw(interaction(vocabulary(INTERACTION_TYPES, '4.2.8 cmi.interactions.n.type'), false)),
  'cmi.interactions.n.objectives.n.id': rw(interaction(longIdentifier('4.2.8 cmi.interactions.n.objectives.n.id'), false)),
  'cmi.interactions.n.timestamp': rw(interaction(timestamp('4.2.8 cmi.interactions.n.timestamp'), false)),
  'cmi.interactions.n.correct_responses.n.pattern': rw(
    interaction(response(true, '4.2.8 cmi.interactions.n.correct_responses.n.pattern'), true),
  ),
  'cmi.interactions.n.weighting': rw(interaction(real('4.2.8 cmi.interactions.n.weighting'), false)),
  'cmi.interactions.n.learner_response': rw(interaction(response(false, '4.2.8 cmi.interactions.n.learner_response'), true)),
  'cmi.interactions.n.result': rw(
    interaction(
      (value) =>
        RESULTS.includes(value) || isReal(value)
          ? undefined
          : breach(`must be one of ${RESULTS.join(', ')} or a real number`, '4.2.8 cmi.interactions.n.result'),
      false,
    ),
  ),
  'cmi.interactions.n.latency': rw(interaction(duration('4.2.8 cmi.interactions.n.latency'), false)),
  'cmi.interactions.n.description': rw(interaction(localized(SCORM2004.description, '4.2.8 cmi.interactions.n.description'), false)),
  'cmi.launch_data': ro,
  'cmi.learner_id': ro,
  'cmi.learner_name': ro,
  'cmi.learner_preference.audio_level': rw(real('4.2.12 cmi.learner_preference.audio_level', 0)),
  'cmi.learner_preference.language': rw((value) =>
    value === '' || isLanguageTag(value)
      ? undefined
      : breach('must be an RFC 3066 language tag or ""', '4.2.12 cmi.learner_preference.language'),
  ),
  'cmi.learner_preference.delivery_speed': rw(real('4.2.12 cmi.learner_preference.delivery_speed', 0)),
  'cmi.learner_preference.audio_captioning': rw(vocabulary(['-1', '0', '1'], '4.2.12 cmi.learner_preference.audio_captioning')),
  'cmi.location': rw(maxLength(SCORM2004.location, '4.2.13 cmi.location')),
  'cmi.max_time_allowed': ro,
  'cmi.mode': ro,
  'cmi.objectives.n.id': rw(longIdentifier('4.2.16 cmi.objectives.n.id')),
  'cmi.objectives.n.score.scaled': rw(
    objective(real('4.2.16 cmi.objectives.n.score.scaled', SCORM2004.scaledScoreMin, SCORM2004.scaledScoreMax)),
  ),
  'cmi.objectives.n.score.raw': rw(objective(real('4.2.16 cmi.objectives.n.score.raw'))),
  'cmi.objectives.n.score.min': rw(objective(real('4.2.16 cmi.objectives.n.score.min'))),
  'cmi.objectives.n.score.max': rw(objective(real('4.2.16 cmi.objectives.n.score.max'))),
  'cmi.objectives.n.success_status': rw(objective(vocabulary(SUCCESS, '4.2.16 cmi.objectives.n.success_status'))),
  'cmi.objectives.n.completion_status': rw(objective(vocabulary(COMPLETION, '4.2.16 cmi.objectives.n.completion_status'))),
  'cmi.objectives.n.progress_measure': rw(objective(real('4.2.16 cmi.objectives.n.progress_measure', 0, 1))),
  'cmi.objectives.n.description': rw(objective(localized(SCORM2004.description, '4.2.16 cmi.objectives.n.description'))),
  'cmi.progress_measure': rw(real('4.2.17 cmi.progress_measure', 0, 1)),
  'cmi.scaled_passing_score': ro,
  'cmi.score.scaled': rw(real('4.2.19 cmi.score.scaled', SCORM2004.scaledScoreMin, SCORM2004.scaledScoreMax)),
  'cmi.score.raw': rw(real('4.2.19 cmi.score.raw')),
  'cmi.score.min': rw(real('4.2.19 cmi.score.min')),
  'cmi.score.max': rw(real('4.2.19 cmi.score.max')),
  'cmi.session_time': { access: 'write-only', check: duration('4.2.20 cmi.session_time') },
  'cmi.success_status': rw(vocabulary(SUCCESS, '4.2.21 cmi.success_status')),
  'cmi.suspend_data': rw(maxLength(SCORM2004.suspendData, '4.2.22 cmi.suspend_data')),
  'cmi.time_limit_action': ro,
  'cmi.total_time': ro,
  'adl.nav.request_valid.continue': ro,
  'adl.nav.request_valid.previous': ro,
  'adl.nav.request': rw((value) =>
    NAV_REQUESTS.includes(value) || /^\{target=[^}]+\}(choice|jump)$/.test(value)
      ? undefined
      : breach(
          'must be a navigation request such as "continue", "exitAll" or "{target=ID}choice"',
          '4.4 adl.nav.request (navigation data model)',
        ),
  ),
};

/** RTE 4.2.x: how many records each collection must hold at least; content must not exceed it. */
const COLLECTION_SPM: ReadonlyArray<readonly [RegExp, number, string]> = [
  [/^cmi\.interactions$/, SCORM2004.interactions, '4.2.8 cmi.interactions'],
  [/^cmi\.interactions\.\d+\.objectives$/, SCORM2004.interactionObjectives, '4.2.8 cmi.interactions.n.objectives'],
  [/^cmi\.objectives$/, SCORM2004.objectives, '4.2.16 cmi.objectives'],
  [/^cmi\.comments_from_learner$/, SCORM2004.commentsFromLearner, '4.2.1 cmi.comments_from_learner'],
];

function beyondSpm(element: string): Breach | undefined {
  const parts = element.split('.');
  for (let i = 1; i < parts.length; i++) {
    const collection = parts.slice(0, i).join('.');
    const index = Number(parts[i]);
    const spm = COLLECTION_SPM.find(([pattern]) => pattern.test(collection));
    if (spm && /^\d+$/.test(parts[i] ?? '') && index >= spm[1]) {
      return breach(
        `${collection} holds at most ${spm[1]} records (SPM); index ${index} is beyond it`,
        spm[2],
        SCORM2004_ERRORS.generalSet,
      );
    }
  }
  return undefined;
}

/** The rule for an element pattern; `adl.nav.request_valid.choice.{target=ID}` names carry their target. */
function ruleFor(pattern: string): ElementRule | undefined {
  if (/^adl\.nav\.request_valid\.(choice|jump)\.\{target=[^}]+\}$/.test(pattern)) return ro;
  return ELEMENTS[pattern];
}

export const scorm2004Rules: RuleSet = {
  checkSet(element: string, value: string, held: HeldData): Breach | undefined {
    if (isKeyword(element)) return breach(`${element} is a keyword and read-only`, '3.1.7 error 404', SCORM2004_ERRORS.readOnly);
    const { pattern, indexes } = elementPattern(element);
    const rule = ruleFor(pattern);
    if (!rule) return breach(`${element} is not a SCORM 2004 data-model element`, '4.2', SCORM2004_ERRORS.undefinedElement);
    if (rule.access === 'read-only') return breach(`${element} is read-only`, `4.2 ${pattern}`, SCORM2004_ERRORS.readOnly);
    const gap = firstGap(element, held);
    if (gap) {
      return breach(
        `${gap[0]}.${gap[1]} skips an index: the next record is ${gap[0]}.${held.count(gap[0])}`,
        `4.2 ${gap[0]}`,
        SCORM2004_ERRORS.generalSet,
      );
    }
    return beyondSpm(element) ?? rule.check?.(value, { element, indexes, held });
  },

  checkGet(element: string): Breach | undefined {
    if (isKeyword(element)) return undefined;
    const { pattern } = elementPattern(element);
    const rule = ruleFor(pattern);
    if (!rule) return breach(`${element} is not a SCORM 2004 data-model element`, '4.2', SCORM2004_ERRORS.undefinedElement);
    if (rule.access === 'write-only') return breach(`${element} is write-only`, `4.2 ${pattern}`, SCORM2004_ERRORS.writeOnly);
    return undefined;
  },
};
