/**
 * `npm run check` as a course author or admin runs it: a report per package,
 * a summary for several, and an exit status CI can use.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { strToU8 } from 'fflate';
import { addText, brokenZip, goodZipPath, replaceText, tempFile, ZIP_TARGETS } from '../fixtures/packages/packages.js';

/** The CLI through Node's tsx loader (what `npm run check` runs, minus npm's start-up time). */
function check(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/check.ts', ...args], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run check', () => {
  it('passes our four packages and ends with a summary', () => {
    const out = execFileSync('npm', ['run', '--silent', 'check', '--', ...ZIP_TARGETS.map(goodZipPath)], { encoding: 'utf8' });
    expect(out).toContain('Summary: 4 packages checked, 4 passed, 0 failed');
    for (const standard of ['SCORM 1.2', 'SCORM 2004', 'xAPI (tincan.xml)', 'cmi5']) expect(out).toContain(`${standard} · `);
    expect(out.match(/✓ passed: no errors, no warnings/g)).toHaveLength(4);
  }, 30_000);

  it('fails (exit 1) on an embedded credential, saying where and why', () => {
    const zip = tempFile(
      'leaky.zip',
      brokenZip('scorm12', (files) => addText(files, 'config.txt', 'lrs_secret=Zm9vYmFyYmF6cXV4\n')),
    );
    const { status, out } = check(zip);
    expect(status).toBe(1);
    expect(out).toContain('error    config.txt:1  embedded credential');
    expect(out).toContain('✗ failed: 1 error, 1 warning'); // and config.txt is not in the manifest
  }, 30_000);

  it('fails on an invalid manifest with the schema validator’s line', () => {
    const zip = tempFile(
      'invalid.zip',
      brokenZip('scorm2004', (files) => replaceText(files, 'imsmanifest.xml', 'tracked="true"', 'tracked="sometimes"')),
    );
    const { status, out } = check(zip);
    expect(status).toBe(1);
    expect(out).toMatch(
      /error {4}imsmanifest\.xml:\d+ {2}element 'deliveryControls', attribute 'tracked': 'sometimes' is not a valid value/,
    );
  }, 30_000);

  it('explains a file that is not a zip and a path that does not exist, without a stack trace', () => {
    const text = tempFile('notes.zip', strToU8('This is not a package.\n'));
    const { status, out, err } = check(text, 'missing/package.zip');
    expect(status).toBe(1);
    expect(out).toContain('not a zip file: it is a text file');
    expect(out).toContain('missing/package.zip  no such file');
    expect(out).toContain('Summary: 2 packages checked, 0 passed, 2 failed');
    expect(err).not.toMatch(/\n\s+at /);
  }, 30_000);

  it('fails on warnings with --strict, and shows usage (exit 2) without a package', () => {
    const zip = tempFile(
      'extra.zip',
      brokenZip('scorm12', (files) => addText(files, 'notes.txt', 'draft')),
    );
    expect(check(zip).status).toBe(0);
    expect(check('--strict', zip).status).toBe(1);
    const usage = check();
    expect(usage.status).toBe(2);
    expect(usage.err).toContain('Usage: npm run check -- [--strict] [--max-unpacked=<MiB>] [--max-ratio=<N>] <package.zip>...');
  }, 30_000);
});
