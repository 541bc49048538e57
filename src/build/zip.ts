/**
 * Deterministic zips (fflate): entries sorted, one fixed timestamp, so a
 * rebuild of unchanged content gives a byte-identical package.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { zipSync, type Zippable } from 'fflate';

const FIXED_DATE = new Date('2000-01-01T00:00:00Z');

export async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split(sep).join('/'))
    .sort();
}

export async function zipDirectory(dir: string): Promise<Uint8Array> {
  const files: Zippable = {};
  for (const name of await listTree(dir)) files[name] = [await readFile(join(dir, name)), { mtime: FIXED_DATE }];
  return zipSync(files, { level: 9 });
}
