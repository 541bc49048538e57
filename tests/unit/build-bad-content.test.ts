/**
 * A course author's mistakes stop `npm run build` with a message that names
 * the file, the question by number and id, the line and column, and what was expected — and nothing is written:
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
    async (c) => {
      const heading = String(await c.get(QUIZ, ['blocks', 0, 'heading']));
      await c.replace(QUIZ, `    heading: ${heading}`, `    heading: [${heading}`);
    },
    /15-quiz\.yaml, line \d+, column \d+: not valid YAML: a "\[" or "\{" opened here is not closed/,
  ],
  [
    'a missing required field',
    (c) => c.delete(QUIZ, ['blocks', 0, 'questions', 0, 'stem']),
    /15-quiz\.yaml, question 1 \(q1\), line \d+, column \d+: "stem" is missing; expected text/,
  ],
  [
    'a duplicate id',
    (c) => c.set(QUIZ, ['blocks', 0, 'questions', 1, 'id'], 'q1'),
    /15-quiz\.yaml, question 2 \(q1\), id, line \d+, column \d+: duplicate id "q1" \(question 1 has it too\)/,
  ],
  [
    'a correct answer not among the options',
    (c) => c.set(QUIZ, ['blocks', 0, 'questions', 0, 'correct'], 'e'),
    /15-quiz\.yaml, question 1 \(q1\), correct, line \d+, column \d+: correct answer "e" is not among the options; expected one of: /,
  ],
  [
    'a passing score out of range',
    (c) => c.set('course.yaml', ['settings', 'passingScore'], 80),
    /course\.yaml, settings\.passingScore, line \d+, column \d+: expected a passing score from 0 to 1/,
  ],
  [
    'HTML injected in text',
    (c) => c.set(QUIZ, ['blocks', 0, 'questions', 0, 'stem'], 'What is <script>alert(1)</script> root?'),
    /question 1 \(q1\), stem, line \d+, column \d+: expected plain text: the HTML tag <script> is not allowed/,
  ],
  [
    'a javascript: link',
    (c) => c.set('pages/01-root-user.yaml', ['blocks', 0, 'text'], 'A [link](javascript:alert(1)).'),
    /01-root-user\.yaml, block 1 \(markdown\), text, line \d+, column \d+: link "javascript:alert\(1\)" is not allowed/,
  ],
  [
    'an id not valid for SCORM or an IRI',
    (c) => c.set(QUIZ, ['blocks', 0, 'id'], 'Quiz 5.6'),
    /15-quiz\.yaml, block 1 \(quiz Quiz 5\.6\), id, line \d+, column \d+: "Quiz 5\.6" is not a valid id: the character "Q" is not allowed/,
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
