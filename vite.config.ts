import { defineConfig } from 'vite';
import { isTarget } from './src/build/targets.js';
import { viteConfigFor } from './src/build/vite-options.js';

// `npm run dev` and plain `vite build` use this; scripts/build.ts builds every package with viteConfigFor().
const target = process.env.COURSE_TARGET ?? 'web';
if (!isTarget(target)) throw new Error(`COURSE_TARGET must be one of web, scorm12, scorm2004, xapi, cmi5 (got "${target}")`);

export default defineConfig(viteConfigFor(target, `dist/${target}`));
