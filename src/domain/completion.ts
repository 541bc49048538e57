/** Completion and success rules, from the course settings (course/course.yaml). */
import type { Lesson } from '../content/lesson.js';
import type { Outcome } from './outcome.js';
import type { ProgressState } from './progress.js';

export function progressMeasure(lesson: Lesson, state: ProgressState): number {
  const ids = new Set(lesson.pages.map((p) => p.id));
  const seen = state.visited.filter((id) => ids.has(id)).length;
  return ids.size === 0 ? 1 : seen / ids.size;
}

export function isCompleted(lesson: Lesson, state: ProgressState): boolean {
  const rule = lesson.settings.completion;
  const allVisited = !rule.requireAllPagesVisited || progressMeasure(lesson, state) === 1;
  const quizDone = !rule.requireQuizSubmitted || state.quiz.attemptCount > 0;
  return allVisited && quizDone;
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
