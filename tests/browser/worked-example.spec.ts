/**
 * README's worked example for course authors, done literally on a copy of
 * course/: change question 2's stem and one option's text, lower the passing
 * score to 60 %, build — then the smoke journey of the browser suite runs on
 * what was built, as the standalone lesson and inside the strict SCORM 1.2 LMS,
 * and passes or fails the quiz at the new pass mark.
 */
import { execFileSync } from 'node:child_process';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { CoursePage } from '../../hosts/learner/course-page.js';
import { COURSE_DIR, loadLessonFacts, type LessonFacts } from '../../hosts/learner/lesson-facts.js';
import { HARNESS_DIST } from '../../hosts/scorm/harness-paths.js';
import { expect, test } from './playwright-fixtures.js';
import { smokeJourney } from './smoke-journey.js';
import { applyWorkedExample, NEW_OPTION, NEW_STEM } from '../fixtures/author-edits.js';

const WORK = join(process.cwd(), 'tests', '.worked-example');
const COURSE = join(WORK, 'course');
const DIST = join(WORK, 'dist');
const SCORM12 = join(WORK, 'scorm12');

test.use({ staticMounts: { '/web': join(DIST, 'web'), '/scorm12': SCORM12, '/harness': HARNESS_DIST } });
test.describe.configure({ mode: 'serial' });

let facts: LessonFacts;

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await rm(WORK, { recursive: true, force: true });
  await cp(COURSE_DIR, COURSE, { recursive: true });
  await applyWorkedExample(COURSE);
  // Step 3: the build, from the edited copy into its own folder (dist/ is left alone).
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', 'web', 'scorm12', '--course', COURSE, '--out', DIST], {
    stdio: 'pipe',
  });
  const files = unzipSync(await readFile(join(DIST, 'iam-access-patterns-5-6-scorm12.zip')));
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    await mkdir(dirname(join(SCORM12, name)), { recursive: true });
    await writeFile(join(SCORM12, name), bytes);
  }
  facts = await loadLessonFacts(COURSE);
});

test.afterAll(async () => {
  await rm(WORK, { recursive: true, force: true });
});

test('the edit is what the learner gets: new question 2, a 60 % pass mark (3 of 5)', () => {
  const q2 = facts.quiz.questions.find((q) => q.id === 'q2');
  expect(q2?.stem).toBe(NEW_STEM);
  expect(q2?.options.find((o) => o.id === q2.correct)?.text).toBe(NEW_OPTION);
  expect(facts.passPercent).toBe(60);
  expect(facts.fewestToPass).toBe(Math.ceil(0.6 * facts.quiz.questions.length));
});

test('the standalone lesson: the smoke journey fails one answer short of 60 % and passes at 60 %', async ({ page, server }) => {
  const course = new CoursePage(page, facts);
  await course.open(`${server.url}/web/`);
  await smokeJourney(course);
});

test('inside the strict SCORM 1.2 LMS: failed one answer short of 60 %, then passed at 60 %', async ({ lms }) => {
  const frame = await lms.launch({ version: '1.2', coursePath: '/scorm12/index.html' });
  const course = new CoursePage(frame, facts);
  await expect(course.pageHeading()).toBeVisible();
  await smokeJourney(course);
  const { data, violations } = await lms.snapshot();
  expect(violations).toEqual([]);
  expect([data['cmi.core.lesson_status'], data['cmi.core.score.raw']]).toEqual(['passed', String(facts.passPercent)]);
});
