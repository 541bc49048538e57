/**
 * xAPI statements as plain typed data (xAPI 1.0.3 Part Two). Pure: ids and
 * clocks are injected, so every statement the course can send is built and
 * validated in unit tests. cmi5 additions live in ../cmi5/cmi5-statements.ts.
 */
import type { Statement } from '@xapi/xapi';
import type { InteractionRecord } from '../../domain/interaction.js';
import { toIsoDuration } from '../scorm/time.js';
import type { Agent } from './launch-params.js';

export const VERBS = {
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
} as const;
export type VerbName = keyof typeof VERBS;

export const ACTIVITY_TYPES = {
  course: 'http://adlnet.gov/expapi/activities/course',
  lesson: 'http://adlnet.gov/expapi/activities/lesson',
  module: 'http://adlnet.gov/expapi/activities/module',
  interaction: 'http://adlnet.gov/expapi/activities/cmi.interaction',
} as const;

export interface ActivityRef {
  readonly id: string;
  readonly name: string;
  readonly description?: string;
  readonly type: string;
}

export interface StatementContext {
  readonly actor: Agent;
  readonly registration: string;
  readonly language: string;
  /** The activity the session is about: the lesson (xAPI) or the AU (cmi5). */
  readonly lesson: ActivityRef;
  readonly course: ActivityRef;
  /**
   * The content version (course.yaml `version`), sent as `context.revision` (xAPI 1.0.3 Part Two
   * §2.4.6: the revision of the learning experience), so a report never merges the answers to a
   * question of one version with those of another.
   */
  readonly revision: string;
  readonly newId: () => string;
  readonly now: () => Date;
}

export interface Score {
  readonly scaled: number;
  readonly raw: number;
  readonly min: number;
  readonly max: number;
}

type StatementObject = Extract<Statement['object'], { id: string }>;

const langMap = (language: string, text: string) => ({ [language]: text });

export function activity(ctx: StatementContext, ref: ActivityRef): StatementObject {
  return {
    objectType: 'Activity',
    id: ref.id,
    definition: {
      type: ref.type,
      name: langMap(ctx.language, ref.name),
      ...(ref.description ? { description: langMap(ctx.language, ref.description) } : {}),
    },
  } as StatementObject;
}

/** Every statement: id fixed at creation, UTC timestamp, registration, parent lesson, grouping course, language. */
export function statement(
  ctx: StatementContext,
  verb: VerbName,
  object: StatementObject,
  result?: Statement['result'],
): Statement & { id: string; timestamp: string } {
  const isLesson = object.id === ctx.lesson.id;
  return {
    id: ctx.newId(),
    actor: ctx.actor,
    verb: { id: VERBS[verb], display: { 'en-US': verb } },
    object,
    ...(result ? { result } : {}),
    context: {
      registration: ctx.registration,
      contextActivities: {
        ...(isLesson ? {} : { parent: [activity(ctx, ctx.lesson)] }),
        grouping: [activity(ctx, ctx.course)],
      },
      // Part Two §2.4.6: revision only where the object is an Activity, which every statement of ours is.
      revision: ctx.revision,
      language: ctx.language,
    },
    // xAPI 1.0.3 §4.5 / cmi5 §9.7: UTC, millisecond precision.
    timestamp: ctx.now().toISOString(),
  } as Statement & { id: string; timestamp: string };
}

export const lessonStatement = (ctx: StatementContext, verb: VerbName, result?: Statement['result']) =>
  statement(ctx, verb, activity(ctx, ctx.lesson), result);

export function experienced(ctx: StatementContext, page: ActivityRef) {
  return statement(ctx, 'experienced', activity(ctx, page));
}

/**
 * Context extension carrying the quiz attempt (1, 2, …) an answer belongs to, so a report can tell
 * first attempts from retakes. An IRI under the course's own base IRI (the grouping course), which the
 * course controls (Part Two §2.4.6.2: extension keys are IRIs).
 */
export const quizAttemptExtension = (courseIri: string): string => `${courseIri}/extensions/quiz-attempt`;

/** `[,]` separates responses (xAPI Part Two §2.4.4.1): a learner's literal `[,]` must not split the answer. */
function safeText(text: string): string {
  return text.replaceAll('[,]', '[ ,]');
}

/** A cmi.interaction activity for one answer, with the question text as its description. */
export function answered(ctx: StatementContext, i: InteractionRecord, ref: { id: string; name: string }) {
  const written = i.kind !== 'choice';
  const response = written ? safeText(i.response[0] ?? '') : i.response.join('[,]');
  const definition = {
    type: ACTIVITY_TYPES.interaction,
    name: langMap(ctx.language, ref.name),
    description: langMap(ctx.language, i.question),
    // xAPI notes: "short" fill-in is about 250 characters at most; longer answers are long-fill-in.
    interactionType: written ? (response.length > 250 ? 'long-fill-in' : 'fill-in') : 'choice',
    ...(written
      ? {}
      : {
          // xAPI 1.0.3 Part Two §2.4.4.1: each pattern is one right response on its own.
          correctResponsesPattern: [...i.correct],
          choices: i.choices.map((c) => ({ id: c.id, description: langMap(ctx.language, c.text) })),
        }),
  };
  const object = { objectType: 'Activity', id: ref.id, definition } as StatementObject;
  const built = statement(ctx, 'answered', object, {
    ...(i.success === undefined ? {} : { success: i.success }),
    response,
    duration: toIsoDuration(i.latencyMs),
  });
  if (i.attempt === 0) return built;
  return { ...built, context: { ...built.context, extensions: { [quizAttemptExtension(ctx.course.id)]: i.attempt } } };
}

export function scoreOf(scaled: number): Score {
  return { scaled: Math.round(scaled * 10000) / 10000, raw: Math.round(scaled * 100), min: 0, max: 100 };
}

/** xAPI 1.0.3 §4.6: ISO 8601 duration with at most 0.01 s precision. */
export function duration(ms: number): string {
  return toIsoDuration(ms);
}
