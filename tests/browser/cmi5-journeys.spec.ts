/**
 * The cmi5 package as an AU under the local cmi5 LMS/LRS harness, which
 * enforces the cmi5 AU rules and names the requirement of any breach.
 */
import type { Page } from '@playwright/test';
import { startLrs, type LrsHarness } from '../../hosts/lrs/index.js';
import { CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { activityCases, writtenQuestions } from '../../src/domain/lesson-queries.js';
import { expect, test } from './fixtures.js';
import { AU_ID, cmi5Launch, countBy, verbs } from '../../hosts/learner/lrs-launch.js';

let lrs: LrsHarness;
test.beforeEach(async () => {
  lrs = await startLrs();
});
test.afterEach(async () => {
  expect(lrs.rejections(), 'requests the cmi5 LMS refused').toEqual([]);
  await lrs.close();
});

const fetches = () => lrs.requests().filter((r) => r.method === 'POST' && r.path.includes('fetch')).length;

async function open(page: Page, url: string) {
  const course = new CoursePage(page);
  await course.open(url);
  await expect(course.main.getByText('Not connected to an LMS')).toHaveCount(0);
  return course;
}

/** The learner leaves with Exit: everything is sent, then terminated (the returnURL is then followed). */
async function exitAndSettle(page: Page) {
  await page.getByRole('button', { name: /^Exit/ }).click();
  await expect.poll(() => verbs(lrs).at(-1), { timeout: 10_000 }).toBe('terminated');
}

/** The tab is closed without Exit: everything pending is sent, the session is left open for the LMS to abandon. */
async function closeTab(page: Page) {
  const before = lrs.requests().length;
  await page.close({ runBeforeUnload: false });
  await expect.poll(() => lrs.requests().length, { timeout: 10_000 }).toBeGreaterThan(before);
}

test('a full pass journey follows the cmi5 AU rules', async ({ page, site }) => {
  const { url } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs);
  const course = await open(page, url);
  await course.visitAllPages();
  await course.doActivitiesAndReflections();
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
  await exitAndSettle(page);

  const statements = lrs.statements();
  const sequence = verbs(lrs);
  expect(sequence[0]).toBe('initialized');
  expect(countBy(sequence)).toEqual({
    initialized: 1,
    experienced: LESSON.pageIds.length,
    answered: activityCases(LESSON.lesson).length + writtenQuestions(LESSON.lesson).length + LESSON.quiz.questions.length,
    completed: 1,
    passed: 1,
    terminated: 1,
  });
  const defined = statements.filter((s) => /\/(initialized|completed|passed|failed|terminated)$/.test(s.verb.id));
  expect(defined.every((s) => 'id' in s.object && s.object.id === AU_ID)).toBe(true);
  const passed = statements.find((s) => s.verb.id.endsWith('/passed'));
  expect(passed?.result).toMatchObject({ success: true, score: { scaled: 1 } });
  expect(passed?.context?.extensions?.['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(
    LESSON.lesson.settings.passingScore,
  );
  expect(fetches()).toBe(1);
  console.log(
    `cmi5 pass journey: ${statements.length} statements (${JSON.stringify(countBy(sequence))}), ${lrs.requests().length} HTTP requests`,
  );
});

test('the LMS mastery score overrides the course passing score', async ({ page, site }) => {
  // The LMS asks for one right answer fewer than the course does: that many now passes.
  const right = LESSON.fewestToPass - 1;
  const masteryScore = right / LESSON.quiz.questions.length;
  const { url } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs, { masteryScore });
  const course = await open(page, url);
  await course.openQuiz();
  await course.takeQuiz(LESSON.answersWithCorrect(right));
  await expect(course.main).toContainText(`Passed. The passing score is ${Math.round(masteryScore * 100)} %.`);
  await exitAndSettle(page);
  expect(countBy(verbs(lrs)).passed).toBe(1);
});

test('fail, retake, pass in one session: passed once and never failed', async ({ page, site }) => {
  const { url } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs);
  const course = await open(page, url);
  await course.openQuiz();
  await course.takeQuiz(LESSON.answersWithCorrect(0));
  await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
  await course.takeQuiz(CORRECT_QUIZ);
  await exitAndSettle(page);
  const counts = countBy(verbs(lrs));
  expect([counts.passed, counts.failed]).toEqual([1, undefined]);
});

test('a reload during the session keeps it: no new token, no second initialized', async ({ page, site }) => {
  const { url } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs);
  const course = await open(page, url);
  await course.goToPage('Micro-activity 1: Choose the identity pattern');
  await course.answerCase(0, 'root user');
  await page.reload();
  await expect(course.pageHeading()).toHaveText('Micro-activity 1: Choose the identity pattern');
  await expect(course.main).toContainText('Correct. The best answer is: root user.');
  await course.answerCase(1, 'IAM role');
  await exitAndSettle(page);
  expect(fetches()).toBe(1);
  expect(countBy(verbs(lrs)).initialized).toBe(1);
  expect(countBy(verbs(lrs)).answered).toBe(2);
});

test('leave and relaunch (a new session): resumes from the State resource', async ({ page, site, context }) => {
  const first = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs);
  let course = await open(page, first.url);
  await course.openQuiz();
  await course.chooseQuizOption('B');
  await closeTab(page);
  expect(verbs(lrs)).not.toContain('terminated');
  const second = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs, { registration: first.registration });
  const again = await context.newPage();
  course = await open(again, second.url);
  await expect(course.pageHeading()).toHaveText('Quiz 5.6');
  await expect(course.main.getByRole('radio', { name: /^B\. / })).toBeChecked();
  await exitAndSettle(again);
  // Two sessions: the first left open (the LMS abandons it), the second ended by the learner.
  expect(countBy(verbs(lrs))).toMatchObject({ initialized: 2, terminated: 1 });
});

test('Browse mode: the learner can look and answer, and only initialized and terminated are sent', async ({ page, site }) => {
  const { url } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs, { launchMode: 'Browse' });
  const course = new CoursePage(page);
  await course.open(url);
  await expect(course.main.getByRole('status')).toContainText('nothing you do changes your record');
  await course.visitAllPages();
  await exitAndSettle(page);
  expect(verbs(lrs)).toEqual(['initialized', 'terminated']);
});

test('Exit returns to the LMS’s returnURL after terminated is stored', async ({ page, site }) => {
  const { url } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs, { returnURL: `${site.url}/web/#/summary` });
  const course = await open(page, url);
  await course.openQuiz();
  await page.getByRole('button', { name: 'Exit and return to the learning system' }).click();
  await expect(page).toHaveURL(`${site.url}/web/#/summary`);
  expect(verbs(lrs).at(-1)).toBe('terminated');
});
