import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ContentError, formatProblem, loadCourse } from '../../src/content/load-course.js';
import type { Block, Lesson } from '../../src/content/lesson.js';
import { quizOf } from '../../src/domain/lesson-queries.js';
import { parse } from 'yaml';
import { brokenCourse, removeBrokenCourses } from './helpers/broken-course.js';
import { COURSE_DIR, loadRealCourse } from './helpers/real-course.js';

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;

function blocksOf<K extends Block['kind']>(lesson: Lesson, kind: K): BlockOf<K>[] {
  return lesson.pages.flatMap((p) => p.blocks.filter((b): b is BlockOf<K> => b.kind === kind));
}

/** Loads a course that must fail, and returns the error an author would read. */
async function loadError(dir: string): Promise<ContentError> {
  try {
    await loadCourse(dir);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error(`expected the course in ${dir} to be refused`);
}

/**
 * What the error says about one place (a file and the zod path in it): the text
 * the author reads after "file, question 2 (q2), line 9, column 5: ".
 */
function reported(error: ContentError, file: string, path: string): string[] {
  const messages = error.problems.filter((p) => p.file.endsWith(`/${file}`) && p.path === path).map((p) => p.message);
  // Each one is printed whole, with its line and column, on one line of the build output.
  for (const p of error.problems) expect(error.message).toContain(`${formatProblem(p)}`);
  return messages;
}

interface PageFile {
  readonly id: string;
  readonly number?: number;
  readonly blocks?: readonly { readonly kind?: string }[];
}

/**
 * Where the mistakes below are made: the first page file of course/ holding a block of this kind
 * (and passing `also`), with the block's index there, so the tests follow an author's reordering.
 */
async function locate(kind: Block['kind'], also: (page: PageFile) => boolean = () => true) {
  const course = parse(await readFile(join(COURSE_DIR, 'course.yaml'), 'utf8')) as { pages: string[] };
  for (const file of course.pages) {
    const page = parse(await readFile(join(COURSE_DIR, file), 'utf8')) as PageFile;
    const block = (page.blocks ?? []).findIndex((b) => b.kind === kind);
    if (block >= 0 && also(page)) return { file, block, page, pages: course.pages };
  }
  throw new Error(`course/ has no page with a ${kind} block`);
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const QUIZ_AT = await locate('quiz');
const ACTIVITY_AT = await locate('choice-activity');
const REFLECTION_AT = await locate('reflection');
const TEXT_AT = await locate('markdown', (page) => page.number !== undefined);
const TABLE_AT = await locate('table');
const QUIZ = QUIZ_AT.file;
const ACTIVITY = ACTIVITY_AT.file;
const REFLECTION = REFLECTION_AT.file;
const ROOT_USER = TEXT_AT.file;
const TABLE = TABLE_AT.file;
const REAL = await loadRealCourse();
const QUIZ_BLOCK = quizOf(REAL);
const QUESTIONS = QUIZ_BLOCK.questions;
const [TABLE_BLOCK] = blocksOf(REAL, 'table');
/** A file name as an error message's pattern ("15-quiz\\.yaml"). */
const named = (file: string) => escape(file.split('/').pop() ?? file);

describe('loadCourse refuses an author mistake, naming the file, the path in it and what was expected', () => {
  afterAll(removeBrokenCourses);

  it('a missing required field', async () => {
    const dir = await brokenCourse((c) => c.delete(QUIZ, ['blocks', QUIZ_AT.block, 'questions', 1, 'stem']));

    const error = await loadError(dir);

    expect(reported(error, QUIZ, `blocks[${QUIZ_AT.block}].questions[1].stem`)).toEqual(['"stem" is missing; expected text']);
    expect(error.message).toMatch(
      new RegExp(`${named(QUIZ)}, question 2 \\(${QUESTIONS[1]?.id}\\), line \\d+, column \\d+: "stem" is missing`),
    );
  });

  it('a number where text is expected', async () => {
    const dir = await brokenCourse((c) => c.set(QUIZ, ['title'], 42));

    const error = await loadError(dir);

    expect(reported(error, QUIZ, 'title')).toEqual(['expected text, found the number 42']);
  });

  it('a quiz answer that is not one of the question’s options', async () => {
    const dir = await brokenCourse((c) => c.set(QUIZ, ['blocks', QUIZ_AT.block, 'questions', 1, 'correct'], 'e'));

    const error = await loadError(dir);

    const options = quizOf(await loadRealCourse()).questions[1]?.options.map((o) => o.id);
    expect(reported(error, QUIZ, `blocks[${QUIZ_AT.block}].questions[1].correct`)).toEqual([
      `correct answer "e" is not among the options; expected one of: ${options?.join(', ')}`,
    ]);
  });

  it('a choice-activity answer that is not one of the activity’s options', async () => {
    const dir = await brokenCourse((c) => c.set(ACTIVITY, ['blocks', ACTIVITY_AT.block, 'cases', 2, 'correct'], 'lambda-role'));

    const error = await loadError(dir);

    const options = blocksOf(await loadRealCourse(), 'choice-activity')[0]?.options.map((o) => o.id);
    expect(reported(error, ACTIVITY, `blocks[${ACTIVITY_AT.block}].cases[2].correct`)).toEqual([
      `correct answer "lambda-role" is not among the options; expected one of: ${options?.join(', ')}`,
    ]);
  });

  it('two options of one question with the same id', async () => {
    const dir = await brokenCourse(async (c) => {
      const firstId = await c.get(QUIZ, ['blocks', QUIZ_AT.block, 'questions', 0, 'options', 0, 'id']);
      await c.set(QUIZ, ['blocks', QUIZ_AT.block, 'questions', 0, 'options', 1, 'id'], firstId);
    });

    const error = await loadError(dir);

    const firstId = quizOf(await loadRealCourse()).questions[0]?.options[0]?.id;
    expect(reported(error, QUIZ, `blocks[${QUIZ_AT.block}].questions[0].options[1].id`)).toEqual([
      `duplicate id "${firstId}" (option 1 has it too); expected each id once`,
    ]);
  });

  it('two quiz questions with the same id', async () => {
    const dir = await brokenCourse((c) => c.set(QUIZ, ['blocks', QUIZ_AT.block, 'questions', 1, 'id'], QUESTIONS[0]?.id));

    const error = await loadError(dir);

    expect(reported(error, QUIZ, `blocks[${QUIZ_AT.block}].questions[1].id`)).toEqual([
      `duplicate id "${QUESTIONS[0]?.id}" (question 1 has it too); expected each id once`,
    ]);
  });

  it('two pages in different files with the same id', async () => {
    const dir = await brokenCourse((c) => c.set(REFLECTION, ['id'], QUIZ_AT.page.id));

    const error = await loadError(dir);

    expect(reported(error, REFLECTION, 'id')).toEqual([
      expect.stringMatching(
        new RegExp(`^duplicate page id "${escape(QUIZ_AT.page.id)}" \\(also in .*${escape(QUIZ)}\\); expected each page id once$`),
      ),
    ]);
  });

  it('two activities in different files with the same id', async () => {
    const dir = await brokenCourse((c) => c.set(REFLECTION, ['blocks', REFLECTION_AT.block, 'id'], QUIZ_BLOCK.id));

    const error = await loadError(dir);

    expect(reported(error, REFLECTION, `blocks[${REFLECTION_AT.block}].id`)).toEqual([
      expect.stringMatching(new RegExp(`^duplicate id "${escape(QUIZ_BLOCK.id)}" \\(also in .*${named(QUIZ)}\\)`)),
    ]);
  });

  it('an answer-key label used twice', async () => {
    const dir = await brokenCourse((c) =>
      c.set(REFLECTION, ['blocks', REFLECTION_AT.block, 'questions', 0, 'answerKey'], QUESTIONS[0]?.answerKey),
    );

    const error = await loadError(dir);

    expect(reported(error, REFLECTION, `blocks[${REFLECTION_AT.block}].questions[0].answerKey`)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^answer-key label "${escape(QUESTIONS[0]?.answerKey ?? '')}" is used twice \\(also in .*${named(QUIZ)}\\); expected each once$`,
        ),
      ),
    ]);
  });

  it('an id that is not lower-case kebab case', async () => {
    const dir = await brokenCourse((c) => c.set(ROOT_USER, ['id'], 'Root_User'));

    const error = await loadError(dir);

    expect(reported(error, ROOT_USER, 'id')).toEqual([
      '"Root_User" is not a valid id: the character "R" is not allowed; expected lower-case letters, digits and single hyphens (e.g. "root-user")',
    ]);
  });

  it.each([1.5, -0.1])('a passing score of %s, outside 0..1', async (score) => {
    const dir = await brokenCourse((c) => c.set('course.yaml', ['settings', 'passingScore'], score));

    const error = await loadError(dir);

    expect(reported(error, 'course.yaml', 'settings.passingScore')).toEqual([
      expect.stringMatching(/expected a passing score from 0 to 1/),
    ]);
  });

  it('malformed YAML, with the line and column of the mistake', async () => {
    const stem = quizOf(await loadRealCourse()).questions[0]?.stem ?? '';
    const original = `stem: ${stem}`;
    const lines = (await readFile(join(COURSE_DIR, QUIZ), 'utf8')).split('\n');
    const line = lines.findIndex((l) => l.includes(original)) + 1;
    // A plain scalar with ": " inside: the most common YAML slip in a question text.
    const dir = await brokenCourse((c) => c.replace(QUIZ, original, `stem: Read this: ${stem}`));

    const error = await loadError(dir);

    expect(line).toBeGreaterThan(0);
    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(new RegExp(`${named(QUIZ)}, line ${line}, column \\d+: not valid YAML: `));
  });

  it('an HTML tag in plain text', async () => {
    const dir = await brokenCourse((c) =>
      c.set(QUIZ, ['blocks', QUIZ_AT.block, 'questions', 0, 'stem'], '<script>alert(1)</script> What is it?'),
    );

    const error = await loadError(dir);

    expect(reported(error, QUIZ, `blocks[${QUIZ_AT.block}].questions[0].stem`)).toEqual([
      'expected plain text: the HTML tag <script> is not allowed (write the text without it)',
    ]);
  });

  it('raw HTML inside Markdown', async () => {
    const dir = await brokenCourse((c) => c.set(ROOT_USER, ['blocks', TEXT_AT.block, 'text'], 'Some <b>bold</b> text.'));

    const error = await loadError(dir);

    expect(reported(error, ROOT_USER, `blocks[${TEXT_AT.block}].text`)).toEqual([
      'HTML is not allowed in lesson text (found "<b>"); write plain Markdown',
    ]);
  });

  it('a javascript: link', async () => {
    const dir = await brokenCourse((c) => c.set(ROOT_USER, ['blocks', TEXT_AT.block, 'text'], 'A [link](javascript:alert(1)).'));

    const error = await loadError(dir);

    expect(reported(error, ROOT_USER, `blocks[${TEXT_AT.block}].text`)).toEqual([
      'link "javascript:alert(1)" is not allowed; expected an https:// URL or source:<id>',
    ]);
  });

  it('a link to a source that course.yaml does not list', async () => {
    const dir = await brokenCourse((c) => c.set(ROOT_USER, ['blocks', TEXT_AT.block, 'text'], 'See [the guide](source:root-usr).'));

    const error = await loadError(dir);

    const course: unknown = parse(await readFile(join(COURSE_DIR, 'course.yaml'), 'utf8'));
    const known = isRecord(course) && isRecord(course.sources) ? Object.keys(course.sources) : [];
    expect(known.length).toBeGreaterThan(0);
    expect(reported(error, ROOT_USER, `blocks[${TEXT_AT.block}].text`)).toEqual([
      `link to unknown source "root-usr"; expected one of: ${known.join(', ')}`,
    ]);
  });

  it('an unknown kind of block', async () => {
    const dir = await brokenCourse((c) => c.set(TABLE, ['blocks', TABLE_AT.block, 'kind'], 'video'));

    const error = await loadError(dir);

    expect(reported(error, TABLE, `blocks[${TABLE_AT.block}].kind`)).toEqual([
      expect.stringMatching(/Expected .*'markdown'.*'quiz'.*'next-lesson'/),
    ]);
  });

  it('a misspelt required field: the stray key is named where it is, and the real one reported missing', async () => {
    const dir = await brokenCourse((c) => c.replace(TABLE, 'caption:', 'captoin:'));

    const error = await loadError(dir);

    expect(reported(error, TABLE, `blocks[${TABLE_AT.block}]`)).toEqual([expect.stringContaining('"captoin"')]);
    expect(reported(error, TABLE, `blocks[${TABLE_AT.block}].caption`)).toEqual(['"caption" is missing; expected text']);
  });

  it('a misspelt optional field: the stray key is named with what was expected', async () => {
    const dir = await brokenCourse((c) => c.replace(ROOT_USER, `number: ${TEXT_AT.page.number}`, `numbr: ${TEXT_AT.page.number}`));

    const error = await loadError(dir);

    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(new RegExp(`${named(ROOT_USER)}, line \\d+, column 1: unknown field "numbr"`));
    expect(error.message).toMatch(/expected/i);
  });

  it('a question text over 250 characters (the SCORM 2004 interaction description limit)', async () => {
    const dir = await brokenCourse((c) => c.set(QUIZ, ['blocks', QUIZ_AT.block, 'questions', 2, 'stem'], `${'x'.repeat(250)}?`));

    const error = await loadError(dir);

    expect(reported(error, QUIZ, `blocks[${QUIZ_AT.block}].questions[2].stem`)).toEqual([
      expect.stringMatching(/expected at most 250 characters/),
    ]);
  });

  it('accepts a question text of exactly 250 characters', async () => {
    const dir = await brokenCourse((c) => c.set(QUIZ, ['blocks', QUIZ_AT.block, 'questions', 2, 'stem'], `${'x'.repeat(249)}?`));

    const lesson = await loadCourse(dir);

    expect(blocksOf(lesson, 'quiz')[0]?.questions[2]?.stem).toHaveLength(250);
  });

  it('a page file that course.yaml lists but that does not exist', async () => {
    const missing = QUIZ_AT.pages.find((file) => file !== QUIZ) ?? '';
    const dir = await brokenCourse((c) => c.remove(missing));

    const error = await loadError(dir);

    expect(reported(error, missing, '')).toEqual(['file not found; expected it because course.yaml lists it']);
  });

  it('a table row with fewer cells than columns', async () => {
    const dir = await brokenCourse((c) => c.set(TABLE, ['blocks', TABLE_AT.block, 'rows', 1], [TABLE_BLOCK?.rows[1]?.[0] ?? 'x']));

    const error = await loadError(dir);

    expect(reported(error, TABLE, `blocks[${TABLE_AT.block}].rows[1]`)).toEqual([
      `expected ${TABLE_BLOCK?.columns.length} cells (one per column), found 1`,
    ]);
  });

  it('a lesson without a quiz, reported against course.yaml (the list of pages)', async () => {
    const dir = await brokenCourse((c) => c.replace('course.yaml', `  - ${QUIZ}\n`, ''));

    const error = await loadError(dir);

    expect(error.message).toMatch(/expected exactly one quiz block in the lesson, found 0/);
    expect(error.message).toMatch(/\/course\.yaml, pages, line \d+, column \d+: expected exactly one quiz block in the lesson, found 0/);
  });

  it('a lesson with two quizzes, reported against the file holding the second', async () => {
    const dir = await brokenCourse(async (c) => {
      const quiz = await c.get(QUIZ, ['blocks', QUIZ_AT.block]);
      if (!isRecord(quiz) || !Array.isArray(quiz.questions)) throw new Error('no quiz to copy');
      // A distinct copy (own ids and answer-key labels), so the only mistake is the count.
      const questions = quiz.questions.map((q: unknown, i: number) => (isRecord(q) ? { ...q, answerKey: `A${20 + i}` } : q));
      await c.append(QUIZ, ['blocks'], { ...quiz, id: 'quiz-again', questions });
    });

    const error = await loadError(dir);

    expect(error.problems).toHaveLength(1);
    expect(error.message).toMatch(
      new RegExp(`/${escape(QUIZ)}, blocks, line \\d+, column \\d+: expected exactly one quiz block in the lesson, found 2`),
    );
  });

  it('a quiz option without feedback', async () => {
    const dir = await brokenCourse((c) => c.delete(QUIZ, ['blocks', QUIZ_AT.block, 'questions', 0, 'options', 0, 'feedback']));

    const error = await loadError(dir);

    expect(reported(error, QUIZ, `blocks[${QUIZ_AT.block}].questions[0].options[0].feedback`)).toEqual([
      '"feedback" is missing; expected text',
    ]);
  });

  it('a wrong quiz option without the page that settles it ("review")', async () => {
    const question = QUESTIONS[0];
    const wrong = question?.options.findIndex((o) => o.id !== question.correct) ?? -1;
    const dir = await brokenCourse((c) => c.delete(QUIZ, ['blocks', QUIZ_AT.block, 'questions', 0, 'options', wrong, 'review']));

    const error = await loadError(dir);

    expect(reported(error, QUIZ, `blocks[${QUIZ_AT.block}].questions[0].options[${wrong}]`)).toEqual([
      'a wrong option needs "review": the id of the page that settles the belief it shows',
    ]);
  });

  it('feedback pointing at a page the lesson does not have', async () => {
    const question = QUESTIONS[0];
    const wrong = question?.options.findIndex((o) => o.id !== question.correct) ?? -1;
    const dir = await brokenCourse((c) =>
      c.set(QUIZ, ['blocks', QUIZ_AT.block, 'questions', 0, 'options', wrong, 'review'], 'no-such-page'),
    );

    const error = await loadError(dir);

    const [message] = reported(error, QUIZ, `blocks[${QUIZ_AT.block}].questions[0].options[${wrong}].review`);
    expect(message).toMatch(/^no page has the id "no-such-page"; expected one of: /);
    expect(message).toContain(REAL.pages[0]?.id);
  });

  it('a case with no feedback for one of the activity’s options', async () => {
    const dir = await brokenCourse((c) => c.delete(ACTIVITY, ['blocks', ACTIVITY_AT.block, 'cases', 0, 'feedback', 1]));
    const activity = blocksOf(REAL, 'choice-activity')[0];
    const dropped = activity?.cases[0]?.feedback[1]?.option;

    const error = await loadError(dir);

    expect(reported(error, ACTIVITY, `blocks[${ACTIVITY_AT.block}].cases[0].feedback`)).toEqual([
      `no feedback for option ${dropped}; expected one feedback per option`,
    ]);
  });

  it.each([
    ['after-pass', 'after-pass'],
    ['always', 'always'],
    [{ 'after-attempts': 2 }, { 'after-attempts': 2 }],
  ])('accepts revealAnswers: %j', async (value, expected) => {
    const dir = await brokenCourse((c) => c.set('course.yaml', ['settings', 'revealAnswers'], value));

    expect((await loadCourse(dir)).settings.revealAnswers).toEqual(expected);
  });

  it('a revealAnswers setting it does not know', async () => {
    const dir = await brokenCourse((c) => c.set('course.yaml', ['settings', 'revealAnswers'], 'never'));

    const error = await loadError(dir);

    expect(reported(error, 'course.yaml', 'settings.revealAnswers')).toEqual([
      'expected after-pass, always, or "after-attempts: N" (a number of attempts)',
    ]);
  });

  it('reports every problem at once, across files', async () => {
    const dir = await brokenCourse(async (c) => {
      await c.set(QUIZ, ['blocks', QUIZ_AT.block, 'questions', QUESTIONS.length - 1, 'correct'], 'z');
      await c.set(TABLE, ['blocks', TABLE_AT.block, 'rows', 0], [TABLE_BLOCK?.rows[0]?.[0] ?? 'x']);
      await c.set(ROOT_USER, ['blocks', TEXT_AT.block, 'text'], 'See [the guide](source:nowhere).');
    });

    const error = await loadError(dir);

    expect(error.message).toMatch(/^The course content has 3 problems:/);
    expect(reported(error, QUIZ, `blocks[${QUIZ_AT.block}].questions[${QUESTIONS.length - 1}].correct`)).toHaveLength(1);
    expect(reported(error, TABLE, `blocks[${TABLE_AT.block}].rows[0]`)).toHaveLength(1);
    expect(reported(error, ROOT_USER, `blocks[${TEXT_AT.block}].text`)).toHaveLength(1);
  });
});
