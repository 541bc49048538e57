/** The lesson as authors ship it: course/ at the root of the project. */
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../../../src/content/load-course.js';
import type { Lesson } from '../../../src/content/lesson.js';

export const COURSE_DIR = fileURLToPath(new URL('../../../course/', import.meta.url));

export function loadRealCourse(): Promise<Lesson> {
  return loadCourse(COURSE_DIR);
}
