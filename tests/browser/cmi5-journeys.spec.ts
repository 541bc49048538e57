/**
 * The cmi5 package as an AU under the local cmi5 LMS/LRS harness, which
 * enforces the cmi5 AU rules and names the requirement of any breach.
 */
import type { Page } from '@playwright/test';
import { startLrs, type LrsHarness } from '../../hosts/lrs/index.js';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect, test } from './fixtures.js';
import { AU_ID, cmi5Launch, countBy, verbs } from '../../hosts/learner/lrs-launch.js';
import { count, describeLrsJourneys, expectExactlyOnce, FULL_PASS_VERBS, openLaunched } from './lrs-journey-checks.js';

let lrs: LrsHarness;
test.beforeEach(async () => {
  lrs = await startLrs();
});
test.afterEach(async () => {
  expect(lrs.rejections(), 'requests the cmi5 LMS refused').toEqual([]);
  await lrs.close();
});

const fetches = () => lrs.requests().filter((r) => r.method === 'POST' && r.path.includes('fetch')).length;

/** The learner leaves with Finish: everything is sent, then terminated (the returnURL is then followed). */
async function exitAndSettle(page: Page) {
  await new CoursePage(page).finish();
  await expect.poll(() => verbs(lrs).at(-1), { timeout: 10_000 }).toBe('terminated');
}

test('a full pass journey follows the cmi5 AU rules', async ({ page, site }) => {
  const { url } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs);
  const course = await openLaunched(page, url);
  await course.visitAllPages();
  await course.doActivitiesAndReflections();
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
  await exitAndSettle(page);

  const statements = lrs.statements();
  const sequence = verbs(lrs);
  expect(sequence[0]).toBe('initialized');
  expect(countBy(sequence)).toEqual(FULL_PASS_VERBS);
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
  const course = await openLaunched(page, url);
  await course.openQuiz();
  await course.takeQuiz(LESSON.answersWithCorrect(right));
  await expect(course.main).toContainText(`Passed. The passing score is ${Math.round(masteryScore * 100)} %.`);
  await exitAndSettle(page);
  expect(countBy(verbs(lrs)).passed).toBe(1);
});

test('a reload ends the session (pagehide cannot tell it from a close): the page says so and sends nothing more', async ({
  page,
  site,
}) => {
  const { url } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs);
  const course = await openLaunched(page, url);
  await course.goToPage(LESSON.choiceActivityTitle);
  await course.answerCase(0, CASE_ANSWERS[0]);
  await page.reload();
  await expect(course.main.getByText(/this session with your learning system has already ended/)).toBeVisible();
  await course.goToPage(LESSON.choiceActivityTitle);
  await course.answerCase(1, CASE_ANSWERS[1]);
  // No second token, nothing after terminated (the LMS would refuse it: cmi5 9.3.0.0-5).
  expect(fetches()).toBe(1);
  expect(verbs(lrs)).toEqual(['initialized', 'experienced', 'experienced', 'answered', 'terminated']);
});

test('the window closed 0.1 s after submitting, while statements are on their way to a slow LMS: terminated is stored last, every statement once', async ({
  page,
  site,
}) => {
  const { url } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs);
  const course = await openLaunched(page, url);
  await course.openQuiz();
  lrs.faults.delayMs = 2_000;
  await course.takeQuiz(CORRECT_QUIZ);
  await page.waitForTimeout(100);
  await page.close({ runBeforeUnload: false });

  await expect.poll(() => verbs(lrs).at(-1), { timeout: 20_000 }).toBe('terminated');
  const sequence = verbs(lrs);
  expect(sequence.filter((v) => v === 'answered')).toHaveLength(LESSON.quiz.questions.length);
  expect(countBy(sequence).terminated).toBe(1);
  const ids = lrs.statements().map((s) => s.id);
  expect(new Set(ids).size, 'statements stored twice').toBe(ids.length);
});

describeLrsJourneys('cmi5', () => lrs, {
  title: 'journeys: no cmi5 rule broken, every statement once, nothing after terminated, resume exact',
  pass: { outcome: 'moveOn (CompletedAndPassed) met, the learner reads "saved" only once terminated is stored' },
  failRetakePassOneSession: {
    outcome: 'failed when judged; the pass is reported at the next launch',
    async also(report, journeys) {
      // cmi5 9.3.0.0-3: one of passed/failed per session.
      expect(report.verbs.filter((v) => ['failed', 'passed'].includes(v))).toEqual(['failed']);
      expect(report.resume.progress?.quiz.passed).toBe(true);

      const next = await journeys.open(report.registration);
      await journeys.exit(next.page, report.registration);
      const after = await journeys.report('relaunch after the one-session pass', report.registration);
      expectExactlyOnce(after, lrs);
      expect(after.verbs.slice(-3)).toEqual(['initialized', 'passed', 'terminated']);
    },
  },
  closeMidLessonAndRelaunch: {
    also(report) {
      // Two sessions, both ended: the first by closing its window, the second with Exit.
      expect(count(report, 'initialized')).toBe(2);
      expect(count(report, 'terminated')).toBe(2);
    },
  },
  closeRightAfterFailing: {
    outcome: 'failed (with its score) is stored in that session, then terminated',
    also: (report) => expect(report.verbs.slice(-2)).toEqual(['failed', 'terminated']),
  },
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

test('Finish returns to the LMS’s returnURL after terminated is stored', async ({ page, site }) => {
  const { url } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs, { returnURL: `${site.url}/web/#/summary` });
  const course = await openLaunched(page, url);
  await course.openQuiz();
  await course.openEndScreen();
  await course.main.getByRole('button', { name: /^Finish/ }).click();
  await expect(page).toHaveURL(`${site.url}/web/#/summary`);
  expect(verbs(lrs).at(-1)).toBe('terminated');
});
