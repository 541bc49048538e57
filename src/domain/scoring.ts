/** Quiz scoring: pure, so it is tested in Node and shared by every adapter. */
import type { QuizBlock } from './lesson-queries.js';

export interface QuizScore {
  readonly correct: number;
  readonly total: number;
  /** correct / total, 0..1. */
  readonly scaled: number;
}

export function scoreQuiz(quiz: QuizBlock, answers: Readonly<Record<string, string>>): QuizScore {
  const total = quiz.questions.length;
  const correct = quiz.questions.filter((q) => answers[q.id] === q.correct).length;
  return { correct, total, scaled: total === 0 ? 0 : correct / total };
}

/** Scores are compared at a whole-percent resolution so 0.8 and 4/5 always agree. */
export function meetsPassingScore(scaled: number, passingScore: number): boolean {
  return Math.round(scaled * 10000) >= Math.round(passingScore * 10000);
}

export function toPercent(scaled: number): number {
  return Math.round(scaled * 100);
}
