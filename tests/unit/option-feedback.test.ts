/**
 * Feedback that teaches, read from course/ as shipped: every quiz option and every case option has
 * its own; two wrong options of one question are told different things; a wrong option's feedback
 * points to the page that settles the belief it shows, and never hands out the right option
 * (answers are earned: a learner who failed reads it before the answers are shown).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/content/lesson.js';
import { plainText } from '../../src/content/rich-text-plain.js';
import { blocksOf, quizOf, rightOptions } from '../../src/domain/lesson-queries.js';
import { loadRealCourse } from './helpers/real-course.js';

let lesson: Lesson;
beforeAll(async () => {
  lesson = await loadRealCourse();
});

const wordsOf = (text: string) => text.toLowerCase().match(/[a-z0-9'-]+/g) ?? [];

/** The longest run of consecutive words two texts share. */
function sharedRun(a: string, b: string): string {
  const [x, y] = [wordsOf(a), wordsOf(b)];
  let best: string[] = [];
  for (let i = 0; i < x.length; i++)
    for (let j = 0; j < y.length; j++) {
      let n = 0;
      while (x[i + n] !== undefined && x[i + n] === y[j + n]) n++;
      if (n > best.length) best = x.slice(i, i + n);
    }
  return best.join(' ');
}

/** Words a wrong option's feedback may share in a row with the right option before it quotes it. */
const QUOTE_RUN = 5;

function quizOptions() {
  return quizOf(lesson).questions.map((q) => ({
    q,
    right: q.options.find((o) => o.id === q.correct),
    wrong: q.options.filter((o) => o.id !== q.correct),
  }));
}

function caseOptions() {
  return blocksOf(lesson, 'choice-activity').flatMap((block) =>
    block.cases.map((item) => ({
      block,
      item,
      right: block.options.find((o) => o.id === item.correct),
      feedback: (id: string) => item.feedback.find((f) => f.option === id),
    })),
  );
}

describe('quiz feedback', () => {
  it('every option has feedback of its own', () => {
    for (const { q } of quizOptions()) {
      for (const o of q.options) expect(plainText(o.feedback).length, `${q.id} ${o.id}`).toBeGreaterThan(40);
      expect(new Set(q.options.map((o) => plainText(o.feedback))).size, q.id).toBe(q.options.length);
    }
  });

  it('two wrong options of one question are told different things, not one sentence with a word swapped', () => {
    for (const { q, wrong } of quizOptions())
      for (const [i, a] of wrong.entries())
        for (const b of wrong.slice(i + 1)) {
          const [ta, tb] = [plainText(a.feedback), plainText(b.feedback)];
          expect(ta).not.toBe(tb);
          expect(sharedRun(ta, tb).split(' ').length, `${q.id}: ${a.id} and ${b.id} share "${sharedRun(ta, tb)}"`).toBeLessThan(8);
        }
  });

  it('a wrong option’s feedback points to the page that settles it, and never quotes the right option', () => {
    const pageIds = lesson.pages.map((p) => p.id);
    for (const { q, right, wrong } of quizOptions())
      for (const o of wrong) {
        expect(pageIds, `${q.id} ${o.id} review`).toContain(o.review);
        const run = sharedRun(plainText(o.feedback), right?.text ?? '');
        expect(run.split(' ').length, `${q.id} ${o.id} quotes the right option: "${run}"`).toBeLessThan(QUOTE_RUN);
        expect(plainText(o.feedback)).not.toMatch(/\b(right|correct|best) answer\b|\banswer is\b/i);
      }
  });

  it('the right option’s feedback says why, in other words than the answer key’s line', () => {
    for (const { q, right } of quizOptions()) {
      const why = plainText(right?.feedback ?? []);
      expect(why).not.toBe(plainText(q.explanation));
      expect(sharedRun(why, plainText(q.explanation)).split(' ').length, q.id).toBeLessThan(8);
    }
  });
});

describe('micro-activity feedback', () => {
  it('every case says something of its own to every option', () => {
    for (const { block, item, feedback } of caseOptions()) {
      for (const o of block.options) expect(plainText(feedback(o.id)?.text ?? []).length, `${item.id} ${o.id}`).toBeGreaterThan(40);
      expect(new Set(item.feedback.map((f) => plainText(f.text))).size).toBe(block.options.length);
    }
  });

  it('a wrong option’s feedback points to a page and does not name the best answer', () => {
    const pageIds = lesson.pages.map((p) => p.id);
    for (const { block, item, right, feedback } of caseOptions())
      for (const o of block.options.filter((x) => !rightOptions(item).includes(x.id))) {
        const f = feedback(o.id);
        expect(pageIds, `${item.id} ${o.id} review`).toContain(f?.review);
        // The best answer is shown once the learner has tried (or asks for it), never in the first feedback.
        expect(plainText(f?.text ?? []).toLowerCase(), `${item.id} ${o.id}`).not.toContain(`best answer is`);
        expect(
          plainText(f?.text ?? [])
            .toLowerCase()
            .includes((right?.text ?? '').toLowerCase()) && (right?.text.length ?? 0) > 12,
        ).toBe(false);
      }
  });
});
