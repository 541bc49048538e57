import { describe, expect, it } from 'vitest';
import {
  duplicateLmsIds,
  isCmiIdentifier,
  isLongIdentifier,
  isPortableIdentifier,
  isShortIdentifier,
  isUriReference,
  LMS_ID_MAX,
  toLmsId,
} from '../../src/tracking/scorm/identifiers.js';
import { SCORM12, SCORM2004 } from '../../src/tracking/scorm/limits.js';

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

describe('toLmsId: ids every LMS player accepts', () => {
  it('turns every character outside [A-Za-z0-9_.] into _, keeping the id readable', () => {
    expect(toLmsId('quiz-5-6.q1')).toBe('quiz_5_6.q1');
    expect(toLmsId('identity-patterns.case-1')).toBe('identity_patterns.case_1');
    expect(toLmsId('root-user')).toBe('root_user');
    expect(toLmsId('a')).toBe('a');
  });

  it.each(WEIRD_IDS)("maps %j to an id Moodle's CMIShortIdentifier and every SCORM identifier type accept", (raw) => {
    const id = toLmsId(raw);
    expect(id).toMatch(/^[\w.]{1,250}$/); // mod/scorm/datamodels/scorm_13.js CMIShortIdentifier
    expect(isPortableIdentifier(id)).toBe(true);
    expect(isCmiIdentifier(id)).toBe(true);
    expect(isShortIdentifier(id)).toBe(true);
    expect(isLongIdentifier(id)).toBe(true);
  });

  it('is deterministic, and fits long ids into 250 characters with a hash of the whole id', () => {
    const long = 'x'.repeat(300);
    expect(toLmsId(long)).toHaveLength(250);
    expect(toLmsId(long)).toBe(toLmsId(long));
    expect(toLmsId(long)).toMatch(/^x+_[0-9a-f]{8}$/);
    expect(toLmsId(`${long}!`)).not.toBe(toLmsId(long));
    expect(toLmsId('ü'.repeat(300))).toBe(`${'_'.repeat(241)}_ef4405e5`);
  });

  it('refuses an empty id', () => {
    expect(() => toLmsId('')).toThrow(RangeError);
  });

  it('keeps ids within the smallest identifier limit of both versions', () => {
    expect(LMS_ID_MAX).toBe(Math.min(SCORM12.identifier, SCORM2004.shortIdentifier));
  });

  it('names the LMS ids that two different course ids would share', () => {
    expect(duplicateLmsIds(['a-b', 'a_b', 'c', 'c'])).toEqual(['a_b']);
    expect(duplicateLmsIds(['quiz-5-6.q1', 'quiz-5-6.q2'])).toEqual([]);
  });

  it('refuses what Moodle refuses: hyphens, colons, spaces, empty, more than 250', () => {
    for (const value of ['root-user', 'urn:scorm:x', 'a b', '', 'a'.repeat(251), 'é']) expect(isPortableIdentifier(value)).toBe(false);
    expect(isPortableIdentifier('Quiz_5_6.q1')).toBe(true);
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
