/**
 * The entry names themselves. LMSs unpack packages on servers (usually Linux)
 * and serve the files by URL, so a name must be a plain relative POSIX path
 * inside the package: anything else is rejected, written outside the package
 * folder ("zip slip"), or unpacked under a name no URL can reach.
 */
import { error, warning, type Finding, type ZipPackage } from './types.js';

const JUNK = /(^|\/)(__MACOSX\/|\.DS_Store$|Thumbs\.db$|desktop\.ini$)/i;

export function checkZipPaths(pkg: ZipPackage): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  for (const name of pkg.entries) {
    seen.set(name, (seen.get(name) ?? 0) + 1);
    findings.push(...checkEntryName(name));
  }
  for (const [name, count] of seen) {
    if (count > 1) findings.push(error(name, `appears ${count} times in the zip; which copy an LMS unpacks is undefined`));
  }
  findings.push(...caseCollisions([...pkg.files.keys()]));
  return findings;
}

function checkEntryName(name: string): Finding[] {
  const segments = name.replace(/\/$/, '').split('/');
  if (/[\u0000-\u001f\u007f]/.test(name)) return [error(JSON.stringify(name), 'the entry name contains control characters')];
  if (name.includes('\\')) {
    return [
      error(
        name,
        'the entry name contains a backslash: zip paths use "/" (a Windows tool wrote this zip); on a Linux server it unpacks as one odd file name',
      ),
    ];
  }
  if (/^[A-Za-z]:/.test(name))
    return [error(name, 'the entry name starts with a drive letter: an absolute Windows path, not a path inside the package')];
  if (name.startsWith('/'))
    return [error(name, 'absolute path: the entry would be written outside the package folder (zip slip), so LMSs refuse it')];
  if (segments.includes('..'))
    return [error(name, 'the path contains "..": the entry would be written outside the package folder (zip slip), so LMSs refuse it')];
  if (segments.some((s) => s === '' || s === '.'))
    return [warning(name, 'the path has an empty or "." segment; some LMSs will not find the file by URL')];
  if (JUNK.test(name)) return [warning(name, 'operating-system clutter (Finder/Explorer metadata) shipped in the package; remove it')];
  if (segments.includes('.git')) return [warning(name, 'a .git folder is shipped: it exposes the repository history to every learner')];
  return [];
}

function caseCollisions(files: readonly string[]): Finding[] {
  const byLower = new Map<string, string[]>();
  for (const name of files) byLower.set(name.toLowerCase(), [...(byLower.get(name.toLowerCase()) ?? []), name]);
  return [...byLower.values()]
    .filter((names) => names.length > 1)
    .map((names) =>
      warning(
        names.join(', '),
        'these names differ only in case: unpacked on Windows or macOS (case-insensitive) one overwrites the other',
      ),
    );
}
