/**
 * The lesson as authors ship it: course/ at the root of the project, or the
 * course folder named by LESSON_COURSE_DIR (an edited copy, as the author-edit
 * tests use it; the same variable the learner hosts read).
 */
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../../../src/content/load-course.js';
import type { Lesson } from '../../../src/content/lesson.js';

export const COURSE_DIR = process.env.LESSON_COURSE_DIR ?? fileURLToPath(new URL('../../../course/', import.meta.url));

export function loadRealCourse(): Promise<Lesson> {
  return loadCourse(COURSE_DIR);
}
