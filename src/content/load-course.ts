/**
 * Build time only: reads course/, validates every file against ./schema.ts and
 * compiles the lesson the browser receives. Every author mistake is collected
 * (in YAML syntax, the first of each file only) and reported with the file, the
 * question or page by number and id, the line and column, and what was expected.
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { z } from 'zod';
import { CourseFile, pageFileSchema, type PageFile } from './schema.js';
import type { Block, Lesson, Page } from './lesson.js';
import { toCsv } from './csv.js';
import { describePlace, typeInWords, valueAt, valueInWords } from './problem-place.js';
import { YamlSource } from './yaml-source.js';

export interface ContentProblem {
  /** The file as the author opens it, relative to the working directory. */
  readonly file: string;
  /** Where in the file as data (`blocks[0].questions[2].correct`, zero-based; '' = the file): for tools and tests. */
  readonly path: string;
  /** Where in the file as an author reads it: "question 3 (q3), stem" (1-based, ids in brackets). */
  readonly where: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: string;
}

/** One problem on one line: "course/pages/15-quiz.yaml, question 3 (q3), line 38, column 9: …". */
export function formatProblem(p: ContentProblem): string {
  const where = p.where ? `, ${p.where}` : '';
  const at = p.line === undefined ? '' : `, line ${p.line}, column ${p.column ?? 1}`;
  return `${p.file}${where}${at}: ${p.message}`;
}

export class ContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(
      `The course content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

/** zod path → `blocks[1].items[0]`, the way a programmer reads it. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

/** A course file read and parsed, with what is needed to point at a place in it. */
interface CourseSource {
  readonly file: string;
  readonly yaml: YamlSource;
}

function problemAt(
  { file, yaml }: CourseSource,
  path: readonly PropertyKey[],
  message: string,
  options: { unknownKey?: string; snippet?: string; whereAt?: readonly PropertyKey[] } = {},
): ContentProblem {
  const { line, column } = yaml.placeOf(path, options);
  return { file, path: formatPath(path), where: describePlace(options.whereAt ?? path, yaml.data), line, column, message };
}

/** What a missing field should have held, in the author's terms. */
function missingValue(source: CourseSource, path: readonly PropertyKey[], expected: string): string {
  const key = path.at(-1);
  if (key === 'correct') {
    const options = valueAt([...path.slice(0, -1), 'options'], source.yaml.data);
    const ids = Array.isArray(options) ? options.map((o) => valueAt(['id'], o)).filter((id) => typeof id === 'string') : [];
    return `the id of the right option${ids.length ? ` (one of: ${ids.join(', ')})` : ''}`;
  }
  return typeInWords(expected);
}

function snippetOf(issue: z.core.$ZodIssue): string | undefined {
  const snippet: unknown = issue.code === 'custom' ? issue.params?.snippet : undefined;
  return typeof snippet === 'string' ? snippet : undefined;
}

function zodProblems(source: CourseSource, error: z.ZodError): ContentProblem[] {
  return error.issues.flatMap((issue): ContentProblem[] => {
    const { path } = issue;
    // A misspelt field is named, with the fields expected where it stands.
    if (issue.code === 'unrecognized_keys')
      return issue.keys.map((key) => problemAt(source, path, `unknown field "${key}"; ${issue.message}`, { unknownKey: key }));
    if (issue.code === 'invalid_type') {
      const found = valueAt(path, source.yaml.data);
      if (found === undefined) {
        const key = String(path.at(-1) ?? '');
        const message = `"${key}" is missing; expected ${missingValue(source, path, issue.expected)}`;
        return [problemAt(source, path, message, { whereAt: path.slice(0, -1) })];
      }
      return [problemAt(source, path, `expected ${typeInWords(issue.expected)}, found ${valueInWords(found)}`)];
    }
    return [problemAt(source, path, issue.message, { snippet: snippetOf(issue) })];
  });
}

async function readYaml(courseDir: string, name: string): Promise<{ source?: CourseSource; problems: ContentProblem[] }> {
  const file = join(relative(process.cwd(), courseDir) || '.', name);
  let text: string;
  try {
    text = await readFile(join(courseDir, name), 'utf8');
  } catch {
    return { problems: [{ file, path: '', where: '', message: 'file not found; expected it because course.yaml lists it' }] };
  }
  const yaml = new YamlSource(text);
  if (yaml.fault) {
    const { line, column, message } = yaml.fault;
    return { problems: [{ file, path: '', where: '', line, column, message }] };
  }
  return { source: { file, yaml }, problems: [] };
}

function withCsv(block: PageFile['blocks'][number]): Block {
  return block.kind === 'table' ? { ...block, csv: toCsv([block.columns, ...block.rows]) } : block;
}

/** Rules that span files: ids unique across the lesson, one quiz, one answer per key label. */
function lessonProblems(course: CourseSource, pages: readonly { source: CourseSource; page: PageFile }[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const pageIds = new Map<string, string>();
  const blockIds = new Map<string, string>();
  const answerKeys = new Map<string, string>();
  const quizFiles: CourseSource[] = [];
  for (const { source, page } of pages) {
    const { file } = source;
    const seenIn = pageIds.get(page.id);
    if (seenIn) problems.push(problemAt(source, ['id'], `duplicate page id "${page.id}" (also in ${seenIn}); expected each page id once`));
    pageIds.set(page.id, file);
    page.blocks.forEach((block, b) => {
      if ('id' in block) {
        const other = blockIds.get(block.id);
        if (other)
          problems.push(
            problemAt(
              source,
              ['blocks', b, 'id'],
              `duplicate id "${block.id}" (also in ${other}); expected each activity, quiz and table id once`,
            ),
          );
        blockIds.set(block.id, file);
      }
      if (block.kind === 'quiz') quizFiles.push(source);
      if (block.kind === 'quiz' || block.kind === 'reflection') {
        block.questions.forEach((q, i) => {
          const other = answerKeys.get(q.answerKey);
          if (other)
            problems.push(
              problemAt(
                source,
                ['blocks', b, 'questions', i, 'answerKey'],
                `answer-key label "${q.answerKey}" is used twice (also in ${other}); expected each once`,
              ),
            );
          answerKeys.set(q.answerKey, file);
        });
      }
    });
  }
  problems.push(...pageLinkProblems(pages, pageIds));
  if (quizFiles.length === 0) problems.push(problemAt(course, ['pages'], 'expected exactly one quiz block in the lesson, found 0'));
  for (const source of quizFiles.slice(1)) {
    problems.push(
      problemAt(
        source,
        ['blocks'],
        `expected exactly one quiz block in the lesson, found ${quizFiles.length} (the first is in ${quizFiles[0]?.file})`,
      ),
    );
  }
  return problems;
}

/** Every page a block points at (a card, a decision's branch, feedback's "review") must be in the lesson. */
function pageLinkProblems(pages: readonly { source: CourseSource; page: PageFile }[], pageIds: ReadonlyMap<string, string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const known = [...pageIds.keys()];
  const check = (source: CourseSource, path: readonly PropertyKey[], id: string | undefined) => {
    if (id !== undefined && !pageIds.has(id))
      problems.push(problemAt(source, path, `no page has the id "${id}"; expected one of: ${known.join(', ')}`));
  };
  for (const { source, page } of pages) {
    page.blocks.forEach((block, b) => {
      const at = (...path: PropertyKey[]) => ['blocks', b, ...path];
      if (block.kind === 'quiz')
        block.questions.forEach((q, i) => q.options.forEach((o, j) => check(source, at('questions', i, 'options', j, 'review'), o.review)));
      if (block.kind === 'choice-activity')
        block.cases.forEach((c, i) => c.feedback.forEach((f, k) => check(source, at('cases', i, 'feedback', k, 'review'), f.review)));
      if (block.kind === 'cards') block.items.forEach((item, i) => check(source, at('items', i, 'page'), item.page));
      if (block.kind === 'decision') {
        block.branches.forEach((branch, i) => check(source, at('branches', i, 'page'), branch.page));
        check(source, at('otherwise', 'page'), block.otherwise?.page);
      }
    });
  }
  return problems;
}

export async function loadCourse(courseDir: string): Promise<Lesson> {
  const courseYaml = await readYaml(courseDir, 'course.yaml');
  if (!courseYaml.source) throw new ContentError(courseYaml.problems);
  const courseSource = courseYaml.source;
  const course = CourseFile.safeParse(courseSource.yaml.data);
  if (!course.success) throw new ContentError(zodProblems(courseSource, course.error));

  const schema = pageFileSchema(course.data.sources);
  const problems: ContentProblem[] = [];
  const pages: { source: CourseSource; page: PageFile }[] = [];
  for (const name of course.data.pages) {
    const { source, problems: yamlProblems } = await readYaml(courseDir, name);
    if (!source) {
      problems.push(...yamlProblems);
      continue;
    }
    const parsed = schema.safeParse(source.yaml.data);
    if (parsed.success) pages.push({ source, page: parsed.data });
    else problems.push(...zodProblems(source, parsed.error));
  }
  if (problems.length === 0) problems.push(...lessonProblems(courseSource, pages));
  if (problems.length) throw new ContentError(problems);

  const { sources: _sources, pages: _files, ...meta } = course.data;
  return {
    ...meta,
    pages: pages.map(({ page }): Page => ({ ...page, blocks: page.blocks.map(withCsv) })),
  };
}
