/**
 * cmi5.xml (cmi5 §13–14): valid against CourseStructure.xsd, plus the rules the
 * XSD does not check (standards README §3.3, CMI5-NOTES): fully qualified,
 * unique ids; objective references that resolve; AU urls that are valid, point
 * into the zip when relative, and do not collide with the launch parameters.
 */
import { checkReference, resolveReference } from './files.js';
import { iriProblem } from './iri.js';
import { attribute, elements, type XmlElement } from './xml.js';
import { readDescriptor } from './xsd.js';
import { error, warning, type Finding, type ZipPackage } from './types.js';

const STRUCTURE = 'cmi5.xml';

/** cmi5 §8.1: the names the LMS adds to the AU's launch URL. */
const LAUNCH_PARAMETERS = ['endpoint', 'fetch', 'actor', 'registration', 'activityId'];

export function checkCmi5(pkg: ZipPackage): Finding[] {
  const { root, findings: schemaFindings } = readDescriptor(pkg, STRUCTURE, 'cmi5');
  if (!root) return schemaFindings;
  return [...schemaFindings, ...checkCmi5Ids(root), ...checkAuUrls(pkg, root)];
}

const at = (element: XmlElement) => `${STRUCTURE}:${element.line}`;

/**
 * §3.0 (3.0.0.0-1) every id a fully qualified IRI; §13.1.2 block ids, §13.1.4
 * AU ids and objective ids unique within the course structure (13.1.2.0-1,
 * 13.1.4.0-1); AU and block objective idrefs name a declared objective.
 */
export function checkCmi5Ids(root: XmlElement): Finding[] {
  const findings: Finding[] = [];
  const declaredObjectives = elements(root, 'objectives').flatMap((o) => elements(o, 'objective'));
  const withIds = [...elements(root, 'course'), ...elements(root, 'block', true), ...elements(root, 'au', true), ...declaredObjectives];
  const first = new Map<string, XmlElement>();
  for (const element of withIds) {
    const id = (attribute(element, 'id') ?? '').trim();
    const problem = iriProblem(id);
    if (problem) findings.push(error(at(element), `<${element.local}> id "${id}" ${problem} (cmi5 §3.0: ids are fully qualified IRIs)`));
    const earlier = first.get(id);
    if (earlier) {
      findings.push(
        error(
          at(element),
          `duplicate id "${id}": <${element.local}> reuses the id of <${earlier.local}> at ${at(earlier)} (cmi5 §13.1: ids are unique in a course structure)`,
        ),
      );
    } else first.set(id, element);
  }
  const objectiveIds = new Set(declaredObjectives.map((o) => (attribute(o, 'id') ?? '').trim()));
  const references = [...elements(root, 'au', true), ...elements(root, 'block', true)].flatMap((owner) =>
    elements(owner, 'objectives').flatMap((o) => elements(o, 'objective')),
  );
  for (const reference of references) {
    const idref = (attribute(reference, 'idref') ?? '').trim();
    if (!objectiveIds.has(idref)) {
      findings.push(error(at(reference), `<objective idref="${idref}"> names no objective declared in the course structure`));
    }
  }
  return findings;
}

/** §13.1.4 url: a valid URL; relative → a file in the zip (§14.1, 14.1.0.0-4); no query name the LMS adds at launch (§8.1, 8.1.0.0-6). */
export function checkAuUrls(pkg: ZipPackage, root: XmlElement): Finding[] {
  const findings: Finding[] = [];
  const absolute: XmlElement[] = [];
  for (const au of elements(root, 'au', true)) {
    const urlElement = elements(au, 'url')[0];
    if (!urlElement) continue; // The XSD reports a missing <url>.
    const url = urlElement.text;
    if (/\s/.test(url)) {
      findings.push(error(at(urlElement), `AU url "${url}" contains whitespace: not a valid URL (cmi5 §13.1.4)`));
      continue;
    }
    const resolved = resolveReference(url);
    if (resolved.kind === 'external') {
      if (!URL.canParse(url)) findings.push(error(at(urlElement), `AU url "${url}" is not a valid URL (cmi5 §13.1.4)`));
      else absolute.push(urlElement);
    } else {
      findings.push(...checkReference(pkg, url, at(urlElement), 'AU url'));
    }
    const query = url.includes('?') ? url.slice(url.indexOf('?') + 1).replace(/#.*$/, '') : '';
    const names = [...new URLSearchParams(query).keys()];
    for (const name of names.filter((n) => LAUNCH_PARAMETERS.includes(n))) {
      findings.push(
        error(at(urlElement), `AU url query parameter "${name}" collides with the "${name}" the LMS adds at launch (cmi5 §8.1)`),
      );
    }
  }
  return [...findings, ...absoluteUrls(pkg, absolute)];
}

/**
 * §14.1: entry points in the zip "SHOULD be referenced by a relative URL". An
 * absolute url is right for content hosted elsewhere, so this only warns when
 * the zip also ships content (which those AUs then do not use). One finding
 * for all of them: a course of a thousand hosted AUs is one decision.
 */
function absoluteUrls(pkg: ZipPackage, absolute: readonly XmlElement[]): Finding[] {
  const [first] = absolute;
  const shipsContent = [...pkg.files.keys()].some((name) => name !== STRUCTURE);
  if (!first || !shipsContent) return [];
  const which = absolute.length === 1 ? `AU url "${first.text}" is` : `${absolute.length} AU urls (the first "${first.text}") are`;
  return [
    warning(
      at(first),
      `${which} absolute, so learners launch content from elsewhere, not the files in this zip; use a path relative to cmi5.xml (cmi5 §14.1)`,
    ),
  ];
}
