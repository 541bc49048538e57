/**
 * The preview LMS's pages (npm start): launcher, player and the cmi5 return
 * page, built from scripts/preview/ui/ like the lesson is built from src/ —
 * TypeScript and Lit, bundled by Vite. build-ui.ts builds them on demand;
 * `npx vite build --config scripts/preview/ui/vite.config.ts` does the same by hand.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const page = (name: string) => fileURLToPath(new URL(`./${name}.html`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('./', import.meta.url)),
  // The preview server serves the pages at its root.
  base: '/',
  logLevel: 'warn',
  build: {
    outDir: fileURLToPath(new URL('../.dist/ui-manual/', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // Chromium, Firefox and Safari all preload modules themselves; no polyfill in the pages.
    modulePreload: { polyfill: false },
    reportCompressedSize: false,
    rolldownOptions: {
      input: { index: page('index'), play: page('play'), returned: page('returned'), report: page('report') },
    },
  },
});
