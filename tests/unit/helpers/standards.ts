/** The official schemas shipped in standards/ and xmllint, as the README of that folder prescribes. */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const STANDARDS_DIR = fileURLToPath(new URL('../../../standards/', import.meta.url));

export const SCHEMAS = {
  scorm12: resolve(STANDARDS_DIR, 'scorm12', 'scorm12-manifest.xsd'),
  scorm2004: resolve(STANDARDS_DIR, 'scorm2004-4ed', 'scorm2004-4ed-manifest.xsd'),
  cmi5: resolve(STANDARDS_DIR, 'cmi5', 'CourseStructure.xsd'),
} as const;

/** Validates an XML file with xmllint; returns its exit status and what it said about the instance. */
export function xmllint(file: string, schema: string): { status: number | null; errors: string } {
  const run = spawnSync('xmllint', ['--nonet', '--noout', '--schema', schema, file], { encoding: 'utf8' });
  // Parser warnings about skipped imports are expected for valid files (standards README §1).
  const errors = run.stderr
    .split('\n')
    .filter((l) => l && !l.includes('parser warning') && !/^\s/.test(l) && !l.startsWith('^') && !l.endsWith(' validates'))
    .join('\n');
  return { status: run.status, errors };
}
