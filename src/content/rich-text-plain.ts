/** Plain text of compiled inline Markdown: for LMS descriptions and reports. Browser-safe. */
import type { RichLine } from './lesson.js';

export function plainText(nodes: RichLine): string {
  return nodes.map((node) => ('c' in node ? plainText(node.c) : node.v)).join('');
}
