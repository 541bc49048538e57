/**
 * A learner takes the whole lesson in the standalone web build: every page,
 * both micro-activities, the quiz (pass; fail and retake) and the reflections.
 * What is checked is what the learner sees; what the lesson says comes from
 * course/ (hosts/learner/lesson-facts.ts), so an author's edit keeps these green.
 */
import { readFileSync } from 'node:fs';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { plainText } from '../../src/content/rich-text-plain.js';
import { blocksOf } from '../../src/domain/lesson-queries.js';
import { smokeJourney } from './smoke-journey.js';
import { expect, test } from './fixtures.js';

test('a learner reads every page, does both activities and the reflections, fails the quiz by one answer, then passes', async ({
  page,
  site,
  errors,
}) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/`);
  await expect(page.getByText('Not connected to an LMS: your progress is saved in this browser only.')).toBeVisible();
  // The lesson's title is the first page's heading, then its length, level and description; the bar keeps the title.
  await expect(course.pageHeading()).toHaveText(LESSON.lesson.title);
  const about = course.main.getByRole('group', { name: 'About this lesson' });
  await expect(about).toContainText(`${LESSON.lesson.durationMinutes} min`);
  await expect(about).toContainText(LESSON.lesson.level);
  await smokeJourney(course);
  expect(errors).toEqual([]);
});

test('each page is reached with "Next", focus on its heading; activities give feedback, the answer key shows every answer', async ({
  page,
  site,
}) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/`);
  const { lesson, quiz } = LESSON;
  for (const [i, title] of PAGE_TITLES.entries()) {
    await expect(course.pageHeading()).toHaveText(LESSON.headingFor(title));
    await expect(page).toHaveURL(new RegExp(`#/${LESSON.pageIds[i]}$`));
    // Focus moves to the new page's heading, so keyboard and screen-reader users start there.
    if (i > 0) await expect(course.pageHeading()).toBeFocused();
    if (title === LESSON.pageWith('choice-activity')) {
      for (const [c, answer] of CASE_ANSWERS.entries()) {
        const group = await course.answerCase(c, answer);
        await expect(group.getByText('Correct.', { exact: true })).toBeVisible();
        await expect(group.getByRole('radio', { name: answer, exact: true })).toHaveAccessibleDescription(/best answer/);
      }
    }
    if (title === LESSON.pageWith('quiz')) {
      await expect(course.main.getByRole('heading', { name: quiz.heading })).toBeVisible();
      await expect(course.main.getByRole('group', { name: quiz.questions[0]?.stem })).toBeVisible();
      await course.takeQuiz(CORRECT_QUIZ);
      await expect(course.main.getByRole('status').filter({ hasText: 'This attempt' })).toContainText(
        LESSON.scoreText(quiz.questions.length),
      );
      await expect(course.main).toContainText(`Passed. The passing score is ${LESSON.passPercent} %.`);
      await expect(course.main).toContainText('are the numbers of the lesson’s answer key');
      // Passed: the answers are earned, with the answer key's lines.
      const [q1] = quiz.questions;
      if (q1) await expect(course.main).toContainText(`Answer key ${q1.answerKey}: ${CORRECT_QUIZ[0]}.`);
    }
    if (title === LESSON.pageWith('answer-key')) {
      const labels = [...quiz.questions, ...blocksOf(lesson, 'reflection').flatMap((b) => b.questions)].map((q) => q.answerKey);
      for (const label of labels) await expect(course.main.getByText(`${label}:`, { exact: false }).first()).toBeVisible();
      for (const [q, question] of quiz.questions.entries()) {
        const right = question.options.find((o) => o.id === question.correct)?.text ?? '';
        // Each entry says what it answers, and gives the option's words with its letter.
        await expect(course.main.getByRole('heading', { name: `Quiz question ${q + 1}, answer key ${question.answerKey}` })).toBeVisible();
        await expect(course.main).toContainText(`${CORRECT_QUIZ[q]}. ${right}`);
        await expect(course.main).toContainText(
          `${question.answerKey}: ${CORRECT_QUIZ[q]}. ${plainText(question.explanation).slice(0, 40)}`,
        );
      }
    }
    await course.next();
  }

  // After the last page, the end screen. Every page read and the quiz passed: the learning record holds the
  // lesson as complete, but written answers are still open, so the learner is not told "complete" yet.
  await expect(course.main.getByRole('heading', { level: 2 })).toHaveText('Your progress');
  await expect(course.main).toContainText('This browser already counts this lesson as completed and passed.');
  // …and says what is still open without calling it "left before this lesson is complete".
  await expect(course.main).toContainText(/still open, if you want to finish all of it:/);
  await expect(course.main).not.toContainText('before this lesson is complete');
  await expect(course.main.getByRole('link', { name: new RegExp(`^“${LESSON.writtenActivityTitle}”: \\d answers? left$`) })).toBeVisible();
});

test('a learner who fails the quiz sees which questions were missed, retakes it and passes; the pass is kept', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${LESSON.pageIds[PAGE_TITLES.indexOf(LESSON.pageWith('quiz'))]}`);
  const pass = LESSON.fewestToPass;
  const percent = `${LESSON.passPercent} %`;
  await course.takeQuiz(LESSON.answersWithCorrect(0));
  const summary = course.main.getByRole('status').filter({ hasText: 'This attempt' });
  await expect(summary).toContainText(LESSON.scoreText(0));
  await expect(course.main).toContainText(`Not passed yet. The passing score is ${percent}.`);
  await expect(course.main).toContainText(`You missed ${LESSON.quiz.questions.length} of ${LESSON.quiz.questions.length} questions`);
  // Feedback names the learner's answer and what it shows, never the right one.
  const [first] = LESSON.quiz.questions;
  const chosen = LESSON.answersWithCorrect(0)[0] ?? '';
  const chosenOption = first?.options[chosen.charCodeAt(0) - 65];
  await expect(course.main).toContainText(`Your answer: ${chosen}. ${chosenOption?.text}`);
  await expect(course.main).toContainText(plainText(chosenOption?.feedback ?? []));
  await expect(course.main).not.toContainText('Right answer:');
  await expect(course.main.getByRole('heading', { name: 'Your result' })).toBeFocused();

  await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
  await expect(course.main.getByText(`1 / ${LESSON.quiz.questions.length}`, { exact: true })).toBeFocused();
  await course.takeQuiz(LESSON.answersWithCorrect(pass));
  await expect(summary).toContainText(LESSON.scoreText(pass));
  await expect(course.main).toContainText(`Passed. The passing score is ${percent}.`);
  await expect(course.main).toContainText('Attempt 2.');

  await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
  await course.takeQuiz(LESSON.answersWithCorrect(0));
  // Results speak of this attempt; the earlier pass is said, not shown as this one's.
  const best = `${Math.round((pass / LESSON.quiz.questions.length) * 100)} %`;
  await expect(summary).toContainText('This attempt: 0 %');
  await expect(summary).toContainText(`You passed earlier with ${best}, and that pass stands.`);
  await expect(summary).not.toContainText('Passed. The passing score');
  await expect(summary).toHaveClass(/wrong/);
  await expect(course.main).toContainText(`Best score so far: ${best}.`);
});

test('the quiz will not submit with a question left unanswered', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${LESSON.pageIdWith('quiz')}`);
  const total = LESSON.quiz.questions.length;
  await course.chooseQuizOption('B');
  for (let i = 1; i < total; i += 1) await course.main.getByRole('button', { name: /Next question|Submit quiz/ }).click();
  await course.main.getByRole('button', { name: 'Submit quiz' }).click();
  const unanswered = Array.from({ length: total - 1 }, (_, i) => i + 2).join(', ');
  await expect(course.main.getByRole('alert')).toHaveText(`Answer every question before submitting. Not answered yet: ${unanswered}.`);
  await expect(course.main.getByRole('heading', { name: 'Your result' })).toHaveCount(0);
});

test('a wrong activity answer gets that option’s own feedback and a page to review; the learner may try again, then see the best answer', async ({
  page,
  site,
}) => {
  const course = new CoursePage(page);
  const [activity] = blocksOf(LESSON.lesson, 'choice-activity');
  const item = activity?.cases[1];
  if (!activity || !item) throw new Error('the lesson has no micro-activity with two cases');
  const [wrong, otherWrong] = activity.options.filter((o) => o.id !== item.correct);
  const right = activity.options.find((o) => o.id === item.correct)?.text ?? '';
  const feedbackOf = (id: string | undefined) => plainText(item.feedback.find((f) => f.option === id)?.text ?? []);
  await course.open(`${site.url}/web/#/${LESSON.pageIdWith('choice-activity')}`);
  const group = await course.answerCase(1, wrong?.text ?? '');
  await expect(group).toContainText('Not quite.');
  await expect(group).toContainText(feedbackOf(wrong?.id));
  // The best answer is not handed out with the first feedback.
  await expect(group).not.toContainText('The best answer is');
  await expect(group.getByRole('link', { name: /^Review “/ })).toBeVisible();
  for (const radio of await group.getByRole('radio').all()) await expect(radio).toBeDisabled();
  await expect(course.main.getByRole('status').filter({ hasText: 'cases answered' })).toContainText('1 of');

  // A try again: another wrong option, its own feedback; the first answer stays the one recorded.
  await group.getByRole('button', { name: 'Try again' }).click();
  await group.getByRole('radio', { name: otherWrong?.text, exact: true }).check();
  await group.getByRole('button', { name: 'Check answer' }).click();
  await expect(group).toContainText(feedbackOf(otherWrong?.id));
  await expect(group).toContainText(`Your record keeps your first try: ${wrong?.text}.`);
  await group.getByRole('button', { name: 'Show the best answer' }).click();
  await expect(group).toContainText(`The best answer is: ${right}.`);
  await expect(group.getByRole('radio', { name: right, exact: true })).toHaveAccessibleDescription(/best answer/);
  await expect(course.main.getByRole('status').filter({ hasText: 'cases answered' })).toContainText('0 right on the first try');
});

test('reloading returns to the same page with every answer kept', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${LESSON.pageIdWith('written-activity')}`);
  await course.writeAnswer(LESSON.firstWrittenQuestion, 'Because "temporary" keys expire: 100% safer = less exposure.');
  await course.goToPage(LESSON.choiceActivityTitle);
  await course.answerCase(0, CASE_ANSWERS[0]);
  await page.reload();
  await expect(course.pageHeading()).toHaveText(LESSON.choiceActivityTitle);
  await expect(course.main.getByRole('radio', { name: CASE_ANSWERS[0], exact: true }).first()).toBeChecked();
  await expect(course.main.getByRole('status').filter({ hasText: 'cases answered' })).toContainText('1 of');
  await course.goToPage(LESSON.writtenActivityTitle);
  await expect(course.main.getByRole('textbox', { name: LESSON.firstWrittenQuestion })).toHaveValue(
    'Because "temporary" keys expire: 100% safer = less exposure.',
  );
  // Opening the lesson without a page in the URL resumes where the learner was.
  await page.goto(`${site.url}/web/`);
  await expect(course.pageHeading()).toHaveText(LESSON.writtenActivityTitle);
});

test('the comparison table is a real table and its CSV version downloads', async ({ page, site }) => {
  const course = new CoursePage(page);
  const [block] = blocksOf(LESSON.lesson, 'table');
  if (!block) throw new Error('the lesson has no table');
  await course.open(`${site.url}/web/`);
  await course.goToPage(LESSON.pageWith('table'));
  const table = course.main.getByRole('table', { name: block.caption });
  await expect(table.getByRole('columnheader')).toHaveText(block.columns);
  await expect(table.getByRole('rowheader')).toHaveText(block.rows.map((row) => row[0] ?? ''));
  await expect(table.getByRole('cell').first()).toHaveText(block.rows[0]?.[1] ?? '');
  const download = page.waitForEvent('download');
  await course.main.getByRole('link', { name: /Download the table as CSV/ }).click();
  const file = await (await download).path();
  // RFC 4180: CRLF line ends; a cell with a comma or a quote is quoted.
  const cell = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const csv = [block.columns, ...block.rows].map((row) => `${row.map(cell).join(',')}\r\n`).join('');
  expect(readFileSync(file, 'utf8')).toBe(csv);
});

test('every "(AWS Documentation)" reference is a compact marker that links to the AWS page it comes from and never wraps alone', async ({
  page,
  site,
}) => {
  const course = new CoursePage(page);
  const hrefs = new Set<string>();
  await course.open(`${site.url}/web/`);
  // The pages before the quiz: their citations show at once (the quiz's show with its results).
  for (const title of PAGE_TITLES.slice(0, PAGE_TITLES.indexOf(LESSON.quizTitle))) {
    await course.goToPage(title);
    for (const link of await course.main.getByRole('link', { name: /^AWS Documentation: .+ \(opens in a new tab\)$/ }).all()) {
      await expect(link).toHaveText(/^AWS/);
      await expect(link).toHaveAttribute('target', '_blank');
      // Held to the word before it: the marker and that word are one unbreakable unit.
      expect(await link.evaluate((a) => a.parentElement && getComputedStyle(a.parentElement).whiteSpace)).toBe('nowrap');
      expect(
        await link.evaluate((a) => (a.parentElement?.textContent ?? '').replace(a.textContent ?? '', '').trim().length),
      ).toBeGreaterThan(0);
      hrefs.add((await link.getAttribute('href')) ?? '');
    }
  }
  expect(LESSON.citedBeforeQuiz.length).toBeGreaterThan(0);
  expect([...hrefs].sort()).toEqual(LESSON.citedBeforeQuiz);
});

test('on a 375 px phone the contents open from a button and nothing scrolls sideways', async ({ browser, site }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/`);
  const toggle = page.getByRole('button', { name: /^Contents/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(course.toc).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await course.toc.getByRole('link', { name: LESSON.pageWith('table') }).click();
  await expect(course.pageHeading()).toHaveText(LESSON.pageWith('table'));
  await expect(course.toc).toBeHidden();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test('before the script has run (or without JavaScript) the page already shows the lesson header', async ({ browser, site }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}/web/`);
  const { lesson } = LESSON;
  await expect(page).toHaveTitle(lesson.title);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
  await expect(page.getByRole('banner')).toContainText(`Lesson ${lesson.lessonNumber}`);
  await expect(page.getByRole('banner')).toContainText(`${lesson.durationMinutes} min`);
  await expect(page.locator('noscript p')).toHaveText(/^This lesson needs JavaScript\./);
  await expect(page.locator('noscript p')).toBeVisible();
  await context.close();
});
