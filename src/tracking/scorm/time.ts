/**
 * Time values in the formats each SCORM version demands. All durations are
 * computed in whole centiseconds first, so rounding can never produce
 * "60 seconds" or "60 minutes" (59.999 s becomes 1 minute, not 0:59.100).
 */
import { SCORM12, SCORM2004 } from './limits.js';

const CENTISECONDS_PER_SECOND = 100;
const CENTISECONDS_PER_MINUTE = 60 * CENTISECONDS_PER_SECOND;
const CENTISECONDS_PER_HOUR = 60 * CENTISECONDS_PER_MINUTE;

/** SCORM 1.2 RTE 3.4.5: the largest CMITimespan, 9999:59:59.99. */
const MAX_TIMESPAN_CENTISECONDS = (SCORM12.timespanMaxHours + 1) * CENTISECONDS_PER_HOUR - 1;

/**
 * Milliseconds as whole centiseconds within [0, max]. Durations come from
 * clocks: a negative or unknown one (clock change, NaN) is reported as zero
 * rather than as a value the LMS would reject.
 */
function toCentiseconds(ms: number, max: number): number {
  if (Number.isNaN(ms) || ms <= 0) return 0;
  return Math.min(Math.round(ms / 10), max);
}

interface Parts {
  readonly hours: number;
  readonly minutes: number;
  readonly seconds: number;
  readonly centiseconds: number;
}

function split(centiseconds: number): Parts {
  return {
    hours: Math.floor(centiseconds / CENTISECONDS_PER_HOUR),
    minutes: Math.floor((centiseconds % CENTISECONDS_PER_HOUR) / CENTISECONDS_PER_MINUTE),
    seconds: Math.floor((centiseconds % CENTISECONDS_PER_MINUTE) / CENTISECONDS_PER_SECOND),
    centiseconds: centiseconds % CENTISECONDS_PER_SECOND,
  };
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/**
 * SCORM 1.2 RTE 3.4.5 CMITimespan `HHHH:MM:SS.SS` (hours 2 to 4 digits) for
 * cmi.core.session_time and cmi.interactions.n.latency, e.g. `00:01:05.25`.
 * Longer than 9999:59:59.99 is not representable: clamped there.
 */
export function toCmiTimespan(ms: number): string {
  const { hours, minutes, seconds, centiseconds } = split(toCentiseconds(ms, MAX_TIMESPAN_CENTISECONDS));
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(centiseconds)}`;
}

/**
 * SCORM 1.2 RTE 3.4.5 CMITime `HH:MM:SS` for cmi.interactions.n.time.
 *
 * Local time, not UTC: CMITime is "a chronological point in a 24-hour clock"
 * with no date and no zone designator, so it can only mean the clock the
 * learner sees. That is what 1.2 LMS reports show next to other SCOs' values,
 * which are written the same way. The UTC instant is kept exactly in the
 * 2004/xAPI timestamps.
 */
export function toCmiTime(date: Date): string {
  assertValidDate(date);
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/**
 * SCORM 2004 RTE 4.1 timeinterval(second,10,2): an ISO 8601 duration such as
 * `PT1H5M30.25S` for cmi.session_time (RTE 4.2.20) and
 * cmi.interactions.n.latency (RTE 4.2.8). Never `P` alone or a trailing `T`
 * (invalid); `PT0S` for zero; no weeks, days or years, so no calendar
 * ambiguity; at most two decimals, trailing zeros dropped.
 *
 * SPEC NOTE: ten significant digits with two decimals means 99 999 999.99 s
 * is the longest an LMS must keep; longer durations are clamped there.
 */
export function toIsoDuration(ms: number): string {
  const { hours, minutes, seconds, centiseconds } = split(toCentiseconds(ms, SCORM2004.durationMaxCentiseconds));
  let out = 'PT';
  if (hours > 0) out += `${hours}H`;
  if (minutes > 0) out += `${minutes}M`;
  if (seconds > 0 || centiseconds > 0) {
    const fraction = centiseconds > 0 ? `.${pad(centiseconds).replace(/0$/, '')}` : '';
    out += `${seconds}${fraction}S`;
  }
  return out === 'PT' ? 'PT0S' : out;
}

const FIRST_TIMESTAMP_MS = Date.UTC(SCORM2004.timestampFirstYear, 0, 1);
const LAST_TIMESTAMP_MS = Date.UTC(SCORM2004.timestampLastYear + 1, 0, 1) - 10;

/**
 * SCORM 2004 RTE 4.1 time(second,10,0) for cmi.interactions.n.timestamp and
 * comment timestamps: `YYYY-MM-DDThh:mm:ss.ssZ`, in UTC.
 *
 * - Centiseconds are truncated, not rounded: a timestamp must not move into
 *   the next second (or year).
 * - The fraction is always written: the grammar is
 *   `YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]]`, so a zone designator may only
 *   follow fractional seconds (ADL's Sample RTE rejects `…:05Z`).
 * - Years outside 1970..2038 are not representable: clamped to that range.
 *
 * @throws RangeError for an invalid Date (a programming error, not learner data).
 */
export function toIsoTimestamp(date: Date): string {
  assertValidDate(date);
  const clamped = new Date(Math.min(Math.max(date.getTime(), FIRST_TIMESTAMP_MS), LAST_TIMESTAMP_MS));
  const centiseconds = Math.floor(clamped.getUTCMilliseconds() / 10);
  return (
    `${clamped.getUTCFullYear()}-${pad(clamped.getUTCMonth() + 1)}-${pad(clamped.getUTCDate())}` +
    `T${pad(clamped.getUTCHours())}:${pad(clamped.getUTCMinutes())}:${pad(clamped.getUTCSeconds())}` +
    `.${pad(centiseconds)}Z`
  );
}

function assertValidDate(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date cannot be written as a SCORM time');
}

// Validators: what the LMS will accept. Used by tests and the strict test LMS.

/** SCORM 1.2 RTE 3.4.5 CMITimespan: hours 2-4 digits, `MM`, `SS`, optional 1-2 decimals. */
export function isCmiTimespan(value: string): boolean {
  return /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/.test(value);
}

/** SCORM 1.2 RTE 3.4.5 CMITime: 24-hour clock `HH:MM:SS`, optional 1-2 decimals. */
export function isCmiTime(value: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/.test(value);
}

/**
 * SCORM 2004 RTE 4.1 timeinterval(second,10,2):
 * `P[yY][mM][dD][T[hH][mM][s[.s]S]]`, seconds with at most two decimals;
 * `P` alone, a trailing `T` and weeks are invalid (ADL Sample RTE DurationValidator).
 */
export function isIsoDuration(value: string): boolean {
  if (value === 'P' || value.endsWith('T')) return false;
  return /^P(\d+Y)?(\d+M)?(\d+D)?(T(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/.test(value);
}

/**
 * SCORM 2004 RTE 4.1 time(second,10,0): `YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]]`,
 * year 1970..2038, fraction 1-2 digits, the zone designator only after the
 * fraction, and a real calendar day.
 */
export function isIsoTimestamp(value: string): boolean {
  const match =
    /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2})(?::(\d{2})(?::(\d{2})(?:\.\d{1,2}(?:Z|[+-](\d{2})(?::?(\d{2}))?)?)?)?)?)?)?)?$/.exec(value);
  if (!match) return false;
  const [, year, month, day, hour, minute, second, zoneHours, zoneMinutes] = match;
  const y = Number(year);
  return (
    y >= SCORM2004.timestampFirstYear &&
    y <= SCORM2004.timestampLastYear &&
    inRangeIfPresent(month, 1, 12) &&
    inRangeIfPresent(day, 1, daysInMonth(y, Number(month))) &&
    inRangeIfPresent(hour, 0, 23) &&
    inRangeIfPresent(minute, 0, 59) &&
    inRangeIfPresent(second, 0, 59) &&
    inRangeIfPresent(zoneHours, 0, 23) &&
    inRangeIfPresent(zoneMinutes, 0, 59)
  );
}

function inRangeIfPresent(digits: string | undefined, min: number, max: number): boolean {
  return digits === undefined || (Number(digits) >= min && Number(digits) <= max);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
