/**
 * `npm run report` against the test LRS (hosts/lrs, paging as the ADL LRS does), loaded with a
 * generated cohort over HTTP: every statement read back through `more` links, the figures equal to
 * what the cohort's learners did (their logs, not the statements), the files as an admin opens them,
 * and each way a read can fail, with its message and exit status.
 */
import { createServer, type Server } from 'node:http';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateCohort, postCohort, scriptedLearner, type LearnerLog } from '../../hosts/learner/cohort.js';
import { startLrs, type LrsHarness } from '../../hosts/lrs/index.js';
import { loadCourse } from '../../src/content/load-course.js';
import type { Lesson } from '../../src/content/lesson.js';
import { quizOf } from '../../src/domain/lesson-queries.js';
import { meetsPassingScore, scoreQuiz } from '../../src/domain/scoring.js';
import { ReportError } from '../../scripts/report/lrs-reader.js';
import { buildReport, runReport } from '../../scripts/report/run-report.js';
import { ITEM_COLUMNS } from '../../scripts/report/report-files.js';
import { loadRealCourse } from './helpers/real-course.js';

const CREDENTIALS = { key: 'admin', secret: 'pa55-w0rd-never-written' };
const LEARNERS = 40;

let lesson: Lesson;
let lrs: LrsHarness;
let logs: LearnerLog[];
let posted: number;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  dirs.push(dir);
  return dir;
};

beforeAll(async () => {
  lesson = await loadRealCourse();
  // 7 statements a page: every read follows a couple of hundred "more" links.
  lrs = await startLrs({ basicAuth: CREDENTIALS, statementLimit: 7 });
  logs = [];
  async function* cohort() {
    for await (const learner of generateCohort({ lesson, learners: LEARNERS, seed: 11 })) {
      logs.push(learner.log);
      yield learner;
    }
  }
  posted = await postCohort(lrs.endpoint, CREDENTIALS, cohort());
}, 120_000);

afterAll(async () => {
  await lrs.close();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const options = (extra: Partial<Parameters<typeof buildReport>[0]> = {}) => ({
  endpoint: lrs.endpoint,
  username: CREDENTIALS.key,
  password: CREDENTIALS.secret,
  retryDelaysMs: [],
  ...extra,
});

/** What the cohort did, from the learners' logs. */
function expectedFromLogs() {
  const quiz = quizOf(lesson);
  const pages = lesson.pages.map((p) => p.id);
  const passed = (l: LearnerLog) => l.attempts.some((a) => meetsPassingScore(scoreQuiz(quiz, a).scaled, lesson.settings.passingScore));
  const readAll = (l: LearnerLog) => pages.every((p) => l.pages.includes(p));
  return {
    funnel: [
      ['launched', logs.length],
      ['read-every-page', logs.filter(readAll).length],
      ['quiz-attempted', logs.filter((l) => l.attempts.length > 0).length],
      ['quiz-passed', logs.filter(passed).length],
      ['completed', logs.filter((l) => readAll(l) && l.attempts.length > 0).length],
    ],
    options: quiz.questions.flatMap((q) =>
      q.options.map((o) => ({
        question: `${quiz.id}.${q.id}`,
        option: o.id,
        correct: o.id === q.correct ? 'true' : 'false',
        chosen: String(logs.reduce((n, l) => n + l.attempts.filter((a) => a[q.id] === o.id).length, 0)),
        first_attempt_chosen: String(logs.filter((l) => l.attempts[0]?.[q.id] === o.id).length),
        question_text: q.stem,
        option_text: o.text,
      })),
    ),
  };
}

describe('a report of a generated cohort, read from the test LRS', () => {
  let out: string;
  let result: Awaited<ReturnType<typeof runReport>>;
  const progress: number[] = [];

  beforeAll(async () => {
    out = tempDir();
    result = await runReport({ ...options(), out, onProgress: ({ statements }) => progress.push(statements) });
  }, 60_000);

  it('reads every statement once, page after page, and shows progress', () => {
    expect(result.report.read).toMatchObject({ received: posted, counted: posted, duplicates: 0, voided: 0 });
    expect(progress.length).toBeGreaterThan(posted / 7 - 1);
    expect(progress.at(-1)).toBe(posted);
  });

  it('counts the funnel and every option as the learners answered', () => {
    const expected = expectedFromLogs();
    expect(result.report.funnel.map((s) => [s.stage, s.registrations])).toEqual(expected.funnel);
    const items = parse(readFileSync(join(out, 'items.csv')), { columns: true }) as Record<string, string>[];
    expect(Object.keys(items[0] ?? {})).toEqual([...ITEM_COLUMNS]);
    expect(
      items.map(({ question, option, correct, chosen, first_attempt_chosen, question_text, option_text }) => ({
        question,
        option,
        correct,
        chosen,
        first_attempt_chosen,
        question_text,
        option_text,
      })),
    ).toEqual(expected.options);
  });

  it('writes learners.csv with anonymous codes, and names only when asked', async () => {
    const learners = parse(readFileSync(join(out, 'learners.csv')), { columns: true }) as Record<string, string>[];
    expect(learners).toHaveLength(LEARNERS);
    expect(learners[0]?.learner).toBe('L0001');
    expect(Object.keys(learners[0] ?? {})).not.toContain('name');
    for (const file of readdirSync(out)) {
      const text = readFileSync(join(out, file), 'utf8');
      expect(text).not.toMatch(/Learner \d+|learner-\d+/);
      expect(text).not.toContain(logs[0]!.registration);
    }
    const namedOut = tempDir();
    await runReport({ ...options({ named: true }), out: namedOut });
    const named = parse(readFileSync(join(namedOut, 'learners.csv')), { columns: true }) as Record<string, string>[];
    expect(named.map((l) => l.name).sort()).toEqual(logs.map((l) => l.actor.name).sort());
  });

  it('writes the credentials nowhere, and a report.html that needs no network', () => {
    for (const file of readdirSync(out)) {
      const text = readFileSync(join(out, file), 'utf8');
      expect(text).not.toContain(CREDENTIALS.secret);
      expect(text).not.toContain(Buffer.from(`${CREDENTIALS.key}:${CREDENTIALS.secret}`).toString('base64'));
    }
    const html = readFileSync(join(out, 'report.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?https?:/i);
    expect(html.match(/<svg /g)?.length).toBeGreaterThanOrEqual(4 + quizOf(lesson).questions.length);
    expect(JSON.parse(readFileSync(join(out, 'report.json'), 'utf8'))).toMatchObject({
      format: 'course-report/1',
      course: { version: lesson.version },
    });
  });

  it('limits the dates with --since and --until (stored time, as the LRS filters)', async () => {
    const future = new Date(Date.now() + 86_400_000).toISOString();
    await expect(buildReport(options({ since: future }))).rejects.toMatchObject({ kind: 'nothing', exitCode: 6 });
    const all = await buildReport(options({ until: future }));
    expect(all.read.received).toBe(posted);
  });
});

describe('when nothing can be reported', () => {
  it('an LRS that cannot be reached: exit 3', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const error = await buildReport(options({ endpoint: `http://127.0.0.1:${port}/xapi/` })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ReportError);
    expect(error).toMatchObject({ kind: 'unreachable', exitCode: 3, message: expect.stringMatching(/could not be reached.*ECONNREFUSED/) });
  });

  it('credentials refused (401, and 403 for a key that may not read): exit 4', async () => {
    await expect(buildReport(options({ password: 'wrong' }))).rejects.toMatchObject({
      kind: 'credentials',
      exitCode: 4,
      message: expect.stringContaining('HTTP 401'),
    });
    lrs.faults.statusFor = (req) => (req.method === 'GET' ? 403 : undefined);
    try {
      await expect(buildReport(options())).rejects.toMatchObject({ kind: 'credentials', message: expect.stringContaining('HTTP 403') });
    } finally {
      lrs.faults.statusFor = undefined;
    }
  });

  it('a passing failure (503) is tried again; a lasting one fails the read', async () => {
    let refused = 0;
    lrs.faults.statusFor = (req) => (req.method === 'GET' && refused++ < 1 ? 503 : undefined);
    try {
      expect((await buildReport(options({ retryDelaysMs: [10] }))).read.received).toBe(posted);
      lrs.faults.statusFor = (req) => (req.method === 'GET' ? 503 : undefined);
      await expect(buildReport(options({ retryDelaysMs: [10, 10] }))).rejects.toMatchObject({
        kind: 'refused',
        exitCode: 5,
        message: expect.stringContaining('HTTP 503'),
      });
    } finally {
      lrs.faults.statusFor = undefined;
    }
  });

  describe('an LRS that answers nonsense', () => {
    let server: Server;
    let answer: (path: string) => { status: number; body: string };
    let endpoint: string;
    beforeAll(async () => {
      server = createServer((req, res) => {
        const { status, body } = answer(req.url ?? '');
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/xapi/`;
    });
    afterAll(() => new Promise((resolve) => server.close(resolve)));

    it('malformed JSON, or JSON that is no StatementResult: exit 5', async () => {
      answer = () => ({ status: 200, body: '{"statements": [' });
      await expect(buildReport(options({ endpoint }))).rejects.toMatchObject({
        kind: 'malformed',
        exitCode: 5,
        message: expect.stringContaining('not JSON'),
      });
      answer = () => ({ status: 200, body: '{"results": []}' });
      await expect(buildReport(options({ endpoint }))).rejects.toMatchObject({
        kind: 'malformed',
        message: expect.stringContaining('not a StatementResult'),
      });
    });

    it('a "more" link to another host: the credentials are not sent there', async () => {
      answer = () => ({
        status: 200,
        body: JSON.stringify({ statements: [], more: 'https://elsewhere.example.com/xapi/statements/more/1' }),
      });
      await expect(buildReport(options({ endpoint }))).rejects.toMatchObject({
        kind: 'malformed',
        message: expect.stringContaining('another host'),
      });
    });
  });

  it('statements of another course only: exit 6, naming that course', async () => {
    const fixture = await loadCourse('tests/fixtures/course');
    const other = await startLrs({ basicAuth: CREDENTIALS });
    try {
      const theirs = await scriptedLearner(fixture, {
        learner: 1,
        registration: '00000000-0000-4000-8000-000000000001',
        start: new Date('2026-09-01T09:00:00Z'),
        sessions: [{ actions: fixture.pages.map((p) => ({ visit: p.id })) }],
        // An activity both courses' statements name (an LMS course grouping them, say).
        activityId: `${lesson.baseIri}/lesson/${lesson.id}`,
      });
      await postCohort(
        other.endpoint,
        CREDENTIALS,
        (async function* () {
          yield { log: {} as LearnerLog, statements: theirs };
        })(),
      );
      const error = await buildReport(options({ endpoint: other.endpoint })).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'nothing', exitCode: 6, message: expect.stringContaining(fixture.baseIri) });
    } finally {
      await other.close();
    }
  });
});

describe('npm run report, as a command', () => {
  /** Run as a child process (asynchronously: the test LRS answers from this process). */
  const run = (args: string[], env: Record<string, string>) =>
    new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...args], {
        env: { ...process.env, LRS_USERNAME: '', LRS_PASSWORD: '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (status) => resolve({ status, stdout, stderr }));
    });

  it('writes the report and says what it found; refused credentials exit 4 and write nothing', async () => {
    const out = join(tempDir(), 'report');
    const refusedOut = join(tempDir(), 'refused');
    // Side by side: each is a process of its own.
    const [ok, refused, missing] = await Promise.all([
      run(['--endpoint', lrs.endpoint, '--out', out], { LRS_USERNAME: CREDENTIALS.key, LRS_PASSWORD: CREDENTIALS.secret }),
      run(['--endpoint', lrs.endpoint, '--out', refusedOut], { LRS_USERNAME: CREDENTIALS.key, LRS_PASSWORD: 'wrong' }),
      run(['--endpoint', lrs.endpoint, '--out', refusedOut], {}),
    ]);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(
      new RegExp(
        `Read ${posted.toLocaleString('en-US')} statements in [\\d.]+ s \\([\\d,]+ statements/s, CPU [\\d.]+ s, peak memory \\d+ MB\\)`,
      ),
    );
    expect(ok.stdout).toContain(`${LEARNERS} learner records`);
    expect(readdirSync(out).sort()).toEqual(['cases.csv', 'items.csv', 'learners.csv', 'report.html', 'report.json', 'written.csv']);

    expect(refused.status).toBe(4);
    expect(refused.stderr).toContain('No report: The LRS refused the credentials (HTTP 401)');
    expect(refused.stdout + refused.stderr).not.toContain('wrong');
    expect(existsSync(refusedOut)).toBe(false);

    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('LRS_USERNAME');
  }, 120_000);
});
