import { describe, expect, it } from 'vitest';
import {
  isCmiTime,
  isCmiTimespan,
  isIsoDuration,
  isIsoTimestamp,
  toCmiTime,
  toCmiTimespan,
  toIsoDuration,
  toIsoTimestamp,
} from '../../src/tracking/scorm/time.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('toCmiTimespan (SCORM 1.2 CMITimespan)', () => {
  it.each([
    [0, '00:00:00.00'],
    [250, '00:00:00.25'],
    [1 * HOUR + 5 * MINUTE + 30_250, '01:05:30.25'],
    [4, '00:00:00.00'], // 0.4 cs rounds down
    [5, '00:00:00.01'], // 0.5 cs rounds up
    [59_999, '00:01:00.00'], // 59.999 s → a full minute, never "00:00:60.00"
    [HOUR - 1, '01:00:00.00'], // 59:59.999 → one hour, never "00:60:00.00"
    [123 * HOUR + 4 * MINUTE, '123:04:00.00'],
    [9999 * HOUR + 59 * MINUTE + 59_990, '9999:59:59.99'],
  ])('%i ms → %s', (ms, expected) => {
    expect(toCmiTimespan(ms)).toBe(expected);
    expect(isCmiTimespan(expected)).toBe(true);
  });

  it('clamps durations of 10000 hours or more to 9999:59:59.99, the largest CMITimespan', () => {
    expect(toCmiTimespan(10_000 * HOUR)).toBe('9999:59:59.99');
    expect(toCmiTimespan(Number.POSITIVE_INFINITY)).toBe('9999:59:59.99');
  });

  it('reports negative or unknown durations as zero instead of an invalid value', () => {
    expect(toCmiTimespan(-5 * SECOND)).toBe('00:00:00.00');
    expect(toCmiTimespan(Number.NaN)).toBe('00:00:00.00');
  });

  it('always produces a valid CMITimespan', () => {
    for (let ms = 0; ms < 3 * HOUR; ms += 7_777) expect(isCmiTimespan(toCmiTimespan(ms)), String(ms)).toBe(true);
  });
});

describe('toCmiTime (SCORM 1.2 CMITime)', () => {
  it('writes the local 24-hour clock time without date or zone', () => {
    expect(toCmiTime(new Date(2024, 4, 6, 7, 8, 9, 999))).toBe('07:08:09');
    expect(toCmiTime(new Date(2024, 4, 6, 23, 59, 59))).toBe('23:59:59');
    expect(toCmiTime(new Date(2024, 4, 6, 0, 0, 0))).toBe('00:00:00');
  });

  it('refuses an invalid Date', () => {
    expect(() => toCmiTime(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('toIsoDuration (SCORM 2004 timeinterval(second,10,2))', () => {
  it.each([
    [0, 'PT0S'],
    [10, 'PT0.01S'],
    [500, 'PT0.5S'],
    [30_250, 'PT30.25S'],
    [30_000, 'PT30S'],
    [59_999, 'PT1M'], // rounding carries into minutes
    [HOUR - 1, 'PT1H'],
    [1 * HOUR + 5 * MINUTE + 30_250, 'PT1H5M30.25S'],
    [2 * HOUR + 3_000, 'PT2H3S'],
    [100 * HOUR, 'PT100H'],
    [10_000 * HOUR + 1, 'PT10000H'],
  ])('%i ms → %s', (ms, expected) => {
    expect(toIsoDuration(ms)).toBe(expected);
    expect(isIsoDuration(expected)).toBe(true);
  });

  it('never writes "P", a trailing "T", or more than two decimals', () => {
    for (let ms = 0; ms < 2 * HOUR; ms += 1_234) {
      const value = toIsoDuration(ms);
      expect(value).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
      expect(value).not.toMatch(/T$/);
    }
  });

  it('clamps beyond 99 999 999.99 s, the most an LMS must keep', () => {
    expect(toIsoDuration(1e12)).toBe('PT27777H46M39.99S');
  });

  it('reports negative or unknown durations as PT0S', () => {
    expect(toIsoDuration(-1)).toBe('PT0S');
    expect(toIsoDuration(Number.NaN)).toBe('PT0S');
  });
});

describe('toIsoTimestamp (SCORM 2004 time(second,10,0))', () => {
  it('writes UTC with centiseconds and a zone designator', () => {
    expect(toIsoTimestamp(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 678)))).toBe('2024-01-02T03:04:05.67Z');
    expect(toIsoTimestamp(new Date(Date.UTC(2024, 0, 2, 3, 4, 5, 0)))).toBe('2024-01-02T03:04:05.00Z');
  });

  it('truncates rather than rounds, so 59.999 s stays in the same second and year', () => {
    expect(toIsoTimestamp(new Date(Date.UTC(2030, 11, 31, 23, 59, 59, 999)))).toBe('2030-12-31T23:59:59.99Z');
  });

  it('clamps to the representable years 1970..2038', () => {
    expect(toIsoTimestamp(new Date(Date.UTC(1969, 5, 1)))).toBe('1970-01-01T00:00:00.00Z');
    expect(toIsoTimestamp(new Date(Date.UTC(2039, 0, 1, 12)))).toBe('2038-12-31T23:59:59.99Z');
  });

  it('always produces a valid timestamp', () => {
    const value = toIsoTimestamp(new Date());
    expect(isIsoTimestamp(value)).toBe(true);
  });

  it('refuses an invalid Date', () => {
    expect(() => toIsoTimestamp(new Date('not a date'))).toThrow(RangeError);
  });
});

describe('time validators (vectors from the ADL Sample RTE and Moodle regexes)', () => {
  it.each(['00:29:00', '1234:44:30', '00:00:00.5', '9999:59:59.99'])('accepts CMITimespan %s', (v) => expect(isCmiTimespan(v)).toBe(true));
  it.each(['1:02:03', '00:60:00', '00:00:60', '12345:00:00', '00:00:00.123', 'PT1S', ''])('rejects CMITimespan %s', (v) =>
    expect(isCmiTimespan(v)).toBe(false),
  );

  it.each(['00:00:00', '23:59:59', '12:30:00.5'])('accepts CMITime %s', (v) => expect(isCmiTime(v)).toBe(true));
  it.each(['24:00:00', '7:08:09', '12:30'])('rejects CMITime %s', (v) => expect(isCmiTime(v)).toBe(false));

  it.each(['PT0S', 'PT1H5M30.25S', 'P1D', 'P1Y2M3DT4H5M6.7S', 'PT0H0M0S'])('accepts duration %s', (v) =>
    expect(isIsoDuration(v)).toBe(true),
  );
  it.each(['P', 'PT', 'P1DT', 'P1W', 'PT1.234S', 'PT-1S', '1H', 'PT1.5H', ''])('rejects duration %s', (v) =>
    expect(isIsoDuration(v)).toBe(false),
  );

  it.each([
    '2024',
    '2024-02',
    '2024-02-29',
    '2024-02-29T10',
    '2024-02-29T10:05',
    '2024-02-29T10:05:09',
    '2024-02-29T10:05:09.5Z',
    '2038-12-31T23:59:59.99+01:00',
  ])('accepts timestamp %s', (v) => expect(isIsoTimestamp(v)).toBe(true));
  it.each([
    '1969-12-31',
    '2039-01-01',
    '2023-02-29',
    '2024-13-01',
    '2024-01-01T24:00',
    '2024-01-01T10:00:00Z',
    '2024-01-01T10:00:00.123Z',
    '2024-01-01 10:00',
  ])('rejects timestamp %s', (v) => expect(isIsoTimestamp(v)).toBe(false));
});
