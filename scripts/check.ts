/**
 * `npm run check -- <package.zip>...`: checks SCORM 1.2, SCORM 2004, xAPI
 * (tincan.xml) and cmi5 zips, ours or any tool's, the way an LMS import would
 * see them, and says what is wrong, where and why.
 *
 *   npm run check -- dist/*.zip                  every package
 *   npm run check -- --strict course.zip         warnings fail too (the build uses this)
 *   npm run check -- --max-unpacked=4096 big.zip  accept up to 4096 MiB unpacked (default 2048)
 *   npm run check -- --max-ratio=200 odd.zip      accept files that expand up to 200:1 (default 100)
 *
 * Exit status: 0 every package passed, 1 some package failed (or could not be
 * checked completely), 2 bad usage.
 */
import { checkPackageFile, passes } from './check/check-package.js';
import { formatReport, formatSummary } from './check/report.js';
import { DEFAULT_LIMITS, type ZipLimits } from './check/zip.js';

const USAGE = 'Usage: npm run check -- [--strict] [--max-unpacked=<MiB>] [--max-ratio=<N>] <package.zip>...';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const strict = args.includes('--strict');
const numberOption = (name: string): number | undefined => {
  const arg = args.find((a) => a.startsWith(`--${name}=`));
  if (arg === undefined) return undefined;
  const value = Number(arg.slice(name.length + 3));
  if (!Number.isFinite(value) || value <= 0) {
    console.error(`--${name} takes a positive number\n${USAGE}`);
    process.exit(2);
  }
  return value;
};
const maxUnpackedMiB = numberOption('max-unpacked');
const maxRatio = numberOption('max-ratio');
const limits: ZipLimits = {
  ...DEFAULT_LIMITS,
  ...(maxUnpackedMiB ? { maxUnpackedBytes: maxUnpackedMiB * 1024 * 1024 } : {}),
  ...(maxRatio ? { maxRatio } : {}),
};
const known = /^--(strict|max-unpacked=.*|max-ratio=.*)$/;
const unknown = args.filter((a) => a.startsWith('-') && !known.test(a));
const files = args.filter((a) => !a.startsWith('-'));
if (unknown.length || files.length === 0) {
  console.error(unknown.length ? `Unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
  process.exit(2);
}

const reports = [];
for (const file of files) {
  const report = await checkPackageFile(file, { limits });
  reports.push(report);
  console.log(`${formatReport(report, strict)}\n`);
}
if (reports.length > 1) console.log(formatSummary(reports, strict));
process.exitCode = reports.every((r) => passes(r, strict)) ? 0 : 1;
