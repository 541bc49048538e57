/** Completion and success rules, from the course settings (course/course.yaml). */
import type { Lesson } from '../content/lesson.js';
import type { Outcome } from './outcome.js';
import type { ProgressState } from './progress.js';

/**
 * The share of what the completion rule counts (pages visited, the quiz submitted) that is done:
 * the same figure as the lesson's progress bar, so the LMS and the learner see one measure.
 */
export function progressMeasure(lesson: Lesson, state: ProgressState): number {
  const { done, total } = remainingSteps(lesson, state);
  return total === 0 ? 1 : done / total;
}

export function isCompleted(lesson: Lesson, state: ProgressState): boolean {
  const { pages, quiz } = remainingSteps(lesson, state);
  return pages.length === 0 && !quiz;
}

/** The facts every tracker reports. `passed` stays undefined until the first submission. */
export function outcomeOf(lesson: Lesson, state: ProgressState): Outcome {
  return {
    completed: isCompleted(lesson, state),
    passed: state.quiz.attemptCount > 0 ? state.quiz.passed : undefined,
    scaledScore: state.quiz.bestScore,
    progress: progressMeasure(lesson, state),
  };
}

/** What the completion rule still asks for: the pages not visited yet and whether the quiz awaits a submission. */
export interface RemainingSteps {
  readonly pages: readonly string[];
  readonly quiz: boolean;
  /** Steps the rule counts (pages + the quiz, as required) and how many are done. */
  readonly total: number;
  readonly done: number;
}

export function remainingSteps(lesson: Lesson, state: ProgressState): RemainingSteps {
  const rule = lesson.settings.completion;
  const pages = rule.requireAllPagesVisited ? lesson.pages.map((p) => p.id).filter((id) => !state.visited.includes(id)) : [];
  const quiz = rule.requireQuizSubmitted && state.quiz.attemptCount === 0;
  const total = (rule.requireAllPagesVisited ? lesson.pages.length : 0) + (rule.requireQuizSubmitted ? 1 : 0);
  return { pages, quiz, total, done: total - pages.length - (quiz ? 1 : 0) };
}
