/** Status facts the lesson judges (a domain fact); each tracking adapter maps them onto its standard. */
export interface Outcome {
  /** Every required part done (see course settings). */
  readonly completed: boolean;
  /** undefined until the quiz has been submitted once. */
  readonly passed: boolean | undefined;
  /** Best quiz score so far, 0..1, or undefined before the first submission. */
  readonly scaledScore: number | undefined;
  /** Share of the lesson's pages visited, 0..1. */
  readonly progress: number;
}
