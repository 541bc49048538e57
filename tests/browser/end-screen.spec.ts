/**
 * The end screen is a step of its own (#finish), reached from the last page and from the progress
 * figure in the bar. It says "complete", in success colours, only when the lesson is finished (the
 * completion rule holds and the quiz is passed); otherwise it says in plain words what is left,
 * with links. Finish ends the session properly in every standard, and only then says so.
 */
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { HARNESS_DIST } from '../../hosts/scorm/harness-paths.js';
import { startLrs } from '../../hosts/lrs/index.js';
import { cmi5Launch, verbs, XAPI_AUTH, xapiLaunch } from '../../hosts/learner/lrs-launch.js';
import { CORRECT_QUIZ, CoursePage, PAGE_IDS, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect as expectPage, test as pageTest } from './fixtures.js';
import { expect, test } from './playwright-fixtures.js';

const FAILING = LESSON.answersWithCorrect(LESSON.fewestToPass - 1);

/** Every page, both activities and the reflections, then the quiz with these answers. */
async function doEverything(course: CoursePage, quiz: readonly string[]) {
  await course.visitAllPages();
  await course.doActivitiesAndReflections();
  await course.openQuiz();
  await course.takeQuiz(quiz);
}

/** What a learner who did everything but failed reads: nowhere "complete", and the way back to the quiz. */
async function expectNotCompleteAfterFailing(course: CoursePage, page: Page | Frame) {
  const saysComplete = /lesson complete|you have finished|completed, quiz/i;
  await expect(course.main.getByText(saysComplete)).toHaveCount(0);
  await course.openEndScreen();
  await expect(course.main.getByRole('heading', { level: 2 })).toHaveText('Your progress');
  await expect(course.main.getByText(saysComplete)).toHaveCount(0);
  const progress = page.getByRole('progressbar', { name: 'Lesson progress' });
  await expect(progress).not.toHaveAttribute('aria-valuenow', String(PAGE_TITLES.length));
  const back = course.main.getByRole('link', { name: `${LESSON.quizTitle} not passed yet: take it again` });
  await back.click();
  await expect(course.pageHeading()).toHaveText(LESSON.quizTitle);
}

pageTest.describe('standalone', () => {
  pageTest(
    'a learner who did everything but failed never sees "complete"; the end screen leads back to the quiz',
    async ({ page, site }) => {
      const course = new CoursePage(page);
      await course.open(`${site.url}/web/#/${PAGE_IDS[0]}`);
      await doEverything(course, FAILING);
      await expectNotCompleteAfterFailing(course, page);
    },
  );

  pageTest(
    'reached from the last page and from the bar; complete, passed, best score, next lesson; Finish says what happens next',
    async ({ page, site }) => {
      const course = new CoursePage(page);
      await course.open(`${site.url}/web/#/${PAGE_IDS[0]}`);
      // Just enough to pass, so the best score shown is not simply 100 %.
      await doEverything(course, LESSON.answersWithCorrect(LESSON.fewestToPass));
      await course.goToPage(PAGE_TITLES.at(-1) ?? '');
      await course.main.getByRole('link', { name: 'Next: Finish' }).click();
      const end = course.main;
      await expectPage(end.getByRole('heading', { level: 2 })).toHaveText('Lesson complete');
      await expectPage(end).toContainText('You have finished this lesson and passed the quiz.');
      await expectPage(end.getByRole('definition').first()).toHaveText(
        `${Math.round((LESSON.fewestToPass / LESSON.quiz.questions.length) * 100)} %`,
      );
      const next = LESSON.lesson.pages.flatMap((p) => p.blocks).find((b) => b.kind === 'next-lesson');
      await expectPage(end.getByRole('definition').last()).toHaveText(next?.kind === 'next-lesson' ? next.title : '');
      await expectPage(page.getByRole('progressbar', { name: 'Lesson progress' })).toHaveAttribute(
        'aria-valuenow',
        String(PAGE_TITLES.length),
      );
      // The same screen from the bar.
      await course.goToPage(PAGE_TITLES[1] ?? '');
      await course.openEndScreen();
      await end.getByRole('button', { name: 'Finish' }).click();
      await expectPage(end.getByRole('status').filter({ hasText: 'Done.' })).toContainText('Your progress stays in this browser');
      // The session has ended: nothing done now would be kept, so the lesson says so and takes no answers.
      await course.goToPage(LESSON.choiceActivityTitle);
      await expectPage(course.main.getByText(/This session has ended, so the lesson is read-only now: reload the page/)).toBeVisible();
      for (const radio of await course.main.getByRole('radio').all()) await expectPage(radio).toBeDisabled();
    },
  );
});

test.use({
  staticMounts: {
    '/scorm12': join(process.cwd(), 'tests', '.packages', 'scorm12'),
    '/scorm2004': join(process.cwd(), 'tests', '.packages', 'scorm2004'),
    '/harness': HARNESS_DIST,
  },
});

for (const version of ['1.2', '2004'] as const) {
  const path = `/scorm${version.replace('.', '')}/index.html`;
  test.describe(`SCORM ${version} in the strict LMS`, () => {
    test('a learner who did everything but failed never sees "complete"; the LMS holds the failed result', async ({ lms }) => {
      const course = new CoursePage(await lms.launch({ version, coursePath: path }));
      await expect(course.pageHeading()).toBeVisible();
      await doEverything(course, FAILING);
      await expectNotCompleteAfterFailing(course, course.page);
      const { data, violations } = await lms.snapshot();
      expect(violations).toEqual([]);
      if (version === '1.2') expect(data['cmi.core.lesson_status']).toBe('failed');
      else expect([data['cmi.completion_status'], data['cmi.success_status']]).toEqual(['completed', 'failed']);
    });

    test('Finish ends the session: the last commit, then the LMS is terminated, and only then the learner is told', async ({ lms }) => {
      const course = new CoursePage(await lms.launch({ version, coursePath: path }));
      await expect(course.pageHeading()).toBeVisible();
      await doEverything(course, CORRECT_QUIZ);
      await course.finish();
      await expect(course.main.getByRole('status').filter({ hasText: 'Done:' })).toContainText(
        'your results are saved in your learning system',
      );
      const { state, log, violations, committed } = await lms.snapshot();
      expect(violations).toEqual([]);
      expect(state).toBe('terminated');
      expect(log.filter((c) => c.method === (version === '1.2' ? 'LMSFinish' : 'Terminate'))).toHaveLength(1);
      if (version === '1.2') expect(committed?.['cmi.core.lesson_status']).toBe('passed');
      else expect([committed?.['cmi.completion_status'], committed?.['cmi.success_status']]).toEqual(['completed', 'passed']);
      // Said once: the end screen has no second Finish.
      await expect(course.main.getByRole('button', { name: /^Finish/ })).toHaveCount(0);
    });
  });
}

pageTest('xAPI: Finish sends terminated last, and the learner is told only once the LRS holds it', async ({ page, site }) => {
  const lrs = await startLrs({ basicAuth: XAPI_AUTH });
  try {
    const course = new CoursePage(page);
    await course.open(xapiLaunch(`${site.url}/packages/xapi/index.html`, lrs));
    await course.visitAllPages();
    await course.openQuiz();
    await course.takeQuiz(CORRECT_QUIZ);
    await course.finish();
    expectPage(verbs(lrs).at(-1)).toBe('terminated');
    expectPage(lrs.rejections()).toEqual([]);
  } finally {
    await lrs.close();
  }
});

pageTest('cmi5: Finish sends terminated, then hands the window back to the LMS’s returnURL', async ({ page, site }) => {
  const lrs = await startLrs();
  try {
    const returnURL = `${site.url}/web/#/${PAGE_IDS[0]}`;
    const { url } = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs, { returnURL });
    const course = new CoursePage(page);
    await course.open(url);
    await course.openQuiz();
    await course.takeQuiz(CORRECT_QUIZ);
    await course.openEndScreen();
    // Not complete yet (pages unread): Finish is "for now".
    await course.main.getByRole('button', { name: 'Finish for now' }).click();
    await expectPage(page).toHaveURL(returnURL);
    expectPage(verbs(lrs).at(-1)).toBe('terminated');
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
      await course.takeQuiz(FAILING);
      await expectPage.poll(() => verbs(lrs).includes('failed'), { timeout: 10_000 }).toBe(true);
      await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
      await course.takeQuiz(CORRECT_QUIZ);
      await course.openEndScreen();
      const details = course.main.getByRole('group').filter({ hasText: 'What your learning system was told' });
      await details.getByText('What your learning system was told').click();
      // The LMS holds "failed" for this session: the learner is told that, and when the pass arrives.
      await expectPage(details).toContainText('Your LMS (cmi5) was told: completed, failed');
      await expectPage(details).toContainText('records the pass the next time you open this lesson');
      await expectPage.poll(() => verbs(lrs).includes('completed'), { timeout: 10_000 }).toBe(true);
      expectPage(verbs(lrs)).not.toContain('passed');

      // The LMS launches a new session of the same registration: the pass is reported at once.
      const again = cmi5Launch(`${site.url}/packages/cmi5/index.html`, lrs, { registration });
      await course.open(again.url);
      await expectPage.poll(() => verbs(lrs).filter((v) => v === 'passed').length, { timeout: 10_000 }).toBe(1);
      await course.openEndScreen();
      await expectPage(course.main).toContainText('Your LMS (cmi5) was told: completed, passed, score 100 %.');
      expectPage(lrs.rejections()).toEqual([]);
    } finally {
      await lrs.close();
    }
  },
);
