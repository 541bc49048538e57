/**
 * The built course under a strict Content-Security-Policy, with every request
 * outside the test server blocked and recorded: it must render, work, and try
 * to reach nothing else (no CDN, font, analytics or telemetry). The policy allows
 * the page's one inline style by its hash, as dist/UPLOAD.md tells admins; a
 * policy without it costs the learner nothing but the styled first paint.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.js';
import { pageStyleHash } from '../../src/build/critical-style.js';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect, test } from './fixtures.js';

/** What an LMS can serve the course with: no inline script, no eval, nothing from other origins; `styles` added to 'self'. */
const csp = (styles: string) =>
  [
    "default-src 'none'",
    "script-src 'self'",
    `style-src 'self'${styles}`,
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');

const WEB = join(process.cwd(), 'dist', 'web');
/** The policy dist/UPLOAD.md gives: its inline style allowed by the hash of the stylesheet file it copies. */
let CSP: string;
let server: StaticServer;
test.beforeAll(async () => {
  const hash = await pageStyleHash(WEB);
  expect(hash, 'index.html links its stylesheet at the end of <body>').toBeDefined();
  CSP = csp(` ${hash}`);
  server = await startStaticServer({ '/web': WEB }, { headers: { 'Content-Security-Policy': CSP } });
});
test.afterAll(async () => server.close());

test('the page styles its first paint itself: one inline style, the stylesheet file it copies linked only at the end', async ({
  page,
  errors,
}) => {
  await page.goto(`${server.url}/web/`);
  const head = await page.evaluate(() => ({
    styles: [...document.head.querySelectorAll('style')].map((s) => s.textContent),
    links: document.head.querySelectorAll('link[rel="stylesheet"]').length,
    scripts: [...document.querySelectorAll('script')].map((s) => ({
      src: s.getAttribute('src'),
      type: s.type,
      inline: !s.src && s.text.length > 0,
    })),
    bodyEndLink: document.body.querySelector(':scope > link[rel="stylesheet"]:last-of-type')?.getAttribute('href'),
  }));
  // Nothing in <head> waits for another request: the first paint needs index.html alone.
  expect(head.links).toBe(0);
  expect(head.bodyEndLink).toBe('./assets/style.css');
  expect(head.styles).toEqual([await readFile(join(WEB, 'assets', 'style.css'), 'utf8')]);
  // The only inline <script> is the lesson's data, which the browser never runs.
  expect(head.scripts.filter((s) => s.inline)).toEqual([{ src: null, type: 'application/json', inline: true }]);
  expect(errors).toEqual([]);
});

test("under a policy without the inline style's hash, the stylesheet file styles the lesson and nothing else is refused", async ({
  page,
}) => {
  const strict = await startStaticServer({ '/web': WEB }, { headers: { 'Content-Security-Policy': csp('') } });
  const refused: string[] = [];
  const consoleErrors: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => refused.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(e.message));
  try {
    const course = new CoursePage(page);
    await course.open(`${strict.url}/web/`);
    await course.goToPage('Quick comparison table');
    await expect(course.main.getByRole('table')).toBeVisible();
    // The theme's tokens and fonts are there: they came from assets/style.css.
    const look = await page.evaluate(() => ({
      surface: getComputedStyle(document.documentElement).getPropertyValue('--surface').trim(),
      font: getComputedStyle(document.documentElement).fontFamily,
    }));
    expect(look.surface).not.toBe('');
    expect(look.font).toContain('system-ui');
    expect(refused).toEqual(['style-src-elem inline']);
    expect(consoleErrors).toHaveLength(1);
    expect(consoleErrors[0]).toContain("violates the following Content Security Policy directive 'style-src 'self''");
  } finally {
    await strict.close();
  }
});

test('the course works under a strict CSP and requests nothing from any other host', async ({ page, errors }) => {
  const violations: string[] = [];
  const foreign: string[] = [];
  await page.exposeFunction('reportViolation', (v: string) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { reportViolation: (v: string) => void }).reportViolation(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.context().route('**/*', (route) => {
    const url = new URL(route.request().url());
    if (url.origin === new URL(server.url).origin) return route.continue();
    foreign.push(url.href);
    return route.abort('blockedbyclient');
  });

  const course = new CoursePage(page);
  await course.open(`${server.url}/web/`);
  await course.visitAllPages();
  await course.goToPage(LESSON.choiceActivityTitle);
  for (const [i, answer] of CASE_ANSWERS.entries()) await course.answerCase(i, answer);
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
  await expect(course.main).toContainText('This attempt: 100 %');
  await course.goToPage('Quick comparison table');
  await expect(course.main.getByRole('table')).toBeVisible();

  expect(violations, 'Content-Security-Policy violations').toEqual([]);
  expect(foreign, 'requests to hosts other than the one serving the course').toEqual([]);
  expect(errors).toEqual([]);
});

test('text typed by a learner is shown as text, never turned into markup', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${LESSON.pageIdWith('written-activity')}`);
  const payload = '<img src=x onerror="document.title=\'pwned\'"><b>bold?</b>';
  await course.writeAnswer(LESSON.firstWrittenQuestion, payload);
  await page.reload();
  await expect(course.main.getByRole('textbox', { name: LESSON.firstWrittenQuestion })).toHaveValue(payload);
  expect(await page.title()).not.toBe('pwned');
  const injected = await page.evaluate(() => {
    const find = (root: Document | ShadowRoot): number =>
      root.querySelectorAll('img[src="x"]').length +
      [...root.querySelectorAll('*')].reduce((n, el) => n + (el.shadowRoot ? find(el.shadowRoot) : 0), 0);
    return find(document);
  });
  expect(injected).toBe(0);
});

test.describe('launch credentials and learner answers', () => {
  for (const standard of ['xapi', 'cmi5'] as const) {
    test(`${standard}: never logged, never in localStorage, and only the LRS is contacted (under a CSP naming it)`, async ({ browser }) => {
      const { startLrs } = await import('../../hosts/lrs/index.js');
      const { cmi5Launch, xapiLaunch, XAPI_AUTH } = await import('../../hosts/learner/lrs-launch.js');
      const lrs = await startLrs({ basicAuth: XAPI_AUTH });
      const dir = join(process.cwd(), 'tests', '.packages', standard);
      const policy = csp(` ${await pageStyleHash(dir)}`).replace("connect-src 'self'", `connect-src ${new URL(lrs.url).origin}`);
      const served = await startStaticServer({ '/pkg': dir }, { headers: { 'Content-Security-Policy': policy } });
      const page = await browser.newPage();
      const logged: string[] = [];
      const foreign: string[] = [];
      page.on('console', (m) => logged.push(m.text()));
      await page.context().route('**/*', (route) => {
        const origin = new URL(route.request().url()).origin;
        if (origin === new URL(served.url).origin || origin === new URL(lrs.url).origin) return route.continue();
        foreign.push(route.request().url());
        return route.abort('blockedbyclient');
      });
      try {
        const url =
          standard === 'xapi' ? xapiLaunch(`${served.url}/pkg/index.html`, lrs) : cmi5Launch(`${served.url}/pkg/index.html`, lrs).url;
        const course = new CoursePage(page);
        await course.open(url);
        await course.goToPage(LESSON.writtenActivityTitle);
        const secretAnswer = 'My private answer about root credentials';
        await course.writeAnswer(LESSON.firstWrittenQuestion, secretAnswer);
        await expect.poll(() => lrs.statements().some((s) => s.verb.id.endsWith('/answered'))).toBe(true);

        const storage = await page.evaluate(() => ({
          local: JSON.stringify({ ...localStorage }),
          session: JSON.stringify({ ...sessionStorage }),
        }));
        const secret = XAPI_AUTH.secret;
        const basic = Buffer.from(`${XAPI_AUTH.key}:${secret}`).toString('base64');
        expect(storage.local).not.toContain(basic);
        expect(storage.local).not.toContain(secret);
        expect(storage.local).not.toContain(secretAnswer);
        expect(storage.local).not.toMatch(/auth-token|Basic /);
        // xAPI's launch auth lives in memory only; cmi5's session token may sit in sessionStorage (cmi5 §8.2: no second fetch).
        expect(storage.session).not.toContain(basic);
        expect(logged.join('\n')).not.toMatch(new RegExp(`${basic}|${secret}|auth-token|${secretAnswer}`));
        expect(logged.filter((l) => l.includes('Content Security Policy'))).toEqual([]);
        expect(foreign).toEqual([]);
        expect(lrs.rejections()).toEqual([]);
      } finally {
        await page.close();
        await served.close();
        await lrs.close();
      }
    });
  }
});
