/**
 * The preview LMS (`npm start`, scripts/preview/): each standard launched from
 * the launcher as a learner would, with the panel beside the course showing
 * what its LMS saw. Every test runs its own preview server on a free port with
 * its own data folder, so relaunch, restart and reset are tested for real.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Frame, Locator, Page } from '@playwright/test';
import { startPreview, type Preview } from '../../scripts/preview/index.js';
import { CASE_ANSWERS, CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect, test as base } from './fixtures.js';

const test = base.extend<{ dataDir: string; preview: Preview; pageErrors: void }>({
  // Every test fails on an uncaught error or console error in the pages or the course (fixtures.ts).
  pageErrors: [async ({ errors: _errors }, use) => use(), { auto: true }],
  dataDir: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'preview-lms-'));
    await use(dir);
    await rm(dir, { recursive: true, force: true });
  },
  preview: async ({ dataDir }, use) => {
    // dist/ is built by the global setup; the preview must not start a second build.
    const preview = await startPreview({ port: 0, root: process.cwd(), dataDir, build: false });
    await use(preview);
    await preview.close();
  },
});

const MICRO_ACTIVITY = LESSON.choiceActivityTitle;
const QUIZ_TITLE = LESSON.quizTitle;
const { title: LESSON_TITLE, version: LESSON_VERSION } = LESSON.lesson;
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The course's frame once its page is up (inside the strict host for SCORM). */
async function course(page: Page, packageId: string): Promise<CoursePage> {
  let frame: Frame | undefined;
  await expect
    .poll(() => {
      frame = page.frames().find((f) => !f.isDetached() && f.url().includes(`/packages/${packageId}/index.html`));
      return frame !== undefined;
    })
    .toBe(true);
  if (!frame) throw new Error(`no course frame for ${packageId}`);
  const opened = new CoursePage(frame);
  await expect(opened.pageHeading()).toBeVisible();
  return opened;
}

function card(page: Page, standard: string): Locator {
  return page.getByRole('article', { name: standard, exact: true });
}

async function launchFromLauncher(page: Page, preview: Preview, standard: string, mode?: string) {
  await page.goto(preview.url);
  const pkg = card(page, standard);
  if (mode) await pkg.getByRole('radio', { name: mode }).check();
  await pkg.getByRole('button', { name: 'Launch', exact: true }).click();
}

/** Open the course, answer the first case of micro-activity 1, then answer quiz question 1. */
async function shortJourney(c: CoursePage) {
  await c.goToPage(MICRO_ACTIVITY);
  await c.answerCase(0, CASE_ANSWERS[0]);
  await c.openQuiz();
  await c.chooseQuizOption('B');
  await c.main.getByRole('button', { name: 'Next question' }).click();
  await expect(c.main.getByText(`2 / ${LESSON.quiz.questions.length}`, { exact: true })).toBeVisible();
}

const panelOf = (page: Page) => {
  const panel = page.getByRole('complementary');
  return {
    panel,
    status: panel.getByRole('region', { name: 'Status' }),
    log: panel.getByRole('region', { name: /^(LMS calls|Statements|LMS traffic)/ }),
    problems: panel.getByRole('region', { name: /^(Strict-profile violations|Refused requests)/ }),
    resume: panel.getByRole('region', { name: 'Resume state' }),
  };
};

const toolbar = (page: Page) => page.getByRole('group', { name: 'Launch controls' });

for (const { id, standard, version, setValue } of [
  { id: 'scorm12', standard: 'SCORM 1.2', version: '1.2', setValue: 'LMSSetValue' },
  { id: 'scorm2004', standard: 'SCORM 2004', version: '2004', setValue: 'SetValue' },
] as const) {
  test(`${standard}: the panel shows the LMS calls and status; relaunch resumes, also after a restart; reset forgets`, async ({
    page,
    dataDir,
    preview,
  }) => {
    await launchFromLauncher(page, preview, standard);
    await shortJourney(await course(page, id));

    const { log, status, resume, problems } = panelOf(page);
    const interaction = log.getByRole('row').filter({ hasText: 'cmi.interactions.0.id' });
    // Answers are written at the course's next save point (0.4 s after a change, README "Commits").
    await expect(interaction).toContainText(setValue);
    await expect(interaction).toContainText('true');
    await expect(log.getByRole('cell', { name: version === '1.2' ? 'LMSInitialize' : 'Initialize', exact: true })).toHaveCount(1);
    await expect(status).toContainText('incomplete');
    await expect(status).toContainText(/[1-9]\d* commits?/);
    await expect(status).toContainText('no violations');
    await expect(problems).toHaveCount(0);
    await expect(resume).toContainText('cmi.suspend_data');
    await expect(resume).toContainText('"l": "quiz"');

    // Relaunch: the LMS closes the course (it suspends) and opens it again with entry "resume".
    await toolbar(page).getByRole('button', { name: 'Relaunch (resume)' }).click();
    const resumed = await course(page, id);
    await expect(resumed.pageHeading()).toHaveText(QUIZ_TITLE);
    await expect(status).toContainText('resume');
    // The learner carries on (answers question 2), so this session saves (and suspends) too.
    await resumed.chooseQuizOption('C');
    await resumed.main.getByRole('button', { name: 'Next question' }).click();
    await expect(log.getByRole('row').filter({ hasText: 'cmi.suspend_data' }).first()).toBeVisible();

    // The data survives a restart of the preview (scorm.json).
    await page.goto('about:blank');
    await preview.close();
    const again = await startPreview({ port: 0, root: process.cwd(), dataDir, build: false });
    try {
      await page.goto(again.url);
      await expect(card(page, standard)).toContainText(`Saved attempt: incomplete, at ${LESSON.pageIdWith('quiz')}`);
      await card(page, standard).getByRole('button', { name: 'Relaunch (resume)' }).click();
      await expect((await course(page, id)).pageHeading()).toHaveText(QUIZ_TITLE);

      // Reset: the attempt is forgotten; the next launch starts from the first page, ab-initio.
      await toolbar(page).getByRole('button', { name: 'Reset learner' }).click();
      await expect(page.getByRole('status')).toContainText("the learner's attempt was forgotten");
      await page.goto(again.url);
      await expect(card(page, standard)).toContainText('No saved attempt.');
      await expect(card(page, standard).getByRole('button', { name: 'Relaunch (resume)' })).toBeDisabled();
      await card(page, standard).getByRole('button', { name: 'Launch', exact: true }).click();
      await expect((await course(page, id)).pageHeading()).toHaveText(LESSON.lesson.title);
      await expect(status).toContainText('ab-initio');
    } finally {
      await page.goto('about:blank');
      await again.close();
    }
  });
}

test('xAPI: the panel shows each statement and the status; relaunch resumes from the State document; reset forgets', async ({
  page,
  preview,
}) => {
  await launchFromLauncher(page, preview, 'xAPI');
  await shortJourney(await course(page, 'xapi'));

  const { log, status, resume, problems } = panelOf(page);
  await expect(log.getByRole('row').filter({ hasText: 'initialized' })).toHaveCount(1);
  const answered = log.getByRole('row').filter({ hasText: 'answered' });
  await expect(answered.first()).toContainText('success');
  await expect(answered.first()).toContainText('response');
  await expect(log.getByRole('row').filter({ hasText: 'experienced' }).first()).toBeVisible();
  await expect(status).toContainText('not completed');
  await expect(status).toContainText('none refused');
  await expect(problems).toHaveCount(0);
  await expect(resume).toContainText('iam-access-patterns-5-6.resume');
  await expect(resume).toContainText('"l": "quiz"');

  // Close: the course ends its session (terminated, with the session's duration).
  await toolbar(page).getByRole('button', { name: 'Close course' }).click();
  await expect(log.getByRole('row').filter({ hasText: 'terminated' })).toHaveCount(1);
  await expect(status).toContainText('last reported');

  await toolbar(page).getByRole('button', { name: 'Relaunch (resume)' }).click();
  await expect((await course(page, 'xapi')).pageHeading()).toHaveText(QUIZ_TITLE);
  await expect(status).toContainText('earlier');

  await toolbar(page).getByRole('button', { name: 'Reset learner' }).click();
  await expect(page.getByRole('status')).toContainText("the learner's attempt was forgotten");
  await page.goto(preview.url);
  await expect(card(page, 'xAPI')).toContainText('No saved attempt.');
  await card(page, 'xAPI').getByRole('button', { name: 'Launch', exact: true }).click();
  await expect((await course(page, 'xapi')).pageHeading()).toHaveText(LESSON.lesson.title);
  await expect(status).not.toContainText('earlier');
  await expect(resume).toContainText('"l": "outcomes"');
});

test('cmi5 Normal: answered statements, status and the State document; a relaunch is a new session that resumes', async ({
  page,
  preview,
}) => {
  await launchFromLauncher(page, preview, 'cmi5', 'Normal');
  await shortJourney(await course(page, 'cmi5'));

  const { panel, log, status, resume, problems } = panelOf(page);
  await expect(panel).toContainText('Normal mode');
  await expect(log.getByRole('row').nth(1)).toContainText('initialized');
  await expect(log.getByRole('row').filter({ hasText: 'answered' }).first()).toContainText('response');
  await expect(status).toContainText('not completed');
  await expect(status).toContainText('unknown');
  await expect(problems).toHaveCount(0);
  await expect(resume).toContainText('"l": "quiz"');

  await toolbar(page).getByRole('button', { name: 'Relaunch (resume)' }).click();
  await expect((await course(page, 'cmi5')).pageHeading()).toHaveText(QUIZ_TITLE);
  // A new session: its own initialized, the earlier session's statements counted apart.
  await expect(log.getByRole('row').filter({ hasText: 'initialized' })).toHaveCount(1);
  await expect(status).toContainText('earlier');
});

test('cmi5 Browse: only initialized, and terminated after Finish; the course returns to the LMS', async ({ page, preview }) => {
  await launchFromLauncher(page, preview, 'cmi5', 'Browse');
  const c = await course(page, 'cmi5');
  // Browse: the learner may look around; answers are locked.
  await c.goToPage(MICRO_ACTIVITY);
  await expect(c.main.getByRole('radio').first()).toBeDisabled();
  await c.openQuiz();

  const { panel, log, problems } = panelOf(page);
  await expect(panel).toContainText('Browse mode');
  const verbs = log.locator('tbody td.verb .badge');
  await expect(verbs).toHaveText(['initialized']);
  // Give the course time to send anything else it (wrongly) would.
  await page.waitForTimeout(1500);
  await expect(verbs).toHaveText(['initialized']);

  await c.openEndScreen();
  await c.main.getByRole('button', { name: /^Finish/ }).click();
  await expect(verbs).toHaveText(['initialized', 'terminated']);
  await expect(page.frameLocator('#course-frame').getByRole('heading', { name: 'Back in the LMS' })).toBeVisible();
  await expect(problems).toHaveCount(0);
});

test('Standalone web: no LMS traffic, and the panel reads the progress the browser keeps', async ({ page, preview }) => {
  await launchFromLauncher(page, preview, 'Standalone web');
  await shortJourney(await course(page, 'web'));
  const { status, log, resume } = panelOf(page);
  await expect(status).toContainText('none (no LMS)');
  await expect(log).toContainText('no LMS to talk to');
  await expect(resume).toContainText('"l": "quiz"');
});

test('problems stand out: a strict-profile violation and a request the LRS refused', async ({ page, preview }) => {
  await launchFromLauncher(page, preview, 'SCORM 1.2');
  await course(page, 'scorm12');
  const host = page.frames().find((f) => f.url().includes('/lms/scorm12/host.html'));
  if (!host) throw new Error('no SCORM host frame');
  // A value outside the SCORM 1.2 vocabulary (RTE 3.4.4 cmi.core.lesson_status), as a careless course might write it.
  const returned = await host.evaluate(() =>
    (window as unknown as { API: { LMSSetValue(e: string, v: string): string } }).API.LMSSetValue('cmi.core.lesson_status', 'done'),
  );
  expect(returned).toBe('false');
  const { log, status, problems } = panelOf(page);
  const bad = log.getByRole('row').filter({ hasText: '= done' });
  await expect(bad).toHaveClass(/violation/);
  await expect(bad).toContainText('405');
  await expect(log.getByRole('row').filter({ hasText: 'Violation:' })).toContainText('lesson_status');
  await expect(problems).toContainText('cmi.core.lesson_status');
  await expect(status).toContainText('1 violation');

  await launchFromLauncher(page, preview, 'xAPI');
  await course(page, 'xapi');
  // A statement without credentials: the LRS refuses it and says why.
  const refused = await fetch(`${preview.lrsUrl}/xapi/statements`, {
    method: 'POST',
    headers: { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
    body: JSON.stringify({
      actor: { mbox: 'mailto:x@example.com' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/answered' },
      object: { id: 'https://example.com/a' },
    }),
  });
  // As ADL's reference LRS answers a request without credentials (hosts/lrs/reference-answers.json).
  expect(refused.status).toBe(400);
  await expect(problems).toContainText('POST /xapi/statements → 400 (answered)');
  await expect(problems).toContainText('Authorization');
  await expect(status).toContainText('1 refused');
});

test('the launcher lists every built package with its title, version, size and actions', async ({ page, preview }) => {
  await page.goto(preview.url);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSON_TITLE);
  const packages = page.getByRole('list', { name: new RegExp(escape(LESSON_TITLE)) }).getByRole('article');
  await expect(packages.getByRole('heading', { level: 2 })).toHaveText(['SCORM 1.2', 'SCORM 2004', 'xAPI', 'cmi5', 'Standalone web']);
  for (const article of await packages.all()) {
    await expect(article).toContainText(LESSON_TITLE);
    await expect(article).toContainText(new RegExp(`Version\\s*${escape(LESSON_VERSION)}`));
    await expect(article).toContainText(/\d+(\.\d)? KB/);
    await expect(article.getByRole('button', { name: 'Launch', exact: true })).toBeEnabled();
    // Nothing saved yet in a fresh data folder.
    await expect(article.getByRole('button', { name: 'Relaunch (resume)' })).toBeDisabled();
    await expect(article.getByRole('button', { name: 'Reset learner' })).toBeDisabled();
  }
  await expect(card(page, 'SCORM 1.2')).toContainText('iam-access-patterns-5-6-scorm12.zip');
  const modes = card(page, 'cmi5').getByRole('group', { name: 'Launch mode' });
  await expect(modes.getByRole('radio')).toHaveCount(3);
  await expect(modes.getByRole('radio', { name: 'Normal' })).toBeChecked();

  // By keyboard: choose Review, then Launch.
  await modes.getByRole('radio', { name: 'Normal' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(modes.getByRole('radio', { name: 'Review' })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(card(page, 'cmi5').getByRole('button', { name: 'Launch', exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('cmi5');
  await expect(page.getByRole('complementary')).toContainText('Review mode');
  await expect((await course(page, 'cmi5')).main).toContainText('Review mode');
});

test("the launcher's Reset learner forgets the attempt and keeps the keyboard on that card", async ({ page, preview }) => {
  await launchFromLauncher(page, preview, 'SCORM 2004');
  await shortJourney(await course(page, 'scorm2004'));
  await toolbar(page).getByRole('button', { name: 'Close course' }).click();
  await page.goto(preview.url);
  await expect(card(page, 'SCORM 2004')).toContainText(`Saved attempt: incomplete, at ${LESSON.pageIdWith('quiz')}`);

  await card(page, 'SCORM 2004').getByRole('button', { name: 'Reset learner' }).click();
  await expect(page.getByRole('status')).toHaveText("SCORM 2004: the learner's attempt was forgotten.");
  await expect(card(page, 'SCORM 2004')).toContainText('No saved attempt.');
  await expect(card(page, 'SCORM 2004').getByRole('button', { name: 'Relaunch (resume)' })).toBeDisabled();
  await expect(card(page, 'SCORM 2004').getByRole('button', { name: 'Launch', exact: true })).toBeFocused();
});

test('reloading the player reopens the current launch instead of starting another attempt', async ({ page, preview }) => {
  await launchFromLauncher(page, preview, 'xAPI');
  await shortJourney(await course(page, 'xapi'));
  const banner = page.getByRole('banner');
  const started = await banner.getByText(/^New attempt · started /).textContent();
  const registration = await panelOf(page)
    .panel.getByText(/^Registration /)
    .textContent();
  // The launcher's attempt=new is used once: the address now names the package only.
  expect(new URL(page.url()).search).toBe('?pkg=xapi');

  await page.reload();
  // The same launch and registration: the course resumes from its State document.
  await expect((await course(page, 'xapi')).pageHeading()).toHaveText(QUIZ_TITLE);
  await expect(banner).toContainText(started ?? 'no launch shown');
  await expect(panelOf(page).panel.getByText(/^Registration /)).toHaveText(registration ?? 'no registration shown');
});

test('the launcher and the player pass axe (WCAG 2.2 AA and best practices)', async ({ page, preview }) => {
  const expectAccessible = async (state: string) => {
    // The course in its frame has its own axe suite (a11y-axe.spec.ts); this is the LMS around it.
    const { violations } = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
      .exclude('#course-frame')
      .analyze();
    expect(
      violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`)),
      state,
    ).toEqual([]);
  };
  await page.goto(preview.url);
  await expect(page.getByRole('article')).toHaveCount(5);
  await expectAccessible('launcher');
  for (const [standard, id] of [
    ['SCORM 2004', 'scorm2004'],
    ['cmi5', 'cmi5'],
  ] as const) {
    await launchFromLauncher(page, preview, standard);
    await shortJourney(await course(page, id));
    await expectAccessible(`player: ${standard}`);
  }
});

test("Report view: the admin's item analysis over the preview's learner records, with its files", async ({ page, preview }) => {
  await page.goto(`${preview.url}/report.html`);
  await expect(page.getByRole('main')).toContainText('No learner records yet');

  await launchFromLauncher(page, preview, 'xAPI');
  await shortJourney(await course(page, 'xapi'));
  await toolbar(page).getByRole('button', { name: 'Close course' }).click();
  await expect(panelOf(page).log.getByRole('row').filter({ hasText: 'terminated' })).toHaveCount(1);

  await page.goto(preview.url);
  await page.getByRole('link', { name: 'Report' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Report' })).toBeVisible();
  await expect(page.getByRole('status')).toContainText(/Report made from \d+ statements: 1 learner record, 0 completed/);
  const report = page.frameLocator('iframe[title="Item analysis report"]');
  await expect(report.getByRole('heading', { level: 1 })).toContainText(`Item analysis: ${LESSON_TITLE}`);
  await expect(report.getByRole('table', { name: 'Funnel' })).toContainText('Launched');
  const items = await page.request.get(`${preview.url}/api/report/items.csv`);
  expect(items.headers()['content-disposition']).toContain('items.csv');
  const rows = (await items.text()).trim().split(/\r?\n/);
  expect(rows).toHaveLength(1 + LESSON.quiz.questions.reduce((n, q) => n + q.options.length, 0));
  expect(rows[0]).toMatch(/^version,question,option,correct,chosen,first_attempt_chosen,/);

  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .exclude('iframe')
    .analyze();
  expect(violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${JSON.stringify(n.target)}`))).toEqual([]);
});

test('the preview accepts changes only from its own pages', async ({ page, preview }) => {
  const foreign = await page.request.post(`${preview.url}/api/packages/scorm12/reset`, {
    headers: { Origin: 'https://elsewhere.example' },
  });
  expect(foreign.status()).toBe(403);
  const own = await page.request.post(`${preview.url}/api/packages/scorm12/reset`, { headers: { Origin: preview.url } });
  expect(own.status()).toBe(200);
});

test('screenshot: a SCORM 1.2 course running with the panel filled', async ({ page, preview }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await launchFromLauncher(page, preview, 'SCORM 1.2');
  const c = await course(page, 'scorm12');
  await shortJourney(c);
  await c.chooseQuizOption('C');
  await expect(panelOf(page).log.getByRole('row').filter({ hasText: 'cmi.interactions.0.id' })).toBeVisible({ timeout: 20_000 });
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'tests/.screenshots/preview-scorm12.png' });

  await launchFromLauncher(page, preview, 'cmi5');
  await shortJourney(await course(page, 'cmi5'));
  await expect(panelOf(page).log.getByRole('row').filter({ hasText: 'answered' }).first()).toBeVisible();
  await page.waitForTimeout(600);
  await page.screenshot({ path: 'tests/.screenshots/preview-cmi5.png' });

  await page.goto(preview.url);
  await page.screenshot({ path: 'tests/.screenshots/preview-launcher.png', fullPage: true });
});
