/**
 * What a screen reader gets, read from the accessibility tree across every
 * shadow root (Playwright's ARIA snapshot): the language, landmarks, one h1 and
 * headings in order, labelled controls and named groups for every question,
 * live regions that exist before they speak, the table's caption and header
 * scopes, links that say where they go, and a named progress indicator.
 */
import type { Locator, Page } from '@playwright/test';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { blocksOf } from '../../src/domain/lesson-queries.js';
import { expect, test } from './fixtures.js';

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const [ACTIVITY] = blocksOf(LESSON.lesson, 'choice-activity');
const [TABLE] = blocksOf(LESSON.lesson, 'table');
const QUESTIONS = LESSON.quiz.questions.length;
const PAGES = LESSON.pageTitles.length;
const PAGE_TITLES_IN_ORDER = LESSON.pageTitles;
const MAX_LENGTH = LESSON.lesson.settings.writtenAnswerMaxLength;

/** Headings as a screen reader lists them: [level, name] in reading order. */
async function headings(page: Page): Promise<[number, string][]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  return [...snapshot.matchAll(/heading "((?:[^"\\]|\\.)*)" \[level=(\d)\]/g)].map((m) => [Number(m[2]), m[1] ?? '']);
}

/** One h1, first; no level skipped on the way down. */
function expectHeadingOutline(list: [number, string][], where: string) {
  expect(
    list.filter(([level]) => level === 1),
    `${where}: one h1`,
  ).toHaveLength(1);
  expect(list[0]?.[0], `${where}: the h1 comes first`).toBe(1);
  for (let i = 1; i < list.length; i += 1) {
    const [[before, a], [level, b]] = [list[i - 1], list[i]] as [[number, string], [number, string]];
    expect(level, `${where}: "${b}" (h${level}) after "${a}" (h${before})`).toBeLessThanOrEqual(before + 1);
  }
}

/** Link names as a screen reader hears them, with their addresses. */
async function links(scope: Locator): Promise<{ name: string; url: string }[]> {
  const snapshot = await scope.ariaSnapshot();
  return [...snapshot.matchAll(/link "((?:[^"\\]|\\.)*)"[^\n]*\n\s*- \/url: "?([^"\n]*)"?/g)].map((m) => ({
    name: m[1] ?? '',
    url: m[2] ?? '',
  }));
}

test('language, title, landmarks, and on every page one h1 with headings in order', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${LESSON.pageIds[0]}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await expect(page).toHaveTitle(LESSON.lesson.title);
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Contents' })).toHaveCount(1);

  const next = course.main.getByRole('link', { name: /^Next: / });
  for (const [n, title] of PAGE_TITLES_IN_ORDER.entries()) {
    await expect(course.pageHeading()).toHaveText(LESSON.headingFor(title));
    expectHeadingOutline(await headings(page), `page ${n + 1} "${title}"`);
    // An open quiz attempt shows no page links: go on through the contents.
    if (await next.count()) await next.click();
    else await course.goToPage(PAGE_TITLES_IN_ORDER[n + 1] ?? '');
  }
  // The end screen, after the last page.
  await expect(course.pageHeading()).toHaveText('Your progress');
  expectHeadingOutline(await headings(page), 'end screen');

  // The states that add headings: model answers (h4 under h3), quiz position and results (h4 under the quiz's h3).
  await course.doActivitiesAndReflections();
  expectHeadingOutline(await headings(page), 'reflections answered');
  await course.openQuiz();
  expectHeadingOutline(await headings(page), 'quiz question');
  await course.takeQuiz(CORRECT_QUIZ);
  const list = await headings(page);
  expectHeadingOutline(list, 'quiz results');
  expect(list.slice(-3)).toEqual([
    [2, LESSON.quizTitle],
    [3, LESSON.quiz.heading],
    [4, 'Your result'],
  ]);
  // Each reflection question is a heading of its own, the lesson's "Think about it" above it.
  await course.goToPage(LESSON.pageWith('reflection'));
  const reflections = (await headings(page)).filter(([level]) => level === 3).map(([, name]) => name);
  expect(reflections).toEqual(expect.arrayContaining(LESSON.reflectionQuestions));
  // The first page opens with the lesson's title.
  await course.goToPage(PAGE_TITLES_IN_ORDER[0] ?? '');
  expect((await headings(page)).filter(([level]) => level === 2)[1]).toEqual([2, LESSON.lesson.title]);

  // The packages ship the same page language.
  await page.goto(`${site.url}/packages/scorm12/index.html`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
});

test('every control has a label and every question is a group named by its legend', async ({ page, site }) => {
  const course = new CoursePage(page);
  const cases = ACTIVITY?.cases ?? [];
  const options = (ACTIVITY?.options ?? []).map((o) => o.text);
  await course.open(`${site.url}/web/#/${LESSON.pageIdWith('choice-activity')}`);
  const groups = course.main.getByRole('group');
  await expect(groups).toHaveCount(cases.length);
  for (const [i, group] of (await groups.all()).entries()) {
    await expect(group).toHaveAccessibleName(new RegExp(`^${i + 1}\\. ${escape(cases[i]?.text ?? '')}`));
    await expect(group.getByRole('radio')).toHaveCount(options.length);
    for (const option of options) await expect(group.getByRole('radio', { name: option, exact: true })).toHaveCount(1);
  }
  await expect(course.main.getByRole('radio')).toHaveCount(cases.length * options.length);

  const written = [
    [LESSON.pageIdWith('written-activity'), LESSON.writtenQuestions],
    [LESSON.pageIdWith('reflection'), LESSON.reflectionQuestions],
  ] as const;
  for (const [id, questions] of written) {
    await course.open(`${site.url}/web/#/${id}`);
    const boxes = course.main.getByRole('textbox');
    expect(questions.length).toBeGreaterThan(0);
    await expect(boxes).toHaveCount(questions.length);
    for (const [q, box] of (await boxes.all()).entries()) {
      await expect(box).toHaveAccessibleName(new RegExp(`^(\\d+\\. )?${escape(questions[q] ?? '')}$`));
      await expect(box).toHaveAccessibleDescription(`${MAX_LENGTH} of ${MAX_LENGTH} characters left`);
    }
  }

  await course.open(`${site.url}/web/#/${LESSON.pageIdWith('quiz')}`);
  for (const [i, question] of LESSON.quiz.questions.entries()) {
    const group = course.main.getByRole('group');
    await expect(group).toHaveCount(1);
    await expect(group).toHaveAccessibleName(new RegExp(`${escape(question.stem)}$`));
    await expect(group.getByRole('radio')).toHaveCount(question.options.length);
    for (const letter of question.options.map((_, o) => String.fromCharCode(65 + o)))
      await expect(group.getByRole('radio', { name: new RegExp(`^${letter}\\. \\S`) })).toHaveCount(1);
    await course.chooseQuizOption('A');
    if (i < QUESTIONS - 1) await course.main.getByRole('button', { name: 'Next question' }).click();
  }
});

test('feedback, model answers and the score are announced by live regions that were there before', async ({ page, site }) => {
  const course = new CoursePage(page);
  const item2 = ACTIVITY?.cases[1];
  const wrong = ACTIVITY?.options.find((o) => o.id !== item2?.correct)?.text ?? '';
  const right = ACTIVITY?.options.find((o) => o.id === item2?.correct)?.text ?? '';
  // The calm "not connected" note: once, on the first page (and on the end screen), not on every page.
  await course.open(`${site.url}/web/`);
  await expect(page.getByRole('status').filter({ hasText: 'Not connected to an LMS' })).toHaveCount(1);
  await course.goToPage(LESSON.choiceActivityTitle);
  await expect(page.getByRole('status').filter({ hasText: 'Not connected to an LMS' })).toHaveCount(0);

  const group = course.main.getByRole('group', { name: /^2\. / });
  const region = await group.locator('[aria-live="polite"]').elementHandle();
  expect(await region?.textContent()).toBe('');
  await course.answerCase(1, wrong);
  expect(await region?.textContent()).toContain('Not quite.');
  expect(await region?.textContent()).toContain(`Your answer: ${wrong}`);
  await group.getByRole('button', { name: 'Show the best answer' }).click();
  expect(await region?.textContent()).toContain(`The best answer is: ${right}.`);

  await course.goToPage(LESSON.writtenActivityTitle);
  const item = course.main.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: LESSON.firstWrittenQuestion }) });
  const modelRegion = await item.locator('[aria-live="polite"]').elementHandle();
  expect(await modelRegion?.textContent()).toBe('');
  await course.writeAnswer(LESSON.firstWrittenQuestion, 'They expire.');
  expect(await modelRegion?.textContent()).toContain('Model answer');

  await course.goToPage(LESSON.quizTitle);
  const score = await course.main.getByRole('status').filter({ hasNotText: 'LMS' }).elementHandle();
  expect(await score?.textContent()).toBe('');
  await course.takeQuiz(LESSON.answersWithCorrect(LESSON.fewestToPass - 1));
  expect(await score?.textContent()).toContain(LESSON.scoreText(LESSON.fewestToPass - 1));
  await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
  expect(await score?.textContent()).toBe('');
  await course.takeQuiz(CORRECT_QUIZ);
  expect(await score?.textContent()).toContain(LESSON.scoreText(LESSON.quiz.questions.length));
});

test('the table has a caption and headers scoped to their columns and rows', async ({ page, site }) => {
  const course = new CoursePage(page);
  if (!TABLE) throw new Error('the lesson has no table');
  await course.open(`${site.url}/web/#/${LESSON.pageIdWith('table')}`);
  const table = course.main.getByRole('table', { name: TABLE.caption });
  await expect(table.locator('caption')).toHaveText(TABLE.caption);
  await expect(table.locator('thead th')).toHaveCount(TABLE.columns.length);
  for (const th of await table.locator('thead th').all()) await expect(th).toHaveAttribute('scope', 'col');
  await expect(table.locator('tbody th')).toHaveCount(TABLE.rows.length);
  for (const th of await table.locator('tbody th').all()) await expect(th).toHaveAttribute('scope', 'row');
});

test('every link says where it goes; new tabs are announced; the pager names the page', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${LESSON.pageIds[0]}`);
  // The contents name each page and say where the learner stands with it; the end screen comes last.
  const entries = (await links(course.toc)).map((l) => l.name);
  expect(entries).toEqual([...LESSON.pageTitles.map((t, i) => `${t} (${i === 0 ? 'done' : 'not started'})`), 'Finish (not started)']);
  const titles = LESSON.pageTitles;
  const generic = /^(click here|here|more|read more|link|this page|\(?aws documentation\)?)$/i;
  for (const [i, title] of titles.entries()) {
    await course.goToPage(title);
    for (const { name, url } of await links(course.main)) {
      expect(name, `a link on "${title}"`).not.toMatch(generic);
      if (url.startsWith('http')) expect(name).toMatch(/^AWS Documentation: .+ \(opens in a new tab\)$/);
    }
    if (title === LESSON.quizTitle) {
      // An open attempt: no page links under the quiz's own buttons, a note instead.
      await expect(course.main.getByRole('navigation')).toHaveCount(0);
      await expect(course.main).toContainText('The quiz is open');
      continue;
    }
    const pager = await links(course.main.getByRole('navigation'));
    const expected = [
      ...(i > 0 ? [{ name: `Previous: ${titles[i - 1]}`, url: expect.stringMatching(/^#\//) }] : []),
      i < titles.length - 1
        ? { name: `Next: ${titles[i + 1]}`, url: expect.stringMatching(/^#\//) }
        : { name: 'Next: Finish', url: '#finish' },
    ];
    expect(pager).toEqual(expected);
  }
});

test('the progress indicator has a name and a value that follows the learner', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${LESSON.pageIds[0]}`);
  const progress = page.getByRole('progressbar', { name: 'Lesson progress' });
  // Pages done: read, and for a page with an activity, its activity done.
  await expect(progress).toHaveAttribute('aria-valuemin', '0');
  await expect(progress).toHaveAttribute('aria-valuemax', String(PAGES));
  await expect(progress).toHaveAttribute('aria-valuenow', '1');
  await expect(progress).toHaveAttribute('aria-valuetext', `1 of ${PAGES} pages done`);
  await course.next();
  await course.goToPage(LESSON.choiceActivityTitle);
  // Opened, the activity is not done yet.
  await expect(progress).toHaveAttribute('aria-valuetext', `2 of ${PAGES} pages done`);
  for (const [i, answer] of CASE_ANSWERS.entries()) await course.answerCase(i, answer);
  await expect(progress).toHaveAttribute('aria-valuenow', '3');
  await expect(progress).toHaveAttribute('aria-valuetext', `3 of ${PAGES} pages done`);
});
