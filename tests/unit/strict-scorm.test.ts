/**
 * The strict test LMS in Node (scorm-again runs without a DOM): its rules,
 * its session bookkeeping, and a contract test that what the course's
 * formatters write is accepted. The browser-level behaviour is covered by
 * tests/browser/strict-host.spec.ts.
 */
import { describe, expect, it } from 'vitest';
import type { InteractionRecord } from '../../src/domain/interaction.js';
import { toLmsId } from '../../src/tracking/scorm/identifiers.js';
import {
  scorm12CorrectPatterns,
  scorm12InteractionType,
  scorm12Response,
  scorm12Result,
  scorm2004CorrectPatterns,
  scorm2004Description,
  scorm2004InteractionType,
  scorm2004Response,
  scorm2004Result,
} from '../../src/tracking/scorm/responses.js';
import { toCmiTime, toCmiTimespan, toIsoDuration, toIsoTimestamp } from '../../src/tracking/scorm/time.js';
import { durationMs, launchData, timespanMs } from '../../hosts/scorm/session-seed.js';
import { type Scorm12Api, type Scorm2004Api, type StrictHost, createStrictHost } from '../../hosts/scorm/strict-scorm.js';

function scorm12(host: StrictHost): Scorm12Api {
  if (!('LMSInitialize' in host.api)) throw new Error('expected a SCORM 1.2 API');
  return host.api;
}

function scorm2004(host: StrictHost): Scorm2004Api {
  if (!('Initialize' in host.api)) throw new Error('expected a SCORM 2004 API');
  return host.api;
}

function started12(options: Parameters<typeof createStrictHost>[0] = { version: '1.2' }) {
  const host = createStrictHost(options);
  const api = scorm12(host);
  api.LMSInitialize('');
  return { host, api };
}

function started2004(options: Parameters<typeof createStrictHost>[0] = { version: '2004' }) {
  const host = createStrictHost(options);
  const api = scorm2004(host);
  api.Initialize('');
  return { host, api };
}

const WEIRD: InteractionRecord[] = [
  {
    id: 'quiz 5.6 / Q1 — rôle',
    activityId: 'quiz-5-6',
    kind: 'choice',
    question: `{lang=xx} starts like a delimiter and is long: ${'q'.repeat(300)}`,
    choices: [
      { id: 'root user', text: 'Root user' },
      { id: 'iam[,]role', text: 'IAM role' },
      { id: 'clé', text: 'Access keys' },
    ],
    response: ['clé', 'iam[,]role'],
    correct: ['iam[,]role'],
    success: false,
    weighting: 1,
    latencyMs: 59_999,
    answeredAt: Date.UTC(2024, 4, 6, 10, 0, 0, 999),
    attempt: 2,
  },
  {
    id: 'reflection.1',
    activityId: 'reflections',
    kind: 'fill-in',
    question: 'What would you change?',
    choices: [],
    response: [`Use roles[,]not keys ${'😀'.repeat(200)}`],
    correct: [],
    success: undefined,
    weighting: 0,
    latencyMs: 400 * 3_600_000,
    answeredAt: Date.UTC(2024, 4, 6, 10, 5),
    attempt: 0,
  },
  {
    id: 'reflection.2',
    activityId: 'reflections',
    kind: 'long-fill-in',
    question: 'Explain.',
    choices: [],
    response: ['x'.repeat(5000)],
    correct: [],
    success: undefined,
    weighting: 0,
    latencyMs: 1,
    answeredAt: Date.UTC(2024, 4, 6, 10, 6),
    attempt: 0,
  },
];

describe('contract: what the formatters write, the strict LMS accepts', () => {
  it('SCORM 1.2', () => {
    const { host, api } = started12();
    WEIRD.forEach((record, n) => {
      const at = `cmi.interactions.${n}`;
      api.LMSSetValue(`${at}.id`, toLmsId(record.id));
      api.LMSSetValue(`${at}.type`, scorm12InteractionType(record.kind));
      api.LMSSetValue(`${at}.time`, toCmiTime(new Date(record.answeredAt)));
      api.LMSSetValue(`${at}.weighting`, String(record.weighting));
      api.LMSSetValue(`${at}.student_response`, scorm12Response(record));
      scorm12CorrectPatterns(record).forEach((pattern, k) => api.LMSSetValue(`${at}.correct_responses.${k}.pattern`, pattern));
      api.LMSSetValue(`${at}.result`, scorm12Result(record.success));
      api.LMSSetValue(`${at}.latency`, toCmiTimespan(record.latencyMs));
    });
    api.LMSSetValue('cmi.core.session_time', toCmiTimespan(123_456_789));
    expect(host.violations).toEqual([]);
  });

  it('SCORM 2004', () => {
    const { host, api } = started2004();
    WEIRD.forEach((record, n) => {
      const at = `cmi.interactions.${n}`;
      api.SetValue(`${at}.id`, toLmsId(record.id));
      api.SetValue(`${at}.type`, scorm2004InteractionType(record.kind));
      api.SetValue(`${at}.timestamp`, toIsoTimestamp(new Date(record.answeredAt)));
      api.SetValue(`${at}.weighting`, String(record.weighting));
      api.SetValue(`${at}.learner_response`, scorm2004Response(record));
      scorm2004CorrectPatterns(record).forEach((pattern, k) => api.SetValue(`${at}.correct_responses.${k}.pattern`, pattern));
      api.SetValue(`${at}.result`, scorm2004Result(record.success));
      api.SetValue(`${at}.latency`, toIsoDuration(record.latencyMs));
      api.SetValue(`${at}.description`, scorm2004Description(record.question));
    });
    api.SetValue('cmi.session_time', toIsoDuration(123_456_789));
    expect(host.violations).toEqual([]);
  });
});

describe('SCORM 1.2 rules', () => {
  it.each([
    ['cmi.core.student_id', 'me', 403],
    ['cmi.core._children', 'x', 402],
    ['cmi.core.no_such_thing', 'x', 201],
    ['cmi.core.lesson_status', 'not attempted', 405],
    ['cmi.core.score.raw', '101', 405],
    ['cmi.core.score.raw', '8e1', 405],
    ['cmi.core.exit', 'normal', 405],
    ['cmi.core.lesson_location', 'l'.repeat(256), 405],
    ['cmi.interactions.0.id', 'has space', 405],
    // Stricter than 1.2's CMIIdentifier: the identifier rule of the strictest LMS players.
    ['cmi.interactions.0.id', 'quiz-5-6.q1', 405],
    ['cmi.objectives.0.id', 'urn:x:y', 405],
    ['cmi.interactions.1.id', 'gap', 201],
    ['cmi.interactions.0.time', '2024-01-01T10:00:00', 405],
    ['cmi.interactions.0.latency', 'PT5S', 405],
    ['cmi.interactions.0.type', 'long-fill-in', 405],
    ['cmi.interactions.0.result', 'incorrect', 405],
    ['cmi.student_preference.text', '2', 405],
  ])('SetValue(%s, %j) is refused with %i', (element, value, code) => {
    const { host, api } = started12();
    expect(api.LMSSetValue(element, value)).toBe('false');
    expect(api.LMSGetLastError()).toBe(String(code));
    expect(host.violations).toHaveLength(1);
  });

  it.each([
    ['cmi.core.score.raw', ''],
    ['cmi.core.score.raw', '87.5'],
    ['cmi.core.exit', ''],
    ['cmi.core.lesson_location', 'l'.repeat(255)],
    ['cmi.interactions.0.result', '0.5'],
    ['cmi.objectives.0.status', 'not attempted'],
  ])('SetValue(%s, %j) is accepted', (element, value) => {
    const { host, api } = started12();
    expect(api.LMSSetValue(element, value)).toBe('true');
    expect(host.violations).toEqual([]);
  });

  it('checks responses against the interaction type that was set', () => {
    const { host, api } = started12();
    api.LMSSetValue('cmi.interactions.0.id', 'q1');
    api.LMSSetValue('cmi.interactions.0.type', 'true-false');
    expect(api.LMSSetValue('cmi.interactions.0.student_response', 'true')).toBe('false');
    expect(api.LMSSetValue('cmi.interactions.0.student_response', 't')).toBe('true');
    expect(host.violations.map((v) => v.element)).toEqual(['cmi.interactions.0.student_response']);
  });

  it('refuses to read write-only elements and explains the last error', () => {
    const { host, api } = started12();
    expect(api.LMSGetValue('cmi.core.session_time')).toBe('');
    expect(api.LMSGetLastError()).toBe('404');
    expect(api.LMSGetDiagnostic('')).toContain('write-only');
    expect(host.violations).toHaveLength(1);
  });
});

describe('SCORM 2004 rules', () => {
  it.each([
    ['cmi.learner_id', 'me', 404],
    ['cmi.interactions._count', '1', 404],
    ['cmi.core.lesson_status', 'passed', 401],
    ['cmi.exit', 'quit', 406],
    ['cmi.success_status', 'completed', 406],
    ['cmi.progress_measure', '1.01', 407],
    ['cmi.score.scaled', '-1.5', 407],
    ['cmi.score.raw', '1e3', 406],
    ['cmi.location', 'l'.repeat(1001), 406],
    ['cmi.suspend_data', 's'.repeat(64001), 406],
    ['cmi.learner_preference.language', 'english please', 406],
    ['cmi.objectives.0.success_status', 'passed', 408],
    ['cmi.interactions.0.id', 'urn:', 406],
    ['cmi.interactions.0.id', 'urn:scorm:quiz-5-6.q1', 406],
    ['cmi.interactions.250.id', 'q', 351],
  ])('SetValue(%s, %j) is refused with %i', (element, value, code) => {
    const { host, api } = started2004();
    expect(api.SetValue(element, value)).toBe('false');
    expect(api.GetLastError()).toBe(String(code));
    expect(host.violations).toHaveLength(1);
  });

  it('refuses a hyphenated choice id with 406, as Moodle does (CMIShortIdentifier ^[\\w.]{1,250}$)', () => {
    const { host, api } = started2004();
    api.SetValue('cmi.interactions.0.id', 'identity_patterns.case_1');
    api.SetValue('cmi.interactions.0.type', 'choice');
    expect(api.SetValue('cmi.interactions.0.correct_responses.0.pattern', 'root-user')).toBe('false');
    expect(api.GetLastError()).toBe('406');
    expect(api.SetValue('cmi.interactions.0.learner_response', 'iam-role')).toBe('false');
    expect(api.GetLastError()).toBe('406');
    expect(api.SetValue('cmi.interactions.0.correct_responses.0.pattern', 'root_user')).toBe('true');
    expect(api.SetValue('cmi.interactions.0.learner_response', 'iam_role')).toBe('true');
    expect(host.violations.map((v) => [v.element, v.errorCode])).toEqual([
      ['cmi.interactions.0.correct_responses.0.pattern', 406],
      ['cmi.interactions.0.learner_response', 406],
    ]);
  });

  it('refuses the same choice pattern set twice with 351, as Moodle does', () => {
    const { api } = started2004();
    api.SetValue('cmi.interactions.0.id', 'q1');
    api.SetValue('cmi.interactions.0.type', 'choice');
    expect(api.SetValue('cmi.interactions.0.correct_responses.0.pattern', 'b')).toBe('true');
    expect(api.SetValue('cmi.interactions.0.correct_responses.0.pattern', 'b')).toBe('false');
    expect(api.GetLastError()).toBe('351');
  });

  it('limits correct_responses by interaction type', () => {
    const { host, api } = started2004();
    api.SetValue('cmi.interactions.0.id', 'q1');
    api.SetValue('cmi.interactions.0.type', 'true-false');
    expect(api.SetValue('cmi.interactions.0.correct_responses.0.pattern', 'true')).toBe('true');
    expect(api.SetValue('cmi.interactions.0.correct_responses.1.pattern', 'false')).toBe('false');
    expect(api.GetLastError()).toBe('351');
    expect(host.violations).toHaveLength(1);
  });

  it('refuses a description with a malformed language delimiter or over 250 characters', () => {
    const { api } = started2004();
    api.SetValue('cmi.interactions.0.id', 'q1');
    expect(api.SetValue('cmi.interactions.0.description', '{lang=}Question')).toBe('false');
    expect(api.SetValue('cmi.interactions.0.description', `{lang=en}${'d'.repeat(242)}`)).toBe('false');
    expect(api.SetValue('cmi.interactions.0.description', `{lang=en}${'d'.repeat(241)}`)).toBe('true');
  });

  it('explains why a line break in a written answer is refused', () => {
    const { host, api } = started2004();
    api.SetValue('cmi.interactions.0.id', 'q1');
    api.SetValue('cmi.interactions.0.type', 'long-fill-in');
    expect(api.SetValue('cmi.interactions.0.learner_response', '{lang=en}line one\nline two')).toBe('false');
    expect(host.violations[0]?.rule).toContain('line break');
  });

  it('treats reading a value not set yet (403) as normal, not a violation', () => {
    const { host, api } = started2004();
    expect(api.GetValue('cmi.location')).toBe('');
    expect(api.GetLastError()).toBe('403');
    expect(host.violations).toEqual([]);
  });

  it.each([403, 101, 301])('answers GetValue of a value never set with %i when told to (first-launch variants)', (code) => {
    const { host, api } = started2004({ version: '2004', seed: { 'cmi.entry': '' }, faults: { unsetGet: code } });
    expect(api.GetValue('cmi.entry')).toBe('');
    expect(api.GetLastError()).toBe('0');
    expect(api.GetValue('cmi.suspend_data')).toBe('');
    expect(api.GetLastError()).toBe(String(code));
    api.SetValue('cmi.suspend_data', 'state');
    expect(api.GetValue('cmi.suspend_data')).toBe('state');
    expect(host.violations).toEqual([]);
  });

  it('refuses a non-string value', () => {
    const { host, api } = started2004();
    const loose: { SetValue(element: string, value: unknown): string } = api;
    expect(loose.SetValue('cmi.score.scaled', 0.5)).toBe('false');
    expect(host.violations[0]?.rule).toContain('must be a string');
  });
});

describe('session state and faults', () => {
  it('counts down a fault and then lets calls through', () => {
    const { host, api } = started2004({ version: '2004', faults: { commit: { times: 1, errorCode: 391 } } });
    expect(api.Commit('')).toBe('false');
    expect(api.GetLastError()).toBe('391');
    expect(api.Commit('')).toBe('true');
    expect(host.commits).toBe(1);
    expect(host.faults.commit?.times).toBe(0);
  });

  it('keeps the last committed data apart from the live data', () => {
    const { host, api } = started2004();
    api.SetValue('cmi.location', 'page-1');
    api.Commit('');
    api.SetValue('cmi.location', 'page-2');
    expect(host.committedData()?.['cmi.location']).toBe('page-1');
    expect(host.data()['cmi.location']).toBe('page-2');
  });

  it('an LMS that saves synchronously, in Chrome: what the course does while its window closes answers "true" and is lost', async () => {
    const { host, api } = started12({ version: '1.2', faults: { lostOnUnload: true } });
    api.LMSSetValue('cmi.core.lesson_location', 'page-1');
    api.LMSCommit('');
    await new Promise((resolve) => setTimeout(resolve, 5));
    // The course's pagehide handler may run before the host hears of the event: its time decides.
    const closedAt = performance.timeOrigin + performance.now();
    api.LMSSetValue('cmi.core.lesson_location', 'page-2');
    expect(api.LMSCommit('')).toBe('true');
    host.courseWindowClosing(closedAt);
    api.LMSSetValue('cmi.core.lesson_location', 'page-3');
    expect(api.LMSFinish('')).toBe('true');
    expect(api.LMSGetLastError()).toBe('0');

    expect(host.committedData()?.['cmi.core.lesson_location']).toBe('page-1');
    expect(host.commits).toBe(1);
    expect(host.log.filter((c) => c.outcome === 'lost').map((c) => c.method)).toEqual([
      'LMSSetValue',
      'LMSCommit',
      'LMSSetValue',
      'LMSFinish',
    ]);
    expect(host.violations).toEqual([]);
  });

  it('without that profile, a closing window changes nothing', () => {
    const { host, api } = started12();
    host.courseWindowClosing(0);
    api.LMSSetValue('cmi.core.lesson_location', 'page-1');
    api.LMSCommit('');
    expect(host.committedData()?.['cmi.core.lesson_location']).toBe('page-1');
  });

  it('requires "" as the parameter of Initialize, Commit and Terminate', () => {
    const host = createStrictHost({ version: '2004' });
    const api = scorm2004(host);
    expect(api.Initialize('yes')).toBe('false');
    expect(api.GetLastError()).toBe('201');
  });
});

describe('launch data', () => {
  it('starts a first launch ab-initio with zero total time', () => {
    expect(launchData('1.2', undefined)).toMatchObject({ 'cmi.core.entry': 'ab-initio', 'cmi.core.total_time': '0000:00:00.00' });
    expect(launchData('2004', undefined)).toMatchObject({ 'cmi.entry': 'ab-initio', 'cmi.total_time': 'PT0H0M0S' });
  });

  it('uses a hand-written seed as given', () => {
    expect(launchData('1.2', { 'cmi.core.entry': 'resume', 'cmi.suspend_data': 'abc' })).toMatchObject({
      'cmi.core.entry': 'resume',
      'cmi.suspend_data': 'abc',
    });
  });

  it('1.2: resumes after "suspend", adds the session time, drops per-session values', () => {
    const next = launchData('1.2', {
      'cmi.core.exit': 'suspend',
      'cmi.core.session_time': '00:30:00.50',
      'cmi.core.total_time': '0001:00:00',
      'cmi.suspend_data': 'abc',
    });
    expect(next).toMatchObject({ 'cmi.core.entry': 'resume', 'cmi.core.total_time': '01:30:00.50', 'cmi.suspend_data': 'abc' });
    expect(next).not.toHaveProperty('cmi.core.exit');
    expect(next).not.toHaveProperty('cmi.core.session_time');
  });

  it('1.2: any other exit gives entry "" and keeps the data', () => {
    expect(launchData('1.2', { 'cmi.core.exit': '', 'cmi.suspend_data': 'abc' })).toMatchObject({
      'cmi.core.entry': '',
      'cmi.suspend_data': 'abc',
    });
  });

  it('2004: a non-suspend exit starts a new attempt that keeps only learner and package values', () => {
    const next = launchData('2004', {
      'cmi.exit': 'normal',
      'cmi.suspend_data': 'abc',
      'cmi.learner_id': 'l-7',
      'cmi.score.scaled': '0.9',
    });
    expect(next).toMatchObject({ 'cmi.entry': 'ab-initio', 'cmi.learner_id': 'l-7' });
    expect(next).not.toHaveProperty('cmi.suspend_data');
    expect(next).not.toHaveProperty('cmi.score.scaled');
  });

  it('parses the time formats it adds up', () => {
    expect(timespanMs('0001:02:03.5')).toBe(3_723_500);
    expect(durationMs('P1DT1H1M1.25S')).toBe(90_061_250);
    expect(durationMs('nonsense')).toBe(0);
  });
});
