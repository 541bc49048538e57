/**
 * What a course author reads when one mistake stops the build: the whole
 * message, for each mistake, on the fixture course (tests/fixtures/course), so
 * the expected lines and columns do not move when the shipped lesson changes.
 * Each edit is made on the file's text, as an author makes it in an editor.
 */
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, loadCourse } from '../../src/content/load-course.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/course/', import.meta.url));
const copies: string[] = [];
afterAll(() => Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of the fixture course with `search` replaced by `replacement` in `file` (which must contain it). */
async function withMistake(file: string, search: string, replacement: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'content-errors-'));
  copies.push(dir);
  await cp(FIXTURE, dir, { recursive: true });
  const text = await readFile(join(dir, file), 'utf8');
  if (!text.includes(search)) throw new Error(`${file} does not contain ${JSON.stringify(search)}`);
  await writeFile(
    join(dir, file),
    text.replace(search, () => replacement),
  );
  return dir;
}

/** The error message as the build prints it, with the copy's folder shown as "course". */
async function messageFor(dir: string): Promise<string> {
  try {
    await loadCourse(dir);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    return error.message.replaceAll(`${relative(process.cwd(), dir)}/`, 'course/');
  }
  throw new Error('expected the course to be refused');
}

const QUIZ = 'pages/quiz.yaml';

const mistakes: [name: string, file: string, search: string, replacement: string, message: string][] = [
  [
    'bad indentation: an option’s text one space left of its id',
    QUIZ,
    '          - id: b\n            text: Four',
    '          - id: b\n           text: Four',
    'course/pages/quiz.yaml, line 30, column 12: not valid YAML: this line does not line up with the lines above it: each field of a list item starts in the same column as the field after its "- ", and a new item starts with its own "- " (Sequence item without - indicator)',
  ],
  [
    'one tab character as indentation (one message, not a cascade)',
    QUIZ,
    '        stem: How many legs has a cat?',
    '\tstem: How many legs has a cat?',
    'course/pages/quiz.yaml, line 23, column 1: not valid YAML: a tab character indents this line; YAML indents with spaces only: replace the tab with spaces (Tabs are not allowed as indentation)',
  ],
  [
    '`correct` removed from question 3',
    QUIZ,
    '            review: intro\n        correct: a\n        explanation: An apple.',
    '            review: intro\n        explanation: An apple.',
    'course/pages/quiz.yaml, question 3 (q3), line 34, column 9: "correct" is missing; expected the id of the right option (one of: a, b)',
  ],
  [
    'HTML in an option',
    QUIZ,
    '            text: Stone',
    '            text: A <b>stone</b>',
    'course/pages/quiz.yaml, question 3 (q3), option 2 (b), text, line 42, column 21: expected plain text: the HTML tag <b> is not allowed (write the text without it)',
  ],
  [
    'a duplicate question id',
    QUIZ,
    '      - id: q3',
    '      - id: q2',
    'course/pages/quiz.yaml, question 3 (q2), id, line 34, column 13: duplicate id "q2" (question 2 has it too); expected each id once',
  ],
  [
    'a link to a source course.yaml does not list',
    'pages/intro.yaml',
    '(source:guide)',
    '(source:guid)',
    'course/pages/intro.yaml, block 1 (markdown), text, line 6, column 42: link to unknown source "guid"; expected one of: guide',
  ],
  [
    'a passing score out of range',
    'course.yaml',
    'passingScore: 0.5',
    'passingScore: 50',
    'course/course.yaml, settings.passingScore, line 13, column 17: expected a passing score from 0 to 1 (0.8 = 80 %)',
  ],
];

describe('one author mistake, one message naming the file, the question by number and id, the line and column', () => {
  it('the fixture course itself loads', async () => {
    await expect(loadCourse(FIXTURE)).resolves.toMatchObject({ id: 'fixture-course' });
  });

  it.each(mistakes)('%s', async (_name, file, search, replacement, message) => {
    const dir = await withMistake(file, search, replacement);

    expect(await messageFor(dir)).toBe(`The course content has 1 problem:\n  ${message}`);
  });
});
