/**
 * One package, every check: open the zip, its entry names, which standard it
 * is, that standard's descriptor and files, and embedded credentials.
 */
import { checkCmi5 } from './cmi5.js';
import { scanCredentials } from './credentials.js';
import { detectStandard } from './detect.js';
import { packageInfo, type PackageInfo } from './info.js';
import { checkZipPaths } from './paths.js';
import { checkScorm } from './scorm.js';
import { checkTincan } from './tincan.js';
import { openZip, openZipFile, type OpenedZip } from './zip.js';
import type { Finding, Standard, ZipPackage } from './types.js';

export interface PackageReport {
  /** The package as the user named it. */
  readonly file: string;
  readonly standard?: Standard;
  readonly info: PackageInfo;
  readonly findings: readonly Finding[];
  /** The unpacked files, when the zip could be read (the build report measures them). */
  readonly pkg?: ZipPackage;
}

const STANDARD_CHECKS: Record<Standard, (pkg: ZipPackage) => Finding[]> = {
  scorm12: (pkg) => checkScorm(pkg, 'scorm12'),
  scorm2004: (pkg) => checkScorm(pkg, 'scorm2004'),
  cmi5: checkCmi5,
  xapi: checkTincan,
};

export async function checkPackageFile(path: string): Promise<PackageReport> {
  return reportFor(path, await openZipFile(path));
}

export function checkPackageBytes(file: string, bytes: Uint8Array): PackageReport {
  return reportFor(file, openZip(bytes));
}

function reportFor(file: string, opened: OpenedZip): PackageReport {
  const { pkg } = opened;
  if (!pkg) return { file, info: {}, findings: opened.findings };
  const { standard, findings: detection } = detectStandard(pkg);
  const findings = [...checkZipPaths(pkg), ...detection, ...(standard ? STANDARD_CHECKS[standard](pkg) : []), ...scanCredentials(pkg)];
  return { file, standard, info: standard ? packageInfo(pkg, standard) : {}, findings, pkg };
}

/** Errors always fail a package; with `strict` (the build), warnings do too. */
export function passes(report: PackageReport, strict = false): boolean {
  return !report.findings.some((f) => f.level === 'error' || strict);
}
