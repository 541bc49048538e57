/**
 * Playwright fixtures for tests that run a course (or a fake SCO) against the
 * strict test LMS:
 *
 * - `server` (per worker): a static server; mounts default to the harness
 *   bundle at /harness and the harness fixtures at /fixtures, and can be
 *   changed with `test.use({ staticMounts: { … } })` (e.g. a built package at "/").
 * - `lms`: launches the host page with the course in its iframe and reads
 *   what the LMS saw.
 *
 * The `server` fixture builds host.js first when it is missing or stale.
 */
import { type Frame, type Page, test as base } from '@playwright/test';
import { ensureHostBuilt } from '../../hosts/scorm/build-host.js';
import { HARNESS_DIST, HARNESS_FIXTURES } from '../../hosts/scorm/harness-paths.js';
import { hostPageHtml } from '../../hosts/scorm/host-page.js';
import type { FlatCmi, ScormVersion } from '../../hosts/scorm/session-seed.js';
import { type Mounts, type StaticServer, startStaticServer } from '../../hosts/scorm/static-server.js';
import type { CallRecord, FaultPlan, SessionState, StrictHost, Violation } from '../../hosts/scorm/strict-scorm.js';

/** `window` on the host page. */
type HostWindow = Window & typeof globalThis & { __lms: StrictHost };

export interface LaunchOptions {
  readonly version: ScormVersion;
  /** Path of the course's launch page on the static server, e.g. "/fixtures/fake-sco.html?api=API#[…]". */
  readonly coursePath: string;
  readonly seed?: FlatCmi;
  readonly faults?: FaultPlan;
}

/** A plain-data copy of `window.__lms`, taken at one moment. */
export interface LmsSnapshot {
  readonly log: CallRecord[];
  readonly violations: Violation[];
  readonly commits: number;
  readonly state: SessionState;
  readonly data: FlatCmi;
  readonly committed: FlatCmi | undefined;
}

export interface StrictLms {
  /** Opens the host page and returns the course's frame once it has loaded. */
  launch(options: LaunchOptions): Promise<Frame>;
  snapshot(): Promise<LmsSnapshot>;
  /** Replaces fault switches on the running LMS, e.g. `{ commit: { times: 2 } }`. */
  setFaults(faults: FaultPlan): Promise<void>;
}

const HOST_PATH = '/__strict-host.html';

export const test = base.extend<{ lms: StrictLms }, { staticMounts: Mounts; server: StaticServer }>({
  staticMounts: [
    { '/harness': HARNESS_DIST, '/fixtures': HARNESS_FIXTURES },
    { option: true, scope: 'worker' },
  ],
  server: [
    async ({ staticMounts }, use) => {
      await ensureHostBuilt();
      const server = await startStaticServer(staticMounts);
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  lms: async ({ page, server }, use) => {
    await use(strictLms(page, server.url));
  },
});

export { expect } from '@playwright/test';

function strictLms(page: Page, origin: string): StrictLms {
  const hostUrl = `${origin}${HOST_PATH}`;
  return {
    async launch({ version, coursePath, seed, faults }) {
      // The host page is generated per launch, but served from the course's
      // origin: the course may only reach window.parent.API when same-origin.
      const html = hostPageHtml({ version, courseUrl: coursePath, seed, faults });
      await page.unroute(hostUrl);
      await page.route(hostUrl, (route) => route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }));
      // goto waits for the host page's load event, which waits for its iframe.
      await page.goto(hostUrl);
      const frame = await (await page.locator('#course').elementHandle())?.contentFrame();
      if (!frame) throw new Error(`The course frame did not load (${coursePath})`);
      return frame;
    },
    snapshot: () =>
      page.evaluate(() => {
        const lms = (window as HostWindow).__lms;
        return {
          log: lms.log,
          violations: lms.violations,
          commits: lms.commits,
          state: lms.state,
          data: lms.data(),
          committed: lms.committedData(),
        };
      }),
    setFaults: (faults) =>
      page.evaluate((next) => {
        Object.assign((window as HostWindow).__lms.faults, next);
      }, faults),
  };
}
