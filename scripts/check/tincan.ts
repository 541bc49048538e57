/**
 * tincan.xml (Rustici "Tin Can" package descriptor, XAPI-NOTES §4). No XSD is
 * public, so the structure is checked here: <tincan> in its namespace →
 * <activities> → <activity id type> with <name> and, for the one to start, a
 * <launch> naming a file in the zip. Activity ids are IRIs (xAPI Data 2.4.4.1).
 */
import { checkReference } from './files.js';
import { iriProblem } from './iri.js';
import { attribute, elements, rootNamespace, type XmlElement } from './xml.js';
import { readDescriptor } from './xsd.js';
import { error, warning, type Finding, type ZipPackage } from './types.js';

const DESCRIPTOR = 'tincan.xml';
const NAMESPACE = 'http://projecttincan.com/tincan.xsd';

export function checkTincan(pkg: ZipPackage): Finding[] {
  // No XSD is public for tincan.xml: well-formedness here, the structure below.
  const { root, findings: wellFormed } = readDescriptor(pkg, DESCRIPTOR);
  if (!root) return wellFormed;
  return [...wellFormed, ...checkTincanStructure(pkg, root)];
}

const at = (element: XmlElement) => `${DESCRIPTOR}:${element.line}`;

export function checkTincanStructure(pkg: ZipPackage, root: XmlElement): Finding[] {
  if (root.local !== 'tincan') {
    return [error(at(root), `the root element is <${root.name}>; a tincan.xml starts with <tincan xmlns="${NAMESPACE}">`)];
  }
  const findings: Finding[] = [];
  if (rootNamespace(root) !== NAMESPACE) {
    findings.push(
      warning(
        at(root),
        `<tincan> is in namespace "${rootNamespace(root)}", not "${NAMESPACE}"; LMSs that match on the namespace will not read it`,
      ),
    );
  }
  const activities = elements(root, 'activities').flatMap((a) => elements(a, 'activity'));
  if (activities.length === 0) return [...findings, error(at(root), 'no <activities><activity>: the LMS has no activity to register')];
  const first = new Map<string, XmlElement>();
  for (const activity of activities) {
    const id = attribute(activity, 'id');
    if (id === undefined) {
      findings.push(error(at(activity), '<activity> has no id attribute'));
      continue;
    }
    const problem = iriProblem(id);
    if (problem) findings.push(error(at(activity), `<activity> id "${id}" ${problem} (xAPI activity ids are IRIs)`));
    const earlier = first.get(id.trim());
    if (earlier) findings.push(error(at(activity), `duplicate activity id "${id}" (first at ${at(earlier)})`));
    else first.set(id.trim(), activity);
    const type = attribute(activity, 'type');
    const typeProblem = type === undefined ? undefined : iriProblem(type);
    if (typeProblem) findings.push(error(at(activity), `<activity> type "${type}" ${typeProblem} (activity types are IRIs)`));
    if (elements(activity, 'name').length === 0) {
      findings.push(warning(at(activity), '<activity> has no <name>: LMSs show the id instead of a title'));
    }
  }
  const launches = activities.flatMap((a) => elements(a, 'launch'));
  if (launches.length === 0) findings.push(error(at(root), 'no <activity> has a <launch>: the LMS has nothing to start'));
  for (const launch of launches) findings.push(...checkReference(pkg, launch.text, at(launch), 'launch file'));
  return findings;
}
