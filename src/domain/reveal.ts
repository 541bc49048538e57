/**
 * When the quiz's right answers may be shown (the results' right options, the answer key's quiz
 * entries). Before then a learner who missed a question sees that they missed it and feedback
 * that teaches, never the right option: answers are earned (course.yaml settings.revealAnswers).
 */
import type { Lesson } from '../content/lesson.js';
import { canRetakeQuiz, type QuizProgress } from './progress.js';

export function quizAnswersRevealed(lesson: Lesson, quiz: QuizProgress): boolean {
  const rule = lesson.settings.revealAnswers;
  if (rule === 'always' || quiz.passed) return true;
  if (quiz.attemptCount === 0) return false;
  // No attempt left: nothing is protected by holding the answers back any longer.
  if (!canRetakeQuiz(lesson, quiz)) return true;
  return typeof rule === 'object' && quiz.attemptCount >= rule['after-attempts'];
}
