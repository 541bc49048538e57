/**
 * The course's SCORM connection against the strict test LMS (scorm-again in
 * Node): a value the LMS refuses is left out and never stalls the rest, a
 * general failure is kept and retried, values are written once per save point
 * and never again unchanged, and only ambiguous or failed calls cost an error
 * inquiry. The console names what the LMS refused, never a learner's answer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStrictHost, type Scorm2004Api, type StrictHost } from '../../hosts/scorm/strict-scorm.js';
import { scorm2004Calls } from '../../src/tracking/scorm/api.js';
import { ScormConnection } from '../../src/tracking/scorm/scorm-connection.js';
import type { ConnectionStatus } from '../../src/tracking/tracker.js';
import { writtenQuestions } from '../../src/domain/lesson-queries.js';
import { loadRealCourse } from './helpers/real-course.js';
import { launchScorm } from './helpers/scorm-launch.js';

afterEach(() => vi.restoreAllMocks());

function connected(faults: Parameters<typeof createStrictHost>[0]['faults'] = {}) {
  const host = createStrictHost({ version: '2004', faults });
  const timers: (() => void)[] = [];
  const lms = new ScormConnection(scorm2004Calls(host.api as Scorm2004Api), {
    setTimer: (fn) => timers.push(fn),
    clearTimer: () => {},
  });
  const statuses: ConnectionStatus[] = [];
  lms.onStatus((s) => statuses.push(s));
  lms.open();
  return { host, lms, timers, statuses };
}

const calls = (host: StrictHost, method: string) => host.log.filter((c) => c.method === method);

describe('ScormConnection', () => {
  it('leaves out a value the LMS refuses (data-model error) and writes everything after it', () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { host, lms, timers, statuses } = connected({ setValue: { 'cmi.location': { errorCode: 406 } } });
    lms.write([
      ['cmi.location', 'page-1'],
      ['cmi.suspend_data', 'state'],
      ['cmi.completion_status', 'incomplete'],
    ]);
    expect(lms.commitNow()).toBe(true);

    expect(host.committedData()).toMatchObject({ 'cmi.suspend_data': 'state', 'cmi.completion_status': 'incomplete' });
    expect(lms.pending).toBe(0);
    expect(timers).toHaveLength(0); // nothing to retry
    expect(statuses.at(-1)).toMatchObject({ kind: 'refused', count: 1 });
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('cmi.location'));

    lms.write([['cmi.suspend_data', 'state 2']]);
    lms.commitNow();
    expect(calls(host, 'SetValue').filter((c) => c.element === 'cmi.location')).toHaveLength(1); // never asked again
  });

  it('keeps a value after a general failure and writes it once the LMS recovers', () => {
    const { host, lms, timers, statuses } = connected({ setValue: { 'cmi.suspend_data': { errorCode: 101, times: 1 } } });
    lms.write([
      ['cmi.suspend_data', 'state'],
      ['cmi.location', 'page-1'],
    ]);
    expect(lms.commitNow()).toBe(false);
    expect(statuses.at(-1)?.kind).toBe('retrying');
    expect(lms.pending).toBe(2);

    timers.shift()?.(); // the back-off timer fires
    expect(host.committedData()).toMatchObject({ 'cmi.suspend_data': 'state', 'cmi.location': 'page-1' });
    expect(statuses.at(-1)?.kind).toBe('connected');
  });

  it('writes each element once per save point and never again unchanged', () => {
    const { host, lms } = connected();
    lms.write([['cmi.location', 'page-1']]);
    lms.write([['cmi.location', 'page-2']]);
    lms.commitNow();
    lms.write([['cmi.location', 'page-2']]);
    lms.commitNow();

    expect(calls(host, 'SetValue').map((c) => c.value)).toEqual(['page-2']);
    expect(host.commits).toBe(1);
  });

  it('asks GetLastError only when an answer is ambiguous, GetErrorString and GetDiagnostic only after an error', () => {
    const { host, lms } = connected();
    lms.write([['cmi.location', 'page-1']]);
    lms.commitNow();
    expect(lms.read('cmi.location')).toEqual({ value: 'page-1' });
    expect(calls(host, 'GetLastError')).toHaveLength(0);

    expect(lms.read('cmi.suspend_data')).toEqual({ error: '403' }); // never set: "" is ambiguous
    expect(calls(host, 'GetLastError')).toHaveLength(1);
    expect(calls(host, 'GetErrorString')).toHaveLength(1);
    expect(lms.peek('cmi.score.scaled')).toBe('');
    expect(calls(host, 'GetLastError')).toHaveLength(1);
  });
});

describe('privacy: no learner answer reaches the console', () => {
  it.each(['1.2', '2004'] as const)(
    'SCORM %s: a refused or failing answer is named by its element and the LMS error, never by its text',
    async (version) => {
      const lesson = await loadRealCourse();
      const logged: string[] = [];
      for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const)
        vi.spyOn(console, method).mockImplementation((...args: unknown[]) => logged.push(args.map(String).join(' ')));
      const response = version === '1.2' ? 'cmi.interactions.n.student_response' : 'cmi.interactions.n.learner_response';
      // The LMS refuses every written answer (a data-model error), and once fails one transiently (a
      // general error); both diagnostics quote the value, as real runtimes do.
      const launch = await launchScorm(version, lesson, {
        faults: {
          setValue: { [response]: { errorCode: version === '1.2' ? 405 : 406 }, 'cmi.suspend_data': { errorCode: 101, times: 1 } },
        },
      });
      const secret = 'My private answer: I share the root password with my team';
      const { block, question } = writtenQuestions(lesson)[0] ?? {};
      if (!block || !question) throw new Error('the lesson needs a written question');
      launch.session.saveDraft(block.id, question.id, `${secret} (draft)`);
      launch.session.submitWritten(block.id, question.id, secret);
      await launch.session.settled();
      await launch.session.finish('pagehide');

      expect(launch.host.log.some((c) => c.outcome === 'fault' && c.value?.includes(secret))).toBe(true);
      expect(logged.some((line) => line.includes(response.replace('.n.', '.')))).toBe(false); // the pattern, not an element
      expect(logged.some((line) => /The LMS refused cmi\.interactions\.\d+\.(student|learner)_response/.test(line))).toBe(true);
      expect(logged.filter((line) => line.includes('My private answer'))).toEqual([]);
    },
  );
});
