/**
 * What each package adds to the built files: its manifest. Every packager gets
 * the validated lesson and the list of built files (so SCORM manifests list
 * exactly what ships) and returns the files to add at the package root.
 */
import type { Lesson } from '../content/lesson.js';
import type { Target } from '../build/targets.js';
import { cmi5Xml } from './cmi5-xml.js';
import { scorm12Manifest } from './scorm12-manifest.js';
import { scorm2004Manifest } from './scorm2004-manifest.js';
import { tincanXml } from './tincan-xml.js';

export type Packager = (lesson: Lesson, files: readonly string[]) => Record<string, string>;

export const PACKAGERS: Partial<Record<Target, Packager>> = {
  scorm12: (lesson, files) => ({ 'imsmanifest.xml': scorm12Manifest(lesson, files) }),
  scorm2004: (lesson, files) => ({ 'imsmanifest.xml': scorm2004Manifest(lesson, files) }),
  xapi: (lesson) => ({ 'tincan.xml': tincanXml(lesson) }),
  cmi5: (lesson) => ({ 'cmi5.xml': cmi5Xml(lesson) }),
};

/** Which targets become an uploadable zip (the web build is served as a folder). */
export function zipName(lesson: Lesson, target: Target): string | undefined {
  return target === 'web' ? undefined : `${lesson.id}-${target}.zip`;
}
