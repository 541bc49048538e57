/**
 * The xAPI package launched the TinCan way against the local strict LRS
 * (hosts/lrs), which refuses any statement either xAPI validator
 * refuses. Asserted: the statements the LRS holds, in order.
 */
import type { Page } from '@playwright/test';
import { startLrs, type LrsHarness } from '../../hosts/lrs/index.js';
import { CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { activityCases, writtenQuestions } from '../../src/domain/lesson-queries.js';
import { expect, test } from './fixtures.js';
import { countBy, verbs, XAPI_AUTH, xapiLaunch } from '../../hosts/learner/lrs-launch.js';

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

/** The learner closes the tab: pagehide sends what is left with keepalive. */
async function closeAndSettle(page: Page) {
  await page.close({ runBeforeUnload: false });
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
  const quizAnswer = statements.find((s) => s.verb.id.endsWith('/answered') && 'id' in s.object && s.object.id.endsWith('quiz-5-6.q1'));
  expect(quizAnswer?.object).toMatchObject({
    definition: {
      interactionType: 'choice',
      description: { 'en-US': 'What is the AWS account root user?' },
      correctResponsesPattern: ['b'],
    },
  });
  expect(quizAnswer?.result).toMatchObject({ success: true, response: 'b' });
  expect(statements.every((s) => s.context?.registration === statements[0]?.context?.registration && s.timestamp?.endsWith('Z'))).toBe(
    true,
  );
  const terminated = statements.at(-1);
  expect(terminated?.result?.duration).toMatch(/^PT/);
  console.log(
    `xAPI pass journey: ${statements.length} statements (${JSON.stringify(countBy(sequence))}), ${lrs.requests().length} HTTP requests`,
  );
});

test('fail, retake and pass: one passed statement, no failed, both attempts answered', async ({ page, site }) => {
  const course = await open(page, xapiLaunch(`${site.url}/packages/xapi/index.html`, lrs));
  await course.openQuiz();
  await course.takeQuiz(LESSON.answersWithCorrect(LESSON.fewestToPass - 1));
  await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
  await course.takeQuiz(CORRECT_QUIZ);
  await closeAndSettle(page);
  const counts = countBy(verbs(lrs));
  expect(counts.passed).toBe(1);
  expect(counts.failed).toBeUndefined();
  expect(counts.answered).toBe(10);
});

test('a failed quiz ends the session with one failed statement, before terminated', async ({ page, site }) => {
  const course = await open(page, xapiLaunch(`${site.url}/packages/xapi/index.html`, lrs));
  await course.openQuiz();
  await course.takeQuiz(LESSON.answersWithCorrect(LESSON.fewestToPass - 1));
  await closeAndSettle(page);
  const sequence = verbs(lrs);
  expect(sequence.slice(-2)).toEqual(['failed', 'terminated']);
  expect(lrs.statements().at(-2)?.result).toMatchObject({
    success: false,
    score: { scaled: (LESSON.fewestToPass - 1) / LESSON.quiz.questions.length },
  });
});

test('leave and resume: the State resource brings back place and answers', async ({ page, site, context }) => {
  const url = xapiLaunch(`${site.url}/packages/xapi/index.html`, lrs);
  let course = await open(page, url);
  await course.goToPage('Micro-activity 2: Explain it in your own words');
  await course.writeAnswer(/Why does AWS prefer roles/, 'They expire on their own.');
  await course.openQuiz();
  await course.chooseQuizOption('B');
  await closeAndSettle(page);

  const again = await context.newPage();
  course = await open(again, url);
  await expect(course.pageHeading()).toHaveText('Quiz 5.6');
  await expect(course.main.getByRole('radio', { name: /^B\. / })).toBeChecked();
  await course.goToPage('Micro-activity 2: Explain it in your own words');
  await expect(course.main.getByRole('textbox', { name: /Why does AWS prefer roles/ })).toHaveValue('They expire on their own.');
  await again.close();
});

test('LRS down mid-way, then back: the learner is told, and every statement arrives once, in order', async ({ page, site }) => {
  const course = await open(page, xapiLaunch(`${site.url}/packages/xapi/index.html`, lrs));
  await course.goToPage('Micro-activity 1: Choose the identity pattern');
  lrs.faults.statusFor = (req) => (req.path.endsWith('/statements') || req.path.endsWith('/state') ? 503 : undefined);
  await course.answerCase(0, 'root user');
  await course.answerCase(1, 'IAM role');
  await expect(course.main.getByText(/not answering right now/)).toBeVisible({ timeout: 15_000 });
  await course.answerCase(2, 'IAM role');
  lrs.faults.statusFor = undefined;
  await expect(course.main.getByText(/not answering right now/)).toHaveCount(0, { timeout: 20_000 });
  await closeAndSettle(page);
  const answered = lrs.statements().filter((s) => s.verb.id.endsWith('/answered'));
  expect(answered.map((s) => ('id' in s.object ? s.object.id.split('/').pop() : ''))).toEqual([
    'identity-patterns.case-1',
    'identity-patterns.case-2',
    'identity-patterns.case-3',
  ]);
  const ids = lrs.statements().map((s) => s.id);
  expect(new Set(ids).size).toBe(ids.length);
});
