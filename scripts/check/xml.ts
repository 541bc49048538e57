/**
 * A small read-only XML tree for the structure checks (fast-xml-parser does the
 * parsing). Each element keeps its source line, so a finding can say
 * "imsmanifest.xml:34". Well-formedness and schema errors come from xmllint.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface XmlElement {
  /** The qualified name as written, e.g. "adlcp:location". */
  readonly name: string;
  /** The name without its prefix, e.g. "location". */
  readonly local: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  /** The element's own text (not its descendants'), trimmed. */
  readonly text: string;
  readonly line: number;
}

type ParsedNode = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
});

/** UTF-8 text of a file; a byte-order mark is dropped. */
export function decodeText(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** The document element, or undefined if the text is not well-formed XML (xmllint says why, with the line). */
export function parseXml(text: string): XmlElement | undefined {
  if (XMLValidator.validate(text) !== true) return undefined;
  let nodes: unknown;
  try {
    nodes = parser.parse(text);
  } catch {
    return undefined;
  }
  const lines = startTagLines(text);
  let next = 0;
  const build = (node: ParsedNode): XmlElement | undefined => {
    const name = Object.keys(node).find((k) => k !== ':@' && k !== '#text');
    if (!name) return undefined;
    const line = lines[next++] ?? 0;
    const rawChildren = Array.isArray(node[name]) ? (node[name] as ParsedNode[]) : [];
    const children: XmlElement[] = [];
    const text: string[] = [];
    for (const child of rawChildren) {
      if ('#text' in child) text.push(String(child['#text']));
      else {
        const element = build(child);
        if (element) children.push(element);
      }
    }
    const attributes = (node[':@'] ?? {}) as Record<string, string>;
    return { name, local: name.slice(name.indexOf(':') + 1), attributes, children, text: text.join('').trim(), line };
  };
  const roots = Array.isArray(nodes) ? (nodes as ParsedNode[]) : [];
  for (const node of roots) {
    const root = build(node);
    if (root) return root;
  }
  return undefined;
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

/**
 * The line of every start tag, in document order, which is the order the tree
 * is built in. Comments and CDATA are blanked first (keeping their newlines)
 * so a "<" inside them is not taken for a tag.
 */
function startTagLines(text: string): number[] {
  const blanked = text.replace(/<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>/g, (m) => m.replace(/[^\n]/g, ' '));
  const lines: number[] = [];
  let line = 1;
  for (const match of blanked.matchAll(/\n|<([A-Za-z_][^\s/>]*)/g)) {
    if (match[0] === '\n') line++;
    else lines.push(line);
  }
  return lines;
}

/** The namespace of the document element, declared on itself (the only place a root's namespace can come from). */
export function rootNamespace(root: XmlElement): string {
  const prefix = root.name.includes(':') ? root.name.slice(0, root.name.indexOf(':')) : '';
  return root.attributes[prefix ? `xmlns:${prefix}` : 'xmlns'] ?? '';
}
