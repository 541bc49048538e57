/**
 * Build time only: reads course/, validates every file against ./schema.ts and
 * compiles the lesson the browser receives. Every author mistake is collected
 * (not just the first) and reported as "file: path: what was expected".
 */
import { readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { CourseFile, pageFileSchema, type PageFile } from './schema.js';
import type { Block, Lesson, Page } from './lesson.js';
import { toCsv } from './csv.js';

export interface ContentProblem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

export class ContentError extends Error {
  constructor(readonly problems: readonly ContentProblem[]) {
    super(
      `The course content has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((p) => `  ${p.file}${p.path ? `: ${p.path}` : ''}: ${p.message}`).join('\n'),
    );
    this.name = 'ContentError';
  }
}

/** zod path → `blocks[1].items[0]`, the way an author reads YAML. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((out, key) => (typeof key === 'number' ? `${out}[${key}]` : out ? `${out}.${String(key)}` : String(key)), '');
}

function zodProblems(file: string, error: z.ZodError): ContentProblem[] {
  return error.issues.flatMap((issue) =>
    // A misspelt field is named, with the fields expected where it stands.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ file, path: formatPath(issue.path), message: `unknown field "${key}"; ${issue.message}` }))
      : [{ file, path: formatPath(issue.path), message: issue.message }],
  );
}

async function readYaml(courseDir: string, name: string): Promise<{ file: string; data: unknown; problems: ContentProblem[] }> {
  const file = join(relative(process.cwd(), courseDir) || '.', name);
  let text: string;
  try {
    text = await readFile(join(courseDir, name), 'utf8');
  } catch {
    return { file, data: undefined, problems: [{ file, path: '', message: 'file not found; expected it because course.yaml lists it' }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length > 0) {
    return {
      file,
      data: undefined,
      problems: doc.errors.map((e) => {
        const at = lines.linePos(e.pos[0]);
        return { file, path: `line ${at.line}, column ${at.col}`, message: `not valid YAML: ${e.message.split('\n')[0]}` };
      }),
    };
  }
  return { file, data: doc.toJS(), problems: [] };
}

function withCsv(block: PageFile['blocks'][number]): Block {
  return block.kind === 'table' ? { ...block, csv: toCsv([block.columns, ...block.rows]) } : block;
}

/** Rules that span files: ids unique across the lesson, one quiz, one answer per key label. */
function lessonProblems(courseFile: string, pages: readonly { file: string; page: PageFile }[]): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const pageIds = new Map<string, string>();
  const blockIds = new Map<string, string>();
  const answerKeys = new Map<string, string>();
  const quizFiles: string[] = [];
  for (const { file, page } of pages) {
    const seenIn = pageIds.get(page.id);
    if (seenIn)
      problems.push({ file, path: 'id', message: `duplicate page id "${page.id}" (also in ${seenIn}); expected each page id once` });
    pageIds.set(page.id, file);
    page.blocks.forEach((block, b) => {
      if ('id' in block) {
        const other = blockIds.get(block.id);
        if (other)
          problems.push({
            file,
            path: `blocks[${b}].id`,
            message: `duplicate id "${block.id}" (also in ${other}); expected each activity, quiz and table id once`,
          });
        blockIds.set(block.id, file);
      }
      if (block.kind === 'quiz') quizFiles.push(file);
      if (block.kind === 'quiz' || block.kind === 'reflection') {
        block.questions.forEach((q, i) => {
          const other = answerKeys.get(q.answerKey);
          if (other)
            problems.push({
              file,
              path: `blocks[${b}].questions[${i}].answerKey`,
              message: `answer-key label "${q.answerKey}" is used twice (also in ${other}); expected each once`,
            });
          answerKeys.set(q.answerKey, file);
        });
      }
    });
  }
  if (quizFiles.length === 0)
    problems.push({ file: courseFile, path: 'pages', message: 'expected exactly one quiz block in the lesson, found 0' });
  for (const file of quizFiles.slice(1)) {
    problems.push({
      file,
      path: 'blocks',
      message: `expected exactly one quiz block in the lesson, found ${quizFiles.length} (the first is in ${quizFiles[0]})`,
    });
  }
  return problems;
}

export async function loadCourse(courseDir: string): Promise<Lesson> {
  const courseYaml = await readYaml(courseDir, 'course.yaml');
  if (courseYaml.problems.length) throw new ContentError(courseYaml.problems);
  const course = CourseFile.safeParse(courseYaml.data);
  if (!course.success) throw new ContentError(zodProblems(courseYaml.file, course.error));

  const schema = pageFileSchema(course.data.sources);
  const problems: ContentProblem[] = [];
  const pages: { file: string; page: PageFile }[] = [];
  for (const name of course.data.pages) {
    const { file, data, problems: yamlProblems } = await readYaml(courseDir, name);
    if (yamlProblems.length) {
      problems.push(...yamlProblems);
      continue;
    }
    const parsed = schema.safeParse(data);
    if (parsed.success) pages.push({ file, page: parsed.data });
    else problems.push(...zodProblems(file, parsed.error));
  }
  if (problems.length === 0) problems.push(...lessonProblems(courseYaml.file, pages));
  if (problems.length) throw new ContentError(problems);

  const { sources: _sources, pages: _files, ...meta } = course.data;
  return {
    ...meta,
    pages: pages.map(({ page }): Page => ({ ...page, blocks: page.blocks.map(withCsv) })),
  };
}
