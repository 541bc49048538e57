/**
 * The built course under a strict Content-Security-Policy, with every request
 * outside the test server blocked and recorded: it must render, work, and try
 * to reach nothing else (no CDN, font, analytics or telemetry).
 */
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.js';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect, test } from './fixtures.js';

/** What an LMS can serve the course with: no inline script, no eval, nothing from other origins. */
const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

let server: StaticServer;
test.beforeAll(async () => {
  server = await startStaticServer({ '/web': join(process.cwd(), 'dist', 'web') }, { headers: { 'Content-Security-Policy': CSP } });
});
test.afterAll(async () => server.close());

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
      const csp = CSP.replace("connect-src 'self'", `connect-src ${new URL(lrs.url).origin}`);
      const served = await startStaticServer(
        { '/pkg': join(process.cwd(), 'tests', '.packages', standard) },
        { headers: { 'Content-Security-Policy': csp } },
      );
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
