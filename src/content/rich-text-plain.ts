/** Plain text of compiled inline Markdown: for LMS descriptions and reports. Browser-safe. */
import type { RichLine } from './lesson.js';

/** Citations are left out: a description or report line reads as a sentence, not as a reference list. */
export function plainText(nodes: RichLine): string {
  return nodes
    .map((node) => (node.t === 'cite' ? '' : 'c' in node ? plainText(node.c) : node.v))
    .join('')
    .trim();
}
