/**
 * The build's side of the package checker: every zip the build writes is
 * checked (strictly: a warning fails it too, since our manifests promise to
 * list every file) before it may replace dist/, and the build ends with a table
 * of what it made.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { checkPackageBytes, passes, type PackageReport } from '../check/check-package.js';
import { formatReport } from '../check/report.js';
import { STANDARD_NAMES } from '../check/types.js';
import { packageWeight, type PackageWeight } from './package-weight.js';

export interface BuiltZip {
  readonly name: string;
  readonly size: number;
  readonly report: PackageReport;
  /** What a learner downloads of it, gzip: the player's code, the lesson's content, in all. */
  readonly weight: PackageWeight;
}

/** Checks each zip in `dir`; prints one line per clean package and the full report of any other. */
export async function checkBuiltZips(dir: string, names: readonly string[]): Promise<{ zips: BuiltZip[]; passed: boolean }> {
  const zips: BuiltZip[] = [];
  for (const name of names) {
    const bytes = await readFile(join(dir, name));
    const report = await checkPackageBytes(name, bytes);
    zips.push({ name, size: bytes.length, report, weight: weightOf(bytes) });
    if (!passes(report, true)) console.error(`\n${formatReport(report, true)}\n`);
  }
  return { zips, passed: zips.every((z) => passes(z.report, true)) };
}

/** What the learner downloads of a zip the build just wrote (trusted: it is ours, and small): see package-weight.ts. */
function weightOf(zip: Uint8Array): PackageWeight {
  return packageWeight(Object.entries(unzipSync(zip)));
}

/** package | standard | zip | code, lesson (gzip) | files | identifier | version, as aligned text (see package-weight.ts). */
export function buildReportTable(zips: readonly BuiltZip[], lessonVersion: string): string {
  const rows = zips.map((zip) => {
    const { report, weight } = zip;
    return [
      zip.name,
      report.standard ? STANDARD_NAMES[report.standard] : '?',
      kib(zip.size),
      `${kib(weight.code)} + ${kib(weight.content)}`,
      String(report.pkg?.files.size ?? 0),
      report.info.identifier ?? '—',
      // cmi5.xml and tincan.xml carry no version: every package is built from the same lesson version.
      report.info.version ?? lessonVersion,
    ];
  });
  return table(['package', 'standard', 'zip', 'code + lesson (gzip)', 'files', 'identifier', 'version'], rows, [2, 3, 4]);
}

function table(headers: readonly string[], rows: readonly (readonly string[])[], rightAligned: readonly number[]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (rightAligned.includes(i) ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), widths.map((w) => '─'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
