/**
 * Traffic of a full pass journey per tracking standard, measured against the
 * test LMSs the browser tests use: the strict scorm-again host (API calls and
 * commits) and the local LRS harness (HTTP requests), when it is present.
 */
import { chromium, type Browser } from '@playwright/test';
import { ensureHostBuilt } from '../../tests/harness/build-host.js';
import { HARNESS_DIST } from '../../tests/harness/harness-paths.js';
import { hostPageHtml } from '../../tests/harness/host-page.js';
import { CORRECT_QUIZ, CoursePage } from '../../tests/browser/course-page.js';
import { CHROMIUM_ARGS } from '../lib/chromium.js';
import { startStaticServer } from '../lib/static-server.js';

export interface JourneyFigures {
  readonly calls?: number;
  readonly commits?: number;
  readonly requests?: number;
  readonly summary: string;
}

async function learnerPasses(course: CoursePage) {
  await course.visitAllPages();
  await course.doActivitiesAndReflections();
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
}

export async function journeyFigures(executablePath: string, packagesDir: string): Promise<Record<string, JourneyFigures>> {
  await ensureHostBuilt();
  const server = await startStaticServer({ '/': packagesDir, '/harness': HARNESS_DIST });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const out: Record<string, JourneyFigures> = {};
  try {
    for (const [name, version] of [
      ['scorm12', '1.2'],
      ['scorm2004', '2004'],
    ] as const) {
      const page = await browser.newPage();
      const hostUrl = `${server.url}/${name}/__host.html`;
      await page.route(hostUrl, (route) =>
        route.fulfill({ contentType: 'text/html', body: hostPageHtml({ version, courseUrl: `/${name}/index.html` }) }),
      );
      await page.goto(hostUrl);
      const frame = await (await page.locator('#course').elementHandle())?.contentFrame();
      if (!frame) throw new Error('course frame missing');
      await learnerPasses(new CoursePage(frame));
      await page.evaluate(() => document.querySelector('iframe#course')?.remove());
      const { calls, commits } = await page.evaluate(() => {
        const lms = (window as unknown as { __lms: { log: { method: string }[]; commits: number } }).__lms;
        return { calls: lms.log.filter((c) => !/GetLastError|GetErrorString|GetDiagnostic/.test(c.method)).length, commits: lms.commits };
      });
      out[name] = { calls, commits, summary: `${calls} LMS API calls, ${commits} commits` };
      await page.close();
    }
    Object.assign(out, await lrsJourneys(browser, server.url));
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

/** What this script needs of the LRS harness (tests/harness/lrs). */
interface LrsHarnessModule {
  startLrs(options?: { basicAuth?: { key: string; secret: string } }): Promise<{
    requests(): unknown[];
    statements(): unknown[];
    close(): Promise<void>;
  }>;
  launchUrl(standard: 'xapi' | 'cmi5', courseUrl: string, lrs: unknown): string | Promise<string>;
}

/** xAPI and cmi5 against the local LRS harness, if this checkout has it. */
async function lrsJourneys(browser: Browser, origin: string): Promise<Record<string, JourneyFigures>> {
  const modulePath = '../../tests/harness/lrs/index.js';
  let harness: LrsHarnessModule;
  try {
    harness = (await import(modulePath)) as LrsHarnessModule;
  } catch {
    return { xapi: { summary: 'n/a (no LRS harness)' }, cmi5: { summary: 'n/a (no LRS harness)' } };
  }
  const out: Record<string, JourneyFigures> = {};
  for (const name of ['xapi', 'cmi5'] as const) {
    const lrs = await harness.startLrs({ basicAuth: { key: 'bench', secret: 'bench' } });
    try {
      const page = await browser.newPage();
      await page.goto(await harness.launchUrl(name, `${origin}/${name}/index.html`, lrs));
      await learnerPasses(new CoursePage(page));
      await page.close({ runBeforeUnload: false });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const requests = lrs.requests().length;
      out[name] = { requests, summary: `${requests} HTTP requests, ${lrs.statements().length} statements` };
    } finally {
      await lrs.close();
    }
  }
  return out;
}
