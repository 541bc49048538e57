/**
 * Traffic of a full pass journey per tracking standard, measured against the
 * test LMSs the browser tests use: the strict scorm-again host (API calls and
 * commits) and the local LRS harness (HTTP requests), when it is present.
 */
import { chromium, type Browser } from '@playwright/test';
import { ensureHostBuilt } from '../../hosts/scorm/build-host.js';
import { HARNESS_DIST } from '../../hosts/scorm/harness-paths.js';
import { hostPageHtml } from '../../hosts/scorm/host-page.js';
import { launchCallCount, type CallRecord } from '../../hosts/scorm/strict-scorm.js';
import { CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';
import { cmi5Launch, XAPI_AUTH, xapiLaunch } from '../../hosts/learner/lrs-launch.js';
import { startLrs } from '../../hosts/lrs/index.js';
import { CHROMIUM_ARGS } from '../lib/chromium.js';
import { startStaticServer } from '../lib/static-server.js';
import { scormSaveFigures, type SaveFigures } from './scorm-saves.js';

export interface JourneyFigures {
  /** LMS API calls until the first page shows (SCORM), every call counted. */
  readonly launchCalls?: number;
  readonly calls?: number;
  readonly commits?: number;
  readonly requests?: number;
  readonly summary: string;
  /** SCORM: commits at human pace, time from action to commit, what a window closed 1 s later keeps. */
  readonly saves?: SaveFigures;
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
      const course = new CoursePage(frame);
      await course.pageHeading().waitFor();
      await learnerPasses(course);
      await page.evaluate(() => document.querySelector('iframe#course')?.remove());
      // Every call counts, GetLastError, GetErrorString and GetDiagnostic included.
      const { log, commits } = await page.evaluate(() => {
        const lms = (window as unknown as { __lms: { log: CallRecord[]; commits: number } }).__lms;
        return { log: lms.log, commits: lms.commits };
      });
      const launchCalls = launchCallCount(log);
      const calls = log.length;
      out[name] = {
        launchCalls,
        calls,
        commits,
        summary: `${launchCalls} LMS calls at launch; ${calls} LMS calls, ${commits} commits in a full pass journey at test speed`,
      };
      await page.close();
    }
    const saves = await scormSaveFigures(browser, server.url);
    for (const [name, figures] of Object.entries(saves)) {
      const journey = out[name];
      if (journey) out[name] = { ...journey, saves: figures };
    }
    Object.assign(out, await lrsJourneys(browser, server.url));
  } finally {
    await browser.close();
    await server.close();
  }
  return out;
}

/** xAPI and cmi5 against the local LRS harness, launched as an LMS would launch them. */
async function lrsJourneys(browser: Browser, origin: string): Promise<Record<string, JourneyFigures>> {
  const out: Record<string, JourneyFigures> = {};
  for (const name of ['xapi', 'cmi5'] as const) {
    const lrs = await startLrs({ basicAuth: XAPI_AUTH });
    try {
      const page = await browser.newPage();
      const courseUrl = `${origin}/${name}/index.html`;
      await page.goto(name === 'xapi' ? xapiLaunch(courseUrl, lrs) : cmi5Launch(courseUrl, lrs).url);
      const course = new CoursePage(page);
      await learnerPasses(course);
      // The session ends as a learner ends it: xAPI when the page goes away, cmi5 with Finish.
      if (name === 'cmi5') await course.finish();
      else {
        // A tab closed while a statement request is on its way leaves `terminated` out on purpose
        // (README, tracking decisions): close it once the pass is stored and its answer is back.
        await waitFor(() => lrs.statements().some((s) => s.verb.id.endsWith('/passed')), `${name}: no passed statement`);
        await page.waitForTimeout(1_000);
        await page.close({ runBeforeUnload: false });
      }
      await waitFor(() => lrs.statements().at(-1)?.verb.id.endsWith('/terminated') === true, `${name}: no terminated statement`);
      const requests = lrs.requests().length;
      const statements = lrs.statements().length;
      if (lrs.rejections().length) throw new Error(`the LRS refused ${lrs.rejections().length} request(s) in the ${name} journey`);
      out[name] = { requests, summary: `${requests} HTTP requests, ${statements} statements` };
      if (!page.isClosed()) await page.close();
    } finally {
      await lrs.close();
    }
  }
  return out;
}

async function waitFor(condition: () => boolean, failure: string, timeoutMs = 15_000) {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error(failure);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
