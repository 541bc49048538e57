/**
 * A quiz that measures: a failed attempt shows which questions were missed, with the feedback of
 * the option the learner chose, but never names the right option, on the results or in the answer
 * key; the next attempt presents the questions in a new order; two different wrong picks are told
 * different things; once passed, the answers are shown. The same on the standalone lesson and in
 * the strict SCORM LMS (where the LMS keeps receiving the same interaction ids whatever the order).
 */
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { HARNESS_DIST } from '../../hosts/scorm/harness-paths.js';
import { plainText } from '../../src/content/rich-text-plain.js';
import { test as pageTest } from './fixtures.js';
import { expect, test } from './playwright-fixtures.js';

const QUESTIONS = LESSON.quiz.questions;
const letter = (i: number) => String.fromCharCode(65 + i);
/** For each question, its wrong options' letters. */
const wrongLetters = QUESTIONS.map((q) => q.options.flatMap((o, i) => (o.id === q.correct ? [] : [letter(i)])));
/** Every question wrong, with its first or its second wrong option. */
const allWrong = (which: 0 | 1) => wrongLetters.map((letters) => letters[which] ?? letters[0] ?? 'A');
const rightText = (q: (typeof QUESTIONS)[number]) => q.options.find((o) => o.id === q.correct)?.text ?? '';

async function fromTheQuiz(course: CoursePage, page: Page | Frame) {
  const results = course.main;
  // Attempt 1: every question wrong (first wrong options).
  const firstOrder = await course.takeQuiz(allWrong(0));
  await expect(results).toContainText(`You missed ${QUESTIONS.length} of ${QUESTIONS.length} questions`);
  for (const q of QUESTIONS) {
    await expect(results).not.toContainText(rightText(q));
    await expect(results).not.toContainText(plainText(q.explanation));
  }
  await expect(results).not.toContainText(/Right answer:|Answer key A\d+:/);
  // The first question's chosen (wrong) option: its own feedback, and a page to review.
  const [q1] = QUESTIONS;
  const firstWrong = q1?.options[(wrongLetters[0]?.[0] ?? 'A').charCodeAt(0) - 65];
  const secondWrong = q1?.options[(wrongLetters[0]?.[1] ?? 'A').charCodeAt(0) - 65];
  await expect(results).toContainText(plainText(firstWrong?.feedback ?? []));
  await expect(results.getByRole('link', { name: /^Review “/ }).first()).toBeVisible();

  // The answer key holds the quiz's answers back too.
  await course.goToPage(LESSON.pageWith('answer-key'));
  for (const q of QUESTIONS) await expect(course.main).not.toContainText(plainText(q.explanation));
  await expect(course.main.getByText('Shown once you pass the quiz.').first()).toBeVisible();

  // Attempt 2: a new order; other wrong options, other feedback.
  await course.openQuiz();
  const secondOrder = await course.takeQuiz(allWrong(1));
  expect(secondOrder).not.toEqual(firstOrder);
  expect([...secondOrder].sort()).toEqual([...firstOrder].sort());
  expect(plainText(secondWrong?.feedback ?? [])).not.toBe(plainText(firstWrong?.feedback ?? []));
  await expect(results).toContainText(plainText(secondWrong?.feedback ?? []));
  await expect(results).not.toContainText(plainText(firstWrong?.feedback ?? []));

  // Attempt 3, passed: now the answers are earned, here and in the answer key.
  await course.openQuiz();
  const thirdOrder = await course.takeQuiz(LESSON.correctQuiz);
  expect(thirdOrder).not.toEqual(secondOrder);
  await expect(results).toContainText(`Passed.`);
  for (const q of QUESTIONS) await expect(results).toContainText(plainText(q.explanation).slice(0, 60));
  await course.goToPage(LESSON.pageWith('answer-key'));
  for (const [i, q] of QUESTIONS.entries()) await expect(course.main).toContainText(`${LESSON.correctQuiz[i]}. ${rightText(q)}`);
  return page;
}

pageTest(
  'standalone: a failed attempt reveals no right answer, the order changes, wrong picks get their own feedback',
  async ({ page, site }) => {
    const course = new CoursePage(page);
    await course.open(`${site.url}/web/#/${LESSON.pageIdWith('quiz')}`);
    await fromTheQuiz(course, page);
  },
);

test.use({ staticMounts: { '/scorm2004': join(process.cwd(), 'tests', '.packages', 'scorm2004'), '/harness': HARNESS_DIST } });

test('SCORM 2004 in the strict LMS: the same, and the LMS keeps one interaction per question under its own id', async ({ lms }) => {
  const course = new CoursePage(await lms.launch({ version: '2004', coursePath: '/scorm2004/index.html' }));
  await expect(course.pageHeading()).toBeVisible();
  await course.goToPage(LESSON.quizTitle);
  await fromTheQuiz(course, course.page);
  const { data, violations } = await lms.snapshot();
  expect(violations).toEqual([]);
  const ids = Object.entries(data)
    .filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
    .map(([, v]) => v)
    .filter((id) => id.startsWith('quiz_'));
  expect(ids).toEqual(QUESTIONS.map((q) => expect.stringMatching(new RegExp(`\\.${q.id}$`))));
  // The last attempt (all right) is what each question's interaction holds.
  for (const [n, id] of Object.entries(data).filter(([k, v]) => /\.id$/.test(k) && v.startsWith('quiz_'))) {
    const slot = n.replace(/\.id$/, '');
    expect(data[`${slot}.result`], id).toBe('correct');
  }
});
