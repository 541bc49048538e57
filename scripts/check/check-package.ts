/**
 * One package, every check: open the zip (bounded, streamed), its entry names,
 * which standard it is, that standard's descriptor and files, and embedded
 * credentials. Fail closed: a zip whose standard cannot be told, or whose
 * descriptor cannot be read, is an error, never a pass.
 */
import { checkCmi5 } from './cmi5.js';
import { isBinaryName, scanFile, scanFileName } from './credentials.js';
import { detectStandard } from './detect.js';
import { packageInfo, type PackageInfo } from './info.js';
import { checkZipPaths } from './paths.js';
import { checkScorm } from './scorm.js';
import { checkTincan } from './tincan.js';
import { openZip, openZipFile, type OpenedZip, type ReadOptions, type ZipLimits } from './zip.js';
import { DESCRIPTORS, error, ZIP, type Finding, type Standard, type ZipPackage } from './types.js';

export interface PackageReport {
  /** The package as the user named it. */
  readonly file: string;
  readonly standard?: Standard;
  readonly info: PackageInfo;
  readonly findings: readonly Finding[];
  /** The zip's entries, when it could be read (the report counts its files). */
  readonly pkg?: ZipPackage;
}

export interface CheckOptions {
  readonly limits?: ZipLimits;
}

const STANDARD_CHECKS: Record<Standard, (pkg: ZipPackage) => Finding[]> = {
  scorm12: (pkg) => checkScorm(pkg, 'scorm12'),
  scorm2004: (pkg) => checkScorm(pkg, 'scorm2004'),
  cmi5: checkCmi5,
  xapi: checkTincan,
};

export async function checkPackageFile(path: string, options: CheckOptions = {}): Promise<PackageReport> {
  return reportFor(path, await openZipFile(path, readOptions(options)));
}

export async function checkPackageBytes(file: string, bytes: Uint8Array, options: CheckOptions = {}): Promise<PackageReport> {
  return reportFor(file, await openZip(bytes, readOptions(options)));
}

function readOptions(options: CheckOptions): ReadOptions {
  return {
    limits: options.limits,
    keep: (name) => (DESCRIPTORS as readonly string[]).includes(name),
    binary: isBinaryName,
    scan: scanFile,
  };
}

/** The checks that need only what the zip reader gathered; exported for tests of in-memory packages. */
export function checkPackage(pkg: ZipPackage): { standard?: Standard; findings: Finding[] } {
  const { standard, findings: detection } = detectStandard(pkg);
  const findings = [...checkZipPaths(pkg), ...detection];
  if (standard) findings.push(...STANDARD_CHECKS[standard](pkg));
  else findings.push(error(ZIP, 'not a SCORM, xAPI or cmi5 package: no descriptor it could read tells which standard it follows'));
  for (const name of pkg.files.keys()) findings.push(...scanFileName(name));
  return { standard, findings };
}

function reportFor(file: string, opened: OpenedZip): PackageReport {
  const { pkg } = opened;
  if (!pkg) return { file, info: {}, findings: failClosed(opened.findings) };
  const { standard, findings } = checkPackage(pkg);
  return {
    file,
    standard,
    info: standard ? packageInfo(pkg, standard) : {},
    findings: [...opened.findings, ...findings],
    pkg,
  };
}

/** A zip that could not be opened always has a finding that says why; never an empty (passing) report. */
function failClosed(findings: Finding[]): Finding[] {
  return findings.length ? findings : [error(ZIP, 'could not be checked, for a reason the checker did not record')];
}

/** Errors always fail a package; with `strict` (the build), warnings do too. */
export function passes(report: PackageReport, strict = false): boolean {
  return !report.findings.some((f) => f.level === 'error' || strict);
}
