/**
 * `npm run report -- --endpoint <LRS xAPI endpoint> [--activity <IRI>] --out <dir>`:
 * reads the course's statements from an LRS and writes an item analysis a
 * training admin can act on (report.html, items.csv, learners.csv, …).
 *
 * Credentials come from LRS_USERNAME and LRS_PASSWORD, or are asked for when
 * run in a terminal; they are never written anywhere.
 *
 * Exit status: 0 report written; 2 bad usage; 3 LRS unreachable; 4 credentials
 * refused; 5 the LRS answered something unusable; 6 nothing to report.
 */
import { parseArgs } from 'node:util';
import { read } from 'read';
import { EXIT_CODES, ReportError } from './report/lrs-reader.js';
import { runReport } from './report/run-report.js';

const USAGE = `Usage: npm run report -- --endpoint <LRS xAPI endpoint> --out <dir> [options]

  --endpoint <url>     the LRS's xAPI endpoint, e.g. https://lrs.example.com/xapi/
  --out <dir>          where to write report.html, report.json, items.csv, cases.csv, learners.csv, written.csv
  --activity <iri>     the activity to report on (default: the xAPI package's lesson IRI from course/;
                       for cmi5, the id the LMS assigned to the AU)
  --since <date>       only statements stored after this ISO 8601 date or timestamp
  --until <date>       only statements stored up to this ISO 8601 date or timestamp
  --names              show learner names (default: anonymous codes)
  --course <dir>       the course folder (default: course/)

Credentials: LRS_USERNAME and LRS_PASSWORD (asked for when missing and run in a terminal).`;

function fail(message: string, code: number): never {
  console.error(message);
  process.exit(code);
}

function timestamp(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const parsed = Date.parse(value);
  if (Number.isNaN(parsed) || !/^\d{4}-\d{2}-\d{2}/.test(value))
    fail(`--${name} ${value} is not an ISO 8601 date (2026-09-01 or 2026-09-01T08:00:00Z)`, 2);
  return new Date(parsed).toISOString();
}

let args;
try {
  args = parseArgs({
    options: {
      endpoint: { type: 'string' },
      activity: { type: 'string' },
      out: { type: 'string' },
      since: { type: 'string' },
      until: { type: 'string' },
      names: { type: 'boolean', default: false },
      course: { type: 'string', default: 'course' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    strict: true,
  }).values;
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`, 2);
}
if (args.help) {
  console.log(USAGE);
  process.exit(0);
}
if (!args.endpoint || !args.out) fail(USAGE, 2);

const interactive = process.stdin.isTTY && process.stderr.isTTY;
async function credential(name: 'LRS_USERNAME' | 'LRS_PASSWORD', prompt: string, silent: boolean): Promise<string> {
  const value = process.env[name];
  if (value) return value;
  if (!interactive) fail(`Set ${name} (and LRS_USERNAME / LRS_PASSWORD): the LRS's credentials are read from the environment.`, 2);
  return read({ prompt, silent, replace: silent ? '•' : undefined, output: process.stderr });
}
const username = await credential('LRS_USERNAME', 'LRS username: ', false);
const password = await credential('LRS_PASSWORD', 'LRS password: ', true);

const started = Date.now();
let lastShown = 0;
const onProgress = ({ pages, statements }: { pages: number; statements: number }) => {
  const now = Date.now();
  const line = `Reading statements: ${statements.toLocaleString('en-US')} (${pages} pages, ${Math.round(statements / Math.max(0.001, (now - started) / 1000)).toLocaleString('en-US')}/s)`;
  if (process.stderr.isTTY) {
    if (now - lastShown > 150) process.stderr.write(`\r${line}`);
  } else if (now - lastShown > 10_000) process.stderr.write(`${line}\n`);
  else return;
  lastShown = now;
};

try {
  const { report, files } = await runReport({
    endpoint: args.endpoint,
    activity: args.activity,
    out: args.out,
    since: timestamp(args.since, 'since'),
    until: timestamp(args.until, 'until'),
    named: args.names,
    courseDir: args.course,
    username,
    password,
    onProgress,
  });
  if (process.stderr.isTTY) process.stderr.write('\n');
  const seconds = (Date.now() - started) / 1000;
  const funnel = Object.fromEntries(report.funnel.map((s) => [s.stage, s.registrations]));
  const rate = Math.round(report.read.received / Math.max(0.001, seconds));
  const usage = process.resourceUsage();
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  const peakMb = Math.round(usage.maxRSS / 1024);
  console.log(
    `Read ${report.read.received.toLocaleString('en-US')} statements in ${seconds.toFixed(1)} s (${rate.toLocaleString('en-US')} statements/s, CPU ${cpu.toFixed(1)} s, peak memory ${peakMb} MB); counted ${report.read.counted.toLocaleString('en-US')} of ${report.course.id} ${report.course.version}.`,
  );
  console.log(
    `${funnel.launched ?? 0} learner records: ${funnel['read-every-page'] ?? 0} read every page, ${funnel['quiz-attempted'] ?? 0} attempted the quiz, ${funnel['quiz-passed'] ?? 0} passed, ${funnel.completed ?? 0} completed.`,
  );
  const current = report.quiz.filter((x) => x.version === report.course.version);
  const tooFew = current.filter((q) => q.flags.some((f) => f.code === 'too-few-answers'));
  if (tooFew.length)
    console.log(
      `${tooFew.length === current.length ? 'Every quiz question has' : `${tooFew.map((q) => q.id).join(', ')} have`} too few first-attempt answers to judge (at least ${report.thresholds.minFirstAttemptAnswers} needed).`,
    );
  for (const q of current.filter((x) => x.flags.length && !tooFew.includes(x)))
    console.log(`  ${q.id}: ${q.flags.map((f) => f.message).join(' ')}`);
  for (const notice of report.notices) console.log(`Note: ${notice}`);
  console.log(`Wrote ${files.join(', ')}`);
} catch (error) {
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (error instanceof ReportError) fail(`No report: ${error.message}`, error.exitCode);
  fail(`No report: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`, EXIT_CODES.malformed);
}
