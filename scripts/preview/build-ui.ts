/**
 * Builds the preview LMS's pages (ui/, see ui/vite.config.ts) when the preview
 * server starts, as hosts/scorm/build-host.ts builds the strict host: a fresh
 * clone needs no extra step, and `npm run build` stays the course's build.
 *
 * The output goes to scripts/preview/.dist/ui-<fingerprint>/ (ignored by git),
 * named by a hash of the sources: an unchanged UI is not built again, a
 * changed one always is (whatever the file times say after a checkout), and
 * several servers starting at once (parallel test workers) never see a
 * half-written folder: each builds aside and moves its result into place.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const UI_DIR = fileURLToPath(new URL('./ui/', import.meta.url));
const CONFIG_FILE = join(UI_DIR, 'vite.config.ts');
const UI_DIST = fileURLToPath(new URL('./.dist/', import.meta.url));
/** Dependency versions are part of what the pages are built from. */
const LOCK_FILE = fileURLToPath(new URL('../../package-lock.json', import.meta.url));

/** Builds the pages into `outDir`. */
export async function buildPreviewUi(outDir: string): Promise<void> {
  await build({ configFile: CONFIG_FILE, logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

/** The folder of up-to-date built pages, building them first if needed. */
export async function ensurePreviewUiBuilt(): Promise<string> {
  const target = join(UI_DIST, `ui-${await fingerprint()}`);
  if (existsSync(join(target, 'index.html'))) return target;
  await mkdir(UI_DIST, { recursive: true });
  const scratch = await mkdtemp(join(UI_DIST, '.building-'));
  try {
    console.log('Building the preview pages (scripts/preview/ui)…');
    await buildPreviewUi(scratch);
    // One atomic rename; when another process got there first, its copy is as good as ours.
    await rename(scratch, target).catch((error: unknown) => {
      if (!existsSync(join(target, 'index.html'))) throw error;
    });
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  await removeOlderBuilds(target);
  return target;
}

async function fingerprint(): Promise<string> {
  const hash = createHash('sha256');
  const entries = await readdir(UI_DIR, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of [...files, LOCK_FILE]) hash.update(`${relative(UI_DIR, file)}\0`).update(await readFile(file));
  return hash.digest('hex').slice(0, 16);
}

/** Builds of earlier sources are of no use any more. */
async function removeOlderBuilds(current: string): Promise<void> {
  const names = await readdir(UI_DIST).catch(() => []);
  const older = names.filter((name) => name.startsWith('ui-') && join(UI_DIST, name) !== current);
  await Promise.all(older.map((name) => rm(join(UI_DIST, name), { recursive: true, force: true })));
}
