/**
 * The report's files: report.html, report.json, items.csv (one row per quiz
 * question and option), cases.csv (the same for micro-activity cases),
 * learners.csv and written.csv. CSV by csv-stringify (quoting and line ends
 * done right); cells holding text a spreadsheet would run as a formula
 * (=, +, -, @ first) start with an apostrophe (OWASP's CSV injection advice):
 * learners typed some of that text.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import type { ChoiceQuestionReport, Report } from './report-data.js';
import { reportPage } from './report-page.js';

export const REPORT_FILES = ['report.html', 'report.json', 'items.csv', 'cases.csv', 'learners.csv', 'written.csv'] as const;

const FORMULA = /^[=+\-@\t\r]/;

function csv(columns: readonly string[], rows: readonly (readonly (string | number | boolean | undefined)[])[]): string {
  return stringify([columns, ...rows], {
    cast: {
      boolean: (value) => (value ? 'true' : 'false'),
      string: (value) => (FORMULA.test(value) ? `'${value}` : value),
    },
    record_delimiter: '\r\n',
  });
}

const share = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 10000) / 10000 : undefined);

export const ITEM_COLUMNS = [
  'version',
  'question',
  'option',
  'correct',
  'chosen',
  'first_attempt_chosen',
  'answers',
  'first_attempt_answers',
  'first_attempt_right',
  'right',
  'discrimination',
  'group_size',
  'flags',
  'question_text',
  'option_text',
] as const;

export function itemsCsv(questions: readonly ChoiceQuestionReport[]): string {
  return csv(
    ITEM_COLUMNS,
    questions.flatMap((q) =>
      q.options.map((o) => [
        q.version + (q.variant ? `#${q.variant + 1}` : ''),
        q.id,
        o.id,
        o.correct,
        o.chosen,
        o.firstAttemptChosen,
        q.answers,
        q.firstAttemptAnswers,
        share(q.firstAttemptRight, q.firstAttemptAnswers),
        share(q.right, q.answers),
        q.discrimination ? Math.round(q.discrimination.index * 10000) / 10000 : undefined,
        q.discrimination?.groupSize,
        q.flags
          .filter((f) => f.option === undefined || f.option === o.id)
          .map((f) => f.code)
          .join(' '),
        q.text,
        o.text,
      ]),
    ),
  );
}

export function learnersCsv(report: Report): string {
  const named = report.named;
  const columns = [
    'learner',
    ...(named ? ['name', 'identifier'] : []),
    'registration',
    'versions',
    'first_seen',
    'last_seen',
    'sessions',
    'time_in_lesson_min',
    'pages_read',
    'read_every_page',
    'furthest_page',
    'quiz_attempts',
    'first_score',
    'best_score',
    'quiz_passed',
    'attempts_to_pass',
    'completed',
  ];
  return csv(
    columns,
    report.learners.map((l) => [
      l.learner,
      ...(named ? [l.name, l.identifier] : []),
      l.registration,
      l.versions.join(' '),
      l.firstSeen,
      l.lastSeen,
      l.sessions,
      Math.round(l.timeInLessonMs / 6000) / 10,
      l.pagesRead,
      l.readEveryPage,
      l.furthestPage,
      l.quizAttempts,
      l.firstScore,
      l.bestScore,
      l.quizPassed,
      l.attemptsToPass,
      l.completed,
    ]),
  );
}

export function writtenCsv(report: Report): string {
  return csv(
    ['version', 'question', 'learner', 'registration', 'answered_at', 'submissions', 'answer', 'question_text'],
    report.written.flatMap((w) => w.answers.map((a) => [w.version, w.id, a.learner, a.registration, a.at, a.submissions, a.text, w.text])),
  );
}

/** Writes every file into `dir` (made if needed); each file appears whole or not at all. */
export async function writeReport(dir: string, report: Report): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const contents: Record<(typeof REPORT_FILES)[number], string> = {
    'report.html': reportPage(report),
    // A figure that could not be worked out is null, so every key is there for a JSON reader.
    'report.json': `${JSON.stringify(report, (_key, value: unknown) => (value === undefined ? null : value), 2)}\n`,
    'items.csv': itemsCsv(report.quiz),
    'cases.csv': itemsCsv(report.cases),
    'learners.csv': learnersCsv(report),
    'written.csv': writtenCsv(report),
  };
  const written: string[] = [];
  for (const name of REPORT_FILES) {
    const path = join(dir, name);
    const temporary = `${path}.${process.pid}.tmp`;
    await writeFile(temporary, contents[name]);
    await rename(temporary, path);
    written.push(path);
  }
  return written;
}
