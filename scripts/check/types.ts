/**
 * What every check works on and returns. A check is a plain function of a
 * package's files that returns findings; the CLI and the build only collect
 * and print them.
 */

export type Level = 'error' | 'warning';

/** One problem: how bad, where (a path in the zip, with `:line` for text and XML), and why. */
export interface Finding {
  readonly level: Level;
  readonly where: string;
  readonly message: string;
}

/**
 * A zip as an LMS would unpack it: every entry name as written, the regular
 * files with their sizes, and the contents of the few files the checks read
 * (the package descriptors). Other files are streamed past, never held.
 */
export interface ZipPackage {
  /** Entry names in zip order, directories (ending in "/"), links and duplicates included. */
  readonly entries: readonly string[];
  /** Regular files (not directories or links) by their exact name, with their unpacked size in bytes. */
  readonly files: ReadonlyMap<string, number>;
  /** The contents of the package descriptors at the root (imsmanifest.xml, cmi5.xml, tincan.xml) that the zip holds. */
  readonly contents: ReadonlyMap<string, Uint8Array>;
}

/** The files whose contents the checks read: the descriptors, at the root of the zip. */
export const DESCRIPTORS = ['cmi5.xml', 'imsmanifest.xml', 'tincan.xml'] as const;

export type Standard = 'scorm12' | 'scorm2004' | 'xapi' | 'cmi5';

export const STANDARD_NAMES: Record<Standard, string> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004',
  xapi: 'xAPI (tincan.xml)',
  cmi5: 'cmi5',
};

/** Where a finding about the zip as a whole, rather than one file in it, points. */
export const ZIP = '(zip)';

export function error(where: string, message: string): Finding {
  return { level: 'error', where, message };
}

export function warning(where: string, message: string): Finding {
  return { level: 'warning', where, message };
}
