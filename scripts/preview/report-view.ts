/**
 * The preview LMS's Report view: the same analysis `npm run report` makes, over
 * the learner records of the preview's own LRS, read over HTTP as from any LRS.
 * It asks for the course's IRI (the grouping of every statement the course
 * sends), so the xAPI and the cmi5 package's records are both in it. The files
 * go to <dataDir>/report/ and are served from there.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ReportError } from '../report/lrs-reader.js';
import { REPORT_FILES, writeReport } from '../report/report-files.js';
import { buildReport, loadModel } from '../report/run-report.js';

export type ReportFile = (typeof REPORT_FILES)[number];

/** What the view shows of a run: a summary, or why there is no report. */
export type ReportSummary =
  | {
      readonly ok: true;
      readonly generatedAt: string;
      readonly statements: number;
      readonly learnerRecords: number;
      readonly completed: number;
      readonly notices: readonly string[];
      readonly files: readonly ReportFile[];
    }
  | { readonly ok: false; readonly reason: string };

export const isReportFile = (name: string): name is ReportFile => (REPORT_FILES as readonly string[]).includes(name);

export const reportDir = (dataDir: string) => join(dataDir, 'report');

export async function runPreviewReport(
  o: { readonly root: string; readonly dataDir: string },
  reader: { endpoint: string; username: string; password: string },
): Promise<ReportSummary> {
  const model = await loadModel(join(o.root, 'course'));
  try {
    const report = await buildReport({ ...reader, activity: model.courseIri, retryDelaysMs: [200] }, model);
    await writeReport(reportDir(o.dataDir), report);
    return {
      ok: true,
      generatedAt: report.generatedAt,
      statements: report.read.counted,
      learnerRecords: report.funnel[0]?.registrations ?? 0,
      completed: report.funnel.find((s) => s.stage === 'completed')?.registrations ?? 0,
      notices: report.notices,
      files: [...REPORT_FILES],
    };
  } catch (error) {
    if (error instanceof ReportError && error.kind === 'nothing')
      return { ok: false, reason: 'No learner records yet: launch the xAPI or cmi5 package, then run the report.' };
    if (error instanceof ReportError) return { ok: false, reason: error.message };
    throw error;
  }
}

/** The last report's file, if one was made. */
export async function reportFile(dataDir: string, name: ReportFile): Promise<Buffer | undefined> {
  const path = join(reportDir(dataDir), name);
  return existsSync(path) ? readFile(path) : undefined;
}

/** The report page has no script and only its own inline styles; in a frame it may do nothing else. */
export const REPORT_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'";

export const REPORT_TYPES: Readonly<Record<ReportFile, string>> = {
  'report.html': 'text/html; charset=utf-8',
  'report.json': 'application/json; charset=utf-8',
  'items.csv': 'text/csv; charset=utf-8',
  'cases.csv': 'text/csv; charset=utf-8',
  'learners.csv': 'text/csv; charset=utf-8',
  'written.csv': 'text/csv; charset=utf-8',
};
