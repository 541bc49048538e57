/**
 * Which standard a zip is, from the descriptor at its root: cmi5.xml (cmi5 §14),
 * imsmanifest.xml (SCORM; 1.2 or 2004 by its namespace and <schemaversion>),
 * tincan.xml (xAPI, Rustici launch). A descriptor in a subfolder, or a zip in
 * the zip, is the usual packaging mistake, and is named as such.
 */
import { elements, readXml, rootNamespace } from './xml.js';
import { DESCRIPTORS, error, STANDARD_NAMES, warning, ZIP, type Finding, type Standard, type ZipPackage } from './types.js';

export interface Detection {
  readonly standard?: Standard;
  readonly findings: Finding[];
}

const SCORM_NAMESPACES: Record<string, Standard> = {
  'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'scorm12', // IMS CP 1.1.2, SCORM 1.2 CAM
  'http://www.imsglobal.org/xsd/imscp_v1p1': 'scorm2004', // IMS CP 1.1.4, SCORM 2004 CAM
};

export function detectStandard(pkg: ZipPackage): Detection {
  const present = DESCRIPTORS.filter((name) => pkg.files.has(name));
  if (present.length === 0) return { findings: whyNoDescriptor(pkg) };
  const [chosen] = present;
  const findings: Finding[] = present
    .slice(1)
    .map((other) =>
      warning(other, `a second package descriptor: the zip was checked by its ${chosen}, but an LMS may read this one; ship one of them`),
    );
  if (chosen === 'cmi5.xml') return { standard: 'cmi5', findings };
  if (chosen === 'tincan.xml') return { standard: 'xapi', findings };
  const scorm = scormVersion(pkg);
  return { standard: scorm.standard, findings: [...findings, ...scorm.findings] };
}

function scormVersion(pkg: ZipPackage): Detection {
  const bytes = pkg.contents.get('imsmanifest.xml');
  if (!bytes) return { findings: [] }; // The zip reader said why (too large, unreadable).
  const read = readXml('imsmanifest.xml', bytes);
  read.doc?.dispose();
  const { root } = read;
  if (!root) return { findings: read.findings };
  const byNamespace = SCORM_NAMESPACES[rootNamespace(root)];
  const metadata = elements(root, 'metadata')[0];
  const schemaversion = metadata ? elements(metadata, 'schemaversion')[0]?.text : undefined;
  const byVersion: Standard | undefined =
    schemaversion === '1.2' ? 'scorm12' : /^(2004|CAM 1\.3)/.test(schemaversion ?? '') ? 'scorm2004' : undefined;
  const standard = byNamespace ?? byVersion;
  if (!standard) {
    return {
      findings: [
        error(
          `imsmanifest.xml:${root.line}`,
          `not a SCORM 1.2 or 2004 manifest: namespace "${rootNamespace(root)}", schemaversion "${schemaversion ?? ''}"`,
        ),
      ],
    };
  }
  if (byNamespace && byVersion && byNamespace !== byVersion) {
    return {
      standard,
      findings: [
        warning(
          'imsmanifest.xml',
          `<schemaversion>${schemaversion}</schemaversion> says ${STANDARD_NAMES[byVersion]} but the namespaces are ${STANDARD_NAMES[byNamespace]}'s; checked as ${STANDARD_NAMES[byNamespace]}`,
        ),
      ],
    };
  }
  return { standard, findings: [] };
}

function whyNoDescriptor(pkg: ZipPackage): Finding[] {
  const names = [...pkg.files.keys()];
  const wrongCase = names.find((n) => !n.includes('/') && (DESCRIPTORS as readonly string[]).includes(n.toLowerCase()));
  if (wrongCase) return [error(wrongCase, `must be named exactly "${wrongCase.toLowerCase()}" (lower case): LMSs look for that name`)];
  const nested = names.find((n) => (DESCRIPTORS as readonly string[]).includes(n.slice(n.lastIndexOf('/') + 1)));
  if (nested) {
    return [
      error(
        nested,
        `the ${nested.slice(nested.lastIndexOf('/') + 1)} must be at the root of the zip, not in "${nested.slice(0, nested.lastIndexOf('/') + 1)}": zip the folder's contents, not the folder`,
      ),
    ];
  }
  const innerZip = names.find((n) => n.toLowerCase().endsWith('.zip'));
  if (innerZip) return [error(innerZip, 'the package holds another zip: upload that inner zip instead')];
  return [error(ZIP, 'no imsmanifest.xml, cmi5.xml or tincan.xml at the root: this is not a SCORM, cmi5 or xAPI package')];
}
