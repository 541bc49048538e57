/**
 * One learner answer as a fact, independent of any tracking standard.
 * Adapters turn it into SCORM 1.2 / 2004 interactions or xAPI "answered"
 * statements (STYLE rule 7: the domain states facts, adapters format them).
 */
export type InteractionKind = 'choice' | 'fill-in' | 'long-fill-in';

export interface InteractionChoice {
  /** Stable id from course/, e.g. "a" or "iam-role". */
  readonly id: string;
  readonly text: string;
}

export interface InteractionRecord {
  /** Stable id built from course ids, e.g. "quiz-5-6.q1" (adapters may reshape it). */
  readonly id: string;
  /** Which part of the lesson asked it: a quiz, an activity or the reflections. */
  readonly activityId: string;
  readonly kind: InteractionKind;
  /** The question as the learner read it (plain text). */
  readonly question: string;
  /** Offered options, for choice questions only. */
  readonly choices: readonly InteractionChoice[];
  /** Choice ids the learner picked, or the one written answer. */
  readonly response: readonly string[];
  /**
   * The right responses, each one on its own (for a choice question: each an option id that answers
   * it rightly, the best first); empty for written answers, which have no single right text.
   */
  readonly correct: readonly string[];
  /** undefined for written answers (judged by the learner against the model answer). */
  readonly success: boolean | undefined;
  /** Weight of the question in its score (1 for quiz questions, 0 where unscored). */
  readonly weighting: number;
  /** Time from the question being shown to the answer, in milliseconds. */
  readonly latencyMs: number;
  /** When the answer was given (ms since epoch, UTC). */
  readonly answeredAt: number;
  /** Quiz attempt number (1-based), or 0 outside the quiz. */
  readonly attempt: number;
}
