/**
 * XML Schema validation against the official XSDs in the project's standards/
 * folder, with libxml2 (npm `libxml2-wasm`), through the drivers that
 * standards/README.md §1 describes. Node is all it needs: no xmllint, no
 * system package.
 *
 * The schemas' own imports are served only from standards/ (an input provider
 * that refuses every other path or URL), so validation never reads the disk
 * elsewhere or the network. Each schema is compiled once per process.
 */
import { readFileSync, realpathSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { XmlDocument, XmlValidateError, XsdValidator, xmlRegisterInputProvider, type XmlInputProvider } from 'libxml2-wasm';
import { clean, readXml, reason, type XmlElement } from './xml.js';
import { error, type Finding, type ZipPackage } from './types.js';

/** standards/ at the project root, found from this file (scripts/check/ → root), whatever the working directory. */
export const STANDARDS_DIR = fileURLToPath(new URL('../../standards/', import.meta.url));

export const SCHEMAS = {
  scorm12: `${STANDARDS_DIR}scorm12/scorm12-manifest.xsd`,
  scorm2004: `${STANDARDS_DIR}scorm2004-4ed/scorm2004-4ed-manifest.xsd`,
  cmi5: `${STANDARDS_DIR}cmi5/CourseStructure.xsd`,
} as const;

export type SchemaName = keyof typeof SCHEMAS;

/** At most this many schema errors per file: the first ones are the ones to fix. */
const SHOWN = 20;

const compiled = new Map<SchemaName, XsdValidator | Finding>();

/**
 * Findings for `doc` (the file `file` of the package) against a schema: none
 * when valid; the instance's errors with their lines when not; and, when the
 * validator itself could not run, one error saying so.
 */
export function validateAgainst(doc: XmlDocument, file: string, schema: SchemaName): Finding[] {
  const validator = validatorFor(schema, file);
  if (!(validator instanceof XsdValidator)) return [{ ...validator, where: file }];
  try {
    validator.validate(doc);
    return [];
  } catch (e) {
    if (!(e instanceof XmlValidateError)) {
      return [error(file, `cannot validate: the XML Schema validator (libxml2) failed (${reason(e)}); this says nothing about the file`)];
    }
    const details = e.details.filter((d) => (d.level ?? 2) >= 2);
    if (details.length === 0) return [error(file, `not valid against ${shortName(schema)}: ${clean(e.message)}`)];
    const findings = details.slice(0, SHOWN).map((d) => error(d.line ? `${file}:${d.line}` : file, clean(d.message)));
    if (details.length > SHOWN) findings.push(error(file, `${details.length - SHOWN} more schema errors not shown`));
    return findings;
  }
}

function validatorFor(schema: SchemaName, file: string): XsdValidator | Finding {
  let validator = compiled.get(schema);
  if (!validator) {
    validator = compile(schema, file);
    compiled.set(schema, validator);
  }
  return validator;
}

function compile(schema: SchemaName, file: string): XsdValidator | Finding {
  registerStandardsProvider();
  const path = SCHEMAS[schema];
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch {
    return error(
      file,
      `cannot validate: the schema ${path} is missing (it ships in the project's standards/ folder: restore it with git checkout -- standards)`,
    );
  }
  let doc: XmlDocument | undefined;
  try {
    doc = XmlDocument.fromBuffer(bytes, { url: path });
    return XsdValidator.fromDoc(doc);
  } catch (e) {
    const why = e instanceof XmlValidateError ? e.details.filter((d) => (d.level ?? 2) >= 2).map((d) => clean(d.message))[0] : undefined;
    return error(
      file,
      `cannot validate: the schema ${path} did not compile (${why ?? reason(e)}); restore standards/ with git checkout -- standards`,
    );
  } finally {
    doc?.dispose();
  }
}

const shortName = (schema: SchemaName) => SCHEMAS[schema].slice(STANDARDS_DIR.length);

let registered = false;

/** Serves the schemas' imports from standards/, and nothing else. */
function registerStandardsProvider(): void {
  if (registered) return;
  registered = true;
  const root = resolve(STANDARDS_DIR);
  const realRoot = realpathSync(root);
  const open = new Map<number, { bytes: Uint8Array; at: number }>();
  let next = 1;
  const inside = (path: string, folder: string) => path.startsWith(`${folder}${sep}`);
  const pathOf = (name: string): string | undefined => {
    const path = name.startsWith('file://') ? fileURLToPath(name) : name;
    if (!path.startsWith('/') && !/^[A-Za-z]:[\\/]/.test(path)) return undefined;
    const absolute = resolve(path);
    return inside(absolute, root) && /\.xsd$/i.test(absolute) ? absolute : undefined;
  };
  const provider: XmlInputProvider = {
    match: (name) => pathOf(name) !== undefined,
    open: (name) => {
      const path = pathOf(name);
      if (!path) return undefined;
      try {
        const real = realpathSync(path);
        if (!inside(real, realRoot)) return undefined; // a link out of standards/
        open.set(next, { bytes: readFileSync(real), at: 0 });
      } catch {
        return undefined;
      }
      return next++;
    },
    read: (fd, buf) => {
      const file = open.get(fd);
      if (!file) return -1;
      const chunk = file.bytes.subarray(file.at, file.at + buf.byteLength);
      buf.set(chunk);
      file.at += chunk.length;
      return chunk.length;
    },
    close: (fd) => open.delete(fd),
  };
  xmlRegisterInputProvider(provider);
}

/**
 * A descriptor of the package, read and (with a schema) validated: its tree, or
 * only findings. Fail closed: a descriptor that is missing, unread, not
 * well-formed or not checked against its schema is never an empty result.
 */
export function readDescriptor(pkg: ZipPackage, file: string, schema?: SchemaName): { root?: XmlElement; findings: Finding[] } {
  const bytes = pkg.contents.get(file);
  if (!bytes) {
    return {
      findings: [
        pkg.files.has(file)
          ? error(file, 'was not read (see the finding above), so it was not checked')
          : error(file, 'missing at the root of the zip'),
      ],
    };
  }
  const read = readXml(file, bytes);
  const { root, doc } = read;
  if (!root || !doc) return { findings: read.findings };
  try {
    return { root, findings: schema ? validateAgainst(doc, file, schema) : [] };
  } finally {
    doc.dispose();
  }
}
