/**
 * Shared shapes for the strict test LMS's data-model rules (one rule set per
 * SCORM version: rules-scorm12.ts, rules-scorm2004.ts).
 */

/** A rule the course broke, with the error code a strict LMS answers. */
export interface Breach {
  /** What is wrong, in words a developer can act on. */
  readonly rule: string;
  /** Where the rule is written, e.g. "SCORM 1.2 RTE 3.4.5 CMITimespan". */
  readonly section: string;
  readonly errorCode: number;
}

/** What the LMS holds now, for rules that depend on earlier calls. */
export interface HeldData {
  /** The stored value of a concrete element, e.g. cmi.interactions.0.type. */
  get(element: string): string | undefined;
  /** Number of records in a collection, e.g. count("cmi.interactions.0.objectives"). */
  count(collection: string): number;
}

/** Where a SetValue lands: the concrete element, its collection indexes, and the held data. */
export interface Target {
  readonly element: string;
  readonly indexes: readonly number[];
  readonly held: HeldData;
}

export type Check = (value: string, target: Target) => Breach | undefined;

/**
 * The identifier rule both versions apply on top of their spec's own (interoperability, stricter
 * than either spec): the strictest LMS players (Moodle's SCORM 2004 CMIShortIdentifier
 * `^[\w.]{1,250}$`) refuse anything else, so the same ids must serve every LMS.
 */
export const PORTABLE_IDENTIFIER_RULE = 'must be 1-250 of [A-Za-z0-9_.] (the identifier rule of Moodle and the strictest LMS players)';

export interface ElementRule {
  readonly access: 'read-only' | 'read-write' | 'write-only';
  readonly check?: Check;
}

/** A version's data-model rules, as the strict host applies them before delegating. */
export interface RuleSet {
  /** undefined when SetValue(element, value) is allowed. */
  checkSet(element: string, value: string, held: HeldData): Breach | undefined;
  /** undefined when GetValue(element) is allowed. */
  checkGet(element: string): Breach | undefined;
}

/**
 * "cmi.interactions.12.correct_responses.0.pattern" →
 * { pattern: "cmi.interactions.n.correct_responses.n.pattern", indexes: [12, 0] }.
 * An index with a leading zero or sign is kept literal (and so matches no rule).
 */
export function elementPattern(element: string): { pattern: string; indexes: number[] } {
  const indexes: number[] = [];
  const pattern = element
    .split('.')
    .map((part) => {
      if (!/^(0|[1-9]\d*)$/.test(part)) return part;
      indexes.push(Number(part));
      return 'n';
    })
    .join('.');
  return { pattern, indexes };
}

/** The keyword elements every collection and the root expose (never settable). */
export function isKeyword(element: string): boolean {
  return /(^|\.)(_children|_count|_version)$/.test(element);
}

/**
 * The concrete collection paths an element belongs to, outermost first:
 * "cmi.interactions.2.objectives.1.id" → [["cmi.interactions", 2], ["cmi.interactions.2.objectives", 1]].
 */
export function collectionsOf(element: string): Array<readonly [string, number]> {
  const parts = element.split('.');
  const found: Array<readonly [string, number]> = [];
  parts.forEach((part, i) => {
    if (/^\d+$/.test(part)) found.push([parts.slice(0, i).join('.'), Number(part)]);
  });
  return found;
}

/** A collection record may be written at an existing index or the next free one, never beyond. */
export function firstGap(element: string, held: HeldData): readonly [string, number] | undefined {
  return collectionsOf(element).find(([collection, index]) => index > held.count(collection));
}
