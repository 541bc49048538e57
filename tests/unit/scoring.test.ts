import { beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/content/lesson.js';
import { quizOf, type QuizBlock } from '../../src/domain/lesson-queries.js';
import { meetsPassingScore, scoreQuiz, toPercent } from '../../src/domain/scoring.js';
import { answersWithCorrect, fewestToPass } from './helpers/learner.js';
import { loadRealCourse } from './helpers/real-course.js';

let lesson: Lesson;
let quiz: QuizBlock;
beforeAll(async () => {
  lesson = await loadRealCourse();
  quiz = quizOf(lesson);
});

describe('scoreQuiz', () => {
  const right = () => Object.fromEntries(quiz.questions.map((q) => [q.id, q.correct]));

  it('counts every question answered with its correct option', () => {
    const score = scoreQuiz(quiz, right());

    expect(score).toEqual({ correct: quiz.questions.length, total: quiz.questions.length, scaled: 1 });
  });

  it('counts a wrong option as wrong', () => {
    const total = quiz.questions.length;
    const score = scoreQuiz(quiz, answersWithCorrect(quiz, total - 1));

    expect(score).toEqual({ correct: total - 1, total, scaled: (total - 1) / total });
  });

  it('counts an unanswered question as wrong, out of all the questions', () => {
    const [first, second] = quiz.questions;
    const score = scoreQuiz(quiz, { [first?.id ?? '']: first?.correct ?? '', [second?.id ?? '']: second?.correct ?? '' });

    expect(score).toEqual({ correct: 2, total: quiz.questions.length, scaled: 2 / quiz.questions.length });
  });

  it('ignores answers to questions the quiz does not have', () => {
    const score = scoreQuiz(quiz, { 'no-such-question': 'a', [`other.${quiz.questions[0]?.id}`]: quiz.questions[0]?.correct ?? '' });

    expect(score).toEqual({ correct: 0, total: quiz.questions.length, scaled: 0 });
  });
});

describe('meetsPassingScore at the course’s own pass mark', () => {
  it('passes exactly on the pass mark', () => {
    const { scaled } = scoreQuiz(quiz, answersWithCorrect(quiz, fewestToPass(lesson)));

    expect(meetsPassingScore(scaled, lesson.settings.passingScore)).toBe(true);
  });

  it('passes with every answer right', () => {
    const { scaled } = scoreQuiz(quiz, answersWithCorrect(quiz, quiz.questions.length));

    expect(meetsPassingScore(scaled, lesson.settings.passingScore)).toBe(true);
  });

  it('fails one right answer short of the pass mark', () => {
    const { scaled } = scoreQuiz(quiz, answersWithCorrect(quiz, fewestToPass(lesson) - 1));

    expect(meetsPassingScore(scaled, lesson.settings.passingScore)).toBe(false);
  });

  it('fails a score just under the pass mark', () => {
    expect(meetsPassingScore(0.799, 0.8)).toBe(false);
  });

  it('passes a score that equals the pass mark but for floating-point noise (0.1 + 0.7)', () => {
    expect(0.1 + 0.7).toBeLessThan(0.8); // the noise a plain >= would trip over
    expect(meetsPassingScore(0.1 + 0.7, 0.8)).toBe(true);
  });
});

describe('toPercent', () => {
  it('shows 4 out of 5 as 80', () => {
    expect(toPercent(4 / 5)).toBe(80);
  });

  it('rounds to a whole percent', () => {
    expect(toPercent(2 / 3)).toBe(67);
    expect(toPercent(1 / 3)).toBe(33);
  });

  it('shows the ends of the scale as 0 and 100', () => {
    expect(toPercent(0)).toBe(0);
    expect(toPercent(1)).toBe(100);
  });
});
