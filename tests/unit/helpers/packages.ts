/** Reading the built packages in dist/ (the tests run after `npm run build`). */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

export const DIST = join(process.cwd(), 'dist');
export const COURSE_ID = 'iam-access-patterns-5-6';

export function zipPath(target: string): string {
  return join(DIST, `${COURSE_ID}-${target}.zip`);
}

export function readZip(target: string): Record<string, Uint8Array> {
  const path = zipPath(target);
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` before the unit tests`);
  return unzipSync(readFileSync(path));
}

export function zipText(files: Record<string, Uint8Array>, name: string): string {
  const bytes = files[name];
  if (!bytes) throw new Error(`${name} is not in the package`);
  return strFromU8(bytes);
}
