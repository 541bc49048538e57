/**
 * Structural validation of what an LRS receives, with two independent checkers
 * so that what one misses the other catches:
 * - Learning Locker's `@learninglocker/xapi-validation` (conformance-tested in an LRS);
 * - the TinCan JSON Schema for xAPI 1.0.x, `#/properties/statement`, run with
 *   ajv-draft-04 exactly as standards/README.md §1 prescribes
 *   (`unicodeRegExp: false`, every entry of formats.json registered as a format).
 * xAPI 1.0.3 Communication §3.0: "The LRS SHOULD enforce rules regarding structure."
 */
import xapiValidation from '@learninglocker/xapi-validation';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv-draft-04';
import { isObject } from './json.js';
import { readJsonFile, standardsPath } from './standards.js';

/** The package is CommonJS with `exports.default`; Node's ESM loader may hand over `module.exports` itself. */
const learningLocker: (data: unknown) => unknown[] =
  typeof xapiValidation === 'function' ? xapiValidation : (xapiValidation as unknown as { default: typeof xapiValidation }).default;

interface Validators {
  readonly statement: ValidateFunction;
  readonly agent: ValidateFunction;
  readonly iri: ValidateFunction;
  readonly uuid: ValidateFunction;
  readonly timestamp: ValidateFunction;
  readonly languageTag: ValidateFunction;
}

let validators: Validators | undefined;

function compile(): Validators {
  const ajv = new Ajv({ unicodeRegExp: false, allErrors: true, strict: false });
  const formats = readJsonFile(standardsPath('xapi', 'json-schema', 'tincan-1.0.1', 'formats', 'formats.json'));
  if (!isObject(formats)) throw new Error('formats.json is not a JSON object');
  for (const [name, pattern] of Object.entries(formats)) if (typeof pattern === 'string') ajv.addFormat(name, pattern);
  ajv.addSchema(readJsonFile(standardsPath('xapi', 'json-schema', 'tincan-1.0.1.combined.json')) as object, 'tincan');
  const part = (name: string): ValidateFunction => {
    const validate = ajv.getSchema(`tincan#/properties/${name}`);
    if (!validate) throw new Error(`the xAPI schema has no "${name}"`);
    return validate;
  };
  return {
    statement: part('statement'),
    agent: part('agent'),
    iri: ajv.compile({ type: 'string', format: 'iri' }),
    uuid: ajv.compile({ type: 'string', format: 'uuid' }),
    timestamp: ajv.compile({ type: 'string', format: 'iso_date' }),
    languageTag: ajv.compile({ type: 'string', format: 'langtag' }),
  };
}

const use = (): Validators => (validators ??= compile());

/** Everything wrong with one statement, as sentences naming the property; empty when it is valid. */
export function statementProblems(statement: unknown): string[] {
  const problems: string[] = [];
  const warnings = flattenWarnings(learningLocker(statement));
  if (warnings.length) problems.push(`xapi-validation: ${warnings.join('; ')}`);
  const schema = use().statement;
  if (!schema(statement)) problems.push(`JSON schema: ${schemaMessages(schema.errors ?? []).join('; ')}`);
  return problems;
}

export const isAgent = (x: unknown): boolean => use().agent(x) === true;
export const isIri = (x: unknown): boolean => use().iri(x) === true;
export const isUuid = (x: unknown): boolean => use().uuid(x) === true;
export const isTimestamp = (x: unknown): boolean => use().timestamp(x) === true;
export const isLanguageTag = (x: unknown): boolean => use().languageTag(x) === true;

/** rulr warnings carry a path and the checker's class name; `Warnings` nests more of them. */
function flattenWarnings(warnings: readonly unknown[]): string[] {
  const out: string[] = [];
  for (const warning of warnings) {
    if (!isObject(warning)) continue;
    if (Array.isArray(warning.warnings)) {
      out.push(...flattenWarnings(warning.warnings));
      continue;
    }
    const path = Array.isArray(warning.path) ? warning.path.join('.') : '?';
    const kind = warning.constructor.name;
    const keys = Array.isArray(warning.keys) ? ` (not allowed: ${warning.keys.join(', ')})` : '';
    out.push(`${path} ${kind === 'RequiredWarning' ? 'is required' : `is invalid (${kind})`}${keys}`);
  }
  return out;
}

/**
 * The schema describes Agents as oneOf several IFI shapes, so one bad mbox yields a dozen
 * branch errors. Keep one message per instance path, the most telling one.
 */
function schemaMessages(errors: readonly ErrorObject[]): string[] {
  const rank = (e: ErrorObject): number =>
    ['format', 'maximum', 'minimum', 'enum', 'pattern', 'additionalProperties', 'type', 'required'].indexOf(e.keyword) >>> 0;
  const best = new Map<string, ErrorObject>();
  for (const error of errors) {
    if (error.keyword === 'oneOf' || (error.keyword === 'type' && error.params.type === 'null')) continue;
    const path = error.instancePath || '/';
    const kept = best.get(path);
    if (!kept || rank(error) < rank(kept)) best.set(path, error);
  }
  if (!best.size && errors[0]) best.set(errors[0].instancePath || '/', errors[0]);
  return [...best].map(([path, e]) => `${path} ${e.message ?? e.keyword}${extra(e)}`);
}

function extra(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return ` ("${String(error.params.additionalProperty)}")`;
  if (error.keyword === 'enum') return ` (${JSON.stringify(error.params.allowedValues)})`;
  return '';
}
