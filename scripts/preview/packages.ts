/**
 * The packages the preview serves: built first when dist/ lacks any, then
 * unpacked afresh (exactly as an LMS would unzip an upload) into
 * <dataDir>/packages/<id>/, and described from their own manifests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, normalize, sep } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { unzipSync } from 'fflate';
import type { MoveOn } from '../../hosts/lrs/index.js';
import { isRecord } from './json-file.js';

export const PACKAGE_IDS = ['scorm12', 'scorm2004', 'xapi', 'cmi5', 'web'] as const;
export type PackageId = (typeof PACKAGE_IDS)[number];
export type ZippedId = Exclude<PackageId, 'web'>;

const ZIPPED: readonly ZippedId[] = ['scorm12', 'scorm2004', 'xapi', 'cmi5'];

const STANDARD_NAMES: Readonly<Record<PackageId, string>> = {
  scorm12: 'SCORM 1.2',
  scorm2004: 'SCORM 2004',
  xapi: 'xAPI',
  cmi5: 'cmi5',
  web: 'Standalone web',
};

export interface PackageInfo {
  readonly id: PackageId;
  /** "SCORM 1.2", "cmi5", … */
  readonly standard: string;
  readonly title: string;
  readonly version: string | undefined;
  /** What an LMS tracks the package by: manifest identifier, activity or course IRI. */
  readonly identifier: string | undefined;
  /** The lesson id (`<courseId>-<id>.zip`): it names the resume state (`<courseId>.resume`) and local storage. */
  readonly courseId: string;
  readonly zipFile: string | undefined;
  readonly zipBytes: number | undefined;
  readonly files: number;
  readonly unpackedBytes: number;
  /** When the zip (or the web build) was written. */
  readonly builtAt: string;
  /** The launch page, relative to the package root. */
  readonly launchFile: string;
  /** The unpacked package on disk. */
  readonly dir: string;
  /** xAPI: the tincan.xml activity id; cmi5: the AU id (the publisher id, cmi5 §9.6.2.3). */
  readonly activityId?: string;
  /** cmi5 AU settings from cmi5.xml, which the LMS passes on in LMS.LaunchData. */
  readonly masteryScore?: number;
  readonly moveOn?: MoveOn;
}

export interface PreparePackagesOptions {
  /** The repository: dist/ and scripts/build.ts live here. */
  readonly root: string;
  /** Packages are unpacked into <dataDir>/packages/. */
  readonly dataDir: string;
  /** Build when dist/ lacks a package (default true). */
  readonly build?: boolean;
}

/** Builds if needed, unpacks every package afresh and reads what each says about itself. */
export async function preparePackages({ root, dataDir, build = true }: PreparePackagesOptions): Promise<PackageInfo[]> {
  const dist = join(root, 'dist');
  let missing = await missingPackages(dist);
  if (missing.length && build) {
    console.log(`dist/ has no ${missing.join(', ')} package: building the course first…`);
    execFileSync('npx', ['tsx', 'scripts/build.ts'], { cwd: root, stdio: 'inherit' });
    missing = await missingPackages(dist);
  }
  if (missing.length) throw new Error(`dist/ has no ${missing.join(', ')} package; run \`npm run build\` first`);

  const target = join(dataDir, 'packages');
  await rm(target, { recursive: true, force: true });
  const zips = await zipFiles(dist);
  const scorm12Version = await unpackAll(zips, target);
  const infos: PackageInfo[] = [];
  for (const id of ZIPPED) infos.push(await describe(id, zips[id] ?? '', join(target, id), scorm12Version));
  infos.push(await describeWeb(join(dist, 'web'), join(target, 'web'), courseIdOf(zips.scorm12 ?? ''), scorm12Version));
  return infos;
}

async function missingPackages(dist: string): Promise<string[]> {
  const zips = await zipFiles(dist);
  const missing: string[] = ZIPPED.filter((id) => !zips[id]).map((id) => STANDARD_NAMES[id]);
  if (!existsSync(join(dist, 'web', 'index.html'))) missing.push(STANDARD_NAMES.web);
  return missing;
}

/** dist/<courseId>-<id>.zip by package id. */
async function zipFiles(dist: string): Promise<Partial<Record<ZippedId, string>>> {
  const names = existsSync(dist) ? await readdir(dist) : [];
  const found: Partial<Record<ZippedId, string>> = {};
  for (const id of ZIPPED) {
    const name = names.find((n) => n.endsWith(`-${id}.zip`));
    if (name) found[id] = join(dist, name);
  }
  return found;
}

const courseIdOf = (zip: string): string => (zip.split(sep).pop() ?? '').replace(/-(scorm12|scorm2004|xapi|cmi5)\.zip$/, '');

/** Unzips each package; returns the lesson version the SCORM 1.2 manifest carries (see describe). */
async function unpackAll(zips: Partial<Record<ZippedId, string>>, target: string): Promise<string | undefined> {
  for (const id of ZIPPED) {
    const zip = zips[id];
    if (!zip) continue;
    const files = unzipSync(await readFile(zip));
    for (const [name, bytes] of Object.entries(files)) {
      if (name.endsWith('/')) continue;
      const out = normalize(join(target, id, name));
      // A zip entry such as "../x" must not write outside the package folder ("zip slip").
      if (!out.startsWith(join(target, id) + sep)) throw new Error(`${zip}: entry "${name}" points outside the package`);
      await mkdir(dirname(out), { recursive: true });
      await writeFile(out, bytes);
    }
  }
  const manifest = await readXml(join(target, 'scorm12', 'imsmanifest.xml'));
  return attribute(manifest.manifest, 'version');
}

async function describe(id: ZippedId, zip: string, dir: string, lessonVersion: string | undefined): Promise<PackageInfo> {
  const zipInfo = await stat(zip);
  const common = {
    id,
    standard: STANDARD_NAMES[id],
    courseId: courseIdOf(zip),
    zipFile: zip.split(sep).pop(),
    zipBytes: zipInfo.size,
    builtAt: zipInfo.mtime.toISOString(),
    dir,
    ...(await folderSize(dir)),
  };
  if (id === 'scorm12' || id === 'scorm2004') {
    const { manifest } = await readXml(join(dir, 'imsmanifest.xml'));
    const organizations = child(manifest, 'organizations');
    const resource = child(child(manifest, 'resources'), 'resource');
    return {
      ...common,
      title: text(child(child(organizations, 'organization'), 'title')) ?? common.courseId,
      version: attribute(manifest, 'version'),
      identifier: attribute(manifest, 'identifier'),
      launchFile: attribute(resource, 'href') ?? 'index.html',
    };
  }
  if (id === 'xapi') {
    const activity = child(child((await readXml(join(dir, 'tincan.xml'))).tincan, 'activities'), 'activity');
    const activityId = attribute(activity, 'id');
    return {
      ...common,
      title: text(child(activity, 'name')) ?? common.courseId,
      // tincan.xml and cmi5.xml carry no version: the lesson version is the one the same build wrote into imsmanifest.xml.
      version: lessonVersion,
      identifier: activityId,
      launchFile: text(child(activity, 'launch')) ?? 'index.html',
      ...(activityId ? { activityId } : {}),
    };
  }
  const structure = (await readXml(join(dir, 'cmi5.xml'))).courseStructure;
  const au = child(structure, 'au');
  const auId = attribute(au, 'id');
  const masteryScore = Number(attribute(au, 'masteryScore'));
  const moveOn = attribute(au, 'moveOn');
  return {
    ...common,
    title: text(child(child(au, 'title'), 'langstring')) ?? common.courseId,
    version: lessonVersion,
    identifier: attribute(child(structure, 'course'), 'id'),
    launchFile: text(child(au, 'url')) ?? 'index.html',
    ...(auId ? { activityId: auId } : {}),
    ...(Number.isFinite(masteryScore) && attribute(au, 'masteryScore') !== undefined ? { masteryScore } : {}),
    ...(isMoveOn(moveOn) ? { moveOn } : {}),
  };
}

/** The standalone build is served as built (dist/web/), copied so a rebuild does not change it under the learner. */
async function describeWeb(source: string, dir: string, courseId: string, lessonVersion: string | undefined): Promise<PackageInfo> {
  await cp(source, dir, { recursive: true });
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const title = /<title>([^<]*)<\/title>/.exec(html)?.[1]?.trim();
  return {
    id: 'web',
    standard: STANDARD_NAMES.web,
    title: title ? decodeEntities(title) : courseId,
    version: lessonVersion,
    identifier: undefined,
    courseId,
    zipFile: undefined,
    zipBytes: undefined,
    builtAt: (await stat(join(source, 'index.html'))).mtime.toISOString(),
    launchFile: 'index.html',
    dir,
    ...(await folderSize(dir)),
  };
}

async function folderSize(dir: string): Promise<{ files: number; unpackedBytes: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const sizes = await Promise.all(entries.filter((e) => e.isFile()).map(async (e) => (await stat(join(e.parentPath, e.name))).size));
  return { files: sizes.length, unpackedBytes: sizes.reduce((sum, size) => sum + size, 0) };
}

// Reading the manifests: namespace prefixes dropped, attributes as "@name".

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  textNodeName: '#text',
});

async function readXml(file: string): Promise<Record<string, unknown>> {
  const parsed: unknown = parser.parse(await readFile(file, 'utf8'));
  if (!isRecord(parsed)) throw new Error(`${file} is not XML`);
  return parsed;
}

/** The first child element of that name (the parser gives an array when there are several). */
function child(node: unknown, name: string): unknown {
  if (!isRecord(node)) return undefined;
  const value = node[name];
  return Array.isArray(value) ? value[0] : value;
}

function attribute(node: unknown, name: string): string | undefined {
  const value = isRecord(node) ? node[`@${name}`] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

function text(node: unknown): string | undefined {
  if (typeof node === 'string' || typeof node === 'number') return String(node).trim();
  const value = isRecord(node) ? node['#text'] : undefined;
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() : undefined;
}

const isMoveOn = (value: string | undefined): value is MoveOn =>
  value === 'Passed' ||
  value === 'Completed' ||
  value === 'CompletedAndPassed' ||
  value === 'CompletedOrPassed' ||
  value === 'NotApplicable';

const decodeEntities = (s: string): string =>
  s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&#39;', "'").replaceAll('&amp;', '&');
