/** Plain-text reports for a terminal or a CI log: one block per package, then a summary line. */
import type { PackageReport } from './check-package.js';
import { passes } from './check-package.js';
import { STANDARD_NAMES, type Finding } from './types.js';

export function formatReport(report: PackageReport, strict = false): string {
  const lines = [report.file];
  const facts = [
    report.standard ? STANDARD_NAMES[report.standard] : undefined,
    report.info.identifier,
    report.info.version && `version ${report.info.version}`,
    report.pkg && `${report.pkg.files.size} files`,
  ].filter(Boolean);
  if (facts.length) lines.push(`  ${facts.join(' · ')}`);
  const ordered = [...report.findings].sort((a, b) => rank(a) - rank(b));
  for (const finding of ordered) lines.push(`  ${finding.level === 'error' ? 'error  ' : 'warning'}  ${finding.where}  ${finding.message}`);
  lines.push(
    `  ${passes(report, strict) ? '✓ passed' : '✗ failed'}: ${counts(report.findings)}${strict && !hasErrors(report) && !passes(report, true) ? ' (--strict: warnings fail)' : ''}`,
  );
  return lines.join('\n');
}

export function formatSummary(reports: readonly PackageReport[], strict = false): string {
  const failed = reports.filter((r) => !passes(r, strict));
  const width = Math.max(...reports.map((r) => r.file.length));
  const lines = [`Summary: ${reports.length} packages checked, ${reports.length - failed.length} passed, ${failed.length} failed`];
  for (const report of reports) {
    const standard = report.standard ? STANDARD_NAMES[report.standard] : 'unknown standard';
    lines.push(`  ${passes(report, strict) ? '✓' : '✗'} ${report.file.padEnd(width)}  ${standard.padEnd(17)}  ${counts(report.findings)}`);
  }
  return lines.join('\n');
}

function counts(findings: readonly Finding[]): string {
  const errors = findings.filter((f) => f.level === 'error').length;
  const warnings = findings.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}

const plural = (n: number, word: string) => `${n === 0 ? 'no' : n} ${word}${n === 1 ? '' : 's'}`;
const rank = (finding: Finding) => (finding.level === 'error' ? 0 : 1);
const hasErrors = (report: PackageReport) => report.findings.some((f) => f.level === 'error');
