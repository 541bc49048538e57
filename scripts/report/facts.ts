/**
 * One statement, as read from an LRS, turned into the few facts the report
 * counts — or into the reason it is not counted. Pure; it trusts nothing in
 * the statement (the LRS may hold anything) and never throws.
 *
 * The facts are small on purpose: the report keeps them, never the raw
 * statement, so 200,000 statements fit in a bounded amount of memory.
 */
import { durationMs } from '../../hosts/scorm/session-seed.js';
import { VERBS } from '../../src/tracking/xapi/statements.js';
import type { CourseModel } from './course-model.js';

/** Verbs an LMS writes about a cmi5 AU (cmi5 §9.3), besides the course's own. */
const LMS_VERBS = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  abandoned: 'https://w3id.org/xapi/adl/verbs/abandoned',
  waived: 'https://w3id.org/xapi/adl/verbs/waived',
  satisfied: 'https://w3id.org/xapi/adl/verbs/satisfied',
} as const;
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const SESSION_ID_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';
const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

const VERB_BY_IRI = new Map<string, string>([...Object.entries(VERBS), ...Object.entries(LMS_VERBS)].map(([name, iri]) => [iri, name]));

/** A question as the statement defines it (the definition it was answered under). */
export interface QuestionDefinition {
  readonly id: string;
  /** Content version (context.revision), or "" when the statement names none. */
  readonly version: string;
  readonly iri: string;
  readonly interactionType: string;
  readonly text: string;
  readonly choices: readonly { readonly id: string; readonly text: string }[];
  readonly correct: readonly string[];
}

export type FactWhat =
  | { readonly verb: 'launched' | 'initialized' | 'completed' | 'abandoned' | 'waived' }
  | { readonly verb: 'experienced'; readonly page: string }
  | {
      readonly verb: 'answered';
      readonly question: QuestionDefinition;
      readonly response: string;
      readonly success: boolean | undefined;
      /** The quiz attempt the course sent (context extension), when it sent one. */
      readonly attempt: number | undefined;
    }
  | { readonly verb: 'passed' | 'failed'; readonly scaled: number | undefined; readonly mastery: number | undefined }
  | { readonly verb: 'terminated'; readonly durationMs: number | undefined };

export interface Fact {
  readonly id: string;
  /** ms since the epoch: the statement's timestamp (or stored, if it has none). */
  readonly time: number;
  readonly version: string;
  /** cmi5 session id, when the statement carries one. */
  readonly session: string | undefined;
  /** Longest session duration the statement reports (completed/passed/failed/terminated carry one). */
  readonly durationMs: number | undefined;
  readonly what: FactWhat;
}

export interface Learner {
  /** The actor's inverse functional identifier, as one string. */
  readonly key: string;
  readonly name: string | undefined;
}

export type Reading =
  | { readonly kind: 'fact'; readonly learner: Learner; readonly registration: string; readonly fact: Fact }
  | { readonly kind: 'voiding'; readonly id: string; readonly target: string }
  /** The statement belongs to another course; `course` names it as best the statement tells. */
  | { readonly kind: 'other-course'; readonly id: string; readonly course: string }
  | { readonly kind: 'unreadable'; readonly id: string | undefined; readonly why: string }
  /** Ours, but nothing the report counts (a verb it does not use, such as satisfied). */
  | { readonly kind: 'ignored'; readonly id: string; readonly why: string };

type Json = Record<string, unknown>;
const isJson = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const text = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : x === undefined ? [] : [x]);

/** The first text of a language map, preferring English. */
function languageText(map: unknown): string {
  if (!isJson(map)) return '';
  const english = Object.keys(map).find((k) => k.toLowerCase().startsWith('en'));
  return text(map[english ?? Object.keys(map)[0] ?? '']) ?? '';
}

/** xAPI 1.0.3 Part Two §2.4.2.1: an Agent is identified by exactly one IFI. */
export function learnerOf(actor: unknown): Learner | undefined {
  if (!isJson(actor)) return undefined;
  const name = text(actor.name);
  if (typeof actor.mbox === 'string') return { key: actor.mbox.toLowerCase(), name };
  if (typeof actor.mbox_sha1sum === 'string') return { key: `sha1:${actor.mbox_sha1sum.toLowerCase()}`, name };
  if (typeof actor.openid === 'string') return { key: actor.openid, name };
  const account = actor.account;
  if (isJson(account) && typeof account.homePage === 'string' && typeof account.name === 'string')
    return { key: `${account.homePage}|${account.name}`, name };
  return undefined;
}

/** Ids of the object and of every context activity. */
function activityIds(object: Json, context: Json): string[] {
  const ids = [text(object.id)];
  const activities = isJson(context.contextActivities) ? context.contextActivities : {};
  for (const key of ['parent', 'grouping', 'category', 'other']) for (const a of list(activities[key])) if (isJson(a)) ids.push(text(a.id));
  return ids.filter((id): id is string => id !== undefined);
}

const under = (id: string, base: string) => id === base || id.startsWith(`${base}/`);

/** `<lesson or AU>/pages/<page>` and `<lesson or AU>/interactions/<encoded id>`: the trackers' activity ids. */
const PART = /\/(pages|interactions)\/([^/?#]+)$/;

/** `activity`: the activity the statements were asked for (an LMS names a cmi5 AU by its own id). */
export function readStatement(raw: unknown, model: CourseModel, activity: string): Reading {
  if (!isJson(raw)) return { kind: 'unreadable', id: undefined, why: 'not a JSON object' };
  const id = text(raw.id)?.toLowerCase();
  if (!id) return { kind: 'unreadable', id: undefined, why: 'no statement id' };
  const verbIri = isJson(raw.verb) ? text(raw.verb.id) : undefined;
  const object = isJson(raw.object) ? raw.object : undefined;
  if (!verbIri || !object) return { kind: 'unreadable', id, why: 'no verb or no object' };
  if (verbIri === VOIDED) {
    const target = object.objectType === 'StatementRef' ? text(object.id) : undefined;
    return target
      ? { kind: 'voiding', id, target: target.toLowerCase() }
      : { kind: 'unreadable', id, why: 'a voiding statement without a StatementRef' };
  }
  const context = isJson(raw.context) ? raw.context : {};
  const objectId = text(object.id) ?? '';
  const verb = VERB_BY_IRI.get(verbIri);
  // Ours: every statement the course sends names the course's base IRI in grouping (a cmi5 LMS adds the
  // AU id of cmi5.xml there too); an LMS's own statements (launched, abandoned, …) are about the activity
  // asked for. A statement with no grouping at all is ours when its object lies under the base IRI.
  const activities = isJson(context.contextActivities) ? context.contextActivities : {};
  const grouping = list(activities.grouping)
    .filter(isJson)
    .map((a) => text(a.id))
    .filter((id): id is string => id !== undefined);
  const ours =
    grouping.some((id) => id === model.courseIri || id === model.auIri) ||
    (verb !== undefined && verb in LMS_VERBS && objectId === activity) ||
    (grouping.length === 0 && activityIds(object, context).some((id) => under(id, model.courseIri)));
  if (!ours) return { kind: 'other-course', id, course: grouping[0] ?? objectId ?? '(unnamed)' };
  const learner = learnerOf(raw.actor);
  if (!learner) return { kind: 'unreadable', id, why: 'the actor has no identifier (mbox, mbox_sha1sum, openid or account)' };
  const time = Date.parse(text(raw.timestamp) ?? text(raw.stored) ?? '');
  if (Number.isNaN(time)) return { kind: 'unreadable', id, why: 'no readable timestamp' };
  const result = isJson(raw.result) ? raw.result : {};
  const extensions = isJson(context.extensions) ? context.extensions : {};
  const duration = text(result.duration);
  const base = {
    id,
    time,
    version: text(context.revision) ?? '',
    session: text(extensions[SESSION_ID_EXTENSION]),
    durationMs: duration ? durationMs(duration) : undefined,
  };
  const fact = (what: FactWhat): Reading => ({
    kind: 'fact',
    learner,
    registration: text(context.registration)?.toLowerCase() ?? '',
    fact: { ...base, what },
  });
  const part = PART.exec(objectId);
  switch (verb) {
    case 'launched':
    case 'initialized':
    case 'completed':
    case 'abandoned':
    case 'waived':
      return fact({ verb });
    case 'terminated':
      return fact({ verb, durationMs: base.durationMs });
    case 'passed':
    case 'failed': {
      const score = isJson(result.score) ? result.score : {};
      const mastery = extensions[MASTERY_EXTENSION];
      return fact({
        verb,
        scaled: typeof score.scaled === 'number' ? score.scaled : undefined,
        mastery: typeof mastery === 'number' ? mastery : undefined,
      });
    }
    case 'experienced':
      if (part?.[1] !== 'pages') return { kind: 'ignored', id, why: 'experienced something other than a page' };
      return fact({ verb, page: decodeURIComponent(part[2] ?? '') });
    case 'answered': {
      if (part?.[1] !== 'interactions') return { kind: 'ignored', id, why: 'answered something other than a question' };
      const definition = isJson(object.definition) ? object.definition : {};
      const attempt = extensions[model.attemptExtension];
      const question: QuestionDefinition = {
        id: safeDecode(part[2] ?? ''),
        version: base.version,
        iri: objectId,
        interactionType: text(definition.interactionType) ?? '',
        text: languageText(definition.description) || languageText(definition.name),
        choices: list(definition.choices)
          .filter(isJson)
          .map((c) => ({ id: text(c.id) ?? '', text: languageText(c.description) })),
        correct: list(definition.correctResponsesPattern).map((p) => text(p) ?? ''),
      };
      return fact({
        verb,
        question,
        response: text(result.response) ?? '',
        success: typeof result.success === 'boolean' ? result.success : undefined,
        attempt: typeof attempt === 'number' && Number.isInteger(attempt) && attempt > 0 ? attempt : undefined,
      });
    }
    default:
      return { kind: 'ignored', id, why: `verb ${verbIri} is not one the report counts` };
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
