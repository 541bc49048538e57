/**
 * The xAPI package launched the TinCan way against the local strict LRS
 * (hosts/lrs), which refuses any statement either xAPI validator
 * refuses. Asserted: the statements the LRS holds, in order.
 */
import type { Page } from '@playwright/test';
import { startLrs, type LrsHarness } from '../../hosts/lrs/index.js';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { activityCases, writtenQuestions } from '../../src/domain/lesson-queries.js';
import { expect, test } from './fixtures.js';
import { countBy, harnessBackend, verbs, XAPI_AUTH, xapiLaunch } from '../../hosts/learner/lrs-launch.js';
import { LrsJourneys } from '../../hosts/learner/lrs-journeys.js';
import { closeOnceStatementsSent } from '../../hosts/learner/close-tab.js';
import { count, expectedAtClose, expectExactlyOnce, lessonFromCourse } from './lrs-journey-checks.js';

let lrs: LrsHarness;
test.beforeEach(async () => {
  lrs = await startLrs({ basicAuth: XAPI_AUTH });
});
test.afterEach(async () => {
  expect(lrs.rejections(), 'requests the LRS refused').toEqual([]);
  await lrs.close();
});

async function open(page: Page, url: string) {
  const course = new CoursePage(page);
  await course.open(url);
  await expect(course.main.getByText('Not connected to an LMS')).toHaveCount(0);
  return course;
}

/** The learner closes the tab after reading the result: pagehide sends what is left, `terminated` last, with keepalive. */
async function closeAndSettle(page: Page) {
  await closeOnceStatementsSent(page);
  await expect.poll(() => verbs(lrs).at(-1), { timeout: 10_000 }).toBe('terminated');
}

test('a full pass journey: initialized, a visit per page, every answer, completed, passed, terminated', async ({ page, site }) => {
  const course = await open(page, xapiLaunch(`${site.url}/packages/xapi/index.html`, lrs));
  await course.visitAllPages();
  await course.doActivitiesAndReflections();
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
  await closeAndSettle(page);

  const sequence = verbs(lrs);
  expect(sequence[0]).toBe('initialized');
  expect(sequence.at(-1)).toBe('terminated');
  expect(countBy(sequence)).toEqual({
    initialized: 1,
    experienced: LESSON.pageIds.length,
    answered: activityCases(LESSON.lesson).length + writtenQuestions(LESSON.lesson).length + LESSON.quiz.questions.length,
    completed: 1,
    passed: 1,
    terminated: 1,
  });
  const statements = lrs.statements();
  const passed = statements.find((s) => s.verb.id.endsWith('/passed'));
  expect(passed?.result).toMatchObject({ success: true, score: { scaled: 1, raw: 100, min: 0, max: 100 } });
  const [first] = LESSON.quiz.questions;
  const firstId = `${LESSON.quiz.id}.${first?.id}`;
  const quizAnswer = statements.find((s) => s.verb.id.endsWith('/answered') && 'id' in s.object && s.object.id.endsWith(`/${firstId}`));
  expect(quizAnswer?.object).toMatchObject({
    definition: {
      interactionType: 'choice',
      description: { [LESSON.lesson.language]: first?.stem },
      correctResponsesPattern: [first?.correct],
    },
  });
  expect(quizAnswer?.result).toMatchObject({ success: true, response: first?.correct });
  expect(statements.every((s) => s.context?.registration === statements[0]?.context?.registration && s.timestamp?.endsWith('Z'))).toBe(
    true,
  );
  const terminated = statements.at(-1);
  expect(terminated?.result?.duration).toMatch(/^PT/);
  console.log(
    `xAPI pass journey: ${statements.length} statements (${JSON.stringify(countBy(sequence))}), ${lrs.requests().length} HTTP requests`,
  );
});

test.describe('journeys: every statement once, nothing after terminated, resume exact', () => {
  let journeys: LrsJourneys;
  test.beforeEach(async ({ context, site }) => {
    journeys = new LrsJourneys(context, harnessBackend(lrs, 'xapi', `${site.url}/packages/xapi/index.html`), await lessonFromCourse());
  });

  test('pass, then Exit: the learner reads "saved" only once terminated is stored', async () => {
    const report = await journeys.pass();
    expectExactlyOnce(report, lrs);
    expect([count(report, 'completed'), count(report, 'passed'), count(report, 'failed')]).toEqual([1, 1, 0]);
    expect(report.resume.sent).toEqual(['completed', 'passed']);
  });

  test('fail (one right answer short of the pass mark), retake and pass in one session: failed with its score when judged, then passed', async () => {
    const report = await journeys.failRetakePassOneSession();
    expectExactlyOnce(report, lrs);
    expect(report.verbs.filter((v) => ['failed', 'passed'].includes(v))).toEqual(['failed', 'passed']);
    expect(report.statements.find((s) => s.verb.id.endsWith('/failed'))?.result).toMatchObject({
      success: false,
      score: { scaled: (LESSON.fewestToPass - 1) / LESSON.quiz.questions.length },
    });
    expect(count(report, 'answered')).toBe(10);
  });

  test('fail and Exit, then pass in a second session', async () => {
    const report = await journeys.failThenPassAcrossTwoSessions();
    expectExactlyOnce(report, lrs);
    expect(report.verbs.filter((v) => ['initialized', 'failed', 'passed', 'terminated'].includes(v))).toEqual([
      'initialized',
      'failed',
      'terminated',
      'initialized',
      'passed',
      'terminated',
    ]);
  });

  test('close mid-lesson without Exit 0.5 s after the last answer: the resume document holds everything; relaunch resumes', async () => {
    const report = await journeys.closeMidLessonAndRelaunch();
    expectExactlyOnce(report, lrs);
    expect(report.closedWith).toMatchObject(expectedAtClose(journeys.lesson));
    expect(Object.values(report.closedWith?.written ?? {})).toEqual(['Roles hand out short-lived credentials.']);
  });

  test('close right after failing: failed (with its score) is stored, then terminated', async () => {
    const report = await journeys.closeRightAfterFailing();
    expectExactlyOnce(report, lrs);
    expect(report.verbs.slice(-2)).toEqual(['failed', 'terminated']);
    expect(report.resume.progress?.quiz.attemptCount).toBe(1);
  });
});

test('LRS down mid-way, then back: the learner is told, and every statement arrives once, in order', async ({ page, site }) => {
  const course = await open(page, xapiLaunch(`${site.url}/packages/xapi/index.html`, lrs));
  await course.goToPage(LESSON.choiceActivityTitle);
  lrs.faults.statusFor = (req) => (req.path.endsWith('/statements') || req.path.endsWith('/state') ? 503 : undefined);
  await course.answerCase(0, CASE_ANSWERS[0]);
  await course.answerCase(1, CASE_ANSWERS[1]);
  await expect(course.main.getByText(/not answering right now/)).toBeVisible({ timeout: 15_000 });
  await course.answerCase(2, CASE_ANSWERS[2]);
  lrs.faults.statusFor = undefined;
  await expect(course.main.getByText(/not answering right now/)).toHaveCount(0, { timeout: 20_000 });
  await closeAndSettle(page);
  const answered = lrs.statements().filter((s) => s.verb.id.endsWith('/answered'));
  expect(answered.map((s) => ('id' in s.object ? s.object.id.split('/').pop() : ''))).toEqual(
    activityCases(LESSON.lesson)
      .slice(0, 3)
      .map((c) => c.key),
  );
  const ids = lrs.statements().map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
});
