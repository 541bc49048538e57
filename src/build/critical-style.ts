/**
 * First paint in one request. The lesson's page stylesheet (the theme and the
 * boot header, about 1 KiB gzip) is copied into index.html as one <style>
 * element, so the header paints as soon as index.html has arrived instead of
 * after a second round trip for assets/style.css. The <link> to that same file
 * moves to the end of <body>, where it no longer holds up the first paint:
 *
 * - with no Content-Security-Policy, or one that allows the style's hash
 *   (styleHash, printed in dist/UPLOAD.md), the inline copy styles the first
 *   paint and the file, byte for byte the same, changes nothing;
 * - under a CSP that allows only 'self' styles, the browser refuses the inline
 *   copy and the file styles the page one round trip later: until then the
 *   header shows in the browser's default style. Nothing else is lost.
 *
 * No script is ever inline: the lesson's data block is JSON, which no browser runs.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The CSP source that allows the inline copy of `css`, e.g. `'sha256-…'` for `style-src`. */
export function styleHash(css: string | Uint8Array): string {
  return `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** index.html with the stylesheet at `href` copied inline in its place, and the link moved to the end of <body>. */
export function inlineStylesheet(html: string, href: string, css: string): string {
  if (/<\/style/i.test(css)) throw new Error(`${href} contains "</style": it cannot be copied into index.html`);
  const link = new RegExp(`<link rel="stylesheet"[^>]*? href="${escapeRegExp(href)}"[^>]*>`).exec(html)?.[0];
  if (!link) throw new Error(`index.html has no <link rel="stylesheet" href="${href}"> to copy inline`);
  if (!html.includes('</body>')) throw new Error('index.html has no </body> to move the stylesheet link to');
  return html.replace(link, `<style>${css}</style>`).replace('</body>', `  ${link}\n  </body>`);
}

/**
 * The hash that allows the inline style of the built page in `dir`, taken from the stylesheet file
 * its <body> links to (the inline copy is byte for byte that file): undefined if the page links none.
 */
export async function pageStyleHash(dir: string): Promise<string | undefined> {
  const html = await readFile(join(dir, 'index.html'), 'utf8');
  const body = html.slice(html.indexOf('<body'));
  const href = /<link rel="stylesheet"[^>]*? href="\.?\/?([^"]+)"/.exec(body)?.[1];
  return href === undefined ? undefined : styleHash(await readFile(join(dir, href)));
}
