/**
 * The preview LMS's panel logic (scripts/preview/ui): what an admin reads in
 * it must be what the course and the LMS really hold. Pure functions, in Node;
 * the pages themselves are tested in Chromium (tests/browser/preview-lms.spec.ts).
 */
import { describe, expect, it } from 'vitest';
import { encodeProgress } from '../../src/domain/codec.js';
import type { ProgressState } from '../../src/domain/progress.js';
import { formatBytes, formatMs, isoDurationMs } from '../../scripts/preview/ui/lib/format.js';
import { decodeResumeState } from '../../scripts/preview/ui/lib/resume-state.js';
import { markOf } from '../../src/tracking/scorm/interaction-slots.js';
import { parseSaved } from '../../scripts/preview/ui/lib/web-progress.js';
import { resumeView, rejectionProblem } from '../../scripts/preview/ui/sources/lrs-source.js';
import { callRow, violationProblem } from '../../scripts/preview/ui/sources/scorm-source.js';

describe('resume state decoding', () => {
  it("reads back what the course's codec writes, written answers verbatim", () => {
    // Answers with the codec's own separators, a line break and a character outside the BMP.
    const written = { 'reflect.q1': 'a=b:c\nnext line', 'reflect.q2': 'role → 🔑 temporary' };
    const state: ProgressState = {
      location: 'quiz',
      visited: ['intro', 'quiz'],
      choices: { 'case-activity.case-1': 'root-user' },
      written,
      drafts: {},
      picks: {},
      retries: {},
      revealed: [],
      quiz: {
        seed: 7,
        index: 1,
        answers: { q1: 'b' },
        showingResults: false,
        attemptCount: 0,
        attempts: [],
        bestScore: undefined,
        passed: false,
      },
    };
    const encoded = encodeProgress('course-x', state);

    const decoded = decodeResumeState(encoded);

    expect(decoded.ok).toBe(true);
    if (!decoded.ok) return;
    expect(decoded.version).toBe(1);
    expect(decoded.json).toMatchObject({ c: 'course-x', l: 'quiz', v: ['intro', 'quiz'] });
    expect(decoded.answers).toEqual(Object.entries(written));
  });

  it('reads the interaction layout SCORM packages put in front of the state', () => {
    const encoded = encodeProgress('course-x', {
      location: 'quiz',
      visited: ['quiz'],
      choices: {},
      written: {},
      drafts: {},
      picks: {},
      retries: {},
      revealed: [],
      quiz: { seed: 0, index: 0, answers: {}, showingResults: false, attemptCount: 0, attempts: [], bestScore: undefined, passed: false },
    });
    const decoded = decodeResumeState(`i${markOf('quiz_5_6.q1')}${markOf('quiz_5_6.q2')}.${encoded}`);

    expect(decoded).toMatchObject({ ok: true, places: 2, json: { c: 'course-x', l: 'quiz' } });
    expect(decodeResumeState(encoded)).not.toHaveProperty('places');
  });

  it('says why it cannot read a state, and that an empty one is empty', () => {
    expect(decodeResumeState('')).toEqual({ ok: false, reason: 'empty' });
    expect(decodeResumeState('{"l":"quiz"}')).toMatchObject({ ok: false, reason: expect.stringContaining('format') });
    expect(decodeResumeState('1.5.{"l":1}')).toMatchObject({ ok: false, reason: expect.stringContaining('not JSON') });
    // Truncated inside a written answer, as a too-small suspend_data would cut it.
    expect(decodeResumeState('1.2.{}k=10:short')).toMatchObject({ ok: false, reason: expect.stringContaining('malformed') });
  });
});

describe('SCORM call log', () => {
  const at = 0;

  it('shows what was set and a getter answer, and tells an expected 403 from a fault', () => {
    const set = callRow(
      { method: 'SetValue', element: 'cmi.location', value: 'quiz', returned: 'true', errorCode: 0, at, outcome: 'ok' },
      1,
      undefined,
    );
    expect(set).toMatchObject({ detail: 'quiz', result: 'true', read: false });

    const unset = callRow({ method: 'GetValue', element: 'cmi.location', returned: '', errorCode: 403, at, outcome: 'ok' }, 2, undefined);
    expect(unset).toMatchObject({ detail: undefined, result: 'error', read: true, errorCheck: false, benign: true });

    const check = callRow({ method: 'GetLastError', returned: '403', errorCode: 0, at, outcome: 'ok' }, 3, undefined);
    expect(check).toMatchObject({ detail: '403', result: 'ok', read: true, errorCheck: true });
  });

  it('links a call to the strict profile rule it broke', () => {
    const violation = {
      method: 'LMSSetValue',
      element: 'cmi.core.lesson_status',
      value: 'done',
      rule: 'lesson_status vocabulary',
      section: 'RTE 3.4.4',
      errorCode: 405,
      at,
    };
    const row = callRow({ ...violation, returned: 'false', outcome: 'violation' }, 7, violation);
    expect(row).toMatchObject({ number: 7, benign: false, violation: { rule: 'lesson_status vocabulary', section: 'RTE 3.4.4' } });
    expect(violationProblem(violation)).toEqual({
      title: 'LMSSetValue cmi.core.lesson_status',
      code: ' = done',
      lines: [{ text: 'lesson_status vocabulary (RTE 3.4.4); error 405' }],
    });
  });
});

describe('LRS panel', () => {
  it('decodes the State document the course writes, with what it keeps beside the state', () => {
    const view = resumeView({
      stateId: 'c.resume',
      contentType: 'application/json',
      document: { state: '1.2.{}', location: 'quiz', sent: ['a', 'b'] },
    });
    expect(view).toEqual({
      kind: 'state',
      text: '1.2.{}',
      source: 'State c.resume → state',
      facts: [
        { term: 'location', value: [{ code: 'quiz' }] },
        { term: 'sent', value: ['a, b'] },
      ],
    });
    expect(resumeView(undefined)).toEqual({ kind: 'none', note: 'No State document yet.' });
  });

  it('names a refused request, its verbs, the reason and the cmi5 requirement', () => {
    const problem = rejectionProblem({
      method: 'POST',
      path: '/xapi/statements',
      status: 403,
      reason: 'not in this session',
      requirement: '9.3.0-1',
      verbs: ['answered'],
    });
    expect(problem).toEqual({
      title: 'POST /xapi/statements → 403',
      suffix: ' (answered)',
      lines: [{ text: 'not in this session' }, { text: 'cmi5 requirement 9.3.0-1', muted: true }],
    });
  });
});

describe('formats', () => {
  it('shows durations, sizes and the standalone record as a person reads them', () => {
    expect(isoDurationMs('PT1M23.4S')).toBe(83_400);
    expect(isoDurationMs('P1DT2H')).toBe(26 * 3600 * 1000);
    expect(isoDurationMs('1:23')).toBeNaN();
    expect(formatMs(83_400)).toBe('1 min 23 s');
    expect(formatMs(3_600_000)).toBe('1 h 0 s');
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(3 * 1024 + 100)).toBe('3.1 KB');
    expect(formatBytes(52 * 1024)).toBe('52 KB');
    expect(parseSaved('{"location":"quiz","state":"1.2.{}"}')).toEqual({ location: 'quiz', state: '1.2.{}' });
    expect(parseSaved('not json')).toEqual({});
  });
});
