/**
 * Author mistakes that used to build without a word: a page file left out of
 * course.yaml, a page listed twice, two pages with one number, and the
 * placeholder baseIri. Each is now an error (the build stops) or a warning
 * (the build prints it), naming course.yaml's line, on the fixture course
 * (tests/fixtures/course) so lines do not move when the lesson changes.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, formatProblem, loadCourseWithWarnings } from '../../src/content/load-course.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/course/', import.meta.url));
const copies: string[] = [];
afterAll(() => Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true }))));

async function fixtureCopy(edit: (dir: string) => Promise<void>): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'content-traps-'));
  copies.push(dir);
  await cp(FIXTURE, dir, { recursive: true });
  await edit(dir);
  return dir;
}

async function replaceIn(dir: string, file: string, search: string, replacement: string): Promise<void> {
  const text = await readFile(join(dir, file), 'utf8');
  if (!text.includes(search)) throw new Error(`${file} does not contain ${JSON.stringify(search)}`);
  await writeFile(join(dir, file), text.replace(search, replacement));
}

const shown = (dir: string, text: string) => text.replaceAll(`${relative(process.cwd(), dir)}/`, 'course/');

async function warningsFor(dir: string): Promise<string[]> {
  const { warnings } = await loadCourseWithWarnings(dir);
  return warnings.map((w) => shown(dir, formatProblem(w)));
}

async function errorFor(dir: string): Promise<string> {
  try {
    await loadCourseWithWarnings(dir);
  } catch (error) {
    if (error instanceof ContentError) return shown(dir, error.message);
    throw error;
  }
  throw new Error('expected the course to be refused');
}

const PLACEHOLDER =
  'course/course.yaml, baseIri, line 10, column 10: baseIri "https://courses.example.com/xapi/fixture-course" is still the placeholder (courses.example.com is reserved for examples): every xAPI and cmi5 activity id, the SCORM 2004 metadata and UPLOAD.md carry it, and LRSs keep learners\' records under it. Set it to an https:// address your organisation controls before you upload, and then never change it';

describe('author traps in course.yaml', () => {
  it('warns while baseIri is the placeholder, at its line, and not once it is a real address', async () => {
    expect(await warningsFor(await fixtureCopy(async () => {}))).toEqual([PLACEHOLDER]);
    const real = await fixtureCopy((dir) =>
      replaceIn(dir, 'course.yaml', 'https://courses.example.com/', 'https://learning.acme-training.org/'),
    );
    expect(await warningsFor(real)).toEqual([]);
  });

  it('warns about a page file that course.yaml does not list, at the pages line', async () => {
    const dir = await fixtureCopy((d) => writeFile(join(d, 'pages', 'draft.yaml'), 'id: draft\ntitle: Draft\nblocks: []\n'));
    expect(await warningsFor(dir)).toEqual([
      'course/course.yaml, pages, line 27, column 3: pages/draft.yaml is in the course folder but not listed in pages, so it is not built; add it to pages where it belongs in the reading order, or delete it',
      PLACEHOLDER,
    ]);
  });

  it('refuses a page listed twice, at course.yaml’s line, not at the page file', async () => {
    const dir = await fixtureCopy((d) => replaceIn(d, 'course.yaml', '  - pages/quiz.yaml', '  - pages/quiz.yaml\n  - pages/intro.yaml'));
    expect(await errorFor(dir)).toBe(
      'The course content has 1 problem:\n  course/course.yaml, page 3, line 29, column 5: pages/intro.yaml is listed twice (also as page 1, line 27); expected each page file once: remove one',
    );
  });

  it('refuses two pages with the same number, naming both and their course.yaml lines', async () => {
    const dir = await fixtureCopy(async (d) => {
      await replaceIn(d, 'pages/intro.yaml', 'title:', 'number: 1\ntitle:');
      await replaceIn(d, 'pages/quiz.yaml', 'title:', 'number: 1\ntitle:');
    });
    expect(await errorFor(dir)).toBe(
      'The course content has 1 problem:\n  course/pages/quiz.yaml, number, line 2, column 9: page number 1 is also the number of course/pages/intro.yaml; expected each number once (course.yaml lists this page at line 28, the other at line 27): renumber one of them',
    );
  });

  it('the build prints the warnings and still builds', () => {
    const out = mkdtempSyncDir();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', 'web', '--course', FIXTURE, '--out', out], {
      encoding: 'utf8',
    });
    expect(run.status, run.stderr).toBe(0);
    expect(shown(FIXTURE.replace(/\/$/, ''), run.stderr)).toContain(`! warning: ${PLACEHOLDER}`);
  }, 60_000);
});

function mkdtempSyncDir(): string {
  const dir = join(tmpdir(), `content-traps-out-${process.pid}`);
  copies.push(dir);
  return dir;
}
