/**
 * Bad launch input from an LMS or a tampered link: the learner always gets a
 * working lesson (standalone) and a calm notice that says what was wrong —
 * never a blank page or an uncaught exception (the `errors` fixture fails the
 * test on any page error).
 */
import { CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect, test } from './fixtures.js';

const ACTOR = JSON.stringify({
  objectType: 'Agent',
  name: 'Test Learner',
  account: { homePage: 'https://lms.example.com', name: 'learner-1' },
});
const REGISTRATION = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

function query(params: Record<string, string>): string {
  return `?${new URLSearchParams(params).toString()}`;
}

const xapiCases: [string, Record<string, string>, RegExp][] = [
  [
    'an endpoint that is not http(s)',
    { endpoint: 'javascript:alert(1)', auth: 'Basic eDp5', actor: ACTOR },
    /LRS endpoint is missing or is not an http\(s\) address/,
  ],
  [
    'an actor that is not JSON',
    { endpoint: 'http://127.0.0.1:9/xapi/', auth: 'Basic eDp5', actor: '{name: oops' },
    /the actor is not valid JSON/,
  ],
  [
    'an actor without an identifier',
    { endpoint: 'http://127.0.0.1:9/xapi/', actor: JSON.stringify({ name: 'Nobody' }) },
    /exactly one identifier/,
  ],
  [
    'a registration that is not a UUID',
    { endpoint: 'http://127.0.0.1:9/xapi/', actor: ACTOR, registration: 'abc' },
    /registration is not a UUID/,
  ],
];

for (const [name, params, message] of xapiCases) {
  test(`xAPI launch with ${name}: standalone, with a notice saying what was wrong`, async ({ page, site, errors }) => {
    const course = new CoursePage(page);
    await course.open(`${site.url}/packages/xapi/index.html${query(params)}`);
    await expect(course.main.getByRole('status').filter({ hasText: message })).toBeVisible();
    await expect(course.main).toContainText('The lesson runs on its own for now');
    await course.next();
    await expect(course.pageHeading()).toHaveText('What this review covers');
    expect(errors).toEqual([]);
  });
}

const cmi5Base = {
  endpoint: 'http://127.0.0.1:1/xapi/',
  fetch: 'http://127.0.0.1:1/fetch/abc',
  actor: ACTOR,
  registration: REGISTRATION,
  activityId: 'https://courses.example.com/xapi/iam-access-patterns-5-6/au/iam-access-patterns-5-6',
};

test('cmi5 launch without a fetch URL: standalone, with a notice', async ({ page, site }) => {
  const course = new CoursePage(page);
  const { fetch: _fetch, ...rest } = cmi5Base;
  await course.open(`${site.url}/packages/cmi5/index.html${query(rest)}`);
  await expect(course.main.getByRole('status')).toContainText('the fetch URL is missing or is not an http(s) address');
});

test('cmi5 fetch that fails: standalone, with a notice naming the failure', async ({ page, site, errors }) => {
  await page.route('http://127.0.0.1:1/**', (route) => route.fulfill({ status: 500, contentType: 'application/json', body: '{}' }));
  const course = new CoursePage(page);
  await course.open(`${site.url}/packages/cmi5/index.html${query(cmi5Base)}`);
  await expect(course.main.getByRole('status')).toContainText(
    'The cmi5 launch could not be completed: the LMS refused a session token (HTTP 500)',
  );
  expect(errors).toEqual([]);
});

test('cmi5 fetch that returns no token: standalone, with the LMS’s reason', async ({ page, site }) => {
  await page.route('http://127.0.0.1:1/**', (route) =>
    route.fulfill({
      status: 200,
      contentType: 'application/json',
      body: JSON.stringify({ 'error-code': '1', 'error-text': 'token already used' }),
    }),
  );
  const course = new CoursePage(page);
  await course.open(`${site.url}/packages/cmi5/index.html${query(cmi5Base)}`);
  await expect(course.main.getByRole('status')).toContainText('the LMS gave no session token: token already used');
});

test('cmi5 launch data with a javascript: returnURL: the lesson runs, and Finish never goes there', async ({ page, site }) => {
  const requests: string[] = [];
  await page.route('http://127.0.0.1:1/**', async (route) => {
    const url = new URL(route.request().url());
    requests.push(`${route.request().method()} ${url.pathname}`);
    if (url.pathname.startsWith('/fetch/')) return route.fulfill({ json: { 'auth-token': 'dG9rZW4=' } });
    if (url.pathname.endsWith('/activities/state') && url.searchParams.get('stateId') === 'LMS.LaunchData') {
      return route.fulfill({
        json: {
          contextTemplate: { extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 'session-1' } },
          launchMode: 'Normal',
          moveOn: 'CompletedAndPassed',
          returnURL: 'javascript:alert(document.cookie)',
        },
      });
    }
    if (route.request().method() === 'GET') return route.fulfill({ status: 404, body: '' });
    return route.fulfill({ status: 204, body: '' });
  });
  const course = new CoursePage(page);
  await course.open(`${site.url}/packages/cmi5/index.html${query(cmi5Base)}`);
  await expect(course.pageHeading()).toHaveText(LESSON.lesson.title);
  await expect.poll(() => requests.filter((r) => r.startsWith('POST /xapi/statements')).length).toBeGreaterThan(0);
  // Finish ends the session but, with no safe address to return to, stays on the page.
  await course.openEndScreen();
  const before = page.url();
  await course.main.getByRole('button', { name: /^Finish/ }).click();
  await expect(course.main.getByRole('status').filter({ hasText: /^Done/ })).toBeVisible();
  expect(page.url()).toBe(before);
  expect(requests.filter((r) => r.startsWith('POST /fetch/'))).toHaveLength(1);
});
