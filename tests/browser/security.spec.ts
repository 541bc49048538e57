/**
 * The built course under a strict Content-Security-Policy, with every request
 * outside the test server blocked and recorded: it must render, work, and try
 * to reach nothing else (no CDN, font, analytics or telemetry).
 */
import { join } from 'node:path';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.js';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage } from './course-page.js';
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
  await course.goToPage('Micro-activity 1: Choose the identity pattern');
  for (const [i, answer] of CASE_ANSWERS.entries()) await course.answerCase(i, answer);
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
  await expect(course.main).toContainText('You scored 100 %');
  await course.goToPage('Quick comparison table');
  await expect(course.main.getByRole('table')).toBeVisible();

  expect(violations, 'Content-Security-Policy violations').toEqual([]);
  expect(foreign, 'requests to hosts other than the one serving the course').toEqual([]);
  expect(errors).toEqual([]);
});

test('text typed by a learner is shown as text, never turned into markup', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/micro-activity-2`);
  const payload = '<img src=x onerror="document.title=\'pwned\'"><b>bold?</b>';
  await course.writeAnswer(/Why does AWS prefer roles/, payload);
  await page.reload();
  await expect(course.main.getByRole('textbox', { name: /Why does AWS prefer roles/ })).toHaveValue(payload);
  expect(await page.title()).not.toBe('pwned');
  const injected = await page.evaluate(() => {
    const find = (root: Document | ShadowRoot): number =>
      root.querySelectorAll('img[src="x"]').length +
      [...root.querySelectorAll('*')].reduce((n, el) => n + (el.shadowRoot ? find(el.shadowRoot) : 0), 0);
    return find(document);
  });
  expect(injected).toBe(0);
});
