/**
 * When the lesson is complete the learner sees an end screen: the status, the
 * best score, what the LMS (or LRS) was told — read back from what it holds —
 * the next lesson, and Exit where the standard has one.
 */
import { join } from 'node:path';
import type { Frame } from '@playwright/test';
import { HARNESS_DIST } from '../../hosts/scorm/harness-paths.js';
import { startLrs } from '../../hosts/lrs/index.js';
import { cmi5Launch, verbs } from '../../hosts/learner/lrs-launch.js';
import { CORRECT_QUIZ, CoursePage, PAGE_IDS, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect as expectPage, test as pageTest } from './fixtures.js';
import { expect, test } from './playwright-fixtures.js';

const LAST = PAGE_TITLES[PAGE_TITLES.length - 1] ?? '';

/** Every page, then the quiz passed, ending on the last page. */
async function complete(course: CoursePage) {
  await course.visitAllPages();
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
  await course.goToPage(LAST);
}

pageTest(
  'standalone: the end screen says complete, passed, the best score, where it is kept and the next lesson',
  async ({ page, site }) => {
    const course = new CoursePage(page);
    await course.open(`${site.url}/web/#/${PAGE_IDS[0]}`);
    await course.visitAllPages();
    // Not complete yet: the last page says what is left instead.
    await expectPage(course.main.getByRole('heading', { name: 'Lesson complete' })).toHaveCount(0);
    await expectPage(course.main.getByRole('region', { name: 'What’s left to complete this lesson' })).toBeVisible();
    await course.openQuiz();
    // Just enough to pass, so the best score shown is not simply 100 %.
    await course.takeQuiz(LESSON.answersWithCorrect(LESSON.fewestToPass));
    // Complete on submitting: the end screen shows under the results too.
    const end = course.main.getByRole('region', { name: 'Lesson complete' });
    await expectPage(end).toContainText('Completed, quiz passed');
    await course.goToPage(LAST);
    await expectPage(end.getByRole('definition').nth(1)).toHaveText(
      `${Math.round((LESSON.fewestToPass / LESSON.quiz.questions.length) * 100)} %`,
    );
    await expectPage(end).toContainText('Saved in this browser only');
    const nextLesson = await course.main.locator('p', { hasText: /^Next lesson: / }).textContent();
    await expectPage(end.getByRole('definition').last()).toHaveText(nextLesson?.replace(/^Next lesson: /, '') ?? '');
    // The standalone lesson has no LMS session to end: no Exit.
    await expectPage(page.getByRole('button', { name: /^Exit/ })).toHaveCount(0);
  },
);

test.use({ staticMounts: { '/scorm2004': join(process.cwd(), 'tests', '.packages', 'scorm2004'), '/harness': HARNESS_DIST } });

test.describe('SCORM 2004', () => {
  test('the end screen says what the LMS holds: completed, passed and the score', async ({ lms }) => {
    const frame: Frame = await lms.launch({ version: '2004', coursePath: '/scorm2004/index.html' });
    const course = new CoursePage(frame);
    await expect(course.pageHeading()).toBeVisible();
    await complete(course);
    const end = course.main.getByRole('region', { name: 'Lesson complete' });
    await expect(end).toContainText('Your LMS (SCORM 2004) was told: completed, passed, score 100 %.');
    const { data, violations } = await lms.snapshot();
    expect(violations).toEqual([]);
    expect(data['cmi.completion_status']).toBe('completed');
    expect(data['cmi.success_status']).toBe('passed');
    expect(data['cmi.score.scaled']).toBe('1');
    // SCORM has no Exit of its own: the LMS's player closes the course.
    await expect(frame.getByRole('button', { name: /^Exit/ })).toHaveCount(0);
  });
});

pageTest('cmi5: the end screen carries the one Exit, which ends the session', async ({ page, site }) => {
  const lrs = await startLrs();
  try {
    const { url } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs);
    const course = new CoursePage(page);
    await course.open(url);
    // Before completion Exit is in the bar.
    await expectPage(page.getByRole('banner').getByRole('button', { name: /^Exit/ })).toHaveCount(1);
    await complete(course);
    const end = course.main.getByRole('region', { name: 'Lesson complete' });
    await expectPage(end).toContainText('Your LMS (cmi5) was told: completed, passed, score 100 %.');
    await expectPage(page.getByRole('button', { name: /^Exit/ })).toHaveCount(1);
    await end.getByRole('button', { name: /^Exit/ }).click();
    await expectPage.poll(() => verbs(lrs).at(-1), { timeout: 10_000 }).toBe('terminated');
    expectPage(lrs.rejections()).toEqual([]);
  } finally {
    await lrs.close();
  }
});

pageTest(
  'cmi5: a pass after a fail in the same session is promised for the next launch, and the next launch reports it',
  async ({ page, site }) => {
    const lrs = await startLrs();
    try {
      const { url, registration } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs);
      const course = new CoursePage(page);
      await course.open(url);
      await course.visitAllPages();
      await course.openQuiz();
      await course.takeQuiz(LESSON.answersWithCorrect(LESSON.fewestToPass - 1));
      await expectPage.poll(() => verbs(lrs).includes('failed'), { timeout: 10_000 }).toBe(true);
      await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
      await course.takeQuiz(CORRECT_QUIZ);
      const end = course.main.getByRole('region', { name: 'Lesson complete' });
      // The LMS holds "failed" for this session: the learner is told that, and when the pass arrives.
      await expectPage(end).toContainText('Your LMS (cmi5) was told: completed, failed');
      await expectPage(end).toContainText('records the pass the next time you open this lesson');
      await expectPage.poll(() => verbs(lrs).includes('completed'), { timeout: 10_000 }).toBe(true);
      expectPage(verbs(lrs)).not.toContain('passed');

      // The LMS launches a new session of the same registration: the pass is reported at once.
      const again = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs, { registration });
      await course.open(again.url);
      await expectPage.poll(() => verbs(lrs).filter((v) => v === 'passed').length, { timeout: 10_000 }).toBe(1);
      await course.goToPage(LAST);
      await expectPage(course.main.getByRole('region', { name: 'Lesson complete' })).toContainText(
        'Your LMS (cmi5) was told: completed, passed, score 100 %.',
      );
      expectPage(lrs.rejections()).toEqual([]);
    } finally {
      await lrs.close();
    }
  },
);
