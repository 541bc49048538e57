/**
 * `npm run build` runs the package checker on every zip it writes: a package
 * that fails stops the build and leaves dist/ as it was; a good build ends
 * with the report table and writes dist/UPLOAD.md.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { styleHash } from '../../src/build/critical-style.js';
import { loadCourse } from '../../src/content/load-course.js';
import { questionSlots } from '../../src/tracking/scorm/interaction-slots.js';

const ROOT = process.cwd();
const BUILD = join(ROOT, 'scripts', 'build.ts');
const temporary: string[] = [];
afterAll(() => temporary.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temporary.push(dir);
  return dir;
}

function build(...args: string[]) {
  const run = spawnSync(process.execPath, ['--import', 'tsx', BUILD, ...args], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

/** A copy of course/ with one edit to course.yaml, for `--course`. */
function courseCopy(edit: (courseYaml: string) => string): string {
  const dir = join(tempDir('check-build-'), 'course');
  cpSync(join(ROOT, 'course'), dir, { recursive: true });
  writeFileSync(join(dir, 'course.yaml'), edit(readFileSync(join(dir, 'course.yaml'), 'utf8')));
  return dir;
}

describe('the build runs the package checker', () => {
  it('fails on a package with an embedded credential and leaves dist/ unchanged', () => {
    const course = courseCopy((yaml) => {
      const doc = parseDocument(yaml);
      doc.set('description', `${String(doc.get('description'))} Test key: AKIAZ7X3Q2W9E8R5T1Y4.`);
      return doc.toString();
    });
    const dist = tempDir('check-build-dist-');
    const previous = join(dist, 'iam-access-patterns-5-6-scorm12.zip');
    writeFileSync(previous, 'the package from the last good build');

    const { status, out, err } = build('scorm12', '--course', course, '--out', dist);

    expect(status).toBe(1);
    // Nothing was written, so nothing gets a ✓ but the content check that did pass.
    expect(out.split('\n').filter((line) => line.startsWith('✓'))).toEqual([expect.stringMatching(/^✓ course\/ is valid/)]);
    // The description is in the page's header and in the lesson's data block, both in index.html.
    expect(err).toMatch(/error {4}index\.html:\d+ {2}embedded AWS access key id \(AKIA… 20 characters\)/);
    expect(err).toContain('A package failed its check (see above): nothing was written, dist/ is unchanged.');
    expect(readFileSync(previous, 'utf8')).toBe('the package from the last good build');
    expect(existsSync(join(dist, 'UPLOAD.md'))).toBe(false);
  }, 60_000);

  it('checks every zip, prints the build report table and writes UPLOAD.md', async () => {
    const lesson = await loadCourse(join(ROOT, 'course'));
    const out = tempDir('check-build-out-');
    const run = build('scorm12', 'scorm2004', 'xapi', 'cmi5', '--out', out);

    expect(run.status, run.err).toBe(0);
    for (const target of ['scorm12', 'scorm2004', 'xapi', 'cmi5'])
      expect(run.out).toMatch(new RegExp(`✓ ${target}: .*iam-access-patterns-5-6-${target}\\.zip \\(.*\\), checked: .*, no problems`));
    // Each ✓ is printed once the zip is in place: the file is there when the line says so.
    for (const line of run.out.split('\n').filter((l) => /^✓ \w+: .*\.zip/.test(l)))
      expect(existsSync(join(out, /iam-access-patterns-5-6-\w+\.zip/.exec(line)?.[0] ?? '-'))).toBe(true);
    expect(run.out).toMatch(/package +standard +zip +code \+ lesson \(gzip\) +files +identifier +version/);
    expect(run.out).toMatch(
      /iam-access-patterns-5-6-scorm12\.zip +SCORM 1\.2 +[\d.]+ KiB +[\d.]+ KiB \+ [\d.]+ KiB +5 +iam-access-patterns-5-6-manifest +1\.0\.0/,
    );
    expect(run.out).toMatch(
      /iam-access-patterns-5-6-cmi5\.zip +cmi5 .* https:\/\/courses\.example\.com\/xapi\/iam-access-patterns-5-6 +1\.0\.0/,
    );

    const guide = readFileSync(join(out, 'UPLOAD.md'), 'utf8');
    for (const text of [
      '## Moodle',
      'SCORM package',
      'Require status',
      'Highest attempt',
      'New window',
      '## Canvas',
      '## Which package for which LMS',
    ]) {
      expect(guide).toContain(text);
    }
    expect(guide).toContain('`iam-access-patterns-5-6-cmi5.zip` | cmi5 | `https://courses.example.com/xapi/iam-access-patterns-5-6` |');
    // Generated tables: every question with the interaction id an admin sees, every option id with its text.
    for (const [n, slot] of questionSlots(lesson).entries()) {
      expect(guide).toContain(`| ${n} | \`${slot.lmsId}\` |`);
      expect(slot.lmsId).toMatch(/^[\w.]{1,250}$/);
      for (const choice of slot.choices) expect(guide).toContain(`| \`${choice.id.replace(/[^\w.]/g, '_')}\` |`);
    }
    expect(guide).toContain(`\`adlcp:masteryscore\` ${Math.round(lesson.settings.passingScore * 100)}`);
    // The CSP an admin can serve the course with allows the packages' one inline style: a copy of their stylesheet.
    const files = unzipSync(readFileSync(join(out, 'iam-access-patterns-5-6-scorm12.zip')));
    const sheet = files['assets/style.css'];
    if (!sheet) throw new Error('the SCORM 1.2 package has no assets/style.css');
    expect(strFromU8(files['index.html'] ?? new Uint8Array())).toContain(`<style>${strFromU8(sheet)}</style>`);
    expect(guide).toContain(`script-src 'self'; style-src 'self' ${styleHash(sheet)};`);
  }, 60_000);
});
