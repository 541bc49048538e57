/**
 * Printing the lesson: the screen shows one page at a time, but paper gets all
 * of it — every section, the table, the activity prompts and the quiz
 * questions — without navigation, buttons or notices; afterwards the screen is
 * as the learner left it, unsent drafts included.
 */
import { join } from 'node:path';
import { CoursePage, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { expect, test } from './fixtures.js';

test('printing gives every section, the table and the activity prompts, and no navigation chrome', async ({ page, site }) => {
  // A4 at 96 dpi, so the screenshot shows what the paper will.
  await page.setViewportSize({ width: 794, height: 1123 });
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/micro-activity-2`);
  const draft = course.main.getByRole('textbox', { name: /Why does AWS prefer roles/ });
  await draft.fill('A draft not yet submitted');

  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Root User, IAM Users, IAM Roles, and Access Patterns Review');
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(PAGE_TITLES);

  const table = page.getByRole('table', { name: 'Identity types and their mental models' });
  await expect(table).toBeVisible();
  await expect(table.getByRole('rowheader')).toHaveText(['Root user', 'IAM user', 'IAM group', 'IAM role']);

  // The activities' prompts and questions, and all five quiz questions at once.
  // (getByText also finds the hidden page on screen: count what is visible.)
  await expect(page.getByText('For each case, choose the best identity pattern:').filter({ visible: true })).toHaveCount(1);
  await expect(page.getByRole('group', { name: /^\d\. A / })).toHaveCount(5);
  await expect(page.getByText('Answer in one or two sentences each:').filter({ visible: true })).toHaveCount(1);
  await expect(page.getByRole('textbox')).toHaveCount(3 + 5);
  await expect(page.getByRole('heading', { name: /^Question \d of 5$/ })).toHaveCount(5);
  for (const stem of ['What is the AWS account root user?', "How does AWS's current guidance describe IAM users?"])
    await expect(page.getByRole('group', { name: stem })).toBeVisible();

  // No chrome: contents, pager, buttons, notice, skip link, the CSV download.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.getByRole('button')).toHaveCount(0);
  await expect(page.getByRole('link', { name: /^(Next|Previous): |Skip to main content|Download the table/ })).toHaveCount(0);
  await expect(page.getByRole('progressbar')).toHaveCount(0);
  await expect(page.getByText('Not connected to an LMS').filter({ visible: true })).toHaveCount(0);
  // Paper cannot follow a link: the address is printed after it.
  const cited = page.getByRole('link', { name: /^AWS Documentation: / }).first();
  expect(await cited.evaluate((a) => getComputedStyle(a, '::after').content)).toBe(`" (${await cited.getAttribute('href')})"`);
  await page.screenshot({ path: join('tests', '.screenshots', 'print.png'), fullPage: true });

  // Back on screen: one page again, with the draft still in its box.
  await page.emulateMedia({ media: 'screen' });
  // (At this width the contents are folded away behind their button.)
  await expect(page.getByRole('heading', { level: 2 })).toHaveText(['Micro-activity 2: Explain it in your own words']);
  await expect(draft).toHaveValue('A draft not yet submitted');
});

test("the browser's own print (a PDF here) gets the whole lesson too, then the page is as it was", async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/quiz`);
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? [];
  // One screen page prints on one or two sheets; the whole lesson needs many more.
  expect(pages.length).toBeGreaterThan(10);
  await expect(course.pageHeading()).toHaveText('Quiz 5.6');
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(2);
});

test('printing from the dark theme prints dark text and links on white paper', async ({ page, site }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/comparison-table`);
  await page.emulateMedia({ colorScheme: 'dark', media: 'print' });
  await expect(page.getByRole('heading', { level: 2 })).toHaveCount(19);
  const link = page.getByRole('link', { name: /^AWS Documentation: / }).first();
  const colours = await link.evaluate((a) => [getComputedStyle(a).color, getComputedStyle(document.documentElement).backgroundColor]);
  expect(colours).toEqual(['rgb(11, 87, 194)', 'rgb(255, 255, 255)']);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCSS('color', 'rgb(0, 0, 0)');
  await page.screenshot({ path: join('tests', '.screenshots', 'print-from-dark.png'), fullPage: true });
});
