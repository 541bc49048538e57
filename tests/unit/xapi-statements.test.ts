/**
 * Every statement the course can send — each verb, each kind of answer, with
 * and without the cmi5 profile — is built by the real builders and must pass
 * both @learninglocker/xapi-validation and the xAPI JSON schema.
 */
import { parseCmi5Launch } from '../../src/tracking/xapi/launch-params.js';
import { describe, expect, it } from 'vitest';
import type { Statement } from '@xapi/xapi';
import type { InteractionRecord } from '../../src/domain/interaction.js';
import { cmi5Profile, CMI5_CATEGORY, MOVEON_CATEGORY } from '../../src/tracking/cmi5/cmi5-profile.js';
import * as build from '../../src/tracking/xapi/statements.js';
import { statementProblems } from '../../hosts/lrs/statement-validation.js';
import { quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import { pageActivityText } from '../../src/packaging/tincan-activities.js';
import { loadRealCourse } from './helpers/real-course.js';

// Loaded before the tests are collected: it.each below lists statements built from it.
const lesson = await loadRealCourse();

/*
 * The questions, answers and page come from the loaded course, picked by the role they play, so a
 * course author who renames a page, the quiz, a question or an option in course/ does not see these
 * tests of the statement builders fail. (tests/unit/shipped-lesson.test.ts pins the shipped lesson on
 * purpose.) The IRIs, actor, registration and learner's answer text below are sample values in the
 * formats an LMS or a learner sends, not lesson content.
 */
function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the lesson needs ${what}`);
  return value;
}

/** The quiz's first question, with a wrong option for it. */
function firstQuizQuestion() {
  const quiz = quizOf(lesson);
  const question = required(quiz.questions[0], 'a quiz question');
  const wrong = required(
    question.options.find((o) => o.id !== question.correct),
    `a wrong option for quiz question ${question.id}`,
  ).id;
  return { quiz, question, wrong };
}

/** A reflection question, as the learner answers it in writing. */
const reflectionQuestion = () =>
  required(
    writtenQuestions(lesson).find((q) => q.block.kind === 'reflection'),
    'a reflection question',
  );

/** The page a learner meets first. */
const firstPage = () => required(lesson.pages[0], 'a page');

const { quiz, question, wrong } = firstQuizQuestion();

let n = 0;
const context = (): build.StatementContext => ({
  actor: { objectType: 'Agent', name: 'Ann Learner', account: { homePage: 'https://lms.example.com', name: 'ann' } },
  registration: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
  language: 'en-US',
  lesson: {
    id: 'https://courses.example.com/xapi/iam/lesson/iam',
    name: lesson.title,
    description: 'A lesson',
    type: build.ACTIVITY_TYPES.lesson,
  },
  course: { id: 'https://courses.example.com/xapi/iam', name: 'Course', type: build.ACTIVITY_TYPES.course },
  revision: lesson.version,
  newId: () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`,
  now: () => new Date('2026-11-28T10:00:00.123Z'),
});

const choice: InteractionRecord = {
  id: `${quiz.id}.${question.id}`,
  activityId: quiz.id,
  kind: 'choice',
  question: question.stem,
  choices: question.options,
  response: [question.correct],
  correct: [question.correct],
  success: true,
  weighting: 1,
  latencyMs: 12_345,
  answeredAt: Date.UTC(2026, 10, 28, 10, 0, 0),
  attempt: 1,
};
const reflection = reflectionQuestion();
const written: InteractionRecord = {
  ...choice,
  id: reflection.key,
  activityId: reflection.block.id,
  question: reflection.question.text,
  kind: 'fill-in',
  choices: [],
  correct: [],
  success: undefined,
  weighting: 0,
  attempt: 0,
  response: ['My answer has "quotes", a [,] of its own — and 🔐.\nSecond line.'],
};
const ref = { id: 'https://courses.example.com/xapi/iam/lesson/iam/interactions/x', name: `${quiz.heading}: ${question.stem}` };

function everyStatement(): [string, build.VerbName, Statement][] {
  const ctx = context();
  const score = build.scoreOf(0.8);
  return [
    ['initialized', 'initialized', build.lessonStatement(ctx, 'initialized')],
    [
      'experienced a page',
      'experienced',
      build.experienced(ctx, {
        id: `${ctx.lesson.id}/pages/${firstPage().id}`,
        ...pageActivityText(lesson, firstPage()),
        type: build.ACTIVITY_TYPES.module,
      }),
    ],
    ['answered a choice question', 'answered', build.answered(ctx, choice, ref)],
    ['answered a wrong choice', 'answered', build.answered(ctx, { ...choice, response: [wrong], success: false }, ref)],
    ['answered in writing', 'answered', build.answered(ctx, written, ref)],
    ['answered at length', 'answered', build.answered(ctx, { ...written, response: ['x'.repeat(255)] }, ref)],
    ['completed', 'completed', build.lessonStatement(ctx, 'completed', { completion: true, duration: build.duration(900_000) })],
    ['passed', 'passed', build.lessonStatement(ctx, 'passed', { success: true, score, duration: build.duration(61_010) })],
    ['failed', 'failed', build.lessonStatement(ctx, 'failed', { success: false, score: build.scoreOf(0.4), duration: build.duration(5) })],
    ['terminated', 'terminated', build.lessonStatement(ctx, 'terminated', { duration: build.duration(0) })],
  ];
}

describe('xAPI statements', () => {
  it.each(everyStatement())('%s passes both validators', (_name, _verb, statement) => {
    expect(statementProblems(statement)).toEqual([]);
  });

  it('carries id, UTC timestamp, registration, parent lesson, grouping course and language', () => {
    const statement = everyStatement()[2]![2];
    expect(statement.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(statement.timestamp).toBe('2026-11-28T10:00:00.123Z');
    expect(statement.context).toMatchObject({
      registration: '3f2504e0-4f89-41d3-9a0c-0305e82c3301',
      language: 'en-US',
      contextActivities: {
        parent: [{ id: 'https://courses.example.com/xapi/iam/lesson/iam' }],
        grouping: [{ id: 'https://courses.example.com/xapi/iam' }],
      },
    });
  });

  it('describes a choice question as a cmi.interaction with its text, choices and correct pattern', () => {
    const statement = everyStatement()[2]![2];
    expect(statement.object).toMatchObject({
      definition: {
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        interactionType: 'choice',
        description: { 'en-US': question.stem },
        correctResponsesPattern: [question.correct],
        choices: question.options.map((o) => ({ id: o.id, description: { 'en-US': o.text } })),
      },
    });
    expect(statement.result).toEqual({ success: true, response: question.correct, duration: 'PT12.35S' });
  });

  it('keeps a written answer whole, with its own [,] unable to split it', () => {
    const statement = everyStatement()[4]![2];
    expect(statement.result?.response).toBe('My answer has "quotes", a [ ,] of its own — and 🔐.\nSecond line.');
    expect(statement.result).not.toHaveProperty('success');
    expect(statement.object).toMatchObject({ definition: { interactionType: 'fill-in' } });
    expect(everyStatement()[5]![2].object).toMatchObject({ definition: { interactionType: 'long-fill-in' } });
  });

  it('names the content version (context.revision) on every statement, so a report tells versions apart', () => {
    for (const [, , statement] of everyStatement()) expect(statement.context?.revision).toBe(lesson.version);
  });

  it('carries the quiz attempt of a quiz answer as a context extension, and none on answers outside the quiz', () => {
    const key = build.quizAttemptExtension('https://courses.example.com/xapi/iam');
    const [, , first] = everyStatement()[2]!;
    expect(first.context?.extensions).toEqual({ [key]: 1 });
    const retake = build.answered(context(), { ...choice, attempt: 3 }, ref);
    expect(retake.context?.extensions).toEqual({ [key]: 3 });
    expect(statementProblems(retake)).toEqual([]);
    const [, , writtenAnswer] = everyStatement()[4]!;
    expect(writtenAnswer.context).not.toHaveProperty('extensions');
  });

  it('scores passed/failed as scaled, raw, min and max', () => {
    expect(everyStatement()[7]![2].result?.score).toEqual({ scaled: 0.8, raw: 80, min: 0, max: 100 });
  });
});

describe('cmi5 statements', () => {
  const template = {
    extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-7' },
    contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://courses.example.com/publisher/iam' }] },
  };
  const profile = cmi5Profile(template, 0.8);

  it.each(everyStatement())('%s, with the cmi5 profile, passes both validators', (_name, verb, statement) => {
    expect(statementProblems(profile.decorate(statement, verb))).toEqual([]);
  });

  it('adds the cmi5 category to defined statements only, moveOn where a result judges, and keeps the template', () => {
    const [, , initialized] = everyStatement()[0]!;
    const [, , answered] = everyStatement()[2]!;
    const [, , passed] = everyStatement()[7]!;
    const categories = (s: Statement) => (s.context?.contextActivities?.category as { id: string }[] | undefined)?.map((c) => c.id) ?? [];
    expect(categories(profile.decorate(initialized, 'initialized'))).toEqual([CMI5_CATEGORY]);
    expect(categories(profile.decorate(answered, 'answered'))).toEqual([]);
    expect(categories(profile.decorate(passed, 'passed'))).toEqual([CMI5_CATEGORY, MOVEON_CATEGORY]);
    const decorated = profile.decorate(passed, 'passed');
    expect(decorated.context?.extensions).toMatchObject({
      'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-7',
      'https://w3id.org/xapi/cmi5/context/extensions/masteryscore': 0.8,
    });
    expect(decorated.context?.contextActivities?.grouping?.map((a) => a.id)).toEqual([
      'https://courses.example.com/publisher/iam',
      'https://courses.example.com/xapi/iam',
    ]);
  });

  it('keeps the revision and the quiz attempt next to the session id of the template', () => {
    const [, , answered] = everyStatement()[2]!;
    const decorated = profile.decorate(answered, 'answered');
    expect(decorated.context?.revision).toBe(lesson.version);
    expect(decorated.context?.extensions).toEqual({
      [build.quizAttemptExtension('https://courses.example.com/xapi/iam')]: 1,
      'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-7',
    });
  });

  it('describes the template activity it knows (the AU id from cmi5.xml) and keeps its id', () => {
    const definition = { type: build.ACTIVITY_TYPES.lesson, name: { 'en-US': 'Lesson' }, description: { 'en-US': 'About it' } };
    const described = cmi5Profile(template, 0.8, new Map([['https://courses.example.com/publisher/iam', definition]]));
    const [, , initialized] = everyStatement()[0]!;
    const decorated = described.decorate(initialized, 'initialized');
    expect(decorated.context?.contextActivities?.grouping?.[0]).toEqual({
      objectType: 'Activity',
      id: 'https://courses.example.com/publisher/iam',
      definition,
    });
    expect(statementProblems(decorated)).toEqual([]);
  });
});

describe('launch parameters', () => {
  it('takes a cmi5 launch whose actor has a urn: home page, as the CATAPULT test suite sends', () => {
    const actor = { objectType: 'Agent', name: 'CTS learner', account: { homePage: 'urn:catapult-cts:4f2a9c1', name: 'learner-1' } };
    const query = new URLSearchParams({
      endpoint: 'http://127.0.0.1:3390/api/v1/sessions/7/lrs',
      fetch: 'http://127.0.0.1:3390/api/v1/sessions/7/fetch',
      actor: JSON.stringify(actor),
      registration: '2c4f3f0e-5b7a-4c1e-9d2b-8f6a1e0c3b5d',
      activityId: 'https://w3id.org/xapi/cmi5/catapult/lms/activity/abc',
    });
    const launch = parseCmi5Launch(`?${query}`);
    expect(launch).toMatchObject({ ok: true, launch: { actor: { account: actor.account } } });
    expect(parseCmi5Launch(`?${query.toString().replace('urn%3Acatapult-cts', 'javascript%3Aalert')}`)).toMatchObject({ ok: false });
  });
});
