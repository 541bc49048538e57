/**
 * Re-uploading a changed lesson while learners are mid-attempt. A learner
 * begins an attempt on v1 (every page, every case, every written answer, a
 * failed quiz and a retake half done), the author re-uploads v2 with one
 * change, and the learner resumes and finishes on v2. For each change and
 * standard: no answer is ever held under another question's place or id, and
 * what the resumed learner keeps is counted (the table is printed at the end;
 * README "Re-uploading a changed lesson" states it).
 *
 * SCORM runs against the strict test LMS (scorm-again in Node), xAPI and cmi5
 * against the local strict LRS and cmi5 LMS (hosts/lrs): the learner closes
 * the window to end each session, as most do.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LessonSession } from '../../src/app/lesson-session.js';
import type { Lesson } from '../../src/content/lesson.js';
import type { InteractionRecord } from '../../src/domain/interaction.js';
import { activityCases, quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import type { ProgressState } from '../../src/domain/progress.js';
import { toLmsId } from '../../src/tracking/scorm/identifiers.js';
import { scorm12Response, scorm2004Response } from '../../src/tracking/scorm/responses.js';
import { toCmiTime, toIsoTimestamp } from '../../src/tracking/scorm/time.js';
import type { FlatCmi, ScormVersion } from '../../hosts/scorm/session-seed.js';
import type { FaultPlan } from '../../hosts/scorm/strict-scorm.js';
import { startLrs, type LrsHarness } from '../../hosts/lrs/index.js';
import { XAPI_AUTH } from '../../hosts/learner/lrs-launch.js';
import { answersWithCorrect, fewestToPass } from './helpers/learner.js';
import { LESSON_CHANGES } from './helpers/lesson-versions.js';
import { launchLrs, until, type LrsLaunch } from './helpers/lrs-session.js';
import { loadRealCourse } from './helpers/real-course.js';
import { interactionsOf, launchScorm, type ScormLaunch } from './helpers/scorm-launch.js';

let v1: Lesson;
beforeAll(async () => {
  v1 = await loadRealCourse();
});

/**
 * An answer as the LMS or LRS holds it: the question's id there, the response and when it was
 * given (the test's clock moves a second per reading, so no two answers share a time: an answer
 * held under another question cannot pass for one given to it).
 */
interface HeldAnswer {
  readonly id: string;
  readonly response: string;
  readonly at: string;
}

/** A clock that moves a second each time it is read. */
function ticking(): () => number {
  let time = Date.UTC(2025, 0, 6, 9, 0, 0);
  return () => (time += 1000);
}

/** One standard, launched session after session as an LMS would, with what it holds afterwards. */
interface Standard {
  readonly name: string;
  launch(lesson: Lesson): Promise<LessonSession>;
  /** The learner closes the window (no Exit). */
  close(session: LessonSession): Promise<void>;
  /** Every answer held now, with its question's id. */
  held(): HeldAnswer[];
  /** The answers the course gave, as the LMS or LRS would hold them. */
  given(): HeldAnswer[];
  /** SCORM: one place per question, where a later answer replaces an earlier one. */
  readonly oneAnswerPerQuestion?: boolean;
  dispose?(): Promise<void>;
}

function scorm(version: ScormVersion, faults: FaultPlan = {}, label = `SCORM ${version}`): () => Standard {
  return () => {
    let seed: FlatCmi | undefined;
    let current: ScormLaunch | undefined;
    const now = ticking();
    const at = (i: InteractionRecord) => (version === '1.2' ? toCmiTime(new Date(i.answeredAt)) : toIsoTimestamp(new Date(i.answeredAt)));
    const records: InteractionRecord[] = [];
    const responseOf = (i: InteractionRecord, type: string) =>
      version === '1.2'
        ? scorm12Response(i)
        : scorm2004Response({ ...i, kind: type === 'long-fill-in' ? 'long-fill-in' : i.kind }, v1.language);
    return {
      name: label,
      async launch(lesson) {
        // The LMS that answers wrong does so from the second launch on (a first launch asks nothing).
        current = await launchScorm(version, lesson, { seed, faults: seed ? faults : {}, now });
        return current.session;
      },
      async close(session) {
        await session.settled();
        await session.finish('pagehide');
        if (!current) return;
        expect(current.host.violations, 'calls the strict LMS refused').toEqual([]);
        records.push(...current.records);
        seed = current.host.committedData();
      },
      held() {
        return interactionsOf(seed ?? {}).flatMap((i) => {
          const response = i[version === '1.2' ? 'student_response' : 'learner_response'];
          const time = i[version === '1.2' ? 'time' : 'timestamp'] ?? '';
          return response === undefined ? [] : [{ id: i.id ?? '(no id)', response, at: time }];
        });
      },
      given() {
        const types = new Map(interactionsOf(seed ?? {}).map((i) => [i.id, i.type ?? '']));
        return records.map((i) => ({ id: toLmsId(i.id), response: responseOf(i, types.get(toLmsId(i.id)) ?? ''), at: at(i) }));
      },
    };
  };
}

/**
 * xAPI / cmi5: every answer is a statement about its question's own activity id, so the check is
 * that each `answered` names the question the learner answered; the resume document is the lesson's.
 */
function lrs(standard: 'xapi' | 'cmi5'): () => Standard {
  return () => {
    const registration = randomUUID();
    const records: InteractionRecord[] = [];
    let harness: LrsHarness | undefined;
    let current: LrsLaunch | undefined;
    const answered = () =>
      (harness?.statements() ?? []).filter((s) => s.context?.registration === registration && s.verb.id.endsWith('/answered'));
    return {
      name: standard === 'xapi' ? 'xAPI' : 'cmi5',
      async launch(lesson) {
        harness ??= await startLrs(standard === 'xapi' ? { basicAuth: XAPI_AUTH } : {});
        current = await launchLrs(standard, lesson, harness, registration);
        return current.session;
      },
      async close(session) {
        await session.settled();
        await session.finish('pagehide');
        if (!current || !harness) return;
        records.push(...current.records);
        const lrsNow = harness;
        const expected = records.length;
        await until(() => answered().length >= expected, 'every answer stored');
        await until(
          () => lrsNow.statements().some((s) => s.verb.id.endsWith('/terminated') && s.context?.registration === registration),
          'terminated',
        );
        expect(lrsNow.rejections(), 'requests the LRS refused').toEqual([]);
      },
      held() {
        return answered().map((s) => ({
          id: decodeURIComponent(('id' in s.object ? s.object.id : '').split('/').pop() ?? ''),
          response: s.result?.response ?? '',
          at: '',
        }));
      },
      given() {
        return records.map((i) => ({
          id: i.id,
          response: i.kind === 'choice' ? i.response.join('[,]') : (i.response[0] ?? '').replaceAll('[,]', '[ ,]'),
          at: '',
        }));
      },
      // Statements are never replaced: an earlier answer to a question stays beside a later one.
      oneAnswerPerQuestion: false,
      // The LRS keeps what the harness held; the next test starts its own.
      async dispose() {
        await harness?.close();
      },
    };
  };
}

const STANDARDS: (() => Standard)[] = [
  scorm('1.2'),
  // The LMS of the field report: on a resume it answers cmi.interactions._count "0" whatever it holds.
  scorm('1.2', { getValue: { 'cmi.interactions._count': { answer: '0' } } }, 'SCORM 1.2, _count answered 0'),
  scorm('2004'),
  lrs('xapi'),
  lrs('cmi5'),
];

/** v1: everything but the quiz's retake, which is half done when the window closes. */
async function beginOnV1(session: LessonSession): Promise<void> {
  for (const page of v1.pages) session.visit(page.id);
  for (const { block, item } of activityCases(v1)) session.answerCase(block.id, item.id, item.correct);
  for (const { block, question, key } of writtenQuestions(v1)) session.submitWritten(block.id, question.id, `v1 answer to ${key}`);
  const quiz = quizOf(v1);
  for (const [question, option] of Object.entries(answersWithCorrect(quiz, fewestToPass(v1) - 1)))
    session.chooseQuizOption(question, option);
  session.submitQuiz();
  session.retakeQuiz();
  for (const q of quiz.questions.slice(0, 2)) session.chooseQuizOption(q.id, q.correct);
  session.goToQuestion(2);
  await session.settled();
}

/** v2: what is left (new cases, new questions, the retake), all answered right. */
async function finishOnV2(session: LessonSession, v2: Lesson): Promise<void> {
  for (const page of v2.pages) session.visit(page.id);
  for (const { block, item } of activityCases(v2)) session.answerCase(block.id, item.id, item.correct);
  for (const { block, question, key } of writtenQuestions(v2)) session.submitWritten(block.id, question.id, `v2 answer to ${key}`);
  for (const q of quizOf(v2).questions) session.chooseQuizOption(q.id, q.correct);
  session.submitQuiz();
  await session.settled();
}

/** What of the v1 progress the resumed v2 session holds, counted against what v2 can still hold. */
function kept(before: ProgressState, after: ProgressState, v2: Lesson) {
  const pages = new Set(v2.pages.map((p) => p.id));
  const keys = new Set([...activityCases(v2), ...writtenQuestions(v2)].map((q) => q.key));
  const quizIds = new Set(quizOf(v2).questions.map((q) => q.id));
  const count = (entries: [string, string][], now: Readonly<Record<string, string>>, has: (k: string) => boolean) => {
    const applicable = entries.filter(([k]) => has(k));
    return `${applicable.filter(([k, v]) => now[k] === v).length}/${applicable.length}`;
  };
  const visited = before.visited.filter((p) => pages.has(p));
  return {
    pages: `${visited.filter((p) => after.visited.includes(p)).length}/${visited.length}`,
    answers: count(Object.entries({ ...before.choices, ...before.written }), { ...after.choices, ...after.written }, (k) => keys.has(k)),
    retake: count(Object.entries(before.quiz.answers), after.quiz.answers, (k) => quizIds.has(k)),
    attempts: `${after.quiz.attempts.length}/${before.quiz.attempts.length}, best ${after.quiz.bestScore === before.quiz.bestScore ? 'kept' : 'lost'}`,
  };
}

const rows: string[][] = [];

describe('a learner resumes an attempt after the author re-uploads a changed lesson', () => {
  for (const make of STANDARDS) {
    for (const change of LESSON_CHANGES) {
      const name = make().name;
      it(`${name}: ${change.name}`, async () => {
        const standard = make();
        const v2 = change.apply(v1);
        const first = await standard.launch(v1);
        await beginOnV1(first);
        const before = first.state;
        await standard.close(first);

        const second = await standard.launch(v2);
        expect(second.resumeProblem).toBeUndefined();
        const keeps = kept(before, second.state, v2);
        const passedAtResume = second.outcome.passed === true ? 'yes' : 'no';
        await finishOnV2(second, v2);
        await standard.close(second);

        // Never an answer under another question's place or id.
        const given = new Set(standard.given().map((a) => JSON.stringify([a.id, a.response, a.at])));
        const held = standard.held();
        const misplaced = held.filter((a) => !given.has(JSON.stringify([a.id, a.response, a.at])));
        expect(misplaced).toEqual([]);
        // One place per question: the latest answer replaces the earlier one there.
        const ids = held.map((a) => a.id);
        if (standard.oneAnswerPerQuestion !== false) expect(ids.length).toBe(new Set(ids).size);
        // Every question of v2 holds its answer.
        const idOf = standard.oneAnswerPerQuestion === false ? (key: string) => key : toLmsId;
        const v2Ids = [...activityCases(v2), ...writtenQuestions(v2)].map((q) => idOf(q.key));
        const quizIds = quizOf(v2).questions.map((q) => idOf(`${quizOf(v2).id}.${q.id}`));
        expect([...v2Ids, ...quizIds].filter((id) => !ids.includes(id))).toEqual([]);
        // The v1 answers that still apply were kept by the resumed session, not asked again.
        expect(keeps.answers.split('/')[0]).toBe(keeps.answers.split('/')[1]);
        expect(second.outcome.passed).toBe(true);
        rows.push([name, change.name, keeps.pages, keeps.answers, keeps.retake, keeps.attempts, passedAtResume, String(misplaced.length)]);
        await standard.dispose?.();
      });
    }
  }
});

afterAll(() => {
  if (rows.length === 0) return;
  const header = [
    'standard',
    'change (v1 → v2)',
    'pages seen',
    'answers',
    'retake answers',
    'quiz attempts',
    'passed at resume',
    'misplaced',
  ];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
  console.log(['\nRe-upload matrix: what a resumed learner keeps (kept/still in v2)', line(header), ...rows.map(line)].join('\n'));
});
