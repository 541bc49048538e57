/**
 * The one XML writer for every manifest (xmlbuilder2 escapes text and
 * attributes), so no manifest is ever assembled by string concatenation.
 */
import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces.js';

export type { XMLBuilder };

export function xmlDocument(build: (doc: XMLBuilder) => void): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  build(doc);
  return doc.end({ prettyPrint: true, indent: '  ', newline: '\n' }) + '\n';
}
