/**
 * Build time only: reads course/, validates every file against ./schema.ts and
 * compiles the lesson the browser receives. Every author mistake is collected
 * (in YAML syntax, the first of each file only) and reported with the file, the
 * question or page by number and id, the line and column, and what was expected.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, posix, relative } from 'node:path';
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
function pageLinkProblems(
  pages: readonly { source: CourseSource; page: PageFile }[],
  pageIds: ReadonlyMap<string, string>,
): ContentProblem[] {
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

/**
 * Files in course/ that course.yaml does not list: a page an author wrote but
 * forgot to add is not built, and nothing else would say so.
 */
async function unlistedPages(courseDir: string, course: CourseSource, listed: readonly string[]): Promise<ContentProblem[]> {
  const folders = [...new Set(listed.map((name) => (name.includes('/') ? name.slice(0, name.lastIndexOf('/')) : '')))];
  const known = new Set(listed.map((name) => normalize(name)));
  const problems: ContentProblem[] = [];
  for (const folder of folders) {
    const names = await readdir(join(courseDir, folder)).catch(() => []);
    for (const name of names.filter((n) => /\.ya?ml$/i.test(n)).sort()) {
      const path = folder ? `${folder}/${name}` : name;
      if (folder === '' && name === 'course.yaml') continue;
      if (known.has(normalize(path))) continue;
      problems.push(
        problemAt(
          course,
          ['pages'],
          `${path} is in the course folder but not listed in pages, so it is not built; add it to pages where it belongs in the reading order, or delete it`,
        ),
      );
    }
  }
  return problems;
}

/** RFC 2606 names: example.com/.org/.net and their subdomains, and .example. */
const PLACEHOLDER_HOST = /(^|\.)(example\.(com|org|net)|[^.]+\.example)$/i;

/** The host of `iri` when it is a name reserved for examples (the shipped placeholder), else undefined. */
export function placeholderHost(iri: string): string | undefined {
  const host = URL.canParse(iri) ? new URL(iri).hostname : '';
  return PLACEHOLDER_HOST.test(host) ? host : undefined;
}

/** Warnings for a course.yaml that builds but should not ship as it is. */
function courseWarnings(course: CourseSource, baseIri: string): ContentProblem[] {
  const host = placeholderHost(baseIri);
  if (!host) return [];
  return [
    problemAt(
      course,
      ['baseIri'],
      `baseIri "${baseIri}" is still the placeholder (${host} is reserved for examples): every xAPI and cmi5 activity id, the SCORM 2004 metadata and UPLOAD.md carry it, and LRSs keep learners' records under it. Set it to an https:// address your organisation controls before you upload, and then never change it`,
    ),
  ];
}

/** Rules about the list of pages in course.yaml: each page file once; each page number once. */
function pageListProblems(
  course: CourseSource,
  listed: readonly string[],
): { problems: ContentProblem[]; unique: { name: string; index: number }[] } {
  const problems: ContentProblem[] = [];
  const unique: { name: string; index: number }[] = [];
  const first = new Map<string, number>();
  listed.forEach((name, index) => {
    const earlier = first.get(normalize(name));
    if (earlier === undefined) {
      first.set(normalize(name), index);
      unique.push({ name, index });
      return;
    }
    const { line } = course.yaml.placeOf(['pages', earlier]);
    problems.push(
      problemAt(
        course,
        ['pages', index],
        `${name} is listed twice (also as page ${earlier + 1}, line ${line}); expected each page file once: remove one`,
      ),
    );
  });
  return { problems, unique };
}

function pageNumberProblems(
  course: CourseSource,
  pages: readonly { source: CourseSource; page: PageFile; index: number }[],
): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const first = new Map<number, { file: string; index: number }>();
  for (const { source, page, index } of pages) {
    if (page.number === undefined) continue;
    const earlier = first.get(page.number);
    if (!earlier) {
      first.set(page.number, { file: source.file, index });
      continue;
    }
    const { line } = course.yaml.placeOf(['pages', index]);
    const { line: earlierLine } = course.yaml.placeOf(['pages', earlier.index]);
    problems.push(
      problemAt(
        source,
        ['number'],
        `page number ${page.number} is also the number of ${earlier.file}; expected each number once (course.yaml lists this page at line ${line}, the other at line ${earlierLine}): renumber one of them`,
      ),
    );
  }
  return problems;
}

const normalize = (name: string) => posix.normalize(name.replaceAll('\\', '/'));

export interface LoadedCourse {
  readonly lesson: Lesson;
  /** Things that build but should be looked at (an unlisted page, the placeholder baseIri). */
  readonly warnings: readonly ContentProblem[];
}

export async function loadCourse(courseDir: string): Promise<Lesson> {
  return (await loadCourseWithWarnings(courseDir)).lesson;
}

export async function loadCourseWithWarnings(courseDir: string): Promise<LoadedCourse> {
  const courseYaml = await readYaml(courseDir, 'course.yaml');
  if (!courseYaml.source) throw new ContentError(courseYaml.problems);
  const courseSource = courseYaml.source;
  const course = CourseFile.safeParse(courseSource.yaml.data);
  if (!course.success) throw new ContentError(zodProblems(courseSource, course.error));

  const schema = pageFileSchema(course.data.sources);
  const { problems, unique } = pageListProblems(courseSource, course.data.pages);
  const pages: { source: CourseSource; page: PageFile; index: number }[] = [];
  for (const { name, index } of unique) {
    const { source, problems: yamlProblems } = await readYaml(courseDir, name);
    if (!source) {
      problems.push(...yamlProblems);
      continue;
    }
    const parsed = schema.safeParse(source.yaml.data);
    if (parsed.success) pages.push({ source, page: parsed.data, index });
    else problems.push(...zodProblems(source, parsed.error));
  }
  if (problems.length === 0) problems.push(...lessonProblems(courseSource, pages), ...pageNumberProblems(courseSource, pages));
  if (problems.length) throw new ContentError(problems);

  const warnings = [
    ...(await unlistedPages(courseDir, courseSource, course.data.pages)),
    ...courseWarnings(courseSource, course.data.baseIri),
  ];
  const { sources: _sources, pages: _files, ...meta } = course.data;
  return {
    lesson: { ...meta, pages: pages.map(({ page }): Page => ({ ...page, blocks: page.blocks.map(withCsv) })) },
    warnings,
  };
}
