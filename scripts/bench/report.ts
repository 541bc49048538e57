/**
 * The report's bench: the test LRS runs as a process of its own holding a generated cohort (seeded,
 * so every run reads the same statements; bulk-loaded, the tests post smaller cohorts through the
 * LRS's checks), then `npm run report` reads it all back over HTTP, as it would a real LRS. Figures:
 * statements, learners, time, statements per second, the report process's CPU time and peak memory
 * (its maximum resident set size), and the machine's load, against the budget of 10,000 learners
 * and 200,000 statements in under a minute.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

export interface ReportBenchFigures {
  readonly learners: number;
  readonly statements: number;
  readonly generateAndLoadMs: number;
  /** Wall time of `npm run report` (tsx start-up included). */
  readonly reportMs: number;
  /** As the report prints them. */
  readonly readSeconds: number;
  readonly statementsPerSecond: number;
  readonly cpuSeconds: number;
  /** CPU the test LRS spent answering the report's requests (Linux /proc; undefined elsewhere). */
  readonly lrsCpuSeconds: number | undefined;
  readonly peakMemoryMb: number;
  /** The machine's 1-minute load average when the report ended (2 cores: above 2, others were using them). */
  readonly loadAverage: number;
  readonly output: string;
}

const CREDENTIALS = { key: 'bench', secret: 'bench-local-only' };

async function startLrsProcess(learners: number, seed: number): Promise<{ endpoint: string; statements: number; child: ChildProcess }> {
  const child = spawn(
    process.execPath,
    ['--max-old-space-size=8192', '--import', 'tsx', 'hosts/lrs/serve.ts', '--cohort', String(learners), '--seed', String(seed)],
    { env: { ...process.env, LRS_KEY: CREDENTIALS.key, LRS_SECRET: CREDENTIALS.secret }, stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const lines = createInterface({ input: child.stdout! });
  for await (const line of lines) {
    const { endpoint, statements } = JSON.parse(line) as { endpoint: string; statements: number };
    return { endpoint, statements, child };
  }
  throw new Error('the test LRS did not start');
}

/** User + system CPU seconds of a process so far, from /proc (Linux), or undefined. */
function cpuOf(pid: number | undefined): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

export async function reportFigures(o: { learners: number; out: string; seed?: number }): Promise<ReportBenchFigures> {
  const loadStart = performance.now();
  const lrs = await startLrsProcess(o.learners, o.seed ?? 56);
  try {
    const { statements } = lrs;
    const generateAndLoadMs = Math.round(performance.now() - loadStart);
    const lrsCpuBefore = cpuOf(lrs.child.pid);
    const start = performance.now();
    const { code, output } = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/report.ts', '--endpoint', lrs.endpoint, '--out', o.out],
      { ...process.env, LRS_USERNAME: CREDENTIALS.key, LRS_PASSWORD: CREDENTIALS.secret },
    );
    const reportMs = Math.round(performance.now() - start);
    const lrsCpuAfter = cpuOf(lrs.child.pid);
    if (code !== 0) throw new Error(`npm run report failed (exit ${code}):\n${output}`);
    const loadAverage = loadavg()[0] ?? 0;
    const m = /Read ([\d,]+) statements in ([\d.]+) s \(([\d,]+) statements\/s, CPU ([\d.]+) s, peak memory (\d+) MB\)/.exec(output);
    if (!m) throw new Error(`npm run report printed no figures:\n${output}`);
    const n = (x: string | undefined) => Number((x ?? '').replaceAll(',', ''));
    return {
      learners: o.learners,
      statements,
      generateAndLoadMs,
      reportMs,
      readSeconds: n(m[2]),
      statementsPerSecond: n(m[3]),
      cpuSeconds: n(m[4]),
      lrsCpuSeconds: lrsCpuBefore !== undefined && lrsCpuAfter !== undefined ? lrsCpuAfter - lrsCpuBefore : undefined,
      peakMemoryMb: n(m[5]),
      loadAverage,
      output,
    };
  } finally {
    lrs.child.kill('SIGTERM');
  }
}
