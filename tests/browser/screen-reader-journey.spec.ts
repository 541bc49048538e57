/**
 * A screen-reader journey: take the whole quiz, fail, read the feedback, retake and pass, and reach
 * the end screen, using only what a screen reader announces (Chromium's accessibility tree, see
 * hosts/learner/screen-reader.ts): every control is found by its announced role and name, reached
 * by moving focus there and pressed with the keys a screen reader user presses; results must be
 * announced (live regions) and focus must land where the learner reads next.
 */
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { ScreenReader } from '../../hosts/learner/screen-reader.js';
import { HARNESS_DIST } from '../../hosts/scorm/harness-paths.js';
import { plainText } from '../../src/content/rich-text-plain.js';
import { test as pageTest } from './fixtures.js';
import { expect, test } from './playwright-fixtures.js';

const QUESTIONS = LESSON.quiz.questions;
const letter = (i: number) => String.fromCharCode(65 + i);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Answers every question as announced: `pick` chooses the option index for a question. */
async function takeQuizBy(sr: ScreenReader, pick: (q: (typeof QUESTIONS)[number]) => number) {
  for (let n = 1; n <= QUESTIONS.length; n++) {
    // Where am I: "Question n of 5", then the question's words.
    await expect.poll(() => sr.says(`Question ${n} of ${QUESTIONS.length}`)).toBe(true);
    const spoken = await sr.read();
    const question = QUESTIONS.find((q) => spoken.some((s) => s.role === 'text' && s.name === q.stem));
    if (!question) throw new Error(`question ${n}: no question of the quiz is announced`);
    const i = pick(question);
    const option = question.options[i];
    const radio = await sr.find('radio', `${letter(i)}. ${option?.text}`);
    await sr.press(radio);
    expect(await sr.focused()).toBe(`radio button checked, ${letter(i)}. ${option?.text}`);
    await sr.press(await sr.find('button', n < QUESTIONS.length ? 'Next question' : 'Submit quiz'));
  }
}

async function journey(target: Page | Frame) {
  const sr = await ScreenReader.start(target);
  try {
    await sr.find('heading', LESSON.quizTitle);
    const wrong = (q: (typeof QUESTIONS)[number]) => q.options.findIndex((o) => o.id !== q.correct);
    // Attempt 1: the first question right, the others wrong.
    const [first] = QUESTIONS;
    await takeQuizBy(sr, (q) => (q === first ? q.options.findIndex((o) => o.id === q.correct) : wrong(q)));

    // The score is announced, and focus lands on the result.
    await expect.poll(async () => (await sr.announcements()).join(' ')).toContain(LESSON.scoreText(1));
    expect(await sr.focused()).toBe('heading level 4, Your result');
    expect(await sr.says(`Not passed yet. The passing score is ${LESSON.passPercent}\u00a0%.`)).toBe(true);
    // The feedback: what each wrong pick shows, a page to review, and no right answer.
    for (const q of QUESTIONS.slice(1)) {
      const chosen = q.options[wrong(q)];
      expect(await sr.says(plainText(chosen?.feedback ?? []))).toBe(true);
      expect(await sr.says(q.options.find((o) => o.id === q.correct)?.text ?? '')).toBe(false);
    }
    await sr.find('link', /^Review “/);
    expect(await sr.says('The right answers are shown once you pass the quiz.')).toBe(true);

    // Retake: focus goes to the first question; this time every answer is right.
    await sr.press(await sr.find('button', 'Take the quiz again'));
    await expect.poll(() => sr.focused()).toBe(`heading level 4, Question 1 of ${QUESTIONS.length}`);
    await takeQuizBy(sr, (q) => q.options.findIndex((o) => o.id === q.correct));
    await expect.poll(async () => (await sr.announcements()).join(' ')).toContain(LESSON.scoreText(QUESTIONS.length));
    expect(await sr.says(`Passed. The passing score is ${LESSON.passPercent}\u00a0%.`)).toBe(true);

    // The end screen, from the progress figure the bar announces.
    await sr.press(await sr.find('link', /^\d+\u00a0% done: your progress and Finish$/));
    await expect.poll(() => sr.focused()).toBe('heading level 2, Lesson complete');
    expect(await sr.says('You have finished this lesson and passed the quiz.')).toBe(true);
    await sr.press(await sr.find('button', 'Finish'));
    await expect.poll(async () => (await sr.announcements()).join(' '), { timeout: 15_000 }).toMatch(/^Done/);
  } finally {
    await sr.stop();
  }
}

/** Every page read and every activity done first (the journey is about the quiz and the end): with the ordinary driver. */
async function readEveryPage(course: CoursePage) {
  await course.visitAllPages();
  await course.doActivitiesAndReflections();
  await course.goToPage(LESSON.quizTitle);
}

pageTest(
  'standalone: the quiz, failed, its feedback, a retake that passes and the end screen, by what a screen reader announces',
  async ({ page, site }) => {
    const course = new CoursePage(page);
    await course.open(`${site.url}/web/`);
    await readEveryPage(course);
    await journey(page);
  },
);

test.use({ staticMounts: { '/scorm12': join(process.cwd(), 'tests', '.packages', 'scorm12'), '/harness': HARNESS_DIST } });

test('SCORM 1.2 in the strict LMS: the same journey inside the LMS frame', async ({ lms }) => {
  const frame = await lms.launch({ version: '1.2', coursePath: '/scorm12/index.html' });
  const course = new CoursePage(frame);
  await expect(course.pageHeading()).toBeVisible();
  await readEveryPage(course);
  await journey(frame);
  const { state, data, violations } = await lms.snapshot();
  expect(violations).toEqual([]);
  expect(state).toBe('terminated');
  expect(data['cmi.core.lesson_status']).toBe('passed');
});

// The journey's checks must not pass vacuously: a phrase nobody announces is not found.
pageTest('the screen reader does not hear what is not there', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${LESSON.pageIdWith('quiz')}`);
  const sr = await ScreenReader.start(page);
  try {
    expect(await sr.says('Lesson complete')).toBe(false);
    await expect(sr.find('button', 'Take the quiz again')).rejects.toThrow(/announces no button/);
    expect(await sr.says(new RegExp(`^heading level 2, ${escape(LESSON.quizTitle)}$`))).toBe(true);
  } finally {
    await sr.stop();
  }
});
