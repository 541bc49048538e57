/**
 * Printing the lesson: the screen shows one page at a time, but paper gets all
 * of it — every section, the table, the activity prompts and the quiz
 * questions, then the sources it cites — without navigation, buttons or
 * notices; afterwards the screen is as the learner left it, unsent drafts
 * included. The printed copy is rendered ahead of time, so a print never
 * depends on how fast the page re-renders when the browser asks to print.
 */
import { join } from 'node:path';
import { CoursePage, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { blocksOf } from '../../src/domain/lesson-queries.js';
import { expect, test } from './fixtures.js';

test('printing gives every section, the table and the activity prompts, and no navigation chrome', async ({ page, site }) => {
  // A4 at 96 dpi, so the screenshot shows what the paper will.
  await page.setViewportSize({ width: 794, height: 1123 });
  const { lesson, quiz } = LESSON;
  const [table] = blocksOf(lesson, 'table');
  const [choice] = blocksOf(lesson, 'choice-activity');
  const [written] = blocksOf(lesson, 'written-activity');
  const reflections = blocksOf(lesson, 'reflection').flatMap((b) => b.questions);
  if (!table || !choice || !written) throw new Error('the lesson has no table, choice activity or written activity');
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${lesson.pages.find((p) => p.blocks.includes(written))?.id}`);
  const draft = course.main.getByRole('textbox', { name: written.questions[0]?.text });
  await draft.fill('A draft not yet submitted');

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(lesson.title);
  // In reading order (the accessibility tree's, which crosses the components' shadow roots as a screen reader does).
  const snapshot = await page.locator('body').ariaSnapshot();
  const h2 = [...snapshot.matchAll(/heading "((?:[^"\\]|\\.)*)" \[level=2\]/g)].map((m) => m[1]);
  expect(h2).toEqual([...PAGE_TITLES.map((t) => LESSON.headingFor(t)), 'Sources']);

  const printed = page.getByRole('table', { name: table.caption });
  await expect(printed).toBeVisible();
  await expect(printed.getByRole('rowheader')).toHaveText(table.rows.map((row) => row[0] ?? ''));

  // The activities' prompts and questions, and all five quiz questions at once.
  // (getByText also finds the hidden page on screen: count what is visible.)
  await expect(page.getByText(choice.prompt).filter({ visible: true })).toHaveCount(1);
  for (const [i, item] of choice.cases.entries()) await expect(page.getByRole('group', { name: `${i + 1}. ${item.text}` })).toBeVisible();
  await expect(page.getByText(written.prompt).filter({ visible: true })).toHaveCount(1);
  await expect(page.getByRole('textbox')).toHaveCount(written.questions.length + reflections.length);
  const total = quiz.questions.length;
  await expect(page.getByRole('heading', { name: new RegExp(`^Question \\d+ of ${total}$`) })).toHaveCount(total);
  for (const question of quiz.questions) await expect(page.getByRole('group', { name: question.stem })).toBeVisible();

  // No chrome: contents, pager, buttons, notice, skip link, the CSV download.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^(Next|Previous): |Skip to main content|Download the table/ })).toHaveCount(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByText('Not connected to an LMS').filter({ visible: true })).toHaveCount(0);
  // Paper cannot follow a link: the printed lesson ends with every source it cites, with its address.
  const sources = page.getByRole('region', { name: 'Sources' });
  for (const href of LESSON.citedBeforeQuiz) await expect(sources).toContainText(href);
  await page.screenshot({ path: join('tests', '.screenshots', 'print.png'), fullPage: true });

  // Back on screen: one page again, with the draft still in its box.
  await page.emulateMedia({ media: 'screen' });
  // (At this width the contents are folded away behind their button.)
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([LESSON.pageWith('written-activity')]);
  await expect(draft).toHaveValue('A draft not yet submitted');
});

test("the browser's own print (a PDF here) gets the whole lesson too, then the page is as it was", async ({ page, site, browser }) => {
  // Printing once depended on how fast the page re-rendered after beforeprint (one page printed with Chromium 156).
  console.log(`Printing with Chromium ${browser.version()}`);
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/quiz`);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  // One screen page prints on one or two sheets; the whole lesson needs many more.
  expect(pages.length).toBeGreaterThan(10);
  await expect(course.pageHeading()).toHaveText(LESSON.pageWith('quiz'));
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(2);
});

test('printing from the dark theme prints dark text and links on white paper', async ({ page, site }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/comparison-table`);
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  // Every page, then the sources.
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(PAGE_TITLES.length + 1);
  const link = page.getByRole('link', { name: /^AWS Documentation: / }).first();
  const colours = await link.evaluate((a) => [getComputedStyle(a).color, getComputedStyle(document.documentElement).backgroundColor]);
  expect(colours).toEqual(['rgb(11, 87, 194)', 'rgb(255, 255, 255)']);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('color', 'rgb(0, 0, 0)');
  await page.screenshot({ path: join('tests', '.screenshots', 'print-from-dark.png'), fullPage: true });
});
