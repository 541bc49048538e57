/**
 * `npm run bench`: builds the packages and prints what a learner's device and
 * network pay for them, against the budgets in bench/budgets.json. A
 * benchmark, not a test: it reports figures (and "OVER" marks) and always
 * exits 0, so machine noise never fails CI. Figures also go to .bench/results.json
 * for comparison between commits.
 *
 * Per package:
 * - code: the player, gzip: JS + CSS files + the copy of the stylesheet inline in index.html;
 * - content: the lesson's text and data, gzip: the JSON data block of index.html (src/build/boot-shell.ts);
 * - total: every file a learner's browser downloads to open the lesson (index.html, JS, CSS), gzip,
 *   each compressed on its own as a web server sends it;
 * - zip size, file count, and in headless Chromium (median of RUNS loads) first contentful paint,
 *   first section interactive and bytes transferred, unthrottled and on a slow phone profile
 *   (4× CPU slowdown, 1.6 Mbps, 150 ms latency via the DevTools protocol), with the first paint
 *   compared to a trivial page (one line of text) served the same way, loaded in turn with the
 *   packages so machine noise hits both alike;
 * - LMS API calls and commits (SCORM) or HTTP requests (xAPI/cmi5) in a full pass journey; the build time;
 * - the package checker's exit code, time and peak memory on hostile zips (scripts/bench/hostile-zips.ts).
 *
 * Then the admin's report (scripts/bench/report.ts): `npm run report` over a generated cohort of
 * 10,000 learners read back from the test LRS: statements per second and peak memory.
 * `npm run bench -- report` runs only that part.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from '@playwright/test';
import { unzipSync } from 'fflate';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from './lib/chromium.js';
import { startStaticServer } from './lib/static-server.js';
import { zipDirectory } from '../src/build/zip.js';
import { hostileFigures, hostileTable } from './bench/hostile-zips.js';
import { journeyFigures, type JourneyFigures } from './bench/journeys.js';
import { reportFigures, type ReportBenchFigures } from './bench/report.js';
import { ACTION_KINDS } from './bench/scorm-saves.js';
import { loadCourse } from '../src/content/load-course.js';
import { packageWeight } from './lib/package-weight.js';

/** Fields that hold identifiers, addresses or settings, not words a learner reads. */
const NOT_TEXT = new Set(['id', 'kind', 't', 'href', 'csvFileName', 'csv', 'correct', 'version', 'language', 'baseIri', 'moveOn']);

/** Every text of the compiled lesson, one per line: what the learner reads, without markup. */
function lessonWords(value: unknown, key = ''): string {
  if (NOT_TEXT.has(key)) return '';
  if (typeof value === 'string') return `${value}\n`;
  if (Array.isArray(value)) return value.map((item) => lessonWords(item)).join('');
  if (typeof value === 'object' && value !== null)
    return Object.entries(value)
      .map(([k, v]) => lessonWords(v, k))
      .join('');
  return '';
}

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = process.cwd();
const work = join(root, '.bench');
const PACKAGES = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'] as const;
const TRIVIAL = 'trivial';
type PackageName = (typeof PACKAGES)[number];

interface Budgets {
  packages: Record<PackageName, { codeGzip: number; totalGzip: number; zip: number }>;
  report: { learners: number; statements: number; seconds: number };
  /** First paint on the slow profile, as a multiple of a trivial page's. */
  slowFcpRatio: number;
  scormPassJourneyCommits: number;
  scormPassJourneyCalls: number;
  scormLaunchCalls: number;
}

const gz = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;
const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.floor((s.length - 1) / 2)]! + s[Math.ceil((s.length - 1) / 2)]!) / 2 : NaN;
};

async function unpack(zip: Uint8Array, dir: string): Promise<Record<string, Uint8Array>> {
  const files = unzipSync(zip);
  for (const [name, bytes] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), bytes);
  }
  return files;
}

function sizesOf(files: Record<string, Uint8Array>, zipBytes: number) {
  const sum = (ext: string) => {
    const picked = Object.entries(files).filter(([n]) => n.endsWith(ext));
    return { raw: picked.reduce((a, [, b]) => a + b.length, 0), gzip: picked.reduce((a, [, b]) => a + gz(b), 0) };
  };
  const js = sum('.js');
  const css = sum('.css');
  const html = sum('.html');
  const weight = packageWeight(Object.entries(files));
  return {
    zip: zipBytes,
    files: Object.keys(files).filter((n) => !n.endsWith('/')).length,
    js,
    css,
    html,
    ...weight,
  };
}

interface LoadFigures {
  fcpMs: number;
  interactiveMs: number;
  transferredBytes: number;
}

async function loadOnce(browser: Browser, url: string, slow: boolean, interactive: boolean): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (slow) {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 150,
      downloadThroughput: (1.6 * 1024 * 1024) / 8,
      uploadThroughput: (750 * 1024) / 8,
    });
  }
  let transferred = 0;
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => (transferred += e.encodedDataLength));
  await page.goto(url, { waitUntil: 'commit' });
  // First section interactive: its heading is on screen and the "Next" link can be used.
  const interactiveMs = await page.waitForFunction(
    interactive
      ? () => {
          const app = document.querySelector('lesson-app');
          const pageEl = app?.shadowRoot?.querySelector('lesson-page');
          const heading = pageEl?.shadowRoot?.querySelector('h2');
          const next = app?.shadowRoot?.querySelector('a[rel="next"]');
          return heading && next ? performance.now() : false;
        }
      : () => (document.readyState === 'complete' ? performance.now() : false),
    undefined,
    { polling: 'raf', timeout: 60_000 },
  );
  const value = (await interactiveMs.jsonValue()) as number;
  const fcp = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        new PerformanceObserver((list) => {
          const entry = list.getEntriesByName('first-contentful-paint')[0];
          if (entry) resolve(entry.startTime);
        }).observe({ type: 'paint', buffered: true });
        setTimeout(() => resolve(NaN), 5_000);
      }),
  );
  await page.waitForLoadState('networkidle');
  await context.close();
  return { fcpMs: fcp, interactiveMs: value, transferredBytes: transferred };
}

/** Medians of the runs; fcpRatio: the median, over the rounds, of this page's first paint ÷ the trivial page's in the same round. */
type Figures = Record<'fcpMs' | 'interactiveMs' | 'transferredBytes' | 'fcpRatio', number>;

/**
 * Each page RUNS times, in turns (page 1, page 2, …, page 1, …) so that a busy moment of the
 * machine falls on all of them alike; the median of each figure.
 */
async function loadFigures(browser: Browser, urls: Record<string, string>, slow: boolean, interactive: (name: string) => boolean) {
  const runs: Record<string, LoadFigures[]> = {};
  for (let i = 0; i < RUNS; i += 1) {
    for (const [name, url] of Object.entries(urls)) (runs[name] ??= []).push(await loadOnce(browser, url, slow, interactive(name)));
  }
  const figures: Record<string, Figures> = {};
  for (const [name, list] of Object.entries(runs)) {
    figures[name] = {
      fcpMs: Math.round(median(list.map((r) => r.fcpMs))),
      interactiveMs: Math.round(median(list.map((r) => r.interactiveMs))),
      transferredBytes: Math.round(median(list.map((r) => r.transferredBytes))),
      fcpRatio: median(list.map((r, i) => r.fcpMs / (runs[TRIVIAL]?.[i]?.fcpMs ?? NaN))),
    };
  }
  return figures;
}

const readBudgets = async () => JSON.parse(await readFile(join(root, 'bench', 'budgets.json'), 'utf8')) as Budgets;

/** The report over a generated cohort of the budget's size, read back from the test LRS in its own process. */
async function reportBench(budgets: Budgets): Promise<ReportBenchFigures> {
  const { learners, statements, seconds } = budgets.report;
  console.log(`\nReport: generating ${learners.toLocaleString('en-US')} learners, loading them into the test LRS, then npm run report …`);
  const f = await reportFigures({ learners, out: join(work, 'report') });
  const over = f.readSeconds > seconds ? '  OVER' : '';
  console.log(
    `Report (npm run report against the test LRS): ${f.learners.toLocaleString('en-US')} learners, ${f.statements.toLocaleString('en-US')} statements` +
      ` (budget ${statements.toLocaleString('en-US')}) in ${f.readSeconds.toFixed(1)} s (budget ${seconds} s)${over}: ` +
      `${f.statementsPerSecond.toLocaleString('en-US')} statements/s, CPU ${f.cpuSeconds.toFixed(1)} s` +
      `${f.lrsCpuSeconds === undefined ? '' : ` (the LRS answering: ${f.lrsCpuSeconds.toFixed(1)} s)`}, peak memory ${f.peakMemoryMb} MB. ` +
      `Command wall time ${(f.reportMs / 1000).toFixed(1)} s; machine load ${f.loadAverage.toFixed(1)} on ${cpus().length} cores; ` +
      `cohort generated and loaded in ${(f.generateAndLoadMs / 1000).toFixed(0)} s.`,
  );
  return f;
}

async function main() {
  const budgets = await readBudgets();
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });

  const buildStart = performance.now();
  execFileSync('npx', ['tsx', 'scripts/build.ts', '--out', join(work, 'dist')], { stdio: 'ignore' });
  const buildMs = Math.round(performance.now() - buildStart);

  const sizes = {} as Record<PackageName, ReturnType<typeof sizesOf>>;
  for (const name of PACKAGES) {
    const zip =
      name === 'web'
        ? await zipDirectory(join(work, 'dist', 'web'))
        : await readFile(join(work, 'dist', `iam-access-patterns-5-6-${name}.zip`));
    const files = await unpack(zip, join(work, 'packages', name));
    sizes[name] = sizesOf(files, zip.length);
    // Served gzip-compressed, as LMS web servers do: precompressed copies for sirv.
    for (const [file, bytes] of Object.entries(files)) {
      if (/\.(js|css|html|xml|csv)$/.test(file)) await writeFile(join(work, 'packages', name, `${file}.gz`), gzipSync(bytes, { level: 9 }));
    }
  }
  // The page every first paint is compared with: one line of text, served the same way.
  const trivial = '<!doctype html><html lang="en"><title>Trivial</title><p>One line of text.</p></html>\n';
  await mkdir(join(work, 'packages', TRIVIAL), { recursive: true });
  await writeFile(join(work, 'packages', TRIVIAL, 'index.html'), trivial);
  await writeFile(join(work, 'packages', TRIVIAL, 'index.html.gz'), gzipSync(trivial, { level: 9 }));
  // The floor no package can go under: the lesson's own words, as course/ holds them.
  const lessonText = Buffer.from(lessonWords(await loadCourse(join(root, 'course'))), 'utf8');
  const floor = gz(lessonText);

  const executablePath = findChromium();
  if (!executablePath) {
    console.error(INSTALL_HINT);
    process.exit(0);
  }
  const server = await startStaticServer({ '/': join(work, 'packages') }, { gzip: true });
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const urls = Object.fromEntries([TRIVIAL, ...PACKAGES].map((name) => [name, `${server.url}/${name}/index.html`]));
  const isLesson = (name: string) => name !== TRIVIAL;
  let load: { fast: Record<string, Figures>; slow: Record<string, Figures> };
  try {
    load = { fast: await loadFigures(browser, urls, false, isLesson), slow: await loadFigures(browser, urls, true, isLesson) };
  } finally {
    await browser.close();
    await server.close();
  }
  const journeys = await journeyFigures(executablePath, join(work, 'packages'));

  // Report.
  const over = (value: number, budget: number | undefined) => (budget !== undefined && value > budget ? '  OVER' : '');
  console.log(`\nBuild: ${buildMs} ms for all packages. Runs per figure: ${RUNS} (median).`);
  console.log(`Lesson text floor (every text of course/): ${lessonText.length} B raw, ${floor} B gzip.`);
  const base = { fast: load.fast[TRIVIAL]!, slow: load.slow[TRIVIAL]! };
  console.log(`Trivial page (one line of text): first paint ${base.fast.fcpMs} ms fast, ${base.slow.fcpMs} ms slow.`);
  console.log("FCP slow ÷ trivial: the median, over the rounds, of the package's first paint ÷ the trivial page's just before it.\n");
  const header = [
    'package',
    'code gz',
    'content gz',
    'total gz',
    'zip',
    'files',
    'JS raw/gz',
    'CSS raw/gz',
    'HTML raw/gz',
    '×text',
    'FCP fast/slow',
    'FCP slow ÷ trivial',
    'interactive fast/slow',
    'bytes (slow)',
  ];
  const rows = PACKAGES.map((name) => {
    const s = sizes[name];
    const b = budgets.packages[name];
    const fast = load.fast[name]!;
    const slow = load.slow[name]!;
    const ratio = slow.fcpRatio;
    return [
      name,
      `${kib(s.code)}${over(s.code, b.codeGzip)}`,
      kib(s.content),
      `${kib(s.total)}${over(s.total, b.totalGzip)}`,
      `${kib(s.zip)}${over(s.zip, b.zip)}`,
      String(s.files),
      `${kib(s.js.raw)}/${kib(s.js.gzip)}`,
      `${kib(s.css.raw)}/${kib(s.css.gzip)}`,
      `${kib(s.html.raw)}/${kib(s.html.gzip)}`,
      (s.total / floor).toFixed(2),
      `${fast.fcpMs}/${slow.fcpMs} ms`,
      `${ratio.toFixed(2)}×${over(ratio, budgets.slowFcpRatio)}`,
      `${fast.interactiveMs}/${slow.interactiveMs} ms`,
      kib(slow.transferredBytes),
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  console.log('\nFull pass journey (every page, both activities, reflections, quiz passed):');
  for (const [name, j] of Object.entries(journeys)) {
    const checks = name.startsWith('scorm')
      ? [
          over(j.launchCalls ?? 0, budgets.scormLaunchCalls),
          over(j.calls ?? 0, budgets.scormPassJourneyCalls),
          over(j.commits ?? 0, budgets.scormPassJourneyCommits),
        ].join('')
      : '';
    console.log(`  ${name.padEnd(10)} ${j.summary}${checks}`);
  }
  printSaves(journeys);
  console.log(
    [
      '\nBudgets: bench/budgets.json. "OVER" marks a figure over its budget.',
      'code = JS + CSS of the player, gzip (the stylesheet counted twice: inline in index.html and as its file);',
      "content = the lesson's text and data (index.html's JSON data block), gzip; total = index.html + JS + CSS, gzip,",
      'each file on its own, as a server sends them; ×text = total / gzip of the lesson text.',
    ].join('\n'),
  );

  console.log('\nThe package checker on hostile zips (npm run check, one process each; every one must exit 1):');
  const hostile = hostileFigures(root);
  console.log(hostileTable(hostile));

  const report = await reportBench(budgets);
  const results = {
    date: new Date().toISOString(),
    runs: RUNS,
    buildMs,
    lessonTextGzip: floor,
    sizes,
    load,
    journeys,
    report: { ...report, output: undefined },
    budgets,
    hostile: hostile.map(({ what, exitCode, seconds, peakMiB }) => ({ what, exitCode, seconds, peakMiB })),
  };
  await writeFile(join(work, 'results.json'), JSON.stringify(results, null, 2));
  console.log(`Figures written to ${join('.bench', 'results.json')}`);
}

/** SCORM: how soon each kind of action reaches the LMS, and what a window closed a second later keeps. */
function printSaves(journeys: Record<string, JourneyFigures>) {
  const scorm = Object.entries(journeys).flatMap(([name, j]) => (j.saves ? [[name, j.saves] as const] : []));
  if (scorm.length === 0) return;
  console.log('\nSCORM saves (strict LMS; "closed 1 s later": an LMS that stores nothing sent while the window closes):');
  for (const [name, saves] of scorm)
    console.log(
      `  ${name.padEnd(10)} ${saves.humanPaceCommits} commits in the full pass journey at human pace (${saves.humanPaceActions} actions, ${saves.pauseMs / 1000} s after each), ${journeys[name]?.commits} at test speed`,
    );
  const header = ['action', ...scorm.flatMap(([name]) => [`${name}: longest to commit`, `${name}: closed 1 s later`])];
  const rows = ACTION_KINDS.map((kind) => [
    kind,
    ...scorm.flatMap(([, saves]) => {
      const ms = saves.longestToCommitMs[kind];
      const kept = saves.keptWhenClosed1s[kind];
      return [
        ms === undefined ? '—' : ms === Infinity ? 'never' : `${(ms / 1000).toFixed(2)} s`,
        kept === undefined ? '—' : kept ? 'kept' : 'LOST',
      ];
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => `  ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ')}`;
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}

if (process.argv.slice(2).includes('report')) {
  await mkdir(work, { recursive: true });
  const report = await reportBench(await readBudgets());
  await writeFile(
    join(work, 'report-results.json'),
    JSON.stringify({ date: new Date().toISOString(), ...report, output: undefined }, null, 2),
  );
} else await main();
