/**
 * axe-core (WCAG 2.0, 2.1 and 2.2, levels A and AA, plus axe's best practices)
 * on every view and every state a learner can reach, in the light and the dark
 * theme: each page, both activities before and after answering (right, wrong,
 * and "answer first" hints), each quiz question, the results of a failed and a
 * passed attempt, the reflections, the answer key, the phone contents menu, and
 * every notice (no LMS, unreadable saved progress, incomplete launch, review
 * mode, LMS not answering). No rule is disabled.
 */
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Page } from '@playwright/test';
import { HARNESS_DIST } from '../../hosts/scorm/harness-paths.js';
import { test as lmsTest } from './playwright-fixtures.js';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect, test } from './fixtures.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const SCHEMES = ['light', 'dark'] as const;

// Some tests scan up to 19 states in a row; on a busy 2-core machine that needs more than the default minute.
test.describe.configure({ timeout: 180_000 });

/** Runs axe on the whole page (iframes included) and fails with a readable list of what is wrong. */
async function expectAccessible(page: Page, state: string) {
  // axe's default mode gathers the results of every frame in a fresh blank page that loads axe
  // again, which more than doubles the time of a scan (104 of them here). That gathering only
  // matters when there are frames: a page without any gets the same rules and results from the
  // single-page ("legacy") run, so only pages with frames (inside the LMS host) pay for it.
  const framed = page.frames().length > 1;
  // A frame still loading when axe starts is left out of the scan (its landmarks and headings go
  // missing from the page-level rules): wait until every frame has loaded.
  for (const frame of page.frames()) await frame.waitForLoadState('load');
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(!framed).analyze();
  const found = violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? ''}): ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
  );
  expect(found, `axe violations in "${state}"`).toEqual([]);
}

for (const colorScheme of SCHEMES) {
  test.describe(`${colorScheme} theme`, () => {
    test.use({ colorScheme });

    test('every page, reached with "Next" as a learner does, then the end screen', async ({ page, site }) => {
      const course = new CoursePage(page);
      await course.open(`${site.url}/web/#/${LESSON.pageIds[0]}`);
      const next = course.main.getByRole('link', { name: /^Next: / });
      const headings: string[] = [];
      for (const [i, title] of LESSON.pageTitles.entries()) {
        const heading = LESSON.headingFor(title);
        await expect(course.pageHeading()).toHaveText(heading);
        headings.push(heading);
        await expectAccessible(page, `page "${title}"`);
        // An open quiz attempt shows no page links: go on through the contents.
        if (!(await next.count())) await course.goToPage(LESSON.pageTitles[i + 1] ?? '');
        else {
          await next.click();
          await expect(course.pageHeading()).not.toHaveText(heading);
          await expect(course.pageHeading()).toBeFocused();
        }
      }
      // After the last page, the end screen.
      await expect(course.pageHeading()).toHaveText('Your progress');
      await expectAccessible(page, 'end screen, lesson not complete');
      expect(headings).toEqual(LESSON.pageTitles.map((t) => LESSON.headingFor(t)));
    });

    test('micro-activity 1: the "choose first" hint, then right and wrong feedback', async ({ page, site }) => {
      const course = new CoursePage(page);
      await course.open(`${site.url}/web/#/${LESSON.pageIdWith('choice-activity')}`);
      await course.main.getByRole('button', { name: 'Check answer' }).first().click();
      await expect(course.main.getByRole('alert')).toHaveText('Choose an answer first.');
      await expectAccessible(page, 'activity 1, hint');
      await course.answerCase(0, CASE_ANSWERS[0]);
      const wrong = CASE_ANSWERS.find((answer) => answer !== CASE_ANSWERS[1]) ?? '';
      const group = await course.answerCase(1, wrong);
      await expect(group).toContainText('Not quite.');
      await expectAccessible(page, 'activity 1, partly answered (right and wrong)');
      await group.getByRole('button', { name: 'Show the best answer' }).click();
      await expect(group).toContainText(`The best answer is: ${CASE_ANSWERS[1]}.`);
      await expectAccessible(page, 'activity 1, a best answer shown after a wrong one');
      for (const [i, answer] of CASE_ANSWERS.entries()) if (i > 1) await course.answerCase(i, answer);
      await expect(course.main.getByRole('button', { name: 'Check answer' })).toHaveCount(0);
      await expectAccessible(page, 'activity 1, all answered');
    });

    test('micro-activity 2 and the reflections: the "write first" hint, then the model answers', async ({ page, site }) => {
      const course = new CoursePage(page);
      await course.open(`${site.url}/web/#/${LESSON.pageIdWith('written-activity')}`);
      await course.main.getByRole('button', { name: 'Submit and show the model answer' }).first().click();
      await expect(course.main.getByRole('alert')).toHaveText('Write your answer first.');
      await expectAccessible(page, 'activity 2, hint');
      const [firstWritten, ...otherWritten] = LESSON.writtenQuestions;
      await course.writeAnswer(firstWritten ?? '', 'Temporary credentials expire.');
      await expectAccessible(page, 'activity 2, one model answer');
      for (const question of otherWritten) await course.writeAnswer(question, 'My answer.');
      await expectAccessible(page, 'activity 2, all answered');

      await course.goToPage(LESSON.pageWith('reflection'));
      const [firstReflection, ...otherReflections] = LESSON.reflectionQuestions;
      await course.writeAnswer(firstReflection ?? '', 'It has complete access.');
      await expectAccessible(page, 'reflections, one answered');
      for (const question of otherReflections) await course.writeAnswer(question, 'My answer.');
      await expect(course.main.getByRole('heading', { name: 'Model answer' })).toHaveCount(LESSON.reflectionQuestions.length);
      await expectAccessible(page, 'reflections, all answered');
    });

    test('quiz: the unanswered alert, each question, a failed and a passed result, the answer key', async ({ page, site }) => {
      const course = new CoursePage(page);
      await course.open(`${site.url}/web/#/${LESSON.pageIdWith('quiz')}`);
      const button = (name: string) => course.main.getByRole('button', { name });
      for (let i = 1; i < LESSON.quiz.questions.length; i += 1) await button('Next question').click();
      await button('Submit quiz').click();
      await expect(course.main.getByRole('alert')).toContainText('Answer every question before submitting.');
      await expectAccessible(page, 'quiz, unanswered alert');
      for (let i = 1; i < LESSON.quiz.questions.length; i += 1) await button('Previous question').click();

      for (const [i, letter] of LESSON.answersWithCorrect(LESSON.fewestToPass - 1).entries()) {
        await expect(course.main.getByText(`${i + 1} / ${LESSON.quiz.questions.length}`, { exact: true })).toBeFocused();
        await expectAccessible(page, `quiz question ${i + 1}, unanswered`);
        await course.chooseQuizOption(letter);
        await expectAccessible(page, `quiz question ${i + 1}, answered`);
        await button(i < LESSON.quiz.questions.length - 1 ? 'Next question' : 'Submit quiz').click();
      }
      await expect(course.main.getByRole('status').filter({ hasText: 'This attempt' })).toContainText(
        LESSON.scoreText(LESSON.fewestToPass - 1),
      );
      await expectAccessible(page, 'quiz results, failed');

      await button('Take the quiz again').click();
      await course.takeQuiz(CORRECT_QUIZ);
      await expect(course.main).toContainText(`Passed. The passing score is ${LESSON.passPercent} %.`);
      await expectAccessible(page, 'quiz results, passed');

      await course.goToPage(LESSON.pageWith('answer-key'));
      await expect(course.main).toContainText(`${LESSON.quiz.questions[0]?.answerKey}: ${CORRECT_QUIZ[0]}.`);
      await expectAccessible(page, 'answer key, quiz answers shown');
    });

    for (const width of [375, 320]) {
      test(`a ${width} px phone with the contents open`, async ({ browser, site }) => {
        const context = await browser.newContext({ viewport: { width, height: 700 }, isMobile: true, hasTouch: true, colorScheme });
        const page = await context.newPage();
        const course = new CoursePage(page);
        await course.open(`${site.url}/web/#/${LESSON.pageIdWith('table')}`);
        await expectAccessible(page, `${width} px, contents closed`);
        await page.getByRole('button', { name: /^Contents/ }).click();
        await expect(course.toc).toBeVisible();
        await expectAccessible(page, `${width} px, contents open`);
        await context.close();
      });
    }

    test('notices: no LMS, unreadable saved progress, an incomplete LRS launch', async ({ page, site }) => {
      const course = new CoursePage(page);
      await course.open(`${site.url}/web/`);
      await expect(page.getByText('Not connected to an LMS')).toBeVisible();
      await expectAccessible(page, 'notice: not connected (web)');

      await page.evaluate(() =>
        localStorage.setItem('course:iam-access-patterns-5-6:progress', JSON.stringify({ state: '!broken', location: 'x' })),
      );
      await page.reload();
      await expect(page.getByText('Your saved progress could not be read')).toBeVisible();
      await expectAccessible(page, 'notice: resume problem');

      await course.open(`${site.url}/packages/scorm12/index.html`);
      await expect(page.getByText('Not connected to an LMS')).toBeVisible();
      await expectAccessible(page, 'notice: SCORM 1.2 package opened without an LMS');

      await course.open(`${site.url}/packages/xapi/index.html?endpoint=${encodeURIComponent('https://lrs.invalid/xapi/')}`);
      await expect(page.getByText('The lesson runs on its own for now')).toBeVisible();
      await expectAccessible(page, 'notice: incomplete xAPI launch');
    });
  });
}

// The LMS host serves the package from its own origin (a course reaches window.parent.API only when same-origin).
lmsTest.use({ staticMounts: { '/scorm12': join(process.cwd(), 'tests', '.packages', 'scorm12'), '/harness': HARNESS_DIST } });

lmsTest.describe('inside the strict SCORM 1.2 LMS', () => {
  async function launch(frame: Frame) {
    const course = new CoursePage(frame);
    await expect(course.pageHeading()).toBeVisible();
    return course;
  }

  for (const colorScheme of SCHEMES) {
    lmsTest(`${colorScheme}: connected, then the LMS stops answering, then review mode`, async ({ page, lms }) => {
      await page.emulateMedia({ colorScheme });
      let course = await launch(await lms.launch({ version: '1.2', coursePath: '/scorm12/index.html' }));
      await expectAccessible(page, 'connected to the LMS (no notice)');
      // Commits keep failing until the notice has been scanned: the course retries with back-off, so a
      // few failures alone can be over before the notice is looked at.
      await lms.setFaults({ commit: { times: 1_000, errorCode: 101 } });
      await course.openQuiz();
      await course.takeQuiz(CORRECT_QUIZ);
      // With pages still unvisited the lesson is not complete yet, so the answers wait for the next
      // save point (0.4 s after the first one): the failing commit comes then.
      await expect(course.main.getByText(/not answering right now/)).toBeVisible();
      await expectAccessible(page, 'notice: LMS not answering (commit failing)');
      await lms.setFaults({});

      course = await launch(
        await lms.launch({ version: '1.2', coursePath: '/scorm12/index.html', seed: { 'cmi.core.lesson_mode': 'review' } }),
      );
      await expect(course.main.getByText(/^Review mode/)).toBeVisible();
      await expectAccessible(page, 'notice: review mode');
    });
  }
});
