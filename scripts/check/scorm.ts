/**
 * imsmanifest.xml of a SCORM 1.2 or 2004 package: valid against the official
 * XSDs, identifiers well formed and unique, every identifierref resolving,
 * a launch file for every item that launches something, every referenced file
 * shipped with the exact case, and every shipped file listed.
 */
import { checkReference, resolveReference } from './files.js';
import { attribute, elements, type XmlElement } from './xml.js';
import { readDescriptor } from './xsd.js';
import { error, warning, type Finding, type ZipPackage } from './types.js';

const MANIFEST = 'imsmanifest.xml';

/** Listing more unlisted files than this one by one would drown the report. */
const UNLISTED_SHOWN = 10;

export function checkScorm(pkg: ZipPackage, version: 'scorm12' | 'scorm2004'): Finding[] {
  const { root, findings: schemaFindings } = readDescriptor(pkg, MANIFEST, version);
  if (!root) return schemaFindings;
  return [...schemaFindings, ...checkIdentifiers(root), ...checkIdentifierRefs(pkg, root), ...checkFiles(pkg, root)];
}

const at = (element: XmlElement) => `${MANIFEST}:${element.line}`;

/** Every element that carries an identifier in IMS CP: manifests, organizations, items, resources. */
function identified(root: XmlElement): XmlElement[] {
  const kinds = new Set(['manifest', 'organization', 'item', 'resource']);
  const all: XmlElement[] = [];
  const walk = (element: XmlElement) => {
    if (kinds.has(element.local) && attribute(element, 'identifier') !== undefined) all.push(element);
    element.children.forEach(walk);
  };
  walk(root);
  return all;
}

/**
 * IMS CP: identifier is an xs:ID, so an XML NCName (a letter or "_" first; then
 * letters, digits, ".", "-", "_"), unique within the manifest document.
 */
export function checkIdentifiers(root: XmlElement): Finding[] {
  const findings: Finding[] = [];
  const first = new Map<string, XmlElement>();
  for (const element of identified(root)) {
    const id = attribute(element, 'identifier') ?? '';
    if (!/^[\p{L}_][\p{L}\p{N}._\-\u00B7\u0300-\u036F\u203F\u2040]*$/u.test(id)) {
      findings.push(
        error(
          at(element),
          `<${element.local}> identifier "${id}" is not a valid XML ID: start with a letter or "_", then only letters, digits, ".", "-", "_"`,
        ),
      );
    }
    const earlier = first.get(id);
    if (earlier) {
      findings.push(
        error(
          at(element),
          `duplicate identifier "${id}": <${element.local}> reuses the identifier of <${earlier.local}> at ${at(earlier)}; identifiers must be unique in a manifest`,
        ),
      );
    } else first.set(id, element);
  }
  return findings;
}

/** organizations@default → an organization; item and dependency identifierref → a resource (or sub-manifest); a launch file for each item that launches. */
export function checkIdentifierRefs(pkg: ZipPackage, root: XmlElement): Finding[] {
  const findings: Finding[] = [];
  const resources = new Map(elements(root, 'resource', true).map((r) => [attribute(r, 'identifier') ?? '', r]));
  const subManifests = new Set(elements(root, 'manifest', true).map((m) => attribute(m, 'identifier') ?? ''));
  const organizations = elements(root, 'organizations');
  for (const orgs of organizations) {
    const fallback = attribute(orgs, 'default');
    const ids = elements(orgs, 'organization').map((o) => attribute(o, 'identifier'));
    if (fallback !== undefined && !ids.includes(fallback)) {
      findings.push(error(at(orgs), `<organizations default="${fallback}"> names no <organization> of this manifest`));
    }
  }
  const items = elements(root, 'item', true);
  let launchable = 0;
  for (const item of items) {
    const ref = attribute(item, 'identifierref');
    if (ref === undefined) continue;
    const resource = resources.get(ref);
    if (!resource) {
      if (!subManifests.has(ref)) findings.push(error(at(item), `<item identifierref="${ref}"> names no <resource> of this manifest`));
      continue;
    }
    launchable++;
    const href = attribute(resource, 'href');
    if (href === undefined) {
      findings.push(
        error(
          at(resource),
          `<resource identifier="${ref}"> is launched by <item> at ${at(item)} but has no href, so there is no file to launch`,
        ),
      );
    }
  }
  if (launchable === 0) findings.push(error(MANIFEST, 'no <item> references a <resource>: an LMS has nothing to launch'));
  for (const dependency of elements(root, 'dependency', true)) {
    const ref = attribute(dependency, 'identifierref') ?? '';
    if (!resources.has(ref)) {
      findings.push(error(at(dependency), `<dependency identifierref="${ref}"> names no <resource> of this manifest`));
    }
  }
  findings.push(...checkLaunchFiles(pkg, root, resources));
  return findings;
}

function checkLaunchFiles(pkg: ZipPackage, root: XmlElement, resources: Map<string, XmlElement>): Finding[] {
  const launched = new Set(elements(root, 'item', true).map((item) => attribute(item, 'identifierref')));
  return [...resources.entries()]
    .filter(([id, resource]) => launched.has(id) && attribute(resource, 'href') !== undefined)
    .flatMap(([, resource]) => checkReference(pkg, attribute(resource, 'href') ?? '', at(resource), 'launch file', baseOf(root, resource)));
}

/**
 * Every <file href>, other resources' href and adlcp:location must be in the
 * zip; every file in the zip should be listed (see `unlisted`).
 */
export function checkFiles(pkg: ZipPackage, root: XmlElement): Finding[] {
  const findings: Finding[] = [];
  const listed = new Set<string>([MANIFEST]);
  const launched = new Set(elements(root, 'item', true).map((item) => attribute(item, 'identifierref')));
  for (const resource of elements(root, 'resource', true)) {
    const base = baseOf(root, resource);
    const href = attribute(resource, 'href');
    if (href !== undefined) {
      listed.add(pathOf(href, base));
      // Launched resources were checked as "launch file" already.
      if (!launched.has(attribute(resource, 'identifier'))) {
        findings.push(...checkReference(pkg, href, at(resource), 'resource href', base));
      }
    }
    for (const file of elements(resource, 'file')) {
      const fileHref = attribute(file, 'href') ?? '';
      listed.add(pathOf(fileHref, base));
      findings.push(...checkReference(pkg, fileHref, at(file), '<file href>', base));
    }
  }
  // adlcp:location is always a child of <metadata> (LOM's technical/location is a URL of something else).
  for (const location of elements(root, 'metadata', true).flatMap((m) => elements(m, 'location'))) {
    listed.add(pathOf(location.text, ''));
    findings.push(...checkReference(pkg, location.text, at(location), 'metadata file (adlcp:location)'));
  }
  return [...dedupe(findings), ...unlisted(pkg, listed)];
}

/**
 * SPEC NOTE: a warning, not an error. IMS CP lists a resource's files so tools
 * can move resources between packages, but LMSs unpack and serve the whole zip,
 * so an unlisted file still works. It is still worth a look: it is invisible to
 * those tools, and is often something shipped by mistake (notes, source maps,
 * a stray export). The build runs the checker with --strict, where warnings
 * fail, because our manifests promise to list every file.
 */
function unlisted(pkg: ZipPackage, listed: ReadonlySet<string>): Finding[] {
  // Not unlisted as well: a file listed with other letter case ("wrong case"), and a name that is
  // no plain package path ("..", "/", "\\": paths.ts). Schema files (.xsd/.dtd) at the root belong
  // to the manifest, not to a resource.
  const listedAnyCase = new Set([...listed].map((name) => name.toLowerCase()));
  const plainPath = (name: string) => !name.startsWith('/') && !name.includes('\\') && !name.split('/').includes('..');
  const extra = [...pkg.files.keys()].filter(
    (name) => !listedAnyCase.has(name.toLowerCase()) && plainPath(name) && !/^[^/]+\.(xsd|dtd)$/i.test(name),
  );
  if (extra.length > UNLISTED_SHOWN) {
    return [
      warning(
        MANIFEST,
        `${extra.length} shipped files are not listed in any <resource> (${extra.slice(0, 5).join(', ')}, …); list them as <file href>, or remove them`,
      ),
    ];
  }
  return extra.map((name) =>
    warning(name, 'shipped but not listed in imsmanifest.xml (no <file href> or resource href names it); list it, or remove it'),
  );
}

/** xml:base of the manifest, <resources> and <resource> chain (IMS CP 1.1.4 §2.3.5). */
function baseOf(root: XmlElement, resource: XmlElement): string {
  const chain: XmlElement[] = [];
  const find = (element: XmlElement, path: XmlElement[]): boolean => {
    if (element === resource) {
      chain.push(...path, element);
      return true;
    }
    return element.children.some((child) => find(child, [...path, element]));
  };
  find(root, []);
  return chain
    .map((element) => element.attributes['xml:base'] ?? '')
    .filter((base) => base !== '')
    .map((base) => (base.endsWith('/') ? base : `${base}/`))
    .join('');
}

function pathOf(reference: string, base: string): string {
  const resolved = resolveReference(reference, base);
  return resolved.kind === 'file' ? resolved.path : reference;
}

/** One finding per problem: a file named by several resources is reported once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => !seen.has(f.message) && Boolean(seen.add(f.message)));
}
