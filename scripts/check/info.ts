/** What a package says about itself, for reports: its identifier, version and title. */
import { attribute, elements, readXml, type XmlElement } from './xml.js';
import type { Standard, ZipPackage } from './types.js';

export interface PackageInfo {
  /** SCORM manifest identifier, cmi5 course id, or the tincan.xml activity that launches. */
  readonly identifier?: string;
  /** SCORM manifest version (cmi5.xml and tincan.xml have none). */
  readonly version?: string;
  readonly title?: string;
}

const DESCRIPTOR: Record<Standard, string> = {
  scorm12: 'imsmanifest.xml',
  scorm2004: 'imsmanifest.xml',
  cmi5: 'cmi5.xml',
  xapi: 'tincan.xml',
};

export function packageInfo(pkg: ZipPackage, standard: Standard): PackageInfo {
  const bytes = pkg.contents.get(DESCRIPTOR[standard]);
  const read = bytes ? readXml(DESCRIPTOR[standard], bytes) : undefined;
  read?.doc?.dispose();
  const root = read?.root;
  if (!root) return {};
  if (standard === 'cmi5') {
    const course = elements(root, 'course')[0];
    return { identifier: course && attribute(course, 'id'), title: course && langstring(course) };
  }
  if (standard === 'xapi') {
    const activities = elements(root, 'activities').flatMap((a) => elements(a, 'activity'));
    const launched = activities.find((a) => elements(a, 'launch').length > 0) ?? activities[0];
    return { identifier: launched && attribute(launched, 'id'), title: launched && elements(launched, 'name')[0]?.text };
  }
  const organizations = elements(root, 'organizations')[0];
  const all = organizations ? elements(organizations, 'organization') : [];
  const chosen = all.find((o) => attribute(o, 'identifier') === (organizations && attribute(organizations, 'default'))) ?? all[0];
  return {
    identifier: attribute(root, 'identifier'),
    version: attribute(root, 'version'),
    title: chosen && elements(chosen, 'title')[0]?.text,
  };
}

function langstring(element: XmlElement): string | undefined {
  const title = elements(element, 'title')[0];
  return title && (elements(title, 'langstring')[0]?.text ?? title.text);
}
