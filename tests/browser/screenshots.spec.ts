/**
 * Every page of the lesson at a desktop (1280 px) and a phone (375 px) width,
 * saved to tests/.screenshots/ for a person to look at (kept out of git). Each
 * view must show its heading and never scroll sideways.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { blocksOf } from '../../src/domain/lesson-queries.js';
import { expect, test } from './fixtures.js';

const OUT = join(process.cwd(), 'tests', '.screenshots', 'pages');

for (const { name, width, height } of [
  { name: 'desktop', width: 1280, height: 900 },
  { name: 'phone', width: 375, height: 812 },
]) {
  test(`every page at ${width} px (${name})`, async ({ browser, site }) => {
    test.setTimeout(120_000);
    mkdirSync(OUT, { recursive: true });
    const context = await browser.newContext({ viewport: { width, height }, isMobile: name === 'phone' });
    const page = await context.newPage();
    const course = new CoursePage(page);
    await course.open(`${site.url}/web/`);
    // Answered states are the ones worth looking at: feedback, model answers, results, the open answer key.
    await course.goToPage(LESSON.pageWith('choice-activity'));
    // One wrong answer, to show the feedback for it.
    const wrong = CASE_ANSWERS.find((answer) => answer !== CASE_ANSWERS[1]) ?? CASE_ANSWERS[0];
    for (const [i, answer] of CASE_ANSWERS.entries()) await course.answerCase(i, i === 1 ? wrong : answer);
    await course.goToPage(LESSON.pageWith('written-activity'));
    const [written] = blocksOf(LESSON.lesson, 'written-activity');
    await course.writeAnswer(written?.questions[0]?.text ?? '', 'Temporary credentials expire, so leaked keys stop working soon.');
    await course.openQuiz();
    await course.takeQuiz(CORRECT_QUIZ);
    for (const [i, title] of PAGE_TITLES.entries()) {
      await course.goToPage(title);
      await expect(course.pageHeading()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow, `${title} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
      await page.screenshot({ path: join(OUT, `${name}-${String(i).padStart(2, '0')}.png`), fullPage: true });
    }
    await context.close();
  });
}
