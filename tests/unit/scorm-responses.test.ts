import { describe, expect, it } from 'vitest';
import type { InteractionChoice, InteractionRecord } from '../../src/domain/interaction.js';
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
import { truncateText } from '../../src/domain/text.js';
// The strict test LMS's format checks, written separately from the formatters, are the oracle here.
import { check12Feedback, check2004Response, checkLocalizedString } from '../../hosts/scorm/response-formats.js';

const choices = (...ids: string[]): InteractionChoice[] => ids.map((id) => ({ id, text: `Option ${id}` }));

function answer(overrides: Partial<InteractionRecord>): InteractionRecord {
  return {
    id: 'quiz-5-6.q1',
    activityId: 'quiz-5-6',
    kind: 'choice',
    question: 'Which identity should an EC2 application use to reach S3?',
    choices: choices('root-user', 'iam-user', 'iam-role', 'access-keys'),
    response: ['iam-role'],
    correct: ['iam-role'],
    success: true,
    weighting: 1,
    latencyMs: 12_340,
    answeredAt: Date.UTC(2024, 4, 6, 10, 0, 0),
    attempt: 1,
    ...overrides,
  };
}

const EMOJI = '😀'; // two UTF-16 code units
const FAMILY = '👨‍👩‍👧'; // one grapheme, eight code units

describe('SCORM 1.2 responses', () => {
  it('writes picked options as single characters by their position in the option list', () => {
    const record = answer({ response: ['iam-role'] });
    expect(scorm12Response(record)).toBe('c');
    expect(check12Feedback('choice', scorm12Response(record))).toBeUndefined();
  });

  it('sorts and de-duplicates several picks, so click order never changes the value', () => {
    const record = answer({ response: ['access-keys', 'root-user', 'access-keys'] });
    expect(scorm12Response(record)).toBe('a,d');
  });

  it('uses a-z then 0-9 for up to 36 options, with ids that are not characters at all', () => {
    const ids = Array.from({ length: 36 }, (_, i) => `option number ${i} ✓`);
    const record = answer({ choices: choices(...ids), response: [ids[0] ?? '', ids[25] ?? '', ids[26] ?? '', ids[35] ?? ''] });
    expect(scorm12Response(record)).toBe('a,z,0,9');
    expect(check12Feedback('choice', scorm12Response(record))).toBeUndefined();
  });

  it('refuses questions with more than 36 options and answers that are not options', () => {
    const many = choices(...Array.from({ length: 37 }, (_, i) => `o${i}`));
    expect(() => scorm12Response(answer({ choices: many, response: ['o0'] }))).toThrow(RangeError);
    expect(() => scorm12Response(answer({ response: ['no-such-option'] }))).toThrow(RangeError);
  });

  it('writes one correct pattern per right response, in the same form, and none for written answers', () => {
    expect(scorm12CorrectPatterns(answer({ correct: ['iam-role'] }))).toEqual(['c']);
    // Two options that each answer the case rightly: two patterns, either one correct on its own.
    expect(scorm12CorrectPatterns(answer({ correct: ['iam-role', 'iam-user'] }))).toEqual(['c', 'b']);
    expect(scorm12CorrectPatterns(answer({ kind: 'fill-in', choices: [], response: ['x'], correct: [] }))).toEqual([]);
  });

  it('writes written answers as CMIString255, cut without splitting a character', () => {
    const text = `${'a'.repeat(254)}${EMOJI}tail`;
    const value = scorm12Response(answer({ kind: 'long-fill-in', choices: [], response: [text], correct: [] }));
    expect(value).toBe('a'.repeat(254));
    expect(check12Feedback('fill-in', value)).toBeUndefined();
    expect(scorm12InteractionType('long-fill-in')).toBe('fill-in');
  });

  it('keeps short written answers exactly, commas and brackets included', () => {
    const value = scorm12Response(answer({ kind: 'fill-in', choices: [], response: ['roles, not keys [,] ever'], correct: [] }));
    expect(value).toBe('roles, not keys [,] ever');
  });

  it('uses the 1.2 result vocabulary', () => {
    expect([true, false, undefined].map(scorm12Result)).toEqual(['correct', 'wrong', 'neutral']);
  });
});

describe('SCORM 2004 responses', () => {
  it('writes picked options as ids Moodle accepts ([\\w.]), joined by [,], in option order', () => {
    const record = answer({ response: ['iam-role', 'root-user'] });
    const value = scorm2004Response(record);
    expect(value).toBe('root_user[,]iam_role');
    expect(check2004Response('choice', value, false)).toBeUndefined();
  });

  it('maps option ids with spaces, brackets or non-ASCII to [A-Za-z0-9_.], so [,] can only be a separator', () => {
    const ids = ['a b', 'x[,]y', 'rôle'];
    const value = scorm2004Response(answer({ choices: choices(...ids), response: ids }));
    expect(value).toBe('a_b[,]x___y[,]r_le');
    expect(value.split('[,]')).toHaveLength(3);
    expect(check2004Response('choice', value, false)).toBeUndefined();
  });

  it('writes one correct pattern per right response, each valid as a pattern', () => {
    const patterns = scorm2004CorrectPatterns(answer({ correct: ['iam-role', 'iam-user'] }));
    expect(patterns).toEqual(['iam_role', 'iam_user']);
    for (const pattern of patterns) expect(check2004Response('choice', pattern, true)).toBeUndefined();
  });

  it('keeps a fill-in answer one item when the learner typed [,]', () => {
    const value = scorm2004Response(answer({ kind: 'fill-in', choices: [], response: ['use roles[,]not keys'], correct: [] }));
    expect(value).toBe('{lang=en}use roles[ ,]not keys');
    expect(value.split('[,]')).toHaveLength(1);
    expect(check2004Response('fill-in', value, false)).toBeUndefined();
  });

  it('writes the language delimiter, and a space before text starting with "{" so it never reads as one', () => {
    const value = scorm2004Response(answer({ kind: 'fill-in', choices: [], response: ['{lang=fr}bonjour'], correct: [] }), 'en-GB');
    expect(value).toBe('{lang=en-GB} {lang=fr}bonjour');
    expect(check2004Response('fill-in', value, false)).toBeUndefined();
    expect(scorm2004Description('{b} braces first')).toBe('{lang=en} {b} braces first');
  });

  it('puts multi-line answers and questions on one line, so no LMS refuses them', () => {
    const text = 'First point.\r\n\n  Second point.\u2028Third.';
    const fillIn = scorm2004Response(answer({ kind: 'fill-in', choices: [], response: [text], correct: [] }));
    const longFillIn = scorm2004Response(answer({ kind: 'long-fill-in', choices: [], response: [text], correct: [] }));
    expect(fillIn).toBe('{lang=en}First point. Second point. Third.');
    expect(longFillIn).toBe(fillIn);
    expect(check2004Response('long-fill-in', longFillIn, false)).toBeUndefined();
    expect(scorm2004Description('Line one\nline two')).toBe('{lang=en}Line one line two');
    expect(scorm12Response(answer({ kind: 'fill-in', choices: [], response: [text], correct: [] }))).toBe(
      'First point. Second point. Third.',
    );
  });

  it('cuts fill-in to 250 characters in all, on a character boundary', () => {
    const text = `${'b'.repeat(240)}${EMOJI}${EMOJI}`;
    const value = scorm2004Response(answer({ kind: 'fill-in', choices: [], response: [text], correct: [] }));
    expect(value).toBe(`{lang=en}${'b'.repeat(240)}`);
    expect(value.length).toBeLessThanOrEqual(250);
    expect(check2004Response('fill-in', value, false)).toBeUndefined();
  });

  it('keeps long-fill-in up to 4000 characters with [,] as typed', () => {
    const text = `${'w'.repeat(3980)} a[,]b ${'z'.repeat(100)}`;
    const value = scorm2004Response(answer({ kind: 'long-fill-in', choices: [], response: [text], correct: [] }));
    expect(value).toHaveLength(4000);
    expect(value).toContain('a[,]b');
    expect(check2004Response('long-fill-in', value, false)).toBeUndefined();
  });

  it('writes an empty written answer as an empty localized string', () => {
    expect(scorm2004Response(answer({ kind: 'long-fill-in', choices: [], response: [], correct: [] }))).toBe('{lang=en}');
  });

  it('writes the description as a localized string of at most 250 characters', () => {
    const long = `${'q'.repeat(238)}${FAMILY}${'r'.repeat(20)}`;
    const value = scorm2004Description(long);
    expect(value).toBe(`{lang=en}${'q'.repeat(238)}`);
    expect(checkLocalizedString(value, 250)).toBeUndefined();
    expect(scorm2004Description('Short?')).toBe('{lang=en}Short?');
  });

  it('uses the 2004 result vocabulary and interaction types', () => {
    expect([true, false, undefined].map(scorm2004Result)).toEqual(['correct', 'incorrect', 'neutral']);
    expect(scorm2004InteractionType('long-fill-in')).toBe('long-fill-in');
  });
});

describe('truncateText', () => {
  it('never splits a surrogate pair or an emoji sequence', () => {
    expect(truncateText(`ab${EMOJI}`, 3)).toBe('ab');
    expect(truncateText(`ab${EMOJI}`, 4)).toBe(`ab${EMOJI}`);
    expect(truncateText(`a${FAMILY}`, 8)).toBe('a');
    expect(truncateText('e\u0301e\u0301', 3)).toBe('e\u0301');
  });

  it('leaves short text alone', () => {
    expect(truncateText('short', 250)).toBe('short');
  });
});
