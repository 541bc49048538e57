/**
 * The project's standards data (schemas, cmi5 requirement list) ship in its
 * standards/ folder; paths are found from this file, whatever the working directory.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isObject } from './json.js';

const STANDARDS_DIR = fileURLToPath(new URL('../../standards/', import.meta.url));

export const standardsPath = (...parts: string[]): string => resolve(STANDARDS_DIR, ...parts);

export const readJsonFile = (path: string): unknown => JSON.parse(readFileSync(path, 'utf8')) as unknown;

let requirements: Readonly<Record<string, string>> | undefined;

/** The cmi5 requirements as ADL publishes them (`@cmi5/requirements`, the list the CATAPULT CTS cites). */
export const CMI5_REQUIREMENTS_FILE = createRequire(import.meta.url).resolve('@cmi5/requirements/requirements.json');

/** Text of a cmi5 requirement by its number in `@cmi5/requirements`; throws on an unknown number. */
export function cmi5Requirement(id: string): string {
  requirements ??= loadRequirements();
  const text = requirements[id];
  if (text === undefined) throw new Error(`cmi5 requirement "${id}" is not in requirements.json`);
  return text;
}

function loadRequirements(): Record<string, string> {
  const data = readJsonFile(CMI5_REQUIREMENTS_FILE);
  if (!isObject(data)) throw new Error('cmi5 requirements.json is not a JSON object');
  const table: Record<string, string> = {};
  for (const [id, entry] of Object.entries(data)) if (isObject(entry) && typeof entry.txt === 'string') table[id] = entry.txt;
  return table;
}
