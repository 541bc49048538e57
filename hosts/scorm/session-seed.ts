/**
 * What the strict test LMS holds when a SCO is launched: defaults for a first
 * launch, or the previous session's data carried over the way the
 * specifications say an LMS must (entry, total_time, attempts).
 */
import { toCmiTimespan, toIsoDuration } from '../../src/tracking/scorm/time.js';

export type ScormVersion = '1.2' | '2004';

/** CMI values as a flat object: { "cmi.core.lesson_status": "incomplete", … }. */
export type FlatCmi = Record<string, string>;

/** Values an LMS provides on a first launch (learner, credit, mode). */
const FIRST_LAUNCH: Readonly<Record<ScormVersion, FlatCmi>> = {
  '1.2': {
    'cmi.core.student_id': 'learner-0001',
    'cmi.core.student_name': 'Learner, Test',
    'cmi.core.credit': 'credit',
    'cmi.core.lesson_mode': 'normal',
    'cmi.core.entry': 'ab-initio',
    // RTE 3.4 cmi.core.total_time: starts at zero.
    'cmi.core.total_time': '0000:00:00.00',
  },
  '2004': {
    'cmi.learner_id': 'learner-0001',
    'cmi.learner_name': 'Test Learner',
    'cmi.credit': 'credit',
    'cmi.mode': 'normal',
    'cmi.entry': 'ab-initio',
    // RTE 4.2.24 cmi.total_time: starts at PT0H0M0S.
    'cmi.total_time': 'PT0H0M0S',
  },
};

/**
 * 2004 values that belong to the learner or the package, not the attempt:
 * they survive when a new attempt starts.
 */
const KEPT_ACROSS_ATTEMPTS = [
  'cmi.learner_id',
  'cmi.learner_name',
  'cmi.credit',
  'cmi.mode',
  'cmi.launch_data',
  'cmi.scaled_passing_score',
  'cmi.completion_threshold',
  'cmi.max_time_allowed',
  'cmi.time_limit_action',
  'cmi.learner_preference.audio_level',
  'cmi.learner_preference.language',
  'cmi.learner_preference.delivery_speed',
  'cmi.learner_preference.audio_captioning',
];

/**
 * The data the LMS starts a launch with.
 *
 * - No seed: first launch defaults (entry `ab-initio`).
 * - A hand-written seed without an exit value: used as given, over the defaults.
 * - A previous session's `data()` (it carries `cmi.core.exit` / `cmi.exit`):
 *   rolled over to the next session as below.
 */
export function launchData(version: ScormVersion, seed: FlatCmi | undefined): FlatCmi {
  if (!seed) return { ...FIRST_LAUNCH[version] };
  return { ...FIRST_LAUNCH[version], ...(version === '1.2' ? nextSession12(seed) : nextSession2004(seed)) };
}

/**
 * SCORM 1.2 RTE 3.4 cmi.core.entry: `resume` when the previous session set
 * cmi.core.exit to `suspend`, otherwise "". exit and session_time are
 * per-session (write-only) and start empty; session_time is added to
 * cmi.core.total_time (RTE 3.4 cmi.core.total_time). 1.2 has no attempt
 * rule, so everything else, suspend_data included, is kept.
 */
function nextSession12(previous: FlatCmi): FlatCmi {
  const exit = previous['cmi.core.exit'];
  if (exit === undefined) return previous;
  const session = previous['cmi.core.session_time'] ?? '';
  return {
    ...withoutSessionValues(previous, ['cmi.core.exit', 'cmi.core.session_time']),
    'cmi.core.entry': exit === 'suspend' ? 'resume' : '',
    'cmi.core.total_time': toCmiTimespan(timespanMs(previous['cmi.core.total_time'] ?? '') + timespanMs(session)),
  };
}

/**
 * SCORM 2004 RTE 4.2.6 / 4.2.7: only cmi.exit `suspend` keeps the attempt
 * open; the next launch resumes it (entry `resume`, all data kept,
 * session_time added to total_time, RTE 4.2.24). Any other exit (`normal`,
 * `logout`, `time-out`, "") ends the attempt: the next launch is a new attempt
 * with a fresh data model (entry `ab-initio`), so a course that forgets
 * `suspend` loses its resume state here, as it would on a strict LMS.
 */
function nextSession2004(previous: FlatCmi): FlatCmi {
  const exit = previous['cmi.exit'];
  if (exit === undefined) return previous;
  if (exit !== 'suspend') {
    const kept: FlatCmi = {};
    for (const element of KEPT_ACROSS_ATTEMPTS) {
      const value = previous[element];
      if (value !== undefined) kept[element] = value;
    }
    return { ...kept, 'cmi.entry': 'ab-initio' };
  }
  const session = previous['cmi.session_time'] ?? '';
  return {
    ...withoutSessionValues(previous, ['cmi.exit', 'cmi.session_time']),
    'cmi.entry': 'resume',
    'cmi.total_time': toIsoDuration(durationMs(previous['cmi.total_time'] ?? '') + durationMs(session)),
  };
}

/** The data without the write-only, per-session elements. */
function withoutSessionValues(previous: FlatCmi, perSession: readonly string[]): FlatCmi {
  const kept = { ...previous };
  for (const element of perSession) delete kept[element];
  return kept;
}

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` in ms; 0 when empty or malformed. */
export function timespanMs(value: string): number {
  const match = /^(\d{2,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)$/.exec(value);
  if (!match) return 0;
  const [, hours, minutes, seconds] = match;
  return Math.round(((Number(hours) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000);
}

/**
 * SCORM 2004 ISO 8601 duration in ms; 0 when empty or malformed. Years and
 * months have no fixed length; like scorm-again, count them as 365 and 30 days.
 */
export function durationMs(value: string): number {
  const match = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(value);
  if (!match) return 0;
  const [, years = 0, months = 0, days = 0, hours = 0, minutes = 0, seconds = 0] = match;
  const totalDays = Number(years) * 365 + Number(months) * 30 + Number(days);
  return Math.round((((totalDays * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000);
}
