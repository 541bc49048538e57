/**
 * Resolving a reference from a manifest (an href, a url, a launch path) to a
 * file in the zip. LMSs serve packages from case-sensitive file systems, so a
 * reference that only matches with other letter case is reported as "wrong
 * case", apart from a file that is not there at all.
 */
import { error, type Finding, type ZipPackage } from './types.js';

export type Resolved =
  { readonly kind: 'file'; readonly path: string } | { readonly kind: 'external' } | { readonly kind: 'invalid'; readonly reason: string };

export type Lookup = { readonly kind: 'found' } | { readonly kind: 'wrong-case'; readonly actual: string } | { readonly kind: 'missing' };

/** A reference relative to `base` (a folder inside the package, "" or ending in "/") → a path in the zip. */
export function resolveReference(reference: string, base = ''): Resolved {
  const ref = reference.trim();
  if (ref === '') return { kind: 'invalid', reason: 'is empty' };
  if (/^[A-Za-z]:[\\/]/.test(ref)) return { kind: 'invalid', reason: 'is a Windows path with a drive letter' };
  if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(ref)) return { kind: 'external' };
  if (ref.includes('\\')) return { kind: 'invalid', reason: 'uses "\\": URLs and zip paths use "/"' };
  if (ref.startsWith('/')) return { kind: 'invalid', reason: 'is an absolute path; references inside a package are relative to its root' };
  let path: string;
  try {
    path = decodeURIComponent(ref.replace(/[?#].*$/, ''));
  } catch {
    return { kind: 'invalid', reason: 'has malformed %-encoding' };
  }
  const segments: string[] = [];
  for (const segment of `${base}${path}`.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment !== '..') segments.push(segment);
    else if (!segments.pop()) return { kind: 'invalid', reason: 'points outside the package ("..")' };
  }
  return segments.length ? { kind: 'file', path: segments.join('/') } : { kind: 'invalid', reason: 'names no file' };
}

const lowerCaseIndex = new WeakMap<ZipPackage, Map<string, string>>();

export function lookupFile(pkg: ZipPackage, path: string): Lookup {
  if (pkg.files.has(path)) return { kind: 'found' };
  let index = lowerCaseIndex.get(pkg);
  if (!index) {
    index = new Map([...pkg.files.keys()].map((name) => [name.toLowerCase(), name]));
    lowerCaseIndex.set(pkg, index);
  }
  const actual = index.get(path.toLowerCase());
  return actual ? { kind: 'wrong-case', actual } : { kind: 'missing' };
}

/**
 * Findings for one reference: `what` names it for the reader ("launch file",
 * "<file href>"), `where` is the manifest and line it came from.
 */
export function checkReference(pkg: ZipPackage, reference: string, where: string, what: string, base = ''): Finding[] {
  const resolved = resolveReference(reference, base);
  if (resolved.kind === 'external') return [];
  if (resolved.kind === 'invalid') return [error(where, `${what} "${reference}" ${resolved.reason}`)];
  const found = lookupFile(pkg, resolved.path);
  if (found.kind === 'wrong-case') {
    return [
      error(
        where,
        `${what} "${resolved.path}": wrong case, the zip has "${found.actual}". It works on Windows and macOS but not on the case-sensitive servers most LMSs run on`,
      ),
    ];
  }
  if (found.kind === 'missing') return [error(where, `${what} "${resolved.path}" is missing from the zip`)];
  return [];
}
