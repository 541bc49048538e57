/** Modules and constants the build provides (see src/build/course-plugin.ts and vite-options.ts). */
declare const __COURSE_TARGET__: string;
declare module 'virtual:lesson' {
  import type { Lesson } from './content/lesson.js';
  const lesson: Lesson;
  export default lesson;
}

declare module 'virtual:tracker' {
  import type { Lesson } from './content/lesson.js';
  import type { Tracker } from './tracking/tracker.js';
  export function createTracker(lesson: Lesson): Tracker;
}
