/**
 * Item analysis figures worked out by hand: the discrimination index (with the learners tied at a
 * group's edge sharing its places) and each flag, with a case that raises it and one just short of
 * it. Then one flag end to end, from a scripted cohort's statements to the report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { scriptedLearner } from '../../hosts/learner/cohort.js';
import type { Lesson } from '../../src/content/lesson.js';
import { quizOf } from '../../src/domain/lesson-queries.js';
import { analyse } from '../../scripts/report/analysis.js';
import { courseModel } from '../../scripts/report/course-model.js';
import { discrimination, flagsFor, type JudgedQuestion, type RankedAnswer } from '../../scripts/report/item-analysis.js';
import { THRESHOLDS, type FlagCode } from '../../scripts/report/report-data.js';
import { answersWithCorrect } from './helpers/learner.js';
import { loadRealCourse } from './helpers/real-course.js';

const learners = (count: number, score: number, right: number): RankedAnswer[] =>
  Array.from({ length: count }, (_, i) => ({ score, right: i < right }));

describe('discrimination index (upper and lower 27 %)', () => {
  it('is 1 when the top group all get it right and the bottom group none', () => {
    const d = discrimination([...learners(30, 1, 30), ...learners(40, 0.6, 20), ...learners(30, 0.2, 0)], 0.27);
    expect(d).toEqual({ index: 1, groupSize: 27, upperRight: 1, lowerRight: 0, ranked: 100 });
  });

  it('shares the places at a group edge among the learners tied there, whatever their order', () => {
    const cohort = [
      ...learners(2, 1, 2),
      { score: 0.8, right: true },
      { score: 0.8, right: false },
      { score: 0.8, right: false },
      { score: 0.4, right: true },
      { score: 0.4, right: true },
      { score: 0.4, right: false },
      ...learners(2, 0.2, 0),
    ];
    // 10 learners: groups of 3. Upper: both at 1 (right) + one place shared by three at 0.8 (one right).
    const upper = (2 + 1 / 3) / 3;
    // Lower: both at 0.2 (wrong) + one place shared by three at 0.4 (two right).
    const lower = 2 / 3 / 3;
    const d = discrimination(cohort, 0.27);
    expect(d?.groupSize).toBe(3);
    expect(d?.upperRight).toBeCloseTo(upper, 10);
    expect(d?.lowerRight).toBeCloseTo(lower, 10);
    expect(d?.index).toBeCloseTo(upper - lower, 10);
    expect(discrimination([...cohort].reverse(), 0.27)).toEqual(d);
  });

  it('is 0 when every learner has the same score, and undefined with fewer than two learners', () => {
    expect(discrimination(learners(10, 0.6, 5), 0.27)?.index).toBeCloseTo(0, 10);
    expect(discrimination(learners(1, 1, 1), 0.27)).toBeUndefined();
  });
});

describe('flags', () => {
  /** 100 first attempts: a right 70, b 15, c 10, d 5; discrimination 0.4: no flag at all. */
  const healthy = (change: Partial<JudgedQuestion> = {}, counts: Record<string, number> = {}): JudgedQuestion => {
    const chosen = { a: 70, b: 15, c: 10, d: 5, ...counts };
    return {
      options: Object.entries(chosen).map(([id, n]) => ({ id, text: id, correct: id === 'a', chosen: n, firstAttemptChosen: n })),
      firstAttemptAnswers: 100,
      firstAttemptRight: chosen.a,
      discrimination: { index: 0.4, groupSize: 27, upperRight: 0.9, lowerRight: 0.5, ranked: 100 },
      ...change,
    };
  };
  const codes = (q: JudgedQuestion): FlagCode[] => flagsFor(q, THRESHOLDS).map((f) => f.code);

  it('raises none on a question that works', () => {
    expect(codes(healthy())).toEqual([]);
  });

  it('too few answers to judge: under 20 first attempts, and then nothing else is judged', () => {
    const few = { ...healthy(), firstAttemptAnswers: 19, firstAttemptRight: 2 };
    expect(codes(few)).toEqual(['too-few-answers']);
    expect(codes({ ...healthy(), firstAttemptAnswers: 20, firstAttemptRight: 14 })).not.toContain('too-few-answers');
  });

  it('most learners miss it: under half right on the first attempt', () => {
    expect(codes(healthy({}, { a: 49, b: 26, c: 15, d: 10 }))).toContain('most-miss');
    expect(codes(healthy({}, { a: 50, b: 25, c: 15, d: 10 }))).not.toContain('most-miss');
  });

  it('a distractor nobody picks: a wrong option in under 5 % of first attempts, named', () => {
    const flags = flagsFor(healthy({}, { a: 70, b: 16, c: 10, d: 4 }), THRESHOLDS);
    expect(flags.filter((f) => f.code === 'unused-distractor').map((f) => f.option)).toEqual(['d']);
    expect(codes(healthy())).not.toContain('unused-distractor');
  });

  it('a wrong option chosen more often than the right one, named', () => {
    const flags = flagsFor(healthy({}, { a: 35, b: 40, c: 15, d: 10 }), THRESHOLDS);
    expect(flags.filter((f) => f.code === 'distractor-beats-key').map((f) => f.option)).toEqual(['b']);
    expect(codes(healthy({}, { a: 40, b: 40, c: 10, d: 10 }))).not.toContain('distractor-beats-key');
  });

  it('does not tell strong from weak learners: a discrimination index under 0.2', () => {
    const d = { index: 0.19, groupSize: 27, upperRight: 0.8, lowerRight: 0.61, ranked: 100 };
    expect(codes(healthy({ discrimination: d }))).toEqual(['low-discrimination']);
    expect(codes(healthy({ discrimination: { ...d, index: 0.2 } }))).toEqual([]);
  });
});

describe('flags from statements', () => {
  let lesson: Lesson;
  beforeAll(async () => {
    lesson = await loadRealCourse();
  });

  it('flags the question most learners miss by picking one wrong option, and none of that on a question they get right', async () => {
    const quiz = quizOf(lesson);
    const [first, second] = quiz.questions;
    if (!first || !second) throw new Error('the lesson needs two quiz questions');
    const lure = first.options.find((o) => o.id !== first.correct)!.id;
    const statements = [];
    // 24 learners (enough to judge): 4 get the first question right, 20 pick the same wrong option.
    for (let n = 1; n <= 24; n++) {
      const answers = { ...answersWithCorrect(quiz, quiz.questions.length), [first.id]: n <= 4 ? first.correct : lure };
      statements.push(
        ...(await scriptedLearner(lesson, {
          learner: n,
          registration: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
          start: new Date(Date.UTC(2026, 8, 1, n)),
          sessions: [{ actions: [{ quiz: answers }] }],
        })),
      );
    }
    const model = courseModel(lesson);
    const r = analyse(model, statements, { activity: model.lessonIri });
    const one = r.quiz.find((q) => q.id === `${quiz.id}.${first.id}`)!;
    expect(one.flags.map((f) => f.code)).toEqual(expect.arrayContaining(['most-miss', 'distractor-beats-key']));
    expect(one.flags.find((f) => f.code === 'distractor-beats-key')?.option).toBe(lure);
    const two = r.quiz.find((q) => q.id === `${quiz.id}.${second.id}`)!;
    expect(two.flags.map((f) => f.code)).not.toContain('most-miss');
    expect(two.flags.map((f) => f.code)).not.toContain('distractor-beats-key');
    expect(two.firstAttemptRight).toBe(24);
  });
});
