/**
 * Fault matrix, xAPI and cmi5: the local strict LRS times out, answers 500,
 * 401 or 409, drops the connection — then comes back. The learner keeps
 * working and is told calmly; once the fault clears every answer reaches the
 * LRS exactly once (one `answered` statement per answer, same ids never stored
 * twice), in order, and the session ends with terminated.
 */
import type { Page } from '@playwright/test';
import { startLrs, type LrsHarness } from '../../hosts/lrs/index.js';
import type { FaultRequest } from '../../hosts/lrs/lrs-server.js';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { recordFaultRow, tally } from './fault-report.js';
import { closeOnceStatementsSent } from '../../hosts/learner/close-tab.js';
import { expect, test } from './fixtures.js';
import { ACTOR, AU_ID, cmi5Launch, LESSON_IRI, verbs, XAPI_AUTH, xapiLaunch } from '../../hosts/learner/lrs-launch.js';

const EXPECTED = [...[1, 2, 3, 4, 5].map((n) => `identity-patterns.case-${n}`), ...[1, 2, 3, 4, 5].map((n) => `quiz-5-6.q${n}`)];
const NOTICE = /not answering right now|refused the connection/;

let lrs: LrsHarness;
test.beforeEach(async () => {
  lrs = await startLrs({ basicAuth: XAPI_AUTH });
  faultWindow = undefined;
});
test.afterEach(async () => lrs.close());

type Standard = 'xapi' | 'cmi5';

const RESUME_STATE_ID = 'iam-access-patterns-5-6.resume';
/** The name a standard has in the printed fault table. */
const label = (standard: Standard) => (standard === 'xapi' ? 'xAPI' : 'cmi5');
/** Where the course keeps its resume document for a registration (the activity is the AU in cmi5). */
const resumeAddress = (standard: Standard, registration: string) => ({
  activityId: standard === 'xapi' ? LESSON_IRI : AU_ID,
  agent: ACTOR,
  registration,
  stateId: RESUME_STATE_ID,
});

async function launch(page: Page, origin: string, standard: Standard) {
  const courseUrl = `${origin}/packages/${standard}/index.html`;
  const url = standard === 'xapi' ? xapiLaunch(courseUrl, lrs) : cmi5Launch(courseUrl, lrs).url;
  const course = new CoursePage(page);
  await course.open(url);
  return course;
}

/** 5 activity answers and the quiz: 10 answers, whatever the LRS is doing meanwhile. */
async function answerEverything(course: CoursePage, afterCase?: (index: number) => Promise<unknown>) {
  await course.goToPage(LESSON.choiceActivityTitle);
  for (const [i, answer] of CASE_ANSWERS.entries()) {
    await course.answerCase(i, answer);
    await afterCase?.(i);
  }
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
}

async function end(page: Page, standard: Standard) {
  if (standard === 'cmi5') await new CoursePage(page).finish();
  else await closeOnceStatementsSent(page);
  await expect.poll(() => verbs(lrs).at(-1), { timeout: 20_000 }).toBe('terminated');
}

function answeredIds(): string[] {
  return lrs
    .statements()
    .filter((s) => s.verb.id.endsWith('/answered'))
    .map((s) => decodeURIComponent(('id' in s.object ? s.object.id : '').split('/').pop() ?? ''));
}

/** Requests the LRS got while a fault was on (CORS preflights aside): the ones the fault hit. */
let faultWindow: { from: number; to: number } | undefined;
const hitByFault = () =>
  faultWindow
    ? lrs
        .requests()
        .slice(faultWindow.from, faultWindow.to)
        .filter((r) => r.method !== 'OPTIONS').length
    : 0;

function settle(standard: Standard, fault: string) {
  const counts = tally(EXPECTED, answeredIds());
  // A request the course gave up on (timeout) is not logged by the LRS; the window still counts as one fault.
  const injected = Math.max(hitByFault(), faultWindow ? 1 : 0);
  recordFaultRow({ standard: label(standard), fault, injected, ...counts });
  expect(counts.lost, 'answers lost').toBe(0);
  expect(counts.duplicated, 'answers duplicated').toBe(0);
  expect(answeredIds()).toEqual(EXPECTED);
  expect(verbs(lrs)).toContain('passed');
  expect(new Set(lrs.statements().map((s) => s.id)).size).toBe(lrs.statements().length);
}

const statementsOnly = (req: FaultRequest) => req.path.endsWith('/statements');
const stateWrites = (req: FaultRequest) =>
  req.path.endsWith('/activities/state') &&
  (req.method === 'PUT' || req.method === 'POST') &&
  req.query.get('stateId') !== 'LMS.LaunchData';

const faults: { name: string; start: () => void; clear: () => void; notice: boolean }[] = [
  {
    name: 'LRS answers 500, then comes back',
    start: () => (lrs.faults.statusFor = (r) => (statementsOnly(r) ? 500 : undefined)),
    clear: () => (lrs.faults.statusFor = undefined),
    notice: true,
  },
  {
    name: 'LRS answers 401, then comes back',
    start: () => (lrs.faults.statusFor = (r) => (statementsOnly(r) ? 401 : undefined)),
    clear: () => (lrs.faults.statusFor = undefined),
    notice: true,
  },
  {
    name: 'LRS answers 409 to the state document',
    start: () => (lrs.faults.statusFor = (r) => (stateWrites(r) ? 409 : undefined)),
    clear: () => (lrs.faults.statusFor = undefined),
    notice: false,
  },
  {
    name: 'LRS drops the connection, then comes back',
    start: () => (lrs.faults.dropConnection = true),
    clear: () => (lrs.faults.dropConnection = false),
    notice: true,
  },
  {
    name: 'LRS times out (12 s), then answers',
    start: () => (lrs.faults.delayMs = 12_000),
    clear: () => (lrs.faults.delayMs = 0),
    notice: true,
  },
];

for (const standard of ['xapi', 'cmi5'] as const) {
  test.describe(`${standard} fault matrix`, () => {
    for (const fault of faults) {
      test(fault.name, async ({ page, site }) => {
        test.setTimeout(90_000);
        const course = await launch(page, site.url, standard);
        await answerEverything(course, async (i) => {
          // The fault starts after the second answer; the third is given while it lasts.
          if (i === 1) {
            faultWindow = { from: lrs.requests().length, to: Infinity };
            fault.start();
          }
          if (i === 2) {
            if (fault.notice) await expect(course.main.getByText(NOTICE)).toBeVisible({ timeout: 25_000 });
            // The fault must actually have hit a request before it clears.
            // (A timed-out request is aborted by the course before the LRS logs it: the notice is the proof.)
            if (!fault.name.includes('times out')) {
              await expect
                .poll(
                  () =>
                    lrs
                      .requests()
                      .slice(faultWindow!.from)
                      .some((r) => r.fault || r.method !== 'OPTIONS'),
                  { timeout: 20_000 },
                )
                .toBe(true);
            }
            if (fault.name.includes('409'))
              await expect
                .poll(
                  () =>
                    lrs
                      .requests()
                      .slice(faultWindow!.from)
                      .some((r) => r.fault === 'status'),
                  { timeout: 20_000 },
                )
                .toBe(true);
            fault.clear();
            faultWindow = { from: faultWindow!.from, to: lrs.requests().length };
          }
        });
        await expect(course.main.getByText(NOTICE)).toHaveCount(0, { timeout: 30_000 });
        await end(page, standard);
        settle(standard, fault.name);
      });
    }

    test('the clock jumps back an hour mid-session: statements stay valid and ordered', async ({ page, site }) => {
      await page.addInitScript(() => {
        const realNow = Date.now.bind(Date);
        let shift = 0;
        (window as unknown as { jumpClock: () => void }).jumpClock = () => (shift = -3_600_000);
        Date.now = () => realNow() + shift;
        const RealDate = Date;
        // new Date() follows the jumped clock too.
        globalThis.Date = class extends RealDate {
          constructor(...args: [] | [string | number | Date]) {
            super(args.length === 0 ? Date.now() : args[0]);
          }
          static override now = Date.now;
        } as DateConstructor;
      });
      const course = await launch(page, site.url, standard);
      await answerEverything(course, (i) =>
        i === 1 ? page.evaluate(() => (window as unknown as { jumpClock: () => void }).jumpClock()) : Promise.resolve(),
      );
      await end(page, standard);
      expect(lrs.rejections()).toEqual([]);
      expect(lrs.statements().every((s) => !/-/.test(s.result?.duration ?? ''))).toBe(true);
      settle(standard, 'clock jumps back an hour');
    });

    /** A first session that visits two pages and ends: the LRS then holds a resume document for the registration. */
    async function earlierSession(page: Page, origin: string, registration: `${string}-${string}-${string}-${string}-${string}`) {
      const courseUrl = `${origin}/packages/${standard}/index.html`;
      const relaunch = () =>
        standard === 'xapi' ? xapiLaunch(courseUrl, lrs, registration) : cmi5Launch(courseUrl, lrs, { registration }).url;
      const course = new CoursePage(page);
      await course.open(relaunch());
      await course.goToPage('2) IAM user');
      await course.expectPagesDone(2);
      if (standard === 'cmi5') await new CoursePage(page).finish();
      else await page.goto('about:blank');
      await expect.poll(() => verbs(lrs).at(-1), { timeout: 20_000 }).toBe('terminated');
      const address = resumeAddress(standard, registration);
      const stored = lrs.stateDocument(address)?.content;
      expect(stored).toContain('"location":"iam-user"');
      return { relaunch, stored, storedNow: () => lrs.stateDocument(address)?.content };
    }

    const resumeReads = (r: FaultRequest) =>
      r.path.endsWith('/activities/state') && r.method === 'GET' && r.query.get('stateId') === RESUME_STATE_ID;

    test('LRS answers 500 to the resume state at launch (twice): the course asks again and resumes', async ({ page, site }) => {
      const earlier = await earlierSession(page, site.url, '2b4c6d8e-1f3a-4b5c-8d7e-9f0a1b2c3d4e');
      let failures = 0;
      lrs.faults.statusFor = (r) => (resumeReads(r) && failures < 2 ? (failures++, 500) : undefined);
      const course = new CoursePage(page);
      await course.open(earlier.relaunch());
      await course.expectPagesDone(2);
      expect(failures).toBe(2);
      await answerEverything(course);
      await end(page, standard);
      const counts = tally(EXPECTED, answeredIds());
      recordFaultRow({
        standard: label(standard),
        fault: 'LRS answers 500 to the resume state at launch (twice)',
        injected: failures,
        ...counts,
      });
      expect(counts.lost + counts.duplicated).toBe(0);
    });

    test('the resume state cannot be read at all: the learner works on, and what the LRS holds is not overwritten', async ({
      page,
      site,
    }) => {
      const earlier = await earlierSession(page, site.url, '3c5d7e9f-2a4b-4c6d-8e0f-1a2b3c4d5e6f');
      let failures = 0;
      lrs.faults.statusFor = (r) => (resumeReads(r) ? (failures++, 500) : undefined);
      const course = new CoursePage(page);
      await course.open(earlier.relaunch());
      await expect(course.main.getByText('could not give back your saved progress')).toBeVisible();
      await answerEverything(course);
      await end(page, standard);
      expect(earlier.storedNow(), 'the resume document the LRS held').toBe(earlier.stored);
      const counts = tally(EXPECTED, answeredIds());
      recordFaultRow({
        standard: label(standard),
        fault: 'resume state unreadable all session (kept, not overwritten)',
        injected: failures,
        ...counts,
      });
      expect(counts.lost + counts.duplicated).toBe(0);
      expect(verbs(lrs)).toContain('passed');
    });

    test('two tabs on the same attempt: both keep working, nothing is lost or doubled', async ({ page, site, context }) => {
      const courseUrl = `${site.url}/packages/${standard}/index.html`;
      const registration = '9a7c2b8e-3b0f-4c1e-9d2a-5f6e7d8c9b0a';
      const first = new CoursePage(page);
      await first.open(standard === 'xapi' ? xapiLaunch(courseUrl, lrs, registration) : cmi5Launch(courseUrl, lrs, { registration }).url);
      const other = await context.newPage();
      const second = new CoursePage(other);
      await second.open(standard === 'xapi' ? xapiLaunch(courseUrl, lrs, registration) : cmi5Launch(courseUrl, lrs, { registration }).url);
      await first.goToPage(LESSON.choiceActivityTitle);
      await first.answerCase(0, CASE_ANSWERS[0]);
      await second.goToPage(LESSON.choiceActivityTitle);
      await second.answerCase(1, CASE_ANSWERS[1]);
      await first.answerCase(2, CASE_ANSWERS[2]);
      await expect.poll(() => answeredIds().length).toBe(3);
      // Both tabs write the whole resume document by JSON merge (POST): nothing is refused, the newest write wins.
      expect(lrs.rejections()).toEqual([]);
      const state = lrs.stateDocument(resumeAddress(standard, registration));
      expect(state?.content).toContain('identity-patterns.case-');
      const counts = tally(EXPECTED.slice(0, 3), answeredIds());
      recordFaultRow({ standard: label(standard), fault: 'two tabs on the same attempt', injected: 1, ...counts });
      expect(counts.lost + counts.duplicated).toBe(0);
      await other.close();
    });
  });
}
