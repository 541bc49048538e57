/**
 * The package checker on cmi5 and xAPI zips: our packages pass; the rules the
 * XSD does not check (cmi5 §3.0 fully qualified IRIs, unique ids, AU urls) are
 * enforced, as the cmi5 LMS test suite's course structures expect.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkPackageBytes } from '../../scripts/check/check-package.js';
import { checkCmi5 } from '../../scripts/check/cmi5.js';
import { checkTincan } from '../../scripts/check/tincan.js';
import { STANDARDS_DIR } from './helpers/standards.js';
import { brokenZip, goodFiles, packageOf, rename, replaceText } from '../fixtures/packages/packages.js';

const BASE = 'https://courses.example.com/xapi/iam-access-patterns-5-6';
const LTS = `${STANDARDS_DIR}/cmi5/conformance/lts-course-structures/`;

const errorMessages = async (bytes: Uint8Array) =>
  (await checkPackageBytes('broken.zip', bytes)).findings.filter((f) => f.level === 'error').map((f) => f.message);

describe('checking the cmi5 package', () => {
  it('passes our package with no findings', () => {
    expect(checkCmi5(packageOf(goodFiles('cmi5')))).toEqual([]);
  });

  it('rejects an AU id that is not a fully qualified IRI, at its line', async () => {
    const zip = brokenZip('cmi5', (files) =>
      replaceText(files, 'cmi5.xml', `<au id="${BASE}/`, '<au id="courses.example.com/xapi/iam-access-patterns-5-6/'),
    );
    const findings = (await checkPackageBytes('broken.zip', zip)).findings;
    expect(findings).toEqual([
      {
        level: 'error',
        where: expect.stringMatching(/^cmi5\.xml:\d+$/),
        message:
          '<au> id "courses.example.com/xapi/iam-access-patterns-5-6/au/iam-access-patterns-5-6" is not fully qualified: it has no scheme such as "https:", so it is a relative IRI reference (cmi5 §3.0: ids are fully qualified IRIs)',
      },
    ]);
  });

  it('rejects an AU id equal to the course id', async () => {
    const zip = brokenZip('cmi5', (files) =>
      replaceText(files, 'cmi5.xml', `<au id="${BASE}/au/iam-access-patterns-5-6"`, `<au id="${BASE}"`),
    );
    expect(await errorMessages(zip)).toEqual([
      expect.stringMatching(/^duplicate id ".*": <au> reuses the id of <course> at cmi5\.xml:\d+/),
    ]);
  });

  it('reports an AU url whose file has other letter case as "wrong case"', async () => {
    const zip = brokenZip('cmi5', (files) => rename(files, 'index.html', 'Index.html'));
    expect(await errorMessages(zip)).toEqual([expect.stringMatching(/^AU url "index\.html": wrong case, the zip has "Index\.html"/)]);
  });

  it('reports a cmi5.xml that fails CourseStructure.xsd', async () => {
    const zip = brokenZip('cmi5', (files) => replaceText(files, 'cmi5.xml', 'moveOn="CompletedAndPassed"', 'moveOn="Done"'));
    expect(await errorMessages(zip)).toEqual([expect.stringMatching(/attribute 'moveOn': .*'Done'/)]);
  });
});

describe('the cmi5 LMS test suite course structures (standards/, CATAPULT)', () => {
  // README §3.3: 201–207 must be rejected by a conformant importer. 202-x test a structure
  // *without* a zip; inside our zip with an index.html, 202-1 and 202-3 are fine.
  const mustReject = /^(201-|202-[245]|203-|204-|205-|206-|207-)/;
  const files = readdirSync(LTS).filter((f) => f.endsWith('.xml'));

  it.each(files)('%s', async (file) => {
    const zip = zipSync({
      'cmi5.xml': new Uint8Array(readFileSync(LTS + file)),
      'index.html': strToU8('<!doctype html><title>AU</title>'),
    });
    const messages = await errorMessages(zip);
    expect(messages.length > 0, messages.join('\n')).toBe(mustReject.test(file));
  });
});

describe('checking the xAPI package (tincan.xml)', () => {
  it('passes our package with no findings', () => {
    expect(checkTincan(packageOf(goodFiles('xapi')))).toEqual([]);
  });

  it('passes the published Tin Can prototype descriptors (BOM, CRLF) with their launch files present', () => {
    for (const file of readdirSync(`${STANDARDS_DIR}/xapi/tincan-xml`)) {
      const text = readFileSync(`${STANDARDS_DIR}/xapi/tincan-xml/${file}`);
      const launch = /<launch[^>]*>([^<]+)</.exec(text.toString('utf8'))?.[1] ?? '';
      expect(checkTincan(packageOf({ 'tincan.xml': new Uint8Array(text), [launch]: strToU8('<p>') })), file).toEqual([]);
    }
  });

  it('rejects an activity id that is not a fully qualified IRI, and a missing launch file', async () => {
    const zip = brokenZip('xapi', (files) => {
      replaceText(files, 'tincan.xml', `id="${BASE}/lesson/`, 'id="/lesson/');
      rename(files, 'index.html', 'start.html');
    });
    expect(await errorMessages(zip)).toEqual([
      expect.stringMatching(/^<activity> id "\/lesson\/iam-access-patterns-5-6" is not fully qualified/),
      'launch file "index.html" is missing from the zip',
    ]);
  });
});
