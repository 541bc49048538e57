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
import { expect, test } from './fixtures.js';

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
  await course.open(`${site.url}/web/#/outcomes`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
  await expect(page).toHaveTitle('Root User, IAM Users, IAM Roles, and Access Patterns Review');
  await expect(page.getByRole('banner')).toHaveCount(1);
  await expect(page.getByRole('main')).toHaveCount(1);
  await expect(page.getByRole('navigation', { name: 'Contents' })).toHaveCount(1);

  const next = course.main.getByRole('link', { name: /^Next: / });
  for (let n = 1; ; n += 1) {
    const title = (await course.pageHeading().textContent()) ?? '';
    expectHeadingOutline(await headings(page), `page ${n} "${title}"`);
    if (!(await next.count())) {
      // An open quiz attempt shows no page links: go on through the contents.
      const titles = (await links(course.toc)).map((l) => l.name);
      const after = titles[titles.indexOf(title) + 1];
      if (!after) break;
      await course.goToPage(after);
      continue;
    }
    await next.click();
    await expect(course.pageHeading()).not.toHaveText(title);
  }

  // The states that add headings: model answers (h4 under h3), quiz position and results (h4 under the quiz's h3).
  await course.doActivitiesAndReflections();
  expectHeadingOutline(await headings(page), 'reflections answered');
  await course.openQuiz();
  expectHeadingOutline(await headings(page), 'quiz question');
  await course.takeQuiz(CORRECT_QUIZ);
  const list = await headings(page);
  expectHeadingOutline(list, 'quiz results');
  expect(list.slice(-4)).toEqual([
    [2, 'Quiz 5.6'],
    [3, 'Knowledge Check'],
    [4, 'Your result'],
    [3, 'Lesson complete'],
  ]);

  // The packages ship the same page language.
  await page.goto(`${site.url}/packages/scorm12/index.html`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en-US');
});

test('every control has a label and every question is a group named by its legend', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/micro-activity-1`);
  const groups = course.main.getByRole('group');
  await expect(groups).toHaveCount(5);
  for (const [i, group] of (await groups.all()).entries()) {
    await expect(group).toHaveAccessibleName(new RegExp(`^${i + 1}\\. A `));
    await expect(group.getByRole('radio')).toHaveCount(4);
    for (const option of ['root user', 'IAM role', 'IAM user', 'federated or role-based human access'])
      await expect(group.getByRole('radio', { name: option, exact: true })).toHaveCount(1);
  }
  await expect(course.main.getByRole('radio')).toHaveCount(20);

  for (const id of ['micro-activity-2', 'reflection']) {
    await course.open(`${site.url}/web/#/${id}`);
    const boxes = course.main.getByRole('textbox');
    expect(await boxes.count()).toBeGreaterThan(0);
    for (const box of await boxes.all()) {
      await expect(box).toHaveAccessibleName(/\?$|\.$/);
      await expect(box).toHaveAccessibleDescription('250 of 250 characters left');
    }
  }

  await course.open(`${site.url}/web/#/quiz`);
  for (let i = 0; i < 5; i += 1) {
    const group = course.main.getByRole('group');
    await expect(group).toHaveCount(1);
    await expect(group).toHaveAccessibleName(/\?$/);
    await expect(group.getByRole('radio')).toHaveCount(4);
    for (const letter of ['A', 'B', 'C', 'D'])
      await expect(group.getByRole('radio', { name: new RegExp(`^${letter}\\. \\S`) })).toHaveCount(1);
    await course.chooseQuizOption('A');
    if (i < 4) await course.main.getByRole('button', { name: 'Next question' }).click();
  }
});

test('feedback, model answers and the score are announced by live regions that were there before', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/micro-activity-1`);
  await expect(page.getByRole('status').filter({ hasText: 'Not connected to an LMS' })).toHaveCount(1);

  const group = course.main.getByRole('group', { name: /^2\. / });
  const region = await group.locator('[aria-live="polite"]').elementHandle();
  expect(await region?.textContent()).toBe('');
  await course.answerCase(1, 'IAM user');
  expect(await region?.textContent()).toContain('Not quite. The best answer is: IAM role.');
  expect(await region?.textContent()).toContain('Your answer: IAM user');

  await course.goToPage('Micro-activity 2: Explain it in your own words');
  const item = course.main.getByRole('listitem').filter({ has: page.getByRole('textbox', { name: /Why does AWS prefer roles/ }) });
  const modelRegion = await item.locator('[aria-live="polite"]').elementHandle();
  expect(await modelRegion?.textContent()).toBe('');
  await course.writeAnswer(/Why does AWS prefer roles/, 'They expire.');
  expect(await modelRegion?.textContent()).toContain('Model answer');

  await course.goToPage('Quiz 5.6');
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
  await course.open(`${site.url}/web/#/comparison-table`);
  const table = course.main.getByRole('table', { name: 'Identity types and their mental models' });
  await expect(table.locator('caption')).toHaveText('Identity types and their mental models');
  await expect(table.locator('thead th')).toHaveCount(2);
  for (const th of await table.locator('thead th').all()) await expect(th).toHaveAttribute('scope', 'col');
  await expect(table.locator('tbody th')).toHaveCount(4);
  for (const th of await table.locator('tbody th').all()) await expect(th).toHaveAttribute('scope', 'row');
});

test('every link says where it goes; new tabs are announced; the pager names the page', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/outcomes`);
  const titles = (await links(course.toc)).map((l) => l.name);
  expect(titles).toHaveLength(19);
  const generic = /^(click here|here|more|read more|link|this page|\(?aws documentation\)?)$/i;
  for (const [i, title] of titles.entries()) {
    await course.goToPage(title);
    for (const { name, url } of await links(course.main)) {
      expect(name, `a link on "${title}"`).not.toMatch(generic);
      if (url.startsWith('http')) expect(name).toMatch(/^AWS Documentation: .+ \(opens in a new tab\)$/);
    }
    if (title === 'Quiz 5.6') {
      // An open attempt: no page links under the quiz's own buttons, a note instead.
      await expect(course.main.getByRole('navigation')).toHaveCount(0);
      await expect(course.main).toContainText('The quiz is open');
      continue;
    }
    const pager = await links(course.main.getByRole('navigation'));
    const expected = [
      ...(i > 0 ? [{ name: `Previous: ${titles[i - 1]}`, url: expect.stringMatching(/^#\//) }] : []),
      ...(i < titles.length - 1 ? [{ name: `Next: ${titles[i + 1]}`, url: expect.stringMatching(/^#\//) }] : []),
    ];
    expect(pager).toEqual(expected);
  }
});

test('the progress indicator has a name and a value that follows the learner', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/outcomes`);
  const progress = page.getByRole('progressbar', { name: 'Lesson progress' });
  // Steps as the completion rule counts them: every page, and the quiz submitted once.
  await expect(progress).toHaveAttribute('aria-valuemin', '0');
  await expect(progress).toHaveAttribute('aria-valuemax', '20');
  await expect(progress).toHaveAttribute('aria-valuenow', '1');
  await expect(progress).toHaveAttribute('aria-valuetext', '1 of 20 steps done: 1 of 19 pages visited, quiz not submitted yet');
  await course.next();
  await course.goToPage('Micro-activity 1: Choose the identity pattern');
  for (const [i, answer] of CASE_ANSWERS.entries()) await course.answerCase(i, answer);
  await expect(progress).toHaveAttribute('aria-valuenow', '3');
  await expect(progress).toHaveAttribute('aria-valuetext', '3 of 20 steps done: 3 of 19 pages visited, quiz not submitted yet');
});
