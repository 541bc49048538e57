/**
 * The official schemas shipped in standards/, validated with the same npm
 * libxml2 (libxml2-wasm) that `npm run check` and the build use: the tests
 * need no xmllint or other system package.
 */
import { fileURLToPath } from 'node:url';
import { readXml } from '../../../scripts/check/xml.js';
import { validateAgainst, type SchemaName } from '../../../scripts/check/xsd.js';

export const STANDARDS_DIR = fileURLToPath(new URL('../../../standards/', import.meta.url));

/** Errors of an XML document against one of the project's schemas ("" when valid), one per line. */
export function schemaErrors(xml: string, schema: SchemaName, file = 'document.xml'): string {
  const read = readXml(file, new TextEncoder().encode(xml));
  try {
    const findings = read.doc ? validateAgainst(read.doc, file, schema) : read.findings;
    return findings.map((f) => `${f.where}: ${f.message}`).join('\n');
  } finally {
    read.doc?.dispose();
  }
}
