/**
 * The one XML writer for every manifest (xmlbuilder2), so no manifest is ever
 * assembled by string concatenation.
 *
 * xmlbuilder2 escapes "&" only when it does not start something that looks
 * like an entity: an author's literal "R&amp;D" or "&lt;b&gt;" would come out
 * as "R&D" and "<b>" once the manifest is read. So every "&" in text and
 * attribute values is escaped here first; xmlbuilder2 then leaves those "&amp;"
 * alone and escapes "<" and ">" itself. (tests/unit/xml-writer.test.ts reads
 * the output back with libxml2, character for character.)
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

export type { XMLBuilder };

export function xmlDocument(build: (doc: XMLBuilder) => void): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  build(doc);
  // xmlbuilder2's DOM implements the WHATWG DOM interfaces used below.
  escapeAmpersands(doc.node as unknown as Node);
  return doc.end({ prettyPrint: true, indent: '  ', newline: '\n' }) + '\n';
}

/** DOM node types (WHATWG DOM): element, text. */
const ELEMENT = 1;
const TEXT = 3;

function escapeAmpersands(node: Node): void {
  if (node.nodeType === TEXT) node.nodeValue = (node.nodeValue ?? '').replace(/&/g, '&amp;');
  if (node.nodeType === ELEMENT)
    for (const attr of Array.from((node as Element).attributes)) attr.value = attr.value.replace(/&/g, '&amp;');
  for (const child of Array.from(node.childNodes)) escapeAmpersands(child);
}
