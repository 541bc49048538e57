/**
 * What a package weighs for a learner, gzip, each file compressed on its own as a
 * web server sends it (`npm run build`'s table and `npm run bench` use the same):
 *
 * - code: the player: its JS and CSS files, and the copy of the stylesheet inline
 *   in index.html (src/build/critical-style.ts);
 * - content: the lesson's text and data: index.html's JSON data block
 *   (src/build/boot-shell.ts);
 * - total: every file the browser downloads to open the lesson: index.html (with
 *   the header, the inline style and the data block), the JS and the CSS. The CSV
 *   of a table is downloaded only if the learner asks for it.
 */
import { gzipSync } from 'node:zlib';
import { LESSON_DATA_ID } from '../../src/build/boot-shell.js';

export interface PackageWeight {
  code: number;
  content: number;
  total: number;
}

export const gzipSize = (bytes: Uint8Array | string) => gzipSync(bytes, { level: 9 }).length;

/** Text between a start tag matching `open` and the next `</close>`; '' if there is none. */
function elementText(html: string, open: RegExp, close: string): string {
  const start = open.exec(html);
  if (!start) return '';
  const from = start.index + start[0].length;
  return html.slice(from, html.indexOf(`</${close}>`, from));
}

/** `files`: path in the package → bytes. */
export function packageWeight(files: Iterable<readonly [string, Uint8Array]>): PackageWeight {
  let code = 0;
  let total = 0;
  let index = '';
  for (const [name, bytes] of files) {
    if (/\.(m?js|css)$/i.test(name)) {
      code += gzipSize(bytes);
      total += gzipSize(bytes);
    } else if (name === 'index.html') {
      index = Buffer.from(bytes).toString('utf8');
      total += gzipSize(bytes);
    }
  }
  const style = elementText(index, /<style>/, 'style');
  const data = elementText(index, new RegExp(`<script type="application/json" id="${LESSON_DATA_ID}">`), 'script');
  return { code: code + (style ? gzipSize(style) : 0), content: data ? gzipSize(data) : 0, total };
}
