/** What a learner does, expressed with the domain's own functions. */
import type { Lesson } from '../../../src/content/lesson.js';
import { quizOf, type QuizBlock } from '../../../src/domain/lesson-queries.js';
import * as progress from '../../../src/domain/progress.js';
import type { ProgressState } from '../../../src/domain/progress.js';

/** Answers with the first `right` questions correct and the others wrong. */
export function answersWithCorrect(quiz: QuizBlock, right: number): Record<string, string> {
  return Object.fromEntries(
    quiz.questions.map((q, i) => {
      const wrong = q.options.find((o) => o.id !== q.correct);
      if (!wrong) throw new Error(`question ${q.id} has no wrong option`);
      return [q.id, i < right ? q.correct : wrong.id];
    }),
  );
}

export function visitAllPages(lesson: Lesson, state: ProgressState): ProgressState {
  return lesson.pages.reduce((s, page) => progress.visit(s, page.id), state);
}

/** Chooses every answer and submits (from a fresh quiz or after a retake). */
export function takeQuiz(lesson: Lesson, state: ProgressState, right: number): ProgressState {
  const answers = answersWithCorrect(quizOf(lesson), right);
  const chosen = Object.entries(answers).reduce((s, [question, option]) => progress.chooseQuizOption(s, question, option), state);
  return progress.submitQuiz(chosen, lesson, lesson.settings.passingScore);
}

/** Retakes and submits the quiz once more. */
export function retakeQuiz(lesson: Lesson, state: ProgressState, right: number): ProgressState {
  return takeQuiz(lesson, progress.retakeQuiz(state, lesson), right);
}

/** The fewest right answers that pass at the course's own passing score. */
export function fewestToPass(lesson: Lesson): number {
  return Math.ceil(lesson.settings.passingScore * quizOf(lesson).questions.length - 1e-9);
}
