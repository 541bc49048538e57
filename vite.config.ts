import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { coursePlugin } from './src/build/course-plugin.js';
import { isTarget } from './src/build/targets.js';

// COURSE_TARGET picks the package being built (web, scorm12, scorm2004, xapi, cmi5); scripts/build.ts sets it.
const target = process.env.COURSE_TARGET ?? 'web';
if (!isTarget(target)) throw new Error(`COURSE_TARGET must be one of web, scorm12, scorm2004, xapi, cmi5 (got "${target}")`);

export default defineConfig({
  // Relative URLs: packages are served from whatever folder the LMS unpacks them into.
  base: './',
  plugins: [coursePlugin({ courseDir: resolve('course'), srcDir: resolve('src'), target })],
  build: {
    outDir: process.env.COURSE_OUT_DIR ?? `dist/${target}`,
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: false,
    cssCodeSplit: false,
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    rollupOptions: {
      output: {
        entryFileNames: 'assets/course.js',
        chunkFileNames: 'assets/[name].js',
        assetFileNames: 'assets/[name][extname]',
      },
    },
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
