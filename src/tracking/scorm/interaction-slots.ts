/**
 * Where each question of the lesson lives in the LMS's interactions: one
 * fixed place per question, in the lesson's reading order, with an id built
 * from course ids only (never from the attempt), so an admin's report has the
 * same columns in every attempt and session ("Question 0" is always the first
 * case of micro-activity 1, the quiz's q1 always keeps its place and id).
 *
 * A retake overwrites the question's answer in its place; the LMS keeps each
 * of its own attempts apart, and the course reports the best score.
 */
import type { Lesson } from '../../content/lesson.js';
import type { InteractionChoice, InteractionKind, InteractionRecord } from '../../domain/interaction.js';
import { answerKey } from '../../domain/lesson-queries.js';
import { toLmsId } from './identifiers.js';

/** What a question is, before anyone answers it. */
export interface QuestionSlot {
  /** The course's key for the answer, as in InteractionRecord.id ("quiz-5-6.q1"). */
  readonly key: string;
  /** The id the LMS shows admins ("quiz_5_6.q1"). */
  readonly lmsId: string;
  readonly kind: InteractionKind;
  /** Where it is asked: the page title, then the activity's heading. */
  readonly where: string;
  readonly question: string;
  readonly choices: readonly InteractionChoice[];
  readonly correct: readonly string[];
  readonly weighting: number;
}

/** Every question the lesson reports, in reading order (this order is the LMS's interaction order). */
export function questionSlots(lesson: Lesson): QuestionSlot[] {
  const slots: QuestionSlot[] = [];
  const add = (blockId: string, itemId: string, fields: Omit<QuestionSlot, 'key' | 'lmsId'>) => {
    const key = answerKey(blockId, itemId);
    slots.push({ key, lmsId: toLmsId(key), ...fields });
  };
  for (const page of lesson.pages) {
    for (const block of page.blocks) {
      switch (block.kind) {
        case 'choice-activity':
          for (const item of block.cases) {
            add(block.id, item.id, {
              kind: 'choice',
              where: `${page.title} – ${block.heading}`,
              question: item.text,
              choices: block.options,
              correct: [item.correct],
              weighting: 0,
            });
          }
          break;
        case 'written-activity':
        case 'reflection':
          for (const q of block.questions) {
            add(block.id, q.id, {
              kind: 'fill-in',
              where: `${page.title} – ${block.heading}`,
              question: q.text,
              choices: [],
              correct: [],
              weighting: 0,
            });
          }
          break;
        case 'quiz':
          for (const q of block.questions) {
            add(block.id, q.id, {
              kind: 'choice',
              where: `${page.title} – ${block.heading}`,
              question: q.stem,
              choices: q.options,
              correct: [q.correct],
              weighting: 1,
            });
          }
          break;
        default:
          break;
      }
    }
  }
  return slots;
}

/**
 * The place and question of an answer. An answer the lesson's list does not
 * know (it cannot happen with a validated lesson) goes after every known one.
 */
export function placeOf(slots: readonly QuestionSlot[], i: InteractionRecord): { n: number; slot: QuestionSlot } {
  const n = slots.findIndex((slot) => slot.key === i.id);
  const slot = slots[n];
  if (slot) return { n, slot };
  return {
    n: slots.length,
    slot: {
      key: i.id,
      lmsId: toLmsId(i.id),
      kind: i.kind,
      where: '',
      question: i.question,
      choices: i.choices,
      correct: i.correct,
      weighting: i.weighting,
    },
  };
}
