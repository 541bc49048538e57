/**
 * XML Schema validation with libxml2's xmllint, exactly as
 * standards/README.md §1 prescribes (`--nonet --noout --schema <driver>`),
 * against the official XSDs shipped in the project's standards/ folder.
 * The document goes in on stdin, so nothing is written to disk.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { error, type Finding } from './types.js';

/** standards/ at the project root, found from this file (scripts/check/ → root), whatever the working directory. */
export const STANDARDS_DIR = fileURLToPath(new URL('../../standards/', import.meta.url));

export const SCHEMAS = {
  scorm12: `${STANDARDS_DIR}scorm12/scorm12-manifest.xsd`,
  scorm2004: `${STANDARDS_DIR}scorm2004-4ed/scorm2004-4ed-manifest.xsd`,
  cmi5: `${STANDARDS_DIR}cmi5/CourseStructure.xsd`,
} as const;

export type SchemaName = keyof typeof SCHEMAS;

/**
 * Findings for `file` (its name in the zip): not well formed, or (with a schema)
 * not valid. Without a schema only well-formedness is checked (tincan.xml has none).
 */
export function xmllint(text: string, file: string, schema?: SchemaName): Finding[] {
  const args = ['--nonet', '--noout'];
  if (schema) {
    if (!existsSync(SCHEMAS[schema])) {
      return [
        error(
          file,
          `cannot validate: the schema ${SCHEMAS[schema]} is missing (it ships in the project's standards/ folder: restore it with git checkout -- standards)`,
        ),
      ];
    }
    args.push('--schema', SCHEMAS[schema]);
  }
  const run = spawnSync('xmllint', [...args, '-'], { input: text, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) {
    return [
      error(
        file,
        `cannot validate: xmllint did not run (${run.error.message}); on Debian/Ubuntu install it with \`apt-get install libxml2-utils\``,
      ),
    ];
  }
  // Exit status (standards README §1): 0 valid, 1 not well formed, 3 invalid, 5 schema did not compile.
  if (run.status === 0) return [];
  if (run.status === 5) return [error(file, `cannot validate: xmllint could not compile ${schema ? SCHEMAS[schema] : 'the schema'}`)];
  const findings = instanceMessages(run.stderr).map(({ line, message }) => error(`${file}:${line}`, message));
  return findings.length ? findings : [error(file, `xmllint rejected the file (exit ${run.status}): ${run.stderr.trim()}`)];
}

/**
 * xmllint's messages about the instance ("-:LINE: … error : MESSAGE"), without the
 * parser warnings about the schemas' own imports (expected, README §1) and
 * without the echoed source lines and carets that follow a parser error.
 */
function instanceMessages(stderr: string): { line: number; message: string }[] {
  const found: { line: number; message: string }[] = [];
  for (const raw of stderr.split('\n')) {
    const match = /^-:(\d+): (?:.*?(?:parser|validity|namespace) error : )?(.*)$/.exec(raw);
    if (!match) continue;
    // Namespace URIs in {braces} make the messages hard to read; the element's local name is enough.
    const message = (match[2] ?? '').replace(/\{[A-Za-z][A-Za-z0-9+.-]*:[^}\s]*\}/g, '').trim();
    found.push({ line: Number(match[1]), message: message.replace(/^Element /, 'element ') });
  }
  return found;
}
