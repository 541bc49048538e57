/**
 * The quiz must not be passable by guessing from the shape of the options:
 * read from course/ as shipped, the correct option is not the longest in every
 * question, is the unique longest in fewer than half of them, and does not
 * echo the stem more than every wrong option does in most of them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { QuizQuestion } from '../../src/content/lesson.js';
import { quizOf } from '../../src/domain/lesson-queries.js';
import { loadRealCourse } from './helpers/real-course.js';

let questions: readonly QuizQuestion[];
beforeAll(async () => {
  questions = quizOf(await loadRealCourse()).questions;
});

const correctOf = (q: QuizQuestion) => q.options.find((o) => o.id === q.correct)?.text ?? '';
const wrongOf = (q: QuizQuestion) => q.options.filter((o) => o.id !== q.correct).map((o) => o.text);
/** Words a guesser would match against the stem: four letters or more, lower case. */
const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{4,}/g) ?? []);
const echo = (option: string, stem: string) => [...words(option)].filter((w) => words(stem).has(w)).length;

describe('quiz options give nothing away', () => {
  it('the correct option is not the longest (or tied longest) in every question', () => {
    const longest = questions.filter((q) => wrongOf(q).every((w) => correctOf(q).length >= w.length));

    expect(questions.length).toBeGreaterThan(1);
    expect(longest.map((q) => q.id)).not.toHaveLength(questions.length);
  });

  it('the correct option is the unique longest in fewer than half of the questions', () => {
    const uniqueLongest = questions.filter((q) => wrongOf(q).every((w) => correctOf(q).length > w.length));

    expect(uniqueLongest.length, `unique longest in ${uniqueLongest.map((q) => q.id).join(', ')}`).toBeLessThan(questions.length / 2);
  });

  it('the correct option echoes the stem no more than some wrong option, in most questions', () => {
    const echoing = questions.filter((q) => wrongOf(q).every((w) => echo(correctOf(q), q.stem) > echo(w, q.stem)));

    expect(echoing.length, `echoes its stem most in ${echoing.map((q) => q.id).join(', ')}`).toBeLessThan(questions.length / 2);
  });

  it('wrong options are of comparable length: none is under half the correct one', () => {
    const short = questions.flatMap((q) =>
      wrongOf(q)
        .filter((w) => w.length < correctOf(q).length / 2)
        .map((w) => `${q.id}: ${w}`),
    );

    expect(short).toEqual([]);
  });
});
