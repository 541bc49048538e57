import { describe, expect, it } from 'vitest';
import {
  INTERACTION_URN_PREFIX,
  isCmiIdentifier,
  isLongIdentifier,
  isShortIdentifier,
  isUriReference,
  toCmiIdentifier,
  toScorm2004InteractionId,
  toShortIdentifier,
} from '../../src/tracking/scorm/identifiers.js';

const WEIRD_IDS = [
  'quiz 5.6 / q1',
  'tab\tand\nnewline',
  'café-rôle',
  'emoji-😀-id',
  '日本語',
  'brackets[,]and{braces}',
  'percent%20already',
  'quote"and<angle>',
  'hash#twice#',
  ':colon-first',
  '1:2',
];

describe('toCmiIdentifier (SCORM 1.2 CMIIdentifier)', () => {
  it('keeps ids that are already printable ASCII', () => {
    expect(toCmiIdentifier('quiz-5-6.q1')).toBe('quiz-5-6.q1');
    expect(toCmiIdentifier('a/b:c_d~e!')).toBe('a/b:c_d~e!');
  });

  it('percent-encodes white space and non-ASCII as UTF-8, and % itself', () => {
    expect(toCmiIdentifier('quiz 5.6')).toBe('quiz%205.6');
    expect(toCmiIdentifier('café')).toBe('caf%C3%A9');
    expect(toCmiIdentifier('😀')).toBe('%F0%9F%98%80');
    expect(toCmiIdentifier('100%')).toBe('100%25');
  });

  it.each(WEIRD_IDS)('maps %j to a valid CMIIdentifier', (raw) => {
    expect(isCmiIdentifier(toCmiIdentifier(raw))).toBe(true);
  });

  it('never maps two different ids to the same identifier', () => {
    expect(toCmiIdentifier('a b')).not.toBe(toCmiIdentifier('a%20b'));
    expect(new Set(WEIRD_IDS.map(toCmiIdentifier)).size).toBe(WEIRD_IDS.length);
  });

  it('fits long ids into 255 characters with a stable hash that tells them apart', () => {
    const long = 'x'.repeat(300);
    const mapped = toCmiIdentifier(long);
    expect(mapped).toHaveLength(255);
    expect(mapped).toBe(toCmiIdentifier(long));
    expect(mapped).toMatch(/^x+~[0-9a-f]{8}$/);
    expect(toCmiIdentifier(`${long}!`)).not.toBe(mapped);
  });

  it('does not cut a %XX escape when shortening', () => {
    const mapped = toCmiIdentifier('é'.repeat(200));
    expect(mapped.length).toBeLessThanOrEqual(255);
    expect(mapped).toMatch(/^(%C3%A9)+~[0-9a-f]{8}$/);
  });

  it('is deterministic: a known input keeps its known output across builds', () => {
    expect(toCmiIdentifier('ü'.repeat(130))).toBe(`${'%C3%BC'.repeat(41)}~5019b985`);
  });

  it('refuses an empty id', () => {
    expect(() => toCmiIdentifier('')).toThrow(RangeError);
  });
});

describe('toScorm2004InteractionId (SCORM 2004 long_identifier_type)', () => {
  it('builds an absolute URN from the course id', () => {
    expect(toScorm2004InteractionId('quiz-5-6.q1')).toBe('urn:scorm:quiz-5-6.q1');
    expect(toScorm2004InteractionId('quiz 5.6/q1')).toBe('urn:scorm:quiz%205.6%2Fq1');
  });

  it.each(WEIRD_IDS)('maps %j to a valid URI without spaces', (raw) => {
    const id = toScorm2004InteractionId(raw);
    expect(isLongIdentifier(id)).toBe(true);
    expect(id.startsWith(INTERACTION_URN_PREFIX)).toBe(true);
    expect(id).not.toMatch(/[\s[\]{}]/);
  });

  it('fits very long ids into 4000 characters', () => {
    const id = toScorm2004InteractionId('q'.repeat(5000));
    expect(id).toHaveLength(4000);
    expect(isLongIdentifier(id)).toBe(true);
  });
});

describe('toShortIdentifier (SCORM 2004 short_identifier_type)', () => {
  it('keeps simple option ids as they are', () => {
    expect(toShortIdentifier('a')).toBe('a');
    expect(toShortIdentifier('iam-role')).toBe('iam-role');
  });

  it('encodes characters that could form a SCORM delimiter such as [,]', () => {
    expect(toShortIdentifier('a[,]b')).toBe('a%5B%2C%5Db');
    expect(toShortIdentifier('{lang=en}')).toBe('%7Blang%3Den%7D');
  });

  it.each(WEIRD_IDS)('maps %j to a valid short identifier', (raw) => {
    expect(isShortIdentifier(toShortIdentifier(raw))).toBe(true);
  });

  it('fits long ids into 250 characters, splitting no escape', () => {
    const id = toShortIdentifier('日本'.repeat(100));
    expect(id.length).toBeLessThanOrEqual(250);
    expect(isShortIdentifier(id)).toBe(true);
  });
});

describe('URI validators (vectors from ADL conformance test script DMI.properties)', () => {
  it.each(['INT1', 'MYID01', '1', 'urn:adl:lmsTest/OBJ01', 'uri.uri.uri.abcd', 'http://example.org/a?b=c#d', 'a%20b'])(
    'accepts %s',
    (value) => {
      expect(isUriReference(value)).toBe(true);
    },
  );

  it.each(['', 'urn:', 'urn:adl:lms Test/OBJ01', 'urn:x', 'a b', 'a[b]', 'x{y}', '1:2', 'a%2', 'a%zz', 'a#b#c', 'café', 'http:'])(
    'rejects %j',
    (value) => {
      expect(isUriReference(value)).toBe(false);
    },
  );

  it('applies the SPMs', () => {
    expect(isShortIdentifier('a'.repeat(250))).toBe(true);
    expect(isShortIdentifier('a'.repeat(251))).toBe(false);
    expect(isLongIdentifier('a'.repeat(4000))).toBe(true);
    expect(isLongIdentifier('a'.repeat(4001))).toBe(false);
  });

  it('checks CMIIdentifier', () => {
    expect(isCmiIdentifier('quiz-5-6.q1')).toBe(true);
    expect(isCmiIdentifier('a'.repeat(255))).toBe(true);
    expect(isCmiIdentifier('a'.repeat(256))).toBe(false);
    expect(isCmiIdentifier('a b')).toBe(false);
    expect(isCmiIdentifier('é')).toBe(false);
    expect(isCmiIdentifier('')).toBe(false);
  });
});
