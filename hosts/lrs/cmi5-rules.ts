/**
 * The cmi5 (Quartz) rules an LMS enforces on the statements an AU sends in a
 * session. Pure: given the launch, what the session and the registration have
 * seen so far, and one statement, say which requirement it breaks (the first
 * one, checked in a fixed order) or nothing. Requirement numbers are those of
 * ADL's machine-readable list (the `@cmi5/requirements` package, the list the
 * CATAPULT CTS cites); `fail` refuses to cite a number that is not there.
 *
 * SPEC NOTE: §9.3 orders statements by their timestamp; this LMS judges them in
 * the order it receives them (a batch in array order), which is what an AU that
 * sends as things happen produces, and what the LMS can refuse in time.
 */
import { isObject, agentKey, sameJson, type JsonObject } from './json.js';
import { cmi5Requirement } from './standards.js';

export type LaunchMode = 'Normal' | 'Browse' | 'Review';

/** What the LMS told the AU at launch (launch URL + LMS.LaunchData). */
export interface Cmi5Launch {
  readonly sessionId: string;
  readonly registration: string;
  readonly activityId: string;
  readonly actor: JsonObject;
  readonly launchMode: LaunchMode;
  readonly masteryScore?: number;
  readonly contextTemplate: JsonObject;
}

/** What one AU session has done so far. */
export interface SessionProgress {
  readonly preferencesRead: boolean;
  readonly initialized: boolean;
  readonly terminated: boolean;
  /** cmi5 defined verbs accepted in this session, in order. */
  readonly verbs: readonly Cmi5Verb[];
}

/** What the registration (learner × course, for this AU) holds across sessions (§9.3 per-registration rules). */
export interface RegistrationRecord {
  readonly completed: boolean;
  readonly passed: boolean;
}

export interface Violation {
  readonly status: number;
  readonly requirement: string;
  readonly reason: string;
}

/** §9.3.2–§9.3.5, §9.3.8: the verbs an AU may use in cmi5 defined statements. */
export const CMI5_VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type Cmi5Verb = keyof typeof CMI5_VERBS;

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const SESSION_ID_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
export const MASTERY_SCORE_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';

export const NEW_SESSION: SessionProgress = { preferencesRead: false, initialized: false, terminated: false, verbs: [] };
export const NEW_REGISTRATION: RegistrationRecord = { completed: false, passed: false };

function fail(requirement: string, reason: string, status = 400): Violation {
  return { status, requirement, reason: `${reason} — cmi5 ${requirement}: ${cmi5Requirement(requirement)}` };
}

const asList = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]);
const activityIdsOf = (x: unknown): string[] => asList(x).flatMap((a) => (isObject(a) && typeof a.id === 'string' ? [a.id] : []));
const contextOf = (s: JsonObject): JsonObject => (isObject(s.context) ? s.context : {});
const extensionsOf = (s: JsonObject): JsonObject => {
  const extensions = contextOf(s).extensions;
  return isObject(extensions) ? extensions : {};
};
const resultOf = (s: JsonObject): JsonObject => (isObject(s.result) ? s.result : {});
const categoriesOf = (s: JsonObject): string[] => {
  const activities = contextOf(s).contextActivities;
  return isObject(activities) ? activityIdsOf(activities.category) : [];
};
const verbIdOf = (s: JsonObject): string => (isObject(s.verb) && typeof s.verb.id === 'string' ? s.verb.id : '');

/** §7.1.3: a cmi5 defined statement uses a cmi5 verb and carries the cmi5 category activity. */
export function definedVerb(s: JsonObject): Cmi5Verb | undefined {
  if (!categoriesOf(s).includes(CMI5_CATEGORY)) return undefined;
  const id = verbIdOf(s);
  return (Object.keys(CMI5_VERBS) as Cmi5Verb[]).find((name) => CMI5_VERBS[name] === id);
}

/** §9.7: "All timestamps MUST be recorded in UTC time." Accepted: `Z` or `+00:00`. */
const isUtc = (timestamp: string): boolean => /(?:[Zz]|\+00:00)$/.test(timestamp);

/** The first rule this AU statement breaks, or undefined. */
export function checkAuStatement(
  s: JsonObject,
  launch: Cmi5Launch,
  progress: SessionProgress,
  registration: RegistrationRecord,
): Violation | undefined {
  const verb = definedVerb(s);
  return (
    sessionViolation(s, verb, launch, progress) ??
    contextViolation(s, verb, launch) ??
    (verb ? definedViolation(s, verb, launch, progress, registration) : undefined)
  );
}

/** The session is open for this statement: id, order, timing, learner. */
function sessionViolation(s: JsonObject, verb: Cmi5Verb | undefined, launch: Cmi5Launch, progress: SessionProgress): Violation | undefined {
  if (verbIdOf(s) === VOIDED) return fail('6.3.0.0-1', 'an AU may not void statements', 403);
  if (typeof s.id !== 'string') return fail('9.1.0.0-1', 'the statement has no id');
  if (progress.terminated) return fail('9.3.0.0-5', `the session ${launch.sessionId} has already been terminated`);
  if (typeof s.timestamp !== 'string') return fail('9.7.0.0-1', 'the statement has no timestamp');
  if (!isUtc(s.timestamp)) return fail('9.7.0.0-2', `timestamp ${s.timestamp} is not in UTC (Z or +00:00)`);
  if (agentKey(s.actor) !== agentKey(launch.actor)) return fail('8.1.3.0-3', 'the actor is not the launch actor');
  if (!progress.initialized) {
    if (verb !== 'initialized')
      return fail('9.3.0.0-4', `the first statement of the session is "${verbIdOf(s)}", not a cmi5 initialized statement`);
    if (!progress.preferencesRead)
      return fail('11.0.0.0-3', 'initialized was sent before the cmi5LearnerPreferences agent profile was read');
  }
  return undefined;
}

/** §9.6, §10.2.1: the context is built on the LMS's template and names this launch. */
function contextViolation(s: JsonObject, verb: Cmi5Verb | undefined, launch: Cmi5Launch): Violation | undefined {
  const context = contextOf(s);
  if (String(context.registration ?? '').toLowerCase() !== launch.registration.toLowerCase())
    return fail(verb ? '9.6.1.0-1' : '8.1.4.0-3', `context.registration is ${String(context.registration)}, not the launch registration`);
  if (extensionsOf(s)[SESSION_ID_EXTENSION] !== launch.sessionId)
    return fail('9.6.3.1-4', `the context does not carry session id ${launch.sessionId} in the sessionid extension`);
  const template = templateViolation(launch.contextTemplate, context, verb !== undefined);
  if (template) return template;
  // Completed/passed/failed must carry completion/success (checked with the other cmi5 defined rules), so the
  // moveOn category is theirs; on any other statement it is out of place.
  const judgement = verb === 'completed' || verb === 'passed' || verb === 'failed';
  if (!judgement && categoriesOf(s).includes(MOVEON_CATEGORY))
    return fail('9.6.2.2-2', 'the moveOn category is only for cmi5 defined statements with result.success or result.completion');
  const score = resultOf(s).score;
  if (isObject(score) && score.raw !== undefined && (score.min === undefined || score.max === undefined))
    return fail('9.5.1.0-3', 'result.score.raw is given without score.min and score.max');
  // §7.1.3: the cmi5 category marks cmi5 defined statements; on any other verb the statement is "cmi5 not-allowed".
  if (verb === undefined && categoriesOf(s).includes(CMI5_CATEGORY))
    return fail('9.6.2.1-1', `verb ${verbIdOf(s)} is not a cmi5 verb an AU may send, yet the statement carries the cmi5 category`);
  return undefined;
}

/** §10.2.1: "it MUST NOT overwrite any values provided in the contextTemplate." */
function templateViolation(template: JsonObject, context: JsonObject, defined: boolean): Violation | undefined {
  for (const [key, expected] of Object.entries(template)) {
    const actual = context[key];
    if (key === 'extensions' && isObject(expected)) {
      const extensions = isObject(actual) ? actual : {};
      for (const [name, value] of Object.entries(expected)) {
        if (!(name in extensions)) return fail('10.2.1.0-6', `context.extensions lacks "${name}" from the contextTemplate`);
        if (!sameJson(extensions[name], value))
          return fail('10.2.1.0-7', `context.extensions["${name}"] overwrites the contextTemplate's value`);
      }
    } else if (key === 'contextActivities' && isObject(expected)) {
      const lists = isObject(actual) ? actual : {};
      for (const [list, activities] of Object.entries(expected)) {
        const present = activityIdsOf(lists[list]);
        const missing = activityIdsOf(activities).find((id) => !present.includes(id));
        if (missing)
          return fail(
            defined ? '9.6.2.0-1' : '10.2.1.0-6',
            `context.contextActivities.${list} lacks the contextTemplate's activity ${missing}`,
          );
      }
    } else if (actual === undefined) {
      return fail('10.2.1.0-6', `context.${key} from the contextTemplate is missing`);
    } else if (!sameJson(actual, expected)) {
      return fail('10.2.1.0-7', `context.${key} overwrites the contextTemplate's value`);
    }
  }
  return undefined;
}

const DURATION_REQUIREMENT: Partial<Record<Cmi5Verb, string>> = {
  terminated: '9.5.4.1-1',
  completed: '9.5.4.1-2',
  passed: '9.5.4.1-3',
  failed: '9.5.4.1-4',
};

/** §8.1.5, §9.3, §9.5, §9.6.2.2, §9.6.3.2, §10.2.2: what a cmi5 defined statement must be. */
function definedViolation(
  s: JsonObject,
  verb: Cmi5Verb,
  launch: Cmi5Launch,
  progress: SessionProgress,
  registration: RegistrationRecord,
): Violation | undefined {
  const object = isObject(s.object) ? s.object : {};
  if (object.id !== launch.activityId) return fail('8.1.5.0-6', `the object id is ${String(object.id)}, not the launch activityId`);
  const judgement = verb === 'completed' || verb === 'passed' || verb === 'failed';
  if (judgement && launch.launchMode !== 'Normal')
    return fail(launch.launchMode === 'Browse' ? '10.2.2.0-2' : '10.2.2.0-3', `${verb} was sent in a ${launch.launchMode} launch`);
  const order = orderViolation(verb, progress, registration);
  if (order) return order;
  const result = resultOf(s);
  const durationRule = DURATION_REQUIREMENT[verb];
  if (durationRule && typeof result.duration !== 'string') return fail(durationRule, `${verb} has no result.duration`);
  const score = isObject(result.score) ? result.score : undefined;
  if (score && verb !== 'passed' && verb !== 'failed') return fail('9.5.1.0-2', `${verb} may not carry a score`);
  if (verb === 'passed' && result.success !== true) return fail('9.5.2.0-1', 'passed must have result.success true');
  if (verb === 'failed' && result.success !== false) return fail('9.5.2.0-2', 'failed must have result.success false');
  if (!judgement || verb === 'completed') {
    if (result.success !== undefined) return fail('9.5.2.0-3', `${verb} may not carry result.success`);
  }
  if (verb === 'completed' && result.completion !== true) return fail('9.5.3.0-1', 'completed must have result.completion true');
  if (verb !== 'completed' && result.completion !== undefined) return fail('9.5.3.0-2', `${verb} may not carry result.completion`);
  if ((result.success !== undefined || result.completion !== undefined) && !categoriesOf(s).includes(MOVEON_CATEGORY))
    return fail('9.6.2.2-1', `${verb} carries success/completion but not the moveOn category`);
  return verb === 'passed' || verb === 'failed' ? masteryViolation(s, verb, launch, score) : undefined;
}

/**
 * §9.3 "AU Verb Ordering Rules" within the session and within the registration, in the order the
 * CATAPULT CTS checks them, so that the same breach cites the same requirement: a verb repeated in a
 * session is 9.3.0.0-2 ("Verbs MUST NOT be duplicated") before any per-registration rule.
 */
function orderViolation(verb: Cmi5Verb, progress: SessionProgress, registration: RegistrationRecord): Violation | undefined {
  if (progress.verbs.includes(verb)) return fail('9.3.0.0-2', `${verb} was already sent in this session`);
  if ((verb === 'passed' || verb === 'failed') && progress.verbs.some((v) => v === 'passed' || v === 'failed'))
    return fail('9.3.0.0-3', `${verb} follows another passed/failed in this session`);
  if (verb === 'completed' && registration.completed) return fail('9.3.0.0-6', 'completed was already sent in this registration');
  if (verb === 'passed' && registration.passed) return fail('9.3.0.0-7', 'passed was already sent in this registration');
  if (verb === 'failed' && registration.passed) return fail('9.3.0.0-8', 'failed may not follow passed in a registration');
  return undefined;
}

/** §9.3.4, §9.3.5, §9.6.3.2: judged against the LMS's masteryScore, and saying so. */
function masteryViolation(
  s: JsonObject,
  verb: 'passed' | 'failed',
  launch: Cmi5Launch,
  score: JsonObject | undefined,
): Violation | undefined {
  const mastery = launch.masteryScore;
  if (mastery === undefined) return undefined;
  const scaled = score?.scaled;
  if (typeof scaled === 'number' && verb === 'passed' && scaled < mastery)
    return fail('9.3.4.0-2', `passed with score.scaled ${scaled} below the masteryScore ${mastery}`);
  if (typeof scaled === 'number' && verb === 'failed' && scaled >= mastery)
    return fail('9.3.5.0-2', `failed with score.scaled ${scaled} at or above the masteryScore ${mastery}`);
  // Stricter than 9.6.3.2-2 (d), which only asks it when a score is present: with a masteryScore in the
  // launch data, passed/failed are judged against it (§10.2.4), so they must say so.
  if (extensionsOf(s)[MASTERY_SCORE_EXTENSION] !== mastery)
    return fail('9.6.3.2-2', `${verb} does not carry the masteryscore extension with the launch masteryScore ${mastery}`);
  return undefined;
}

/** The session and registration after an accepted statement. */
export function afterStatement(
  s: JsonObject,
  progress: SessionProgress,
  registration: RegistrationRecord,
): { progress: SessionProgress; registration: RegistrationRecord } {
  const verb = definedVerb(s);
  if (!verb) return { progress, registration };
  return {
    progress: {
      ...progress,
      initialized: progress.initialized || verb === 'initialized',
      terminated: progress.terminated || verb === 'terminated',
      verbs: [...progress.verbs, verb],
    },
    registration: {
      completed: registration.completed || verb === 'completed',
      passed: registration.passed || verb === 'passed',
    },
  };
}

/** The registration's record from statements already stored (any session, any credentials). */
export function registrationRecord(stored: readonly JsonObject[], launch: Cmi5Launch): RegistrationRecord {
  let record = NEW_REGISTRATION;
  for (const s of stored) {
    const object = isObject(s.object) ? s.object : {};
    const registration = String(contextOf(s).registration ?? '').toLowerCase();
    if (registration !== launch.registration.toLowerCase() || object.id !== launch.activityId) continue;
    record = afterStatement(s, NEW_SESSION, record).registration;
  }
  return record;
}

/** Every requirement number these rules cite (a test checks each is in requirements.json). */
export const CITED_REQUIREMENTS = [
  '6.3.0.0-1',
  '8.1.3.0-3',
  '8.1.4.0-3',
  '8.1.5.0-6',
  '9.1.0.0-1',
  '9.3.0.0-2',
  '9.3.0.0-3',
  '9.3.0.0-4',
  '9.3.0.0-5',
  '9.3.0.0-6',
  '9.3.0.0-7',
  '9.3.0.0-8',
  '9.3.4.0-2',
  '9.3.5.0-2',
  '9.5.1.0-2',
  '9.5.1.0-3',
  '9.5.2.0-1',
  '9.5.2.0-2',
  '9.5.2.0-3',
  '9.5.3.0-1',
  '9.5.3.0-2',
  '9.5.4.1-1',
  '9.5.4.1-2',
  '9.5.4.1-3',
  '9.5.4.1-4',
  '9.6.1.0-1',
  '9.6.2.0-1',
  '9.6.2.1-1',
  '9.6.2.2-1',
  '9.6.2.2-2',
  '9.6.3.1-4',
  '9.6.3.2-2',
  '9.7.0.0-1',
  '9.7.0.0-2',
  '10.2.1.0-6',
  '10.2.1.0-7',
  '10.2.2.0-2',
  '10.2.2.0-3',
  '11.0.0.0-3',
] as const;
