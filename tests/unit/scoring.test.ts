import { beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/content/lesson.js';
import { quizOf, type QuizBlock } from '../../src/domain/lesson-queries.js';
import { meetsPassingScore, scoreQuiz, toPercent } from '../../src/domain/scoring.js';
import { answersWithCorrect } from './helpers/learner.js';
import { loadRealCourse } from './helpers/real-course.js';

let lesson: Lesson;
let quiz: QuizBlock;
beforeAll(async () => {
  lesson = await loadRealCourse();
  quiz = quizOf(lesson);
});

describe('scoreQuiz', () => {
  it('counts every question answered with its correct option', () => {
    const score = scoreQuiz(quiz, { q1: 'b', q2: 'c', q3: 'c', q4: 'c', q5: 'b' });

    expect(score).toEqual({ correct: 5, total: 5, scaled: 1 });
  });

  it('counts a wrong option as wrong', () => {
    const score = scoreQuiz(quiz, { q1: 'a', q2: 'c', q3: 'c', q4: 'c', q5: 'b' });

    expect(score).toEqual({ correct: 4, total: 5, scaled: 0.8 });
  });

  it('counts an unanswered question as wrong, out of all the questions', () => {
    const score = scoreQuiz(quiz, { q1: 'b', q2: 'c' });

    expect(score).toEqual({ correct: 2, total: 5, scaled: 0.4 });
  });

  it('ignores answers to questions the quiz does not have', () => {
    const score = scoreQuiz(quiz, { q9: 'a', 'other.q1': 'b' });

    expect(score).toEqual({ correct: 0, total: 5, scaled: 0 });
  });
});

describe('meetsPassingScore at the course pass mark of 0.8', () => {
  it('passes 4 out of 5, exactly on the pass mark', () => {
    const { scaled } = scoreQuiz(quiz, answersWithCorrect(quiz, 4));

    expect(meetsPassingScore(scaled, lesson.settings.passingScore)).toBe(true);
  });

  it('passes 5 out of 5', () => {
    const { scaled } = scoreQuiz(quiz, answersWithCorrect(quiz, 5));

    expect(meetsPassingScore(scaled, lesson.settings.passingScore)).toBe(true);
  });

  it('fails 3 out of 5', () => {
    const { scaled } = scoreQuiz(quiz, answersWithCorrect(quiz, 3));

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
