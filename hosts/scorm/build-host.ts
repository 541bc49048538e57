/**
 * Bundles the strict host for the browser: hosts/scorm/host-entry.ts →
 * hosts/.dist/host.js (one IIFE, scorm-again included), loaded by the
 * host page with a plain <script> so the API exists before the course frame
 * loads. The output folder is git-ignored.
 */
import { copyFile, mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { HARNESS_DIST } from './harness-paths.js';

const ENTRY = fileURLToPath(new URL('./host-entry.ts', import.meta.url));
const HOST_FILE = 'host.js';

/** What host.js is built from: when any of these is newer, it is rebuilt. */
const SOURCES = [
  fileURLToPath(new URL('./', import.meta.url)),
  fileURLToPath(new URL('../../src/tracking/scorm/', import.meta.url)),
  fileURLToPath(new URL('../../node_modules/scorm-again/package.json', import.meta.url)),
];

/** Builds host.js into `outDir` (default hosts/.dist/) and returns the directory. */
export async function buildHost(outDir: string = HARNESS_DIST): Promise<string> {
  await build({
    // The app's vite.config.ts (plugins, base, inputs) has nothing to do with this bundle.
    configFile: false,
    logLevel: 'warn',
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      lib: { entry: ENTRY, formats: ['iife'], name: 'StrictScormHost', fileName: () => HOST_FILE },
    },
  });
  return outDir;
}

/**
 * Builds host.js unless an up-to-date one exists. Safe when several test
 * workers call it at once: each builds in its own temporary folder and moves
 * the file into place with one atomic rename.
 */
export async function ensureHostBuilt(): Promise<string> {
  const target = join(HARNESS_DIST, HOST_FILE);
  if (await isFresh(target)) return HARNESS_DIST;
  const scratch = await mkdtemp(join(tmpdir(), 'strict-host-'));
  try {
    await buildHost(scratch);
    await mkdir(HARNESS_DIST, { recursive: true });
    const staged = `${target}.${process.pid}.tmp`;
    await copyFile(join(scratch, HOST_FILE), staged);
    await rename(staged, target);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  return HARNESS_DIST;
}

async function isFresh(file: string): Promise<boolean> {
  const built = await stat(file).catch(() => undefined);
  if (!built) return false;
  const newestSource = Math.max(...(await Promise.all(SOURCES.map(newestMtime))));
  return built.mtimeMs >= newestSource;
}

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path);
  if (!info.isDirectory()) return info.mtimeMs;
  const entries = await readdir(path, { recursive: true, withFileTypes: true });
  const times = await Promise.all(
    entries
      .filter((entry) => entry.isFile() && /\.(ts|html)$/.test(entry.name))
      .map(async (entry) => (await stat(join(entry.parentPath, entry.name))).mtimeMs),
  );
  return Math.max(info.mtimeMs, ...times);
}
