/**
 * The package checker on SCORM zips: our real packages pass; copies broken the
 * way packages break in practice are reported with the file, the line and why.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkPackageBytes, passes } from '../../scripts/check/check-package.js';
import { detectStandard } from '../../scripts/check/detect.js';
import { checkScorm } from '../../scripts/check/scorm.js';
import { STANDARDS_DIR } from './helpers/standards.js';
import { addText, brokenZip, goodFiles, packageOf, rename, replaceText } from '../fixtures/packages/packages.js';

const MANIFEST = 'imsmanifest.xml';

async function errors(bytes: Uint8Array) {
  return (await checkPackageBytes('broken.zip', bytes)).findings.filter((f) => f.level === 'error');
}

describe.each(['scorm12', 'scorm2004'] as const)('checking the %s package', (target) => {
  it('detects the version and passes our package with no findings, even in strict mode', () => {
    const files = goodFiles(target);
    expect(detectStandard(packageOf(files)).standard).toBe(target);
    expect(checkScorm(packageOf(files), target)).toEqual([]);
  });

  it('reports a listed file that is missing from the zip, at its <file> line', async () => {
    const zip = brokenZip(target, (files) => delete files['assets/style.css']);
    expect(await errors(zip)).toEqual([
      {
        level: 'error',
        where: expect.stringMatching(/^imsmanifest\.xml:\d+$/),
        message: '<file href> "assets/style.css" is missing from the zip',
      },
    ]);
  });

  it('reports a file shipped with other letter case as "wrong case", not as missing', async () => {
    const zip = brokenZip(target, (files) => rename(files, 'assets/style.css', 'assets/Style.css'));
    const [finding, ...rest] = await errors(zip);
    expect(rest).toEqual([]);
    expect(finding?.message).toMatch(/^<file href> "assets\/style\.css": wrong case, the zip has "assets\/Style\.css"/);
    expect(finding?.message).not.toMatch(/missing/);
  });

  it('reports a missing launch file', async () => {
    const zip = brokenZip(target, (files) => {
      rename(files, 'index.html', 'start.html');
      replaceText(files, MANIFEST, '<file href="index.html"/>', '<file href="start.html"/>');
    });
    expect((await errors(zip)).map((f) => f.message)).toEqual(['launch file "index.html" is missing from the zip']);
  });

  it('reports an XSD violation with the validator’s line and reason', async () => {
    const scormType = target === 'scorm12' ? 'adlcp:scormtype="sco"' : 'adlcp:scormType="sco"';
    const zip = brokenZip(target, (files) => replaceText(files, MANIFEST, scormType, scormType.replace('"sco"', '"lesson"')));
    const [finding] = await errors(zip);
    expect(finding?.where).toMatch(/^imsmanifest\.xml:\d+$/);
    expect(finding?.message).toMatch(/The value 'lesson' is not an element of the set \{'(sco|asset)', '(sco|asset)'\}/);
  });

  it('reports a manifest that is not well-formed XML', async () => {
    const zip = brokenZip(target, (files) => replaceText(files, MANIFEST, '</organizations>', '</organisations>'));
    expect((await errors(zip))[0]).toMatchObject({
      where: expect.stringMatching(/^imsmanifest\.xml:\d+$/),
      message: expect.stringMatching(/tag mismatch/),
    });
  });

  it('reports a duplicate identifier, naming both elements', async () => {
    const zip = brokenZip(target, (files) =>
      replaceText(files, MANIFEST, 'identifier="iam-access-patterns-5-6-item"', 'identifier="iam-access-patterns-5-6-org"'),
    );
    expect((await errors(zip)).map((f) => f.message)).toContainEqual(
      expect.stringMatching(
        /^duplicate identifier "iam-access-patterns-5-6-org": <item> reuses the identifier of <organization> at imsmanifest\.xml:\d+/,
      ),
    );
  });

  it('reports an identifierref that names no resource', async () => {
    const zip = brokenZip(target, (files) =>
      replaceText(files, MANIFEST, 'identifierref="iam-access-patterns-5-6-sco"', 'identifierref="nowhere"'),
    );
    expect((await errors(zip)).map((f) => f.message)).toContain('<item identifierref="nowhere"> names no <resource> of this manifest');
  });

  it('warns about a shipped file the manifest does not list, and fails it in strict mode', async () => {
    const report = await checkPackageBytes(
      'extra.zip',
      brokenZip(target, (files) => addText(files, 'notes.txt', 'remember to remove this')),
    );
    expect(report.findings).toEqual([
      {
        level: 'warning',
        where: 'notes.txt',
        message: 'shipped but not listed in imsmanifest.xml (no <file href> or resource href names it); list it, or remove it',
      },
    ]);
    expect(passes(report)).toBe(true);
    expect(passes(report, true)).toBe(false);
  });
});

describe('finding the manifest', () => {
  it('says so when the manifest is in a folder instead of at the zip root', () => {
    const files = goodFiles('scorm12');
    const nested = Object.fromEntries(Object.entries(files).map(([name, bytes]) => [`course/${name}`, bytes]));
    expect(detectStandard(packageOf(nested)).findings).toEqual([
      {
        level: 'error',
        where: 'course/imsmanifest.xml',
        message: 'the imsmanifest.xml must be at the root of the zip, not in "course/": zip the folder\'s contents, not the folder',
      },
    ]);
  });

  it('tells the authored SCORM 1.2 and 2004 examples of standards/ apart', () => {
    for (const [folder, standard] of [
      ['scorm12-single-sco', 'scorm12'],
      ['scorm2004-4ed-single-sco', 'scorm2004'],
    ] as const) {
      const manifest = readFileSync(`${STANDARDS_DIR}/examples/${folder}/imsmanifest.xml`);
      expect(detectStandard(packageOf({ [MANIFEST]: new Uint8Array(manifest) })).standard).toBe(standard);
    }
  });
});
