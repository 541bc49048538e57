/**
 * report.html as an admin gets it: opened from disk, with nothing fetched, every chart beside its
 * data table, axe (WCAG 2.0–2.2 A/AA and best practices) at 0 violations on screen and in print,
 * and a learner's written answer shown as text, never run as markup. The report is made from a
 * generated cohort plus learners of an older content version and of another course, so every
 * section (flags, notices, other versions, written answers) is on the page.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Statement } from '@xapi/xapi';
import { generateCohort, scriptedLearner } from '../../hosts/learner/cohort.js';
import { loadCourse } from '../../src/content/load-course.js';
import type { Lesson } from '../../src/content/lesson.js';
import { quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import { analyse } from '../../scripts/report/analysis.js';
import { courseModel } from '../../scripts/report/course-model.js';
import { writeReport } from '../../scripts/report/report-files.js';
import { expect, test } from './fixtures.js';

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const MARKUP = '<script>window.__ran = true</script><img src=x onerror="window.__ran = true"> & more';

let dir: string;
let reportUrl: string;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const lesson = await loadCourse('course');
  const statements: Statement[] = [];
  for await (const learner of generateCohort({ lesson, learners: 60, seed: 21 })) statements.push(...learner.statements);
  const written = writtenQuestions(lesson)[0]!;
  statements.push(
    ...(await scriptedLearner(lesson, {
      learner: 900,
      registration: '00000000-0000-4000-8000-000000000900',
      start: new Date('2026-10-02T09:00:00Z'),
      sessions: [{ actions: [{ write: { activity: written.block.id, question: written.question.id, text: MARKUP } }] }],
    })),
  );
  const older = structuredClone(lesson) as Lesson & { version: string };
  older.version = '0.9.0';
  const quiz = quizOf(older);
  statements.push(
    ...(await scriptedLearner(older, {
      learner: 901,
      registration: '00000000-0000-4000-8000-000000000901',
      start: new Date('2026-08-02T09:00:00Z'),
      sessions: [{ actions: [{ quiz: Object.fromEntries(quiz.questions.map((q) => [q.id, q.correct])) }] }],
    })),
  );
  const fixture = await loadCourse('tests/fixtures/course');
  statements.push(
    ...(await scriptedLearner(fixture, {
      learner: 902,
      registration: '00000000-0000-4000-8000-000000000902',
      start: new Date('2026-10-03T09:00:00Z'),
      sessions: [{ actions: [{ visit: fixture.pages[0]!.id }] }],
    })),
  );
  const model = courseModel(lesson);
  dir = mkdtempSync(join(tmpdir(), 'report-page-'));
  await writeReport(dir, analyse(model, statements, { activity: model.lessonIri, endpoint: 'https://lrs.example.com/xapi/' }));
  reportUrl = pathToFileURL(join(dir, 'report.html')).href;
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function expectAccessible(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).setLegacyMode(true).analyze();
  const found = violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact ?? ''}): ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
  );
  expect(found, `axe violations in "${state}"`).toEqual([]);
}

test('report.html opens from disk, fetches nothing, and passes axe on screen and in print', async ({ page, errors }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(reportUrl);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Item analysis');
  expect(requests.filter((url) => !url.startsWith('file://'))).toEqual([]);
  await expectAccessible(page, 'screen');
  await page.emulateMedia({ media: 'print' });
  await expectAccessible(page, 'print');
  // Printed, no chart or table is cut in two.
  expect(
    await page
      .locator('.pair')
      .first()
      .evaluate((el) => getComputedStyle(el).breakInside),
  ).toBe('avoid');
  expect((await page.pdf({ format: 'A4' })).length).toBeGreaterThan(10_000);
  expect(errors).toEqual([]);
});

test('every chart has its data table beside it, and the right option is named, not only coloured', async ({ page }) => {
  await page.goto(reportUrl);
  const charts = page.getByRole('img');
  const count = await charts.count();
  expect(count).toBeGreaterThanOrEqual(5);
  for (let i = 0; i < count; i++) {
    const chart = charts.nth(i);
    await expect(chart).toHaveAttribute('aria-label', /.+/);
    // The chart's figure and a table are the two halves of one pair.
    const pair = chart.locator('xpath=ancestor::div[contains(@class, "pair")][1]');
    await expect(pair.getByRole('table')).toHaveCount(1);
  }
  const firstQuestion = page.getByRole('article').first();
  await expect(firstQuestion.getByRole('table')).toContainText('✓ right');
  await expect(firstQuestion.getByRole('img')).toHaveAttribute('aria-label', /right answer is marked/);
  await expect(
    page.getByRole('heading', { name: 'Funnel' }).or(page.getByRole('heading', { name: 'Where learners get to' })),
  ).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Questions of other content versions' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'About this data' })).toBeVisible();
  await expect(page.locator('.notices')).toContainText('https://courses.example.com/xapi/fixture-course');
});

test("a learner's written answer is shown as text, never run as markup", async ({ page }) => {
  await page.goto(reportUrl);
  await expect(page.getByText(MARKUP, { exact: true })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __ran?: boolean }).__ran)).toBeUndefined();
  await expect(page.locator('main script, main img')).toHaveCount(0);
});
