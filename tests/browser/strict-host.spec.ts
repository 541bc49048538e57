/**
 * The strict test LMS itself, driven by a fake SCO (hosts/scorm/fixtures/
 * fake-sco.html) that makes scripted API calls from inside the host page's
 * iframe, as a course would.
 */
import type { Frame } from '@playwright/test';
import { expect, test } from './playwright-fixtures.js';

type Call = readonly [method: string, ...args: string[]];

interface ScoResult {
  readonly method: string;
  readonly args: string[];
  readonly returned: string;
  readonly errorCode: string;
}

/** The fake SCO's URL for a list of calls against `api` ("API" for 1.2, "API_1484_11" for 2004). */
function fakeSco(api: 'API' | 'API_1484_11', calls: readonly Call[]): string {
  return `/fixtures/fake-sco.html?api=${api}#${encodeURIComponent(JSON.stringify(calls))}`;
}

async function scoResults(frame: Frame): Promise<ScoResult[]> {
  await frame.locator('html[data-sco-done="true"]').waitFor({ state: 'attached' });
  return frame.evaluate(() => (window as Window & typeof globalThis & { scoResults: ScoResult[] }).scoResults);
}

/** "returned/errorCode" per call, compact enough to compare a whole script at once. */
const outcomes = (results: readonly ScoResult[]): string[] =>
  results.map((r) => `${r.method} ${r.args[0] ?? ''} → ${r.returned}/${r.errorCode}`);

test.describe('SCORM 1.2 strict host', () => {
  test('stores valid values and refuses over-long suspend_data, a bad timespan, a bad status and a hyphenated id', async ({ lms }) => {
    const frame = await lms.launch({
      version: '1.2',
      coursePath: fakeSco('API', [
        ['LMSInitialize', ''],
        ['LMSSetValue', 'cmi.core.lesson_location', 'page-2'],
        ['LMSSetValue', 'cmi.suspend_data', 'x'.repeat(4097)],
        ['LMSSetValue', 'cmi.suspend_data', 'y'.repeat(4096)],
        ['LMSSetValue', 'cmi.core.session_time', '1:02:03'],
        ['LMSSetValue', 'cmi.core.session_time', '0000:01:02.50'],
        ['LMSSetValue', 'cmi.core.lesson_status', 'done'],
        ['LMSSetValue', 'cmi.core.lesson_status', 'incomplete'],
        ['LMSSetValue', 'cmi.interactions.0.id', 'quiz-5-6.q1'],
        ['LMSSetValue', 'cmi.interactions.0.id', 'quiz_5_6.q1'],
        ['LMSSetValue', 'cmi.interactions.0.type', 'choice'],
        ['LMSSetValue', 'cmi.interactions.0.student_response', 'iam-role'],
        ['LMSSetValue', 'cmi.interactions.0.student_response', 'b'],
        ['LMSSetValue', 'cmi.core.exit', 'suspend'],
        ['LMSCommit', ''],
        ['LMSFinish', ''],
      ]),
    });

    expect(outcomes(await scoResults(frame))).toEqual([
      'LMSInitialize  → true/0',
      'LMSSetValue cmi.core.lesson_location → true/0',
      'LMSSetValue cmi.suspend_data → false/405',
      'LMSSetValue cmi.suspend_data → true/0',
      'LMSSetValue cmi.core.session_time → false/405',
      'LMSSetValue cmi.core.session_time → true/0',
      'LMSSetValue cmi.core.lesson_status → false/405',
      'LMSSetValue cmi.core.lesson_status → true/0',
      'LMSSetValue cmi.interactions.0.id → false/405',
      'LMSSetValue cmi.interactions.0.id → true/0',
      'LMSSetValue cmi.interactions.0.type → true/0',
      'LMSSetValue cmi.interactions.0.student_response → false/405',
      'LMSSetValue cmi.interactions.0.student_response → true/0',
      'LMSSetValue cmi.core.exit → true/0',
      'LMSCommit  → true/0',
      'LMSFinish  → true/0',
    ]);

    const seen = await lms.snapshot();
    expect(seen.violations.map((v) => [v.element, v.errorCode, v.section])).toEqual([
      ['cmi.suspend_data', 405, 'SCORM 1.2 RTE 3.4 cmi.suspend_data (CMIString4096)'],
      ['cmi.core.session_time', 405, 'SCORM 1.2 RTE 3.4.5 CMITimespan; 3.4 cmi.core.session_time'],
      ['cmi.core.lesson_status', 405, 'SCORM 1.2 RTE 3.4 cmi.core.lesson_status'],
      // Moodle's identifier rule, applied to 1.2 too: a hyphen is refused with 1.2's data-type error.
      ['cmi.interactions.0.id', 405, 'SCORM 1.2 RTE 3.4.5 CMIIdentifier; 3.4 cmi.interactions.n.id'],
      ['cmi.interactions.0.student_response', 405, 'SCORM 1.2 RTE 3.4.5 CMIFeedback; 3.4 cmi.interactions.n.student_response'],
    ]);
    expect(seen.violations[0]?.value).toHaveLength(4097);
    expect(seen.data).toMatchObject({
      'cmi.core.lesson_location': 'page-2',
      'cmi.suspend_data': 'y'.repeat(4096),
      'cmi.core.lesson_status': 'incomplete',
      'cmi.core.exit': 'suspend',
      'cmi.interactions.0.student_response': 'b',
    });
    expect(seen.commits).toBe(1);
    expect(seen.state).toBe('terminated');
    expect(seen.committed).toEqual(seen.data);
  });

  test('logs every call with its return value and error code', async ({ lms }) => {
    const frame = await lms.launch({
      version: '1.2',
      coursePath: fakeSco('API', [
        ['LMSInitialize', ''],
        ['LMSGetValue', 'cmi.core.entry'],
      ]),
    });
    await scoResults(frame);

    const { log } = await lms.snapshot();
    expect(log.map((c) => [c.method, c.element, c.returned, c.errorCode, c.outcome])).toEqual([
      ['LMSInitialize', undefined, 'true', 0, 'ok'],
      ['LMSGetLastError', undefined, '0', 0, 'ok'],
      ['LMSGetValue', 'cmi.core.entry', 'ab-initio', 0, 'ok'],
      ['LMSGetLastError', undefined, '0', 0, 'ok'],
    ]);
    expect(log.every((c) => typeof c.at === 'number' && c.at > 0)).toBe(true);
  });

  test('a second launch resumes what the first one suspended', async ({ lms }) => {
    await scoResults(
      await lms.launch({
        version: '1.2',
        coursePath: fakeSco('API', [
          ['LMSInitialize', ''],
          ['LMSSetValue', 'cmi.suspend_data', 'progress-v1'],
          ['LMSSetValue', 'cmi.core.lesson_location', 'page-4'],
          ['LMSSetValue', 'cmi.core.session_time', '0000:10:00.00'],
          ['LMSSetValue', 'cmi.core.exit', 'suspend'],
          ['LMSFinish', ''],
        ]),
      }),
    );
    const first = await lms.snapshot();

    const second = await lms.launch({
      version: '1.2',
      seed: first.data,
      coursePath: fakeSco('API', [
        ['LMSInitialize', ''],
        ['LMSGetValue', 'cmi.core.entry'],
        ['LMSGetValue', 'cmi.suspend_data'],
        ['LMSGetValue', 'cmi.core.lesson_location'],
        ['LMSGetValue', 'cmi.core.total_time'],
      ]),
    });

    expect((await scoResults(second)).map((r) => r.returned)).toEqual(['true', 'resume', 'progress-v1', 'page-4', '00:10:00']);
    expect((await lms.snapshot()).violations).toEqual([]);
  });

  test('calls out of order are violations', async ({ lms }) => {
    const frame = await lms.launch({
      version: '1.2',
      coursePath: fakeSco('API', [
        ['LMSSetValue', 'cmi.core.lesson_location', 'too-early'],
        ['LMSInitialize', ''],
        ['LMSInitialize', ''],
        ['LMSFinish', ''],
        ['LMSFinish', ''],
        ['LMSCommit', ''],
      ]),
    });

    expect(outcomes(await scoResults(frame))).toEqual([
      'LMSSetValue cmi.core.lesson_location → false/301',
      'LMSInitialize  → true/0',
      'LMSInitialize  → false/101',
      'LMSFinish  → true/0',
      'LMSFinish  → false/301',
      'LMSCommit  → false/301',
    ]);
    expect((await lms.snapshot()).violations.map((v) => v.rule)).toEqual([
      'LMSSetValue called before LMSInitialize',
      'LMSInitialize called twice',
      'LMSFinish called after LMSFinish',
      'LMSCommit called after LMSFinish',
    ]);
  });
});

test.describe('SCORM 2004 strict host', () => {
  test('enforces interaction order, identifiers, formats, vocabularies and ranges', async ({ lms }) => {
    const frame = await lms.launch({
      version: '2004',
      coursePath: fakeSco('API_1484_11', [
        ['Initialize', ''],
        ['SetValue', 'cmi.interactions.0.type', 'choice'],
        ['SetValue', 'cmi.interactions.0.id', 'quiz 5.6 q1'],
        ['SetValue', 'cmi.interactions.0.id', 'urn:scorm:quiz-5-6.q1'],
        ['SetValue', 'cmi.interactions.0.id', 'quiz_5_6.q1'],
        ['SetValue', 'cmi.interactions.0.learner_response', 'iam_role'],
        ['SetValue', 'cmi.interactions.0.type', 'choice'],
        ['SetValue', 'cmi.interactions.0.correct_responses.0.pattern', 'root-user'],
        ['SetValue', 'cmi.interactions.0.correct_responses.0.pattern', 'root_user'],
        ['SetValue', 'cmi.interactions.0.learner_response', 'iam_role[,]'],
        ['SetValue', 'cmi.interactions.0.learner_response', 'iam-role[,]root-user'],
        ['SetValue', 'cmi.interactions.0.learner_response', 'iam_role[,]root_user'],
        ['SetValue', 'cmi.interactions.0.description', `{lang=en}${'d'.repeat(250)}`],
        ['SetValue', 'cmi.interactions.0.result', 'wrong'],
        ['SetValue', 'cmi.interactions.0.result', 'incorrect'],
        ['SetValue', 'cmi.session_time', 'PT'],
        ['SetValue', 'cmi.session_time', 'PT1M2.5S'],
        ['SetValue', 'cmi.completion_status', 'done'],
        ['SetValue', 'cmi.completion_status', 'incomplete'],
        ['SetValue', 'cmi.score.scaled', '2'],
        ['SetValue', 'cmi.score.scaled', '0.8'],
        ['SetValue', 'cmi.suspend_data', 's'.repeat(64000)],
        ['Commit', ''],
        ['Terminate', ''],
        ['SetValue', 'cmi.location', 'after-the-end'],
      ]),
    });

    expect(outcomes(await scoResults(frame))).toEqual([
      'Initialize  → true/0',
      'SetValue cmi.interactions.0.type → false/408',
      'SetValue cmi.interactions.0.id → false/406',
      'SetValue cmi.interactions.0.id → false/406',
      'SetValue cmi.interactions.0.id → true/0',
      'SetValue cmi.interactions.0.learner_response → false/408',
      'SetValue cmi.interactions.0.type → true/0',
      // A hyphenated choice id is refused with 406, as Moodle's CMIShortIdentifier ^[\w.]{1,250}$ does.
      'SetValue cmi.interactions.0.correct_responses.0.pattern → false/406',
      'SetValue cmi.interactions.0.correct_responses.0.pattern → true/0',
      'SetValue cmi.interactions.0.learner_response → false/406',
      'SetValue cmi.interactions.0.learner_response → false/406',
      'SetValue cmi.interactions.0.learner_response → true/0',
      'SetValue cmi.interactions.0.description → false/406',
      'SetValue cmi.interactions.0.result → false/406',
      'SetValue cmi.interactions.0.result → true/0',
      'SetValue cmi.session_time → false/406',
      'SetValue cmi.session_time → true/0',
      'SetValue cmi.completion_status → false/406',
      'SetValue cmi.completion_status → true/0',
      'SetValue cmi.score.scaled → false/407',
      'SetValue cmi.score.scaled → true/0',
      'SetValue cmi.suspend_data → true/0',
      'Commit  → true/0',
      'Terminate  → true/0',
      'SetValue cmi.location → false/133',
    ]);

    const seen = await lms.snapshot();
    expect(seen.violations).toHaveLength(13);
    expect(seen.violations.every((v) => v.section.startsWith('SCORM 2004 RTE'))).toBe(true);
    expect(seen.data).toMatchObject({
      'cmi.interactions.0.id': 'quiz_5_6.q1',
      'cmi.interactions.0.correct_responses.0.pattern': 'root_user',
      'cmi.interactions.0.learner_response': 'iam_role[,]root_user',
      'cmi.interactions.0.result': 'incorrect',
      'cmi.session_time': 'PT1M2.5S',
      'cmi.completion_status': 'incomplete',
      'cmi.score.scaled': '0.8',
    });
    expect(seen.data['cmi.suspend_data']).toHaveLength(64000);
  });

  test('only exit "suspend" resumes; any other exit starts a new attempt', async ({ lms }) => {
    const suspendAndLeave = (exit: string): Call[] => [
      ['Initialize', ''],
      ['SetValue', 'cmi.suspend_data', 'progress-v1'],
      ['SetValue', 'cmi.location', 'page-4'],
      ['SetValue', 'cmi.session_time', 'PT10M'],
      ['SetValue', 'cmi.exit', exit],
      ['Terminate', ''],
    ];
    const readBack: Call[] = [
      ['Initialize', ''],
      ['GetValue', 'cmi.entry'],
      ['GetValue', 'cmi.suspend_data'],
      ['GetValue', 'cmi.total_time'],
    ];

    await scoResults(await lms.launch({ version: '2004', coursePath: fakeSco('API_1484_11', suspendAndLeave('suspend')) }));
    const resumed = await lms.launch({ version: '2004', seed: (await lms.snapshot()).data, coursePath: fakeSco('API_1484_11', readBack) });
    expect((await scoResults(resumed)).map((r) => r.returned)).toEqual(['true', 'resume', 'progress-v1', 'PT10M']);

    await scoResults(await lms.launch({ version: '2004', coursePath: fakeSco('API_1484_11', suspendAndLeave('normal')) }));
    const restarted = await lms.launch({
      version: '2004',
      seed: (await lms.snapshot()).data,
      coursePath: fakeSco('API_1484_11', readBack),
    });
    expect((await scoResults(restarted)).map((r) => r.returned)).toEqual(['true', 'ab-initio', '', 'PT0H0M0S']);
  });
});

test.describe('fault injection', () => {
  test('Commit fails the given number of times, then succeeds; faults are not violations', async ({ lms }) => {
    const frame = await lms.launch({
      version: '1.2',
      faults: { commit: { times: 2 } },
      coursePath: fakeSco('API', [
        ['LMSInitialize', ''],
        ['LMSCommit', ''],
        ['LMSCommit', ''],
        ['LMSCommit', ''],
      ]),
    });

    expect(outcomes(await scoResults(frame)).slice(1)).toEqual(['LMSCommit  → false/101', 'LMSCommit  → false/101', 'LMSCommit  → true/0']);
    const seen = await lms.snapshot();
    expect(seen.commits).toBe(1);
    expect(seen.violations).toEqual([]);
    expect(seen.log.filter((c) => c.outcome === 'fault')).toHaveLength(2);
  });

  test('SetValue fails for one element, Initialize fails, with the error codes asked for', async ({ lms }) => {
    const frame = await lms.launch({
      version: '2004',
      faults: { initialize: { times: 1 }, setValue: { 'cmi.interactions.n.result': { errorCode: 351 } } },
      coursePath: fakeSco('API_1484_11', [
        ['Initialize', ''],
        ['Initialize', ''],
        ['SetValue', 'cmi.interactions.0.id', 'q1'],
        ['SetValue', 'cmi.interactions.0.result', 'correct'],
        ['SetValue', 'cmi.location', 'page-1'],
      ]),
    });

    expect(outcomes(await scoResults(frame))).toEqual([
      'Initialize  → false/102',
      'Initialize  → true/0',
      'SetValue cmi.interactions.0.id → true/0',
      'SetValue cmi.interactions.0.result → false/351',
      'SetValue cmi.location → true/0',
    ]);
    expect((await lms.snapshot()).violations).toEqual([]);
  });

  test('faults can be switched on while the course runs', async ({ lms, page }) => {
    await scoResults(await lms.launch({ version: '1.2', coursePath: fakeSco('API', [['LMSInitialize', '']]) }));
    await lms.setFaults({ commit: { errorCode: 101 } });

    const returned = await page.evaluate(() =>
      (window as Window & typeof globalThis & { API: { LMSCommit(p: string): string } }).API.LMSCommit(''),
    );

    expect(returned).toBe('false');
    expect((await lms.snapshot()).commits).toBe(0);
  });
});
