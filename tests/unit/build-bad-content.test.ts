/**
 * A course author's mistakes stop `npm run build` with a message that names
 * the file, the place in it and what was expected — and nothing is written:
 * a previous build in the output folder stays exactly as it was.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenCourse, removeBrokenCourses, type CourseCopy } from './helpers/broken-course.js';

afterAll(removeBrokenCourses);

function build(courseDir: string) {
  const out = mkdtempSync(join(tmpdir(), 'build-out-'));
  // A package from an earlier, good build: it must survive a failed build untouched.
  writeFileSync(join(out, 'previous.zip'), 'earlier package');
  // The same Node with tsx loaded: what `npm run build` runs, without npx's start-up for each of the many cases.
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/build.ts', '--course', courseDir, '--out', out], {
    encoding: 'utf8',
  });
  return { status: run.status, stderr: run.stderr, out };
}

const QUIZ = 'pages/15-quiz.yaml';

const mistakes: [string, (c: CourseCopy) => Promise<void>, RegExp][] = [
  [
    'malformed YAML',
    (c) => c.replace(QUIZ, '    heading: Knowledge Check', '    heading: [Knowledge Check'),
    /15-quiz\.yaml: line \d+, column \d+: not valid YAML/,
  ],
  [
    'a missing required field',
    (c) => c.delete(QUIZ, ['blocks', 0, 'questions', 0, 'stem']),
    /15-quiz\.yaml: blocks\[0\]\.questions\[0\]\.stem: .*expected string/i,
  ],
  [
    'a duplicate id',
    (c) => c.set(QUIZ, ['blocks', 0, 'questions', 1, 'id'], 'q1'),
    /15-quiz\.yaml: blocks\[0\]\.questions\[1\]\.id: duplicate id "q1"/,
  ],
  [
    'a correct answer not among the options',
    (c) => c.set(QUIZ, ['blocks', 0, 'questions', 0, 'correct'], 'e'),
    /correct answer "e" is not among the options; expected one of: a, b, c, d/,
  ],
  [
    'a passing score out of range',
    (c) => c.set('course.yaml', ['settings', 'passingScore'], 80),
    /course\.yaml: settings\.passingScore: expected a passing score from 0 to 1/,
  ],
  [
    'HTML injected in text',
    (c) => c.set(QUIZ, ['blocks', 0, 'questions', 0, 'stem'], 'What is <script>alert(1)</script> root?'),
    /stem: expected plain text without HTML tags/,
  ],
  [
    'a javascript: link',
    (c) => c.replace('pages/01-root-user.yaml', '(source:root-user)', '(javascript:alert(1))'),
    /01-root-user\.yaml: blocks\[0\]\.text: link "javascript:alert\(1\)" is not allowed/,
  ],
  [
    'an id not valid for SCORM or an IRI',
    (c) => c.set(QUIZ, ['blocks', 0, 'id'], 'Quiz 5.6'),
    /15-quiz\.yaml: blocks\[0\]\.id: expected an id of lower-case letters/,
  ],
  [
    'an over-long text that would break a data-model limit',
    (c) => c.set(QUIZ, ['blocks', 0, 'questions', 0, 'stem'], 'x'.repeat(251)),
    /at most 250 characters \(SCORM 2004 interaction description limit/,
  ],
];

describe('npm run build refuses broken content and writes nothing', () => {
  it.each(mistakes)(
    '%s',
    async (_name, edit, message) => {
      const { status, stderr, out } = build(await brokenCourse(edit));
      expect(status).toBe(1);
      expect(stderr).toMatch(message);
      expect(stderr).toContain('Nothing was built; dist/ is unchanged.');
      expect(readdirSync(out)).toEqual(['previous.zip']);
      expect(readFileSync(join(out, 'previous.zip'), 'utf8')).toBe('earlier package');
    },
    30_000,
  );
});
