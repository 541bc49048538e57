/**
 * Where each question of the lesson lives in the LMS's interactions: one
 * place per question, with an id built from course ids only (never from the
 * attempt), so an admin's report has the same columns in every session of an
 * attempt ("Question 0" is the first case of micro-activity 1, the quiz's q1
 * keeps its place and id). A retake overwrites the question's answer in its
 * place; the LMS keeps each of its own attempts apart.
 *
 * A new attempt lays the questions out in reading order. Once the LMS holds
 * an interaction, its place is fixed for the rest of the attempt, whatever
 * the author changes: a re-uploaded lesson with a question added, removed or
 * moved must never write an answer into the place of another question. So
 * the course keeps, with its resume state, which question each interaction
 * the LMS holds belongs to (`InteractionLayout.mark`, a short hash of the
 * question's LMS id), and a resumed attempt finds every question it still
 * has in its old place; questions it did not have get places after all of
 * those. Where the LMS holds an interaction the course cannot name (its own
 * record was lost), that place is left alone.
 */
import type { Lesson } from '../../content/lesson.js';
import type { InteractionRecord } from '../../domain/interaction.js';
import { lessonQuestions, type LessonQuestion } from '../../domain/lesson-queries.js';
import { toLmsId } from './identifiers.js';

/** A question of the lesson with the id the LMS shows admins ("quiz_5_6.q1"). */
export interface QuestionSlot extends LessonQuestion {
  readonly lmsId: string;
}

/** Every question the lesson reports, in reading order (the interaction order of a new attempt). */
export function questionSlots(lesson: Lesson): QuestionSlot[] {
  return lessonQuestions(lesson).map((q) => ({ ...q, lmsId: toLmsId(q.key) }));
}

/** Characters of one place's mark: 6 base-36 digits, about 31 bits of the question's id. */
const MARK_LENGTH = 6;
/** The mark of a place whose question is unknown (the LMS holds it, the course never learned what it is). */
const UNKNOWN = '-'.repeat(MARK_LENGTH);
/**
 * The saved layout, at the head of the resume state the SCORM trackers write:
 * "i", one mark per interaction the LMS holds, in order, then ".". The domain's
 * own state starts with a digit (src/domain/codec.ts), so the two never mix up.
 */
const SAVED_LAYOUT = new RegExp(`^i((?:[0-9a-z-]{${MARK_LENGTH}})*)\\.`);

/**
 * A short, stable fingerprint of an interaction id (FNV-1a 32-bit, as 6 base-36 digits). Two
 * different questions share one with a chance of about 1 in 2 billion; a lesson whose own questions
 * would share one never reuses those places (see `InteractionLayout.resumed`).
 */
export function markOf(lmsId: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < lmsId.length; i += 1) {
    hash ^= lmsId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return (hash % 36 ** MARK_LENGTH).toString(36).padStart(MARK_LENGTH, '0');
}

/** The resume state as the SCORM trackers keep it: the interaction layout, then the lesson's own state. */
export function splitSavedState(saved: string): { marks: string[] | undefined; state: string } {
  const head = SAVED_LAYOUT.exec(saved);
  if (!head) return { marks: undefined, state: saved };
  const marks = head[1]?.match(new RegExp(`.{${MARK_LENGTH}}`, 'g')) ?? [];
  return { marks, state: saved.slice(head[0].length) };
}

/** How a resumed attempt's interactions were found. */
export interface LayoutSource {
  /** The marks saved with the resume state; undefined when it carried none (saved by an earlier version of the course, or nothing saved). */
  readonly marks: string[] | undefined;
  /** cmi.interactions._count as the LMS answered it (an LMS may answer 0 although it holds more). */
  readonly lmsCount: number;
  /** The LMS holds resume state it would not give back: the old layout is unknown. */
  readonly stateUnreadable: boolean;
  /**
   * SCORM 2004 only (1.2's interaction ids are write-only): the id the LMS holds for interaction n,
   * to name places the saved layout does not cover.
   */
  readonly readId?: (n: number) => string | undefined;
}

export class InteractionLayout {
  /** Place n → the question answered there; undefined for a place held by a question this lesson does not have (or an unknown one). */
  private readonly held: (QuestionSlot | undefined)[];
  /** Place n → the mark saved for it (kept as found for places of other questions, so a lesson that asks them again finds them). */
  private readonly marks: string[];
  /** Questions without a place in the LMS yet, in reading order: they get the next places. */
  private readonly unplaced: QuestionSlot[];

  private constructor(held: (QuestionSlot | undefined)[], marks: string[], unplaced: QuestionSlot[]) {
    this.held = held;
    this.marks = marks;
    this.unplaced = unplaced;
  }

  /** A new attempt: nothing held yet, every question in reading order. */
  static fresh(slots: readonly QuestionSlot[]): InteractionLayout {
    return new InteractionLayout([], [], [...slots]);
  }

  /**
   * A resumed attempt. Places are known, in this order of trust, from the marks saved with the
   * resume state; for places the marks do not cover, from the id the LMS holds (2004); from reading
   * order when the saved state predates layouts (it was written by a course that laid out every
   * attempt in reading order); otherwise they are left alone. The LMS holds at least as many
   * interactions as the saved marks name, whatever `_count` says.
   */
  static resumed(slots: readonly QuestionSlot[], source: LayoutSource): InteractionLayout {
    const byMark = new Map<string, QuestionSlot | null>();
    for (const slot of slots) {
      const mark = markOf(slot.lmsId);
      // Two questions of this lesson with one mark: neither can be recognized by it.
      byMark.set(mark, byMark.has(mark) ? null : slot);
    }
    const byId = new Map(slots.map((slot) => [slot.lmsId, slot]));
    const saved = source.marks ?? [];
    const count = Math.max(saved.length, source.lmsCount);
    const legacy = source.marks === undefined && !source.stateUnreadable;
    const held: (QuestionSlot | undefined)[] = [];
    const marks: string[] = [];
    const placed = new Set<QuestionSlot>();
    for (let n = 0; n < count; n += 1) {
      let mark = saved[n] ?? UNKNOWN;
      let slot: QuestionSlot | undefined;
      if (mark !== UNKNOWN) slot = byMark.get(mark) ?? undefined;
      else {
        const id = source.readId?.(n);
        if (id) {
          mark = markOf(id);
          slot = byId.get(id);
        } else if (legacy) slot = slots[n];
        if (slot) mark = markOf(slot.lmsId);
      }
      // A question is answered in one place only: a second place holding it is left alone.
      if (slot && placed.has(slot)) slot = undefined;
      if (slot) placed.add(slot);
      held.push(slot);
      marks.push(mark);
    }
    return new InteractionLayout(
      held,
      marks,
      slots.filter((slot) => !placed.has(slot)),
    );
  }

  /** Interactions the LMS holds (or will hold once the pending values are stored). */
  get created(): number {
    return this.held.length;
  }

  /**
   * The place of an answer: its question's place, or, for a question without one, the next place,
   * after the questions before it in reading order that have none yet (they are created first,
   * without an answer, so each question keeps the place a new attempt gives it). Returns the
   * places to create, in order, the last being the answer's.
   */
  place(i: InteractionRecord): { n: number; slot: QuestionSlot; created: { n: number; slot: QuestionSlot }[] } {
    const at = this.held.findIndex((slot) => slot?.key === i.id);
    const slot = at < 0 ? undefined : this.held[at];
    if (slot) return { n: at, slot, created: [] };
    const index = this.unplaced.findIndex((s) => s.key === i.id);
    // An answer the lesson's list does not know (it cannot happen with a validated lesson) gets the next place.
    const due = index < 0 ? [unknownSlot(i)] : this.unplaced.splice(0, index + 1);
    const created = due.map((s) => {
      this.held.push(s);
      this.marks.push(markOf(s.lmsId));
      return { n: this.held.length - 1, slot: s };
    });
    const own = created[created.length - 1] ?? { n: this.held.length - 1, slot: unknownSlot(i) };
    return { ...own, created };
  }

  /** The resume state to save: this layout at its head, then the lesson's state. */
  withState(state: string): string {
    return `i${this.marks.join('')}.${state}`;
  }
}

function unknownSlot(i: InteractionRecord): QuestionSlot {
  return {
    key: i.id,
    lmsId: toLmsId(i.id),
    activityId: i.activityId,
    kind: i.kind,
    where: '',
    question: i.question,
    choices: i.choices,
    correct: i.correct,
    weighting: i.weighting,
  };
}
