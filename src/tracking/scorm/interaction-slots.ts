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
import type { InteractionRecord } from '../../domain/interaction.js';
import { lessonQuestions, type LessonQuestion } from '../../domain/lesson-queries.js';
import { toLmsId } from './identifiers.js';

/** A question of the lesson with the id the LMS shows admins ("quiz_5_6.q1"). */
export interface QuestionSlot extends LessonQuestion {
  readonly lmsId: string;
}

/** Every question the lesson reports, in reading order (this order is the LMS's interaction order). */
export function questionSlots(lesson: Lesson): QuestionSlot[] {
  return lessonQuestions(lesson).map((q) => ({ ...q, lmsId: toLmsId(q.key) }));
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
      activityId: i.activityId,
      kind: i.kind,
      where: '',
      question: i.question,
      choices: i.choices,
      correct: i.correct,
      weighting: i.weighting,
    },
  };
}
