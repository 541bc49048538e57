/**
 * Reading a package descriptor (imsmanifest.xml, cmi5.xml, tincan.xml) with
 * libxml2 (npm `libxml2-wasm`: libxml2 compiled to WebAssembly, so no system
 * package is needed). One parser gives both verdicts: well-formedness, schema
 * validity (xsd.ts) and the small read-only tree the structure checks walk.
 * Each element keeps its source line, so a finding can say "imsmanifest.xml:34".
 *
 * Fail closed (OWASP XML Security Cheat Sheet): a descriptor with a DOCTYPE is
 * refused before it is parsed (no package descriptor needs one, and it is how
 * XXE and entity-expansion attacks start); entities are never substituted,
 * nothing is loaded from the network or the disk, and libxml2's default limits
 * (256 levels of nesting, 10 MB text nodes) stay on.
 */
import {
  ParseOption,
  XmlCData,
  XmlDocument,
  XmlElement as LibXmlElement,
  XmlError,
  XmlParseError,
  XmlText,
  type ErrorDetail,
} from 'libxml2-wasm';
import { error, type Finding } from './types.js';

export interface XmlElement {
  /** The qualified name as written, e.g. "adlcp:location". */
  readonly name: string;
  /** The name without its prefix, e.g. "location". */
  readonly local: string;
  /** The element's namespace URI ("" for none). */
  readonly namespace: string;
  /** Attributes by qualified name as written ("identifier", "adlcp:scormtype", "xml:base"). */
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (not its descendants'), trimmed. */
  readonly text: string;
  readonly line: number;
}

/** A descriptor as read: its tree, or the findings that say why there is none. */
export interface ReadXml {
  readonly root?: XmlElement;
  /** The parsed document, for schema validation; the caller disposes it (`using`). */
  readonly doc?: XmlDocument;
  readonly findings: Finding[];
}

/**
 * Never substitute entities (no XML_PARSE_NOENT), never load a DTD or an
 * external entity (no DTDLOAD, NO_XXE), never the network (NONET). BIG_LINES:
 * line numbers past 65535 stay right.
 */
const PARSE_OPTIONS = ParseOption.XML_PARSE_NONET | ParseOption.XML_PARSE_NO_XXE | ParseOption.XML_PARSE_BIG_LINES;

/** UTF-8 text of a file; a byte-order mark is dropped. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Parses `bytes` (the file `file` of the package). The caller must dispose the
 * returned `doc` when there is one.
 */
export function readXml(file: string, bytes: Uint8Array): ReadXml {
  const doctype = doctypeLine(decodeText(bytes));
  if (doctype !== undefined) return { findings: [doctypeRefused(file, doctype)] };
  let doc: XmlDocument;
  try {
    doc = XmlDocument.fromBuffer(bytes, { option: PARSE_OPTIONS });
  } catch (e) {
    return { findings: notWellFormed(file, e) };
  }
  // The text check above reads UTF-8; a document in another encoding is checked here, after parsing.
  if (doc.dtd) {
    doc.dispose();
    return { findings: [doctypeRefused(file, 1)] };
  }
  try {
    return { root: treeOf(doc.root), doc, findings: [] };
  } catch (e) {
    doc.dispose();
    return { findings: [error(file, `cannot be read: libxml2 failed while reading the parsed document (${reason(e)})`)] };
  }
}

/**
 * The line of a DOCTYPE or ENTITY declaration outside comments and CDATA, if
 * there is one. Checked on the text, before libxml2 sees the document.
 */
function doctypeLine(text: string): number | undefined {
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const match = /<!(DOCTYPE|ENTITY)\b/i.exec(blanked);
  return match ? blanked.slice(0, match.index).split('\n').length : undefined;
}

function doctypeRefused(file: string, line: number): Finding {
  return error(
    `${file}:${line}`,
    'has a <!DOCTYPE> (or <!ENTITY>) declaration: refused, unread. A package descriptor needs none, and DTDs and entities are how XML external-entity (XXE) and entity-expansion attacks work; remove the declaration',
  );
}

function notWellFormed(file: string, e: unknown): Finding[] {
  if (e instanceof XmlParseError) {
    const details = e.details.filter((d) => (d.level ?? 3) >= 2);
    const shown = (details.length ? details : e.details).slice(0, 5);
    if (shown.length) return shown.map((d) => error(`${file}:${d.line}`, `not well-formed XML: ${clean(d.message)}${column(d)}`));
    return [error(file, `not well-formed XML: ${clean(e.message)}`)];
  }
  return [error(file, `cannot be read: the XML parser (libxml2) failed (${reason(e)})`)];
}

const column = (d: ErrorDetail) => (d.col ? ` (column ${d.col})` : '');

/** libxml2's message as a person reads it: one line, no "{namespace}" noise, "element" in lower case. */
export function clean(message: string): string {
  const depth = /^Excessive depth in document: (\d+)/.exec(message.trim());
  if (depth) return `nested deeper than ${depth[1]} levels, libxml2's limit (no package descriptor comes close): refused`;
  return message
    .trim()
    .replace(/\s*\n\s*/g, ' ')
    .replace(/\{[A-Za-z][A-Za-z0-9+.-]*:[^}\s]*\}/g, '')
    .replace(/^Element /, 'element ');
}

export function reason(e: unknown): string {
  if (e instanceof XmlError || e instanceof Error) return clean(e.message);
  return String(e);
}

function treeOf(element: LibXmlElement): XmlElement {
  const children: XmlElement[] = [];
  const text: string[] = [];
  for (let node = element.firstChild; node; node = node.next) {
    if (node instanceof LibXmlElement) children.push(treeOf(node));
    else if (node instanceof XmlText || node instanceof XmlCData) text.push(node.content);
  }
  const attributes: Record<string, string> = {};
  for (const attr of element.attrs) attributes[attr.prefix ? `${attr.prefix}:${attr.name}` : attr.name] = attr.value;
  return {
    name: element.prefix ? `${element.prefix}:${element.name}` : element.name,
    local: element.name,
    namespace: element.namespaceUri,
    attributes,
    children,
    text: text.join('').trim(),
    line: element.line,
  };
}

/** Children (or, with `deep`, all descendants) with this local name, in document order. */
export function elements(parent: XmlElement, local: string, deep = false): XmlElement[] {
  const found: XmlElement[] = [];
  for (const child of parent.children) {
    if (child.local === local) found.push(child);
    if (deep) found.push(...elements(child, local, true));
  }
  return found;
}

/** An attribute by local name, whatever its prefix ("adlcp:scormtype" → "scormtype"). */
export function attribute(element: XmlElement, local: string): string | undefined {
  if (element.attributes[local] !== undefined) return element.attributes[local];
  const key = Object.keys(element.attributes).find((k) => k.slice(k.indexOf(':') + 1) === local && !k.startsWith('xmlns'));
  return key === undefined ? undefined : element.attributes[key];
}

/** The namespace of the document element. */
export function rootNamespace(root: XmlElement): string {
  return root.namespace;
}
