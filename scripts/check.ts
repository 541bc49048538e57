/**
 * `npm run check -- <package.zip>...`: checks SCORM 1.2, SCORM 2004, xAPI
 * (tincan.xml) and cmi5 zips, ours or any tool's, the way an LMS import would
 * see them, and says what is wrong, where and why.
 *
 *   npm run check -- dist/*.zip              every package
 *   npm run check -- --strict course.zip     warnings fail too (the build uses this)
 *
 * Exit status: 0 every package passed, 1 some package failed, 2 bad usage.
 */
import { checkPackageFile, passes } from './check/check-package.js';
import { formatReport, formatSummary } from './check/report.js';

const USAGE = 'Usage: npm run check -- [--strict] <package.zip>...';

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  console.log(USAGE);
  process.exit(0);
}
const strict = args.includes('--strict');
const unknown = args.filter((a) => a.startsWith('-') && a !== '--strict');
const files = args.filter((a) => !a.startsWith('-'));
if (unknown.length || files.length === 0) {
  console.error(unknown.length ? `Unknown option ${unknown.join(', ')}\n${USAGE}` : USAGE);
  process.exit(2);
}

const reports = [];
for (const file of files) {
  const report = await checkPackageFile(file);
  reports.push(report);
  console.log(`${formatReport(report, strict)}\n`);
}
if (reports.length > 1) console.log(formatSummary(reports, strict));
process.exitCode = reports.every((r) => passes(r, strict)) ? 0 : 1;
