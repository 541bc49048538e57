/** The Vite configuration of one package build; shared by vite.config.ts (dev) and scripts/build.ts. */
import { resolve } from 'node:path';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';
import type { InlineConfig, Plugin } from 'vite';
import { coursePlugin } from './course-plugin.js';
import { inlineStylesheet } from './critical-style.js';
import type { Target } from './targets.js';

/**
 * The standalone web version must also work when opened from disk (file://), where
 * browsers refuse module scripts and crossorigin requests: it ships one classic,
 * deferred script instead (the LMS packages, always served over http, keep modules).
 */
function openableFromDisk(): Plugin {
  return {
    name: 'openable-from-disk',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/<script type="module" crossorigin src=/g, '<script defer src=').replace(/ crossorigin(?=[ >])/g, ''),
    },
  };
}

/** The page stylesheet inline in index.html, its link at the end of <body> (see critical-style.ts). */
function firstPaintInOneRequest(): Plugin {
  return {
    name: 'first-paint-in-one-request',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html, ctx) => {
        const sheets = Object.values(ctx.bundle ?? {}).filter((file) => file.type === 'asset' && file.fileName.endsWith('.css'));
        const [sheet] = sheets;
        if (sheets.length !== 1 || sheet?.type !== 'asset') throw new Error(`expected one stylesheet in the build, found ${sheets.length}`);
        const css = typeof sheet.source === 'string' ? sheet.source : new TextDecoder().decode(sheet.source);
        return inlineStylesheet(html, `./${sheet.fileName}`, css);
      },
    },
  };
}

export function viteConfigFor(target: Target, outDir: string, root = process.cwd(), courseDir = resolve(root, 'course')): InlineConfig {
  return {
    root,
    // Relative URLs: packages are served from whatever folder the LMS unpacks them into.
    base: './',
    plugins: [
      coursePlugin({ courseDir, srcDir: resolve(root, 'src'), target }),
      // Lit's html`` and css`` templates keep their source indentation; minifying them is most of
      // what separates the shipped JS from the lesson text itself.
      { ...minifyHtmlLiterals(), apply: 'build' },
      firstPaintInOneRequest(),
      ...(target === 'web' ? [openableFromDisk()] : []),
    ],
    define: { __COURSE_TARGET__: JSON.stringify(target) },
    build: {
      outDir,
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: false,
      cssCodeSplit: false,
      assetsInlineLimit: 0,
      reportCompressedSize: false,
      rollupOptions: {
        output: {
          // Fixed names: the manifest lists them and stays identical across rebuilds.
          ...(target === 'web' ? { format: 'iife' as const } : {}),
          entryFileNames: 'assets/course.js',
          chunkFileNames: 'assets/[name].js',
          assetFileNames: 'assets/[name][extname]',
        },
      },
    },
    server: { host: '127.0.0.1' },
    preview: { host: '127.0.0.1' },
  };
}
