/**
 * One report run: the course model from course/, the statements from the
 * LRS (streamed into the analysis, page by page), then the files. Used by
 * `npm run report`, the preview LMS's Report view, the tests and the bench.
 */
import { loadCourse } from '../../src/content/load-course.js';
import { ReportBuilder } from './analysis.js';
import { courseModel, type CourseModel } from './course-model.js';
import { readStatements, ReportError } from './lrs-reader.js';
import type { Report } from './report-data.js';
import { writeReport } from './report-files.js';

export interface RunOptions {
  readonly endpoint: string;
  /** Default: the xAPI package's lesson activity from course/. */
  readonly activity?: string;
  readonly since?: string;
  readonly until?: string;
  readonly named?: boolean;
  readonly username: string;
  readonly password: string;
  /** Default: course/ of the working directory. */
  readonly courseDir?: string;
  /** Called after each page with the statements received so far. */
  readonly onProgress?: (progress: { pages: number; statements: number }) => void;
  readonly retryDelaysMs?: readonly number[];
  readonly timeoutMs?: number;
}

export async function loadModel(courseDir = 'course'): Promise<CourseModel> {
  return courseModel(await loadCourse(courseDir));
}

/** Reads and analyses; throws a ReportError when nothing can be reported. */
export async function buildReport(o: RunOptions, model?: CourseModel): Promise<Report> {
  const m = model ?? (await loadModel(o.courseDir));
  const activity = o.activity ?? m.lessonIri;
  const builder = new ReportBuilder(m, { activity, endpoint: o.endpoint, since: o.since, until: o.until, named: o.named });
  for await (const page of readStatements({ ...o, activity })) {
    for (const statement of page.statements) builder.add(statement);
    o.onProgress?.({ pages: page.number, statements: builder.statementsReceived });
  }
  const report = builder.finish();
  if (report.read.counted === 0) throw new ReportError('nothing', nothingMessage(report, m));
  return report;
}

export async function runReport(o: RunOptions & { readonly out: string }): Promise<{ report: Report; files: string[] }> {
  const report = await buildReport(o);
  return { report, files: await writeReport(o.out, report) };
}

function nothingMessage(report: Report, model: CourseModel): string {
  const read = report.read;
  const when = read.since || read.until ? ` between ${read.since ?? 'the start'} and ${read.until ?? 'now'}` : '';
  if (read.received === 0)
    return `The LRS holds no statements about ${read.activity}${when}. Is it the activity the LMS or LRS uses for this course? (The xAPI package's is ${model.lessonIri}; a cmi5 LMS assigns its own id to the AU.)`;
  const others = read.otherCourses.map((c) => `${c.course} (${c.statements})`).join(', ');
  const unreadable = read.unreadable.reduce((n, u) => n + u.statements, 0);
  return [
    `None of the ${read.received} statements about ${read.activity}${when} belong to ${model.courseId} (course IRI ${model.courseIri}): nothing to report.`,
    others ? `They belong to other courses: ${others}.` : '',
    unreadable ? `${unreadable} could not be read: ${read.unreadable.map((u) => u.why).join('; ')}.` : '',
    read.voided ? `${read.voided} were voided.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}
