/**
 * Opening a package and its entry names: what is not a zip, or would unpack
 * outside the package folder, is an error with a sentence, never a crash.
 */
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkPackageBytes } from '../../scripts/check/check-package.js';
import { checkZipPaths } from '../../scripts/check/paths.js';
import { openZip, openZipFile } from '../../scripts/check/zip.js';
import { brokenZip, goodFiles, goodZipPath, packageOf } from '../fixtures/packages/packages.js';

describe('opening a package', () => {
  it('reads our zip: every entry, every file', async () => {
    const { pkg, findings } = await openZipFile(goodZipPath('scorm12'));
    expect(findings).toEqual([]);
    expect([...(pkg?.files.keys() ?? [])].sort()).toEqual([
      'assets/course.js',
      'assets/style.css',
      'identity-types.csv',
      'imsmanifest.xml',
      'index.html',
    ]);
  });

  it('rejects random bytes as not a zip', async () => {
    const bytes = Uint8Array.from({ length: 300 }, (_, i) => (i * 151 + 7) % 256);
    expect(await openZip(bytes)).toEqual({
      findings: [
        { level: 'error', where: '(zip)', message: expect.stringMatching(/^not a zip file: its first bytes are not a zip signature/) },
      ],
    });
  });

  it('rejects a text file as not a zip, and says what to upload instead', async () => {
    expect((await openZip(strToU8('<?xml version="1.0"?>\n<manifest/>\n'))).findings[0]?.message).toBe(
      'not a zip file: it is a text file. Upload the .zip package the build wrote, not a file from inside it',
    );
  });

  it('rejects an empty file and a truncated zip', async () => {
    const zip = zipSync({ 'index.html': strToU8('<p>hello</p>'.repeat(50)) });
    expect((await openZip(new Uint8Array())).findings[0]?.message).toBe('not a zip file: the file is empty');
    expect((await openZip(zip.subarray(0, zip.length - 30))).findings[0]?.message).toMatch(/^the zip is corrupt/);
  });

  it('reports a path that does not exist, or a folder, instead of throwing', async () => {
    expect((await openZipFile('no/such/package.zip')).findings).toEqual([
      { level: 'error', where: 'no/such/package.zip', message: 'no such file' },
    ]);
    expect((await openZipFile('tests')).findings[0]?.message).toMatch(/^this is a folder/);
  });
});

describe('entry names', () => {
  it('passes our packages', () => {
    expect(checkZipPaths(packageOf(goodFiles('cmi5')))).toEqual([]);
  });

  it('rejects a "../" path (zip slip)', async () => {
    const report = await checkPackageBytes(
      'slip.zip',
      brokenZip('scorm12', (files) => (files['../outside.js'] = strToU8('alert(1)'))),
    );
    expect(report.findings).toContainEqual({
      level: 'error',
      where: '../outside.js',
      message: 'the path contains "..": the entry would be written outside the package folder (zip slip), so LMSs refuse it',
    });
  });

  it('rejects absolute paths, drive letters and backslashes', () => {
    const findings = checkZipPaths({
      entries: ['/etc/passwd', 'C:/course/index.html', 'assets\\course.js'],
      files: new Map(),
      contents: new Map(),
    });
    expect(findings.map((f) => [f.where, f.message.split(':')[0]])).toEqual([
      ['/etc/passwd', 'absolute path'],
      ['C:/course/index.html', 'the entry name starts with a drive letter'],
      ['assets\\course.js', 'the entry name contains a backslash'],
    ]);
  });

  it('rejects an entry that appears twice, and warns about names that differ only in case', () => {
    const findings = checkZipPaths({
      entries: ['index.html', 'index.html', 'a/Logo.png', 'a/logo.png'],
      files: new Map([
        ['index.html', 0],
        ['a/Logo.png', 0],
        ['a/logo.png', 0],
      ]),
      contents: new Map(),
    });
    expect(findings).toEqual([
      { level: 'error', where: 'index.html', message: 'appears 2 times in the zip; which copy an LMS unpacks is undefined' },
      { level: 'warning', where: 'a/Logo.png, a/logo.png', message: expect.stringMatching(/differ only in case/) },
    ]);
  });

  it('warns about operating-system clutter', () => {
    expect(
      checkZipPaths({ entries: ['__MACOSX/._index.html', '.DS_Store'], files: new Map(), contents: new Map() }).map((f) => f.level),
    ).toEqual(['warning', 'warning']);
  });
});
