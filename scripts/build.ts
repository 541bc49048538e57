/**
 * `npm run build`: validate course/ → one Vite build per package → manifests →
 * zips, all in a staging folder that replaces dist/ only when everything
 * succeeded (a broken content file leaves dist/ as it was).
 *
 *   npm run build                    every package
 *   npm run build -- scorm12 web     only these
 *   npm run build -- --out DIR       into DIR instead of dist/
 *   npm run build -- --course DIR    from another copy of the lesson (default course/)
 */
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ContentError, formatProblem, loadCourseWithWarnings } from '../src/content/load-course.js';
import type { Lesson } from '../src/content/lesson.js';
import { BUILT_TARGETS, isTarget, type Target } from '../src/build/targets.js';
import type { BuiltZip } from './lib/build-report.js';

// Packages are always production builds, whatever the calling environment says (vitest sets NODE_ENV=test).
process.env.NODE_ENV = 'production';
const root = process.cwd();
const outArg = process.argv.indexOf('--out');
const dist = resolve(root, outArg > 0 ? (process.argv[outArg + 1] ?? 'dist') : 'dist');
const started = performance.now();
/** The output folder as the author typed it (dist, or the --out folder). */
const shown = relative(root, dist) || '.';

const courseArg = process.argv.indexOf('--course');
const courseDir = resolve(root, courseArg > 0 ? (process.argv[courseArg + 1] ?? 'course') : 'course');
const requested = process.argv.slice(2).filter((a, i, all) => !a.startsWith('-') && all[i - 1] !== '--out' && all[i - 1] !== '--course');
const unknown = requested.filter((t) => !isTarget(t));
if (unknown.length) {
  console.error(`Unknown package "${unknown.join('", "')}"; expected some of: ${BUILT_TARGETS.join(', ')}`);
  process.exit(2);
}
const targets: Target[] = requested.length ? requested.filter(isTarget) : [...BUILT_TARGETS];

let lesson: Lesson;
try {
  const loaded = await loadCourseWithWarnings(courseDir);
  lesson = loaded.lesson;
  for (const warning of loaded.warnings) console.warn(`! warning: ${formatProblem(warning)}`);
} catch (error) {
  if (error instanceof ContentError) {
    console.error(error.message);
    console.error('\nNothing was built; dist/ is unchanged.');
    process.exit(1);
  }
  throw error;
}
console.log(`✓ course/ is valid: "${lesson.title}" v${lesson.version}, ${lesson.pages.length} pages`);

// The bundler and packagers load only once the content is valid: an author's mistake is reported
// in under a second instead of after Vite's start-up.
const [
  { build },
  { viteConfigFor },
  { listTree, zipDirectory },
  { PACKAGERS, zipName },
  { buildReportTable, checkBuiltZips },
  { uploadGuide },
  { STANDARD_NAMES },
  { pageStyleHash },
] = await Promise.all([
  import('vite'),
  import('../src/build/vite-options.js'),
  import('../src/build/zip.js'),
  import('../src/packaging/packagers.js'),
  import('./lib/build-report.js'),
  import('./lib/upload-guide.js'),
  import('./check/types.js'),
  import('../src/build/critical-style.js'),
]);

const staging = join(dist, `.staging-${process.pid}`);
await rm(staging, { recursive: true, force: true });
await mkdir(staging, { recursive: true });
let checked: BuiltZip[] = [];
/** What each output is, said only once it is in place (nothing gets a ✓ before it is written and checked). */
const made: { name: string; line: string }[] = [];
/** The CSP hash of the packages' inline style (the same stylesheet in every package). */
let styleHash: string | undefined;
try {
  for (const target of targets) {
    const outDir = join(staging, target);
    await build({ ...viteConfigFor(target, outDir, root, courseDir), configFile: false, logLevel: 'warn', mode: 'production' });
    const built = await listTree(outDir);
    const hash = await pageStyleHash(outDir);
    if (styleHash && hash !== styleHash) throw new Error(`${target}: its inline style differs from the other packages'`);
    styleHash = hash;
    const extra = PACKAGERS[target]?.(lesson, built) ?? {};
    for (const [name, text] of Object.entries(extra)) await writeFile(join(outDir, name), text);
    const zip = zipName(lesson, target);
    if (zip) {
      const bytes = await zipDirectory(outDir);
      await writeFile(join(staging, zip), bytes);
      await rm(outDir, { recursive: true });
      made.push({
        name: zip,
        line: `${target}: ${shown}/${zip} (${(bytes.length / 1024).toFixed(1)} KiB, ${built.length + Object.keys(extra).length} files)`,
      });
    } else {
      made.push({ name: target, line: `${target}: ${shown}/${target}/ (${built.length} files)` });
    }
  }
  // Every zip must pass the package checker (npm run check, strict) before it may replace dist/.
  const zips = made.map((m) => m.name).filter((name) => name.endsWith('.zip'));
  const check = await checkBuiltZips(staging, zips);
  if (!check.passed) {
    console.error('A package failed its check (see above): nothing was written, dist/ is unchanged.');
    await rm(staging, { recursive: true, force: true });
    process.exit(1);
  }
  checked = check.zips;
  if (checked.length) {
    await writeFile(join(staging, 'UPLOAD.md'), uploadGuide(lesson, checked, styleHash));
    made.push({ name: 'UPLOAD.md', line: `UPLOAD.md: ${shown}/UPLOAD.md (how to upload each package)` });
  }
  // Everything built and checked: swap the new outputs into dist/.
  for (const { name } of made) {
    await rm(join(dist, name), { recursive: true, force: true });
    await rename(join(staging, name), join(dist, name));
  }
} finally {
  await rm(staging, { recursive: true, force: true });
}
for (const { name, line } of made) {
  const report = checked.find((zip) => zip.name === name)?.report;
  console.log(`✓ ${line}${report?.standard ? `, checked: ${STANDARD_NAMES[report.standard]}, no problems` : ''}`);
}

if (targets.includes('scorm12')) await syncProjectManifest();
if (checked.length) console.log(`\n${buildReportTable(checked, lesson.version)}\n\nHow to upload them: ${join(dist, 'UPLOAD.md')}`);
console.log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s → ${dist}`);

/**
 * The project keeps the SCORM 1.2 manifest at its top level, next to course/
 * (some LMSs and reviewers read it from the repository). A build of a
 * project's course/ into that project's dist/ (the default) writes it, so it
 * never falls behind the package: commit it with your course/ edits. A build
 * of another course, or into another folder, leaves it alone.
 */
async function syncProjectManifest() {
  const project = dirname(courseDir);
  if (basename(courseDir) !== 'course' || resolve(project, 'dist') !== dist) return;
  const { unzipSync, strFromU8 } = await import('fflate');
  const zip = unzipSync(await readFile(join(dist, zipName(lesson, 'scorm12') ?? '')), {
    filter: (file) => file.name === 'imsmanifest.xml',
  });
  const shipped = strFromU8(zip['imsmanifest.xml'] ?? new Uint8Array());
  const path = join(project, 'imsmanifest.xml');
  if ((await readFile(path, 'utf8').catch(() => '')) === shipped) return;
  await writeFile(path, shipped);
  console.log(`✓ ${relative(root, path) || path} updated from the SCORM 1.2 package: commit it with your course/ changes`);
}
