/**
 * The xAPI package launched the TinCan way against the local strict LRS
 * (hosts/lrs), which refuses any statement either xAPI validator
 * refuses. Asserted: the statements the LRS holds, in order.
 */
import type { Page } from '@playwright/test';
import { startLrs, type LrsHarness } from '../../hosts/lrs/index.js';
import { CASE_ANSWERS, CORRECT_QUIZ } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { activityCases } from '../../src/domain/lesson-queries.js';
import { expect, test } from './fixtures.js';
import { countBy, verbs, XAPI_AUTH, xapiLaunch } from '../../hosts/learner/lrs-launch.js';
import { count, describeLrsJourneys, FULL_PASS_VERBS, openLaunched } from './lrs-journey-checks.js';

let lrs: LrsHarness;
test.beforeEach(async () => {
  lrs = await startLrs({ basicAuth: XAPI_AUTH });
});
test.afterEach(async () => {
  expect(lrs.rejections(), 'requests the LRS refused').toEqual([]);
  await lrs.close();
});

/** The learner closes the tab after reading the result: pagehide sends what is left, `terminated` last, with keepalive. */
async function closeAndSettle(page: Page) {
  await page.close({ runBeforeUnload: false });
  await expect.poll(() => verbs(lrs).at(-1), { timeout: 10_000 }).toBe('terminated');
}

test('a full pass journey: initialized, a visit per page, every answer, completed, passed, terminated', async ({ page, site }) => {
  const course = await openLaunched(page, xapiLaunch(`${site.url}/packages/xapi/index.html`, lrs));
  await course.visitAllPages();
  await course.doActivitiesAndReflections();
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
  await closeAndSettle(page);

  const sequence = verbs(lrs);
  expect(sequence[0]).toBe('initialized');
  expect(sequence.at(-1)).toBe('terminated');
  expect(countBy(sequence)).toEqual(FULL_PASS_VERBS);
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

describeLrsJourneys('xapi', () => lrs, {
  title: 'journeys: every statement once, nothing after terminated, resume exact',
  pass: {
    outcome: 'the learner reads "saved" only once terminated is stored',
    also: (report) => expect(report.resume.sent).toEqual(['completed', 'passed']),
  },
  failRetakePassOneSession: {
    outcome: 'failed with its score when judged, then passed',
    also(report) {
      expect(report.verbs.filter((v) => ['failed', 'passed'].includes(v))).toEqual(['failed', 'passed']);
      expect(count(report, 'answered')).toBe(10);
    },
  },
  closeRightAfterFailing: {
    outcome: 'failed (with its score) is stored, then terminated',
    also: (report) => expect(report.verbs.slice(-2)).toEqual(['failed', 'terminated']),
  },
});

test('LRS down mid-way, then back: the learner is told, and every statement arrives once, in order', async ({ page, site }) => {
  const course = await openLaunched(page, xapiLaunch(`${site.url}/packages/xapi/index.html`, lrs));
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

for (const delayMs of [100, 300]) {
  test(`the tab closed ${delayMs / 1000} s after submitting, while statements are on their way to a slow LRS: terminated is stored last, every statement once`, async ({
    page,
    site,
  }) => {
    const course = await openLaunched(page, xapiLaunch(`${site.url}/packages/xapi/index.html`, lrs));
    await course.openQuiz();
    // The LRS now takes 2 s to handle each request: the quiz's statements are still on their way
    // when the tab closes.
    lrs.faults.delayMs = 2_000;
    await course.takeQuiz(CORRECT_QUIZ);
    await page.waitForTimeout(delayMs);
    await page.close({ runBeforeUnload: false });

    await expect.poll(() => verbs(lrs).at(-1), { timeout: 20_000 }).toBe('terminated');
    const sequence = verbs(lrs);
    expect(sequence.filter((v) => v === 'answered')).toHaveLength(LESSON.quiz.questions.length);
    expect(sequence.filter((v) => v === 'terminated')).toHaveLength(1);
    const ids = lrs.statements().map((s) => s.id);
    expect(new Set(ids).size, 'statements stored twice').toBe(ids.length);
  });
}
