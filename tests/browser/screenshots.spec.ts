/**
 * Every page of the lesson as an LMS frames it (lms-frame.ts), at desktop and
 * phone sizes, in light and dark, saved to tests/.screenshots/ for a person to
 * look at (kept out of git): `framed-…` is what the frame shows first,
 * `whole-…` the whole page with the frame grown to its height. Each view must
 * show its heading and never scroll sideways.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CASE_ANSWERS, CORRECT_QUIZ, PAGE_IDS, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { blocksOf } from '../../src/domain/lesson-queries.js';
import { expect, test } from './fixtures.js';
import { FRAME_SIZES, growFrame, openFramed } from './lms-frame.js';

const OUT = join(process.cwd(), 'tests', '.screenshots', 'pages');

for (const size of FRAME_SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    test(`every page in a ${size.frame.width} × ${size.frame.height} LMS frame (${size.name}, ${scheme})`, async ({ browser, site }) => {
      test.setTimeout(180_000);
      mkdirSync(OUT, { recursive: true });
      const framed = await openFramed(browser, `${site.url}/web/#/${PAGE_IDS[0]}`, size, scheme);
      const { course, frame, host } = framed;
      // Answered states are the ones worth looking at: feedback, model answers, results, the open answer key.
      await course.goToPage(LESSON.pageWith('choice-activity'));
      // One wrong answer, to show the feedback for it.
      const wrong = CASE_ANSWERS.find((answer) => answer !== CASE_ANSWERS[1]) ?? CASE_ANSWERS[0];
      for (const [i, answer] of CASE_ANSWERS.entries()) await course.answerCase(i, i === 1 ? wrong : answer);
      await course.goToPage(LESSON.pageWith('written-activity'));
      const [written] = blocksOf(LESSON.lesson, 'written-activity');
      await course.writeAnswer(written?.questions[0]?.text ?? '', 'Temporary credentials expire, so leaked keys stop working soon.');
      const shot = async (name: string) => {
        const file = `${size.name}-${scheme}-${name}.png`;
        await host.screenshot({ path: join(OUT, `framed-${file}`) });
        await growFrame(framed);
        await host.screenshot({ path: join(OUT, `whole-${file}`), fullPage: true });
        await host.locator('iframe').evaluate((f, h) => ((f as HTMLIFrameElement).style.height = `${h}px`), size.frame.height);
      };
      // What a failing learner sees: the missed questions and their feedback, no right answers; the end screen then.
      await course.openQuiz();
      await course.takeQuiz(LESSON.answersWithCorrect(LESSON.fewestToPass - 1));
      await shot('quiz-failed');
      await frame.evaluate(() => (location.hash = '#finish'));
      await expect(course.pageHeading()).toHaveText('Your progress');
      await shot('end-not-passed');
      await course.openQuiz();
      await course.takeQuiz(CORRECT_QUIZ);
      for (const [i, id] of PAGE_IDS.entries()) {
        await frame.evaluate((hash) => (location.hash = hash), `#/${id}`);
        await expect(course.pageHeading()).toHaveText(LESSON.headingFor(PAGE_TITLES[i] ?? ''));
        await expect(course.pageHeading()).toBeInViewport();
        const overflow = await frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
        expect(overflow, `${id} scrolls sideways at ${size.frame.width} px`).toBeLessThanOrEqual(0);
        const name = `${size.name}-${scheme}-${String(i).padStart(2, '0')}-${id}.png`;
        await host.screenshot({ path: join(OUT, `framed-${name}`) });
        await growFrame(framed);
        await host.screenshot({ path: join(OUT, `whole-${name}`), fullPage: true });
        await host.locator('iframe').evaluate((f, h) => ((f as HTMLIFrameElement).style.height = `${h}px`), size.frame.height);
      }
      await frame.evaluate(() => (location.hash = '#finish'));
      await expect(course.pageHeading()).toHaveText(/^(Lesson complete|Your progress)$/);
      await shot('end');
      await framed.context.close();
    });
  }
}
