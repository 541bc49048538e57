/**
 * Vite plugin: validates and compiles course/ at build time (so the browser gets
 * plain data and no zod) and writes it into index.html as a JSON data block that
 * the `virtual:lesson` module reads; emits each table's CSV file, and points
 * `virtual:tracker` at the one adapter the target needs, so no package carries
 * another standard's code.
 */
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { ContentError, formatProblem, loadCourseWithWarnings } from '../content/load-course.js';
import type { Lesson } from '../content/lesson.js';
import { LESSON_DATA_ID, withLesson } from './boot-shell.js';
import { TRACKER_MODULE, type Target } from './targets.js';

const LESSON_ID = 'virtual:lesson';
const TRACKER_ID = 'virtual:tracker';

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

export function coursePlugin(options: { courseDir: string; srcDir: string; target: Target }): Plugin {
  let lesson: Lesson | undefined;
  // index.html and the lesson module both need the course: read and validate it once per build.
  let loading: Promise<Lesson> | undefined;
  // `npm run build` prints the content warnings itself; `npm run dev` prints them here, at each reload.
  let serving = false;
  const load = () =>
    (loading ??= loadCourseWithWarnings(options.courseDir).then(({ lesson: loaded, warnings }) => {
      if (serving) for (const warning of warnings) console.warn(`! warning: ${formatProblem(warning)}`);
      return loaded;
    }));
  return {
    name: 'course',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      if (id === LESSON_ID) return `\0${LESSON_ID}`;
      if (id === TRACKER_ID) return resolve(options.srcDir, 'tracking', TRACKER_MODULE[options.target], 'index.ts');
      return undefined;
    },
    async load(id) {
      if (id !== `\0${LESSON_ID}`) return undefined;
      for (const file of await listFiles(options.courseDir)) this.addWatchFile(file);
      lesson = await load();
      // The lesson itself travels in index.html as a JSON data block (boot-shell.ts): the script
      // carries only the code, and JSON.parse reads data faster than a JS object literal is compiled.
      return `export default JSON.parse(document.getElementById(${JSON.stringify(LESSON_DATA_ID)}).textContent);`;
    },
    async transformIndexHtml(indexHtml) {
      try {
        return withLesson(indexHtml, await load());
      } catch (error) {
        // The lesson module reports a content error with file and path (build stops, dev shows it on the page).
        if (error instanceof ContentError) return indexHtml;
        throw error;
      }
    },
    generateBundle() {
      if (!lesson) return;
      for (const block of lesson.pages.flatMap((p) => p.blocks)) {
        if (block.kind === 'table') this.emitFile({ type: 'asset', fileName: block.csvFileName, source: block.csv });
      }
    },
    configureServer(server) {
      // An edit in course/ reloads the page (and re-validates it) during `npm run dev`.
      server.watcher.add(options.courseDir);
      server.watcher.on('change', (file) => {
        if (!file.startsWith(resolve(options.courseDir))) return;
        const mod = server.moduleGraph.getModuleById(`\0${LESSON_ID}`);
        if (mod) server.moduleGraph.invalidateModule(mod);
        loading = undefined;
        server.ws.send({ type: 'full-reload' });
      });
    },
  };
}
