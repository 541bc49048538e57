/**
 * Before the browser tests: make sure the packages are built, and unpack each
 * zip (exactly as an LMS would) into tests/.packages/<package>/ so the tests
 * run what ships, not the source.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

export const PACKAGES_DIR = join(process.cwd(), 'tests', '.packages');

export default async function globalSetup() {
  const dist = join(process.cwd(), 'dist');
  if (!existsSync(join(dist, 'web', 'index.html'))) {
    execFileSync('npx', ['tsx', 'scripts/build.ts'], { stdio: 'inherit' });
  }
  await rm(PACKAGES_DIR, { recursive: true, force: true });
  await rm(join(process.cwd(), 'tests', '.fault-matrix'), { recursive: true, force: true });
  for (const zip of (await readdir(dist)).filter((f) => f.endsWith('.zip'))) {
    const target =
      zip
        .replace(/\.zip$/, '')
        .split('-')
        .pop() ?? zip;
    const files = unzipSync(await readFile(join(dist, zip)));
    for (const [name, bytes] of Object.entries(files)) {
      if (name.endsWith('/')) continue;
      const out = join(PACKAGES_DIR, target, name);
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, bytes);
    }
  }
}
