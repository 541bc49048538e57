/**
 * Values a test needs, picked from the loaded course by the role they play (the page a learner
 * starts on, the page holding an activity, the quiz's length), so a course author who renames a
 * page, an activity, a case or a question in course/ never sees a test of behaviour fail.
 * (tests/unit/shipped-lesson.test.ts pins the shipped lesson on purpose.)
 */
import type { Lesson } from '../../../src/content/lesson.js';
import { quizOf } from '../../../src/domain/lesson-queries.js';

/** The value, or a clear failure saying what the course lacks for this test. */
export function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the lesson needs ${what}`);
  return value;
}

/** Role pickers over the course a test file loads (read when called, after `beforeAll` loaded it). */
export function lessonRoles(lesson: () => Lesson) {
  return {
    /** The page at position `n`; page 0 is where a new learner starts. */
    pageId: (n: number) => required(lesson().pages[n], `at least ${n + 1} pages`).id,
    /** The page holding the activity or quiz with this id. */
    pageHolding: (blockId: string) =>
      required(
        lesson().pages.find((page) => page.blocks.some((block) => 'id' in block && block.id === blockId)),
        `a page holding ${blockId}`,
      ).id,
    quizLength: () => quizOf(lesson()).questions.length,
  };
}
