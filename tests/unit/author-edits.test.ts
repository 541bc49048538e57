/**
 * Author edits keep `npm test` green. On a copy of course/ (in a project-like
 * folder: course/ beside dist/), README's worked example and an added quiz
 * question are applied; then the one test that pins the shipped lesson still
 * passes on that copy, and the build keeps the top-level imsmanifest.xml in
 * step with the SCORM 1.2 package it wrote. When a pinned fact does change,
 * the failure says it is the pinned test and what to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/load-course.js';
import { addQuizQuestion, applyWorkedExample, NEW_STEM } from '../fixtures/author-edits.js';
import { COURSE_DIR } from './helpers/real-course.js';
import { CourseCopy } from './helpers/broken-course.js';

let project: string;
let course: string;
let added: { id: string; answerKey: string };

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), 'author-edits-'));
  course = join(project, 'course');
  await cp(COURSE_DIR, course, { recursive: true });
  await applyWorkedExample(course);
  added = await addQuizQuestion(course);
});
afterAll(() => rm(project, { recursive: true, force: true }));

/** The pinned-lesson test file, run by vitest on the course folder `dir`. */
function runPinnedTest(dir: string) {
  const run = spawnSync('npx', ['vitest', 'run', 'tests/unit/shipped-lesson.test.ts'], {
    encoding: 'utf8',
    env: { ...process.env, LESSON_COURSE_DIR: dir },
  });
  return { status: run.status, out: `${run.stdout}\n${run.stderr}` };
}

describe('after README’s worked example and an added quiz question', () => {
  it('the edited copy is what the author meant: q2 reworded, 60 %, one more question', async () => {
    const lesson = await loadCourse(course);
    const quiz = lesson.pages.flatMap((p) => p.blocks).find((b) => b.kind === 'quiz');
    expect(lesson.settings.passingScore).toBe(0.6);
    expect(quiz?.kind === 'quiz' && quiz.questions.find((q) => q.id === 'q2')?.stem).toBe(NEW_STEM);
    expect(quiz?.kind === 'quiz' && quiz.questions.at(-1)).toMatchObject(added);
  });

  it('the test that pins the shipped lesson still passes', () => {
    const { status, out } = runPinnedTest(course);
    expect(status, out).toBe(0);
  }, 60_000);

  it('the build keeps the top-level imsmanifest.xml in step with the SCORM 1.2 package (pass mark 60)', () => {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/build.ts', 'scorm12', '--course', course, '--out', join(project, 'dist')],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    const top = readFileSync(join(project, 'imsmanifest.xml'), 'utf8');
    const zip = unzipSync(readFileSync(join(project, 'dist', 'iam-access-patterns-5-6-scorm12.zip')));
    expect(top).toBe(strFromU8(zip['imsmanifest.xml'] ?? new Uint8Array()));
    expect(top).toContain('<adlcp:masteryscore>60</adlcp:masteryscore>');
    expect(run.stdout).toContain('imsmanifest.xml updated from the SCORM 1.2 package: commit it with your course/ changes');
  }, 120_000);

  it('a build into another folder leaves the top-level imsmanifest.xml alone', () => {
    const elsewhere = join(project, 'elsewhere');
    const before = readFileSync(join(project, 'imsmanifest.xml'), 'utf8');
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'scripts/build.ts', 'scorm12', '--course', COURSE_DIR, '--out', elsewhere],
      {
        encoding: 'utf8',
      },
    );
    expect(run.status, run.stderr).toBe(0);
    expect(existsSync(join(elsewhere, 'iam-access-patterns-5-6-scorm12.zip'))).toBe(true);
    expect(readFileSync(join(project, 'imsmanifest.xml'), 'utf8')).toBe(before);
  }, 120_000);
});

describe('when a pinned fact of the shipped lesson changes', () => {
  it('the failure names the pinned test and the command to run', async () => {
    const copy = join(project, 'reordered');
    await cp(COURSE_DIR, copy, { recursive: true });
    const pages = (await new CourseCopy(copy).get('course.yaml', ['pages'])) as string[];
    await new CourseCopy(copy).set('course.yaml', ['pages'], [pages[1], pages[0], ...pages.slice(2)]);
    const { status, out } = runPinnedTest(copy);
    expect(status).toBe(1);
    expect(out).toContain('tests/unit/shipped-lesson.test.ts pins lesson 5.6 as shipped.');
    expect(out).toContain('then run: npx vitest run tests/unit/shipped-lesson.test.ts');
  }, 60_000);
});
