/**
 * Learner intents, fired by leaf components and handled by the app shell
 * (STYLE rule 3: properties down, events up). They carry facts, not decisions:
 * scoring and tracking happen upstream. All bubble and cross shadow roots.
 */

/**
 * The base of one intent's event class: an Event of one fixed type that
 * bubbles and crosses shadow roots. The type is also the class's static
 * `type`, its key in HTMLElementEventMap and in addEventListener.
 * It has no side effects, so a bundle that takes only some of these classes
 * (the preview LMS takes none) leaves the others out.
 */
/* @__NO_SIDE_EFFECTS__ */
export function intentEvent<T extends string>(type: T) {
  return class extends Event {
    static readonly type = type;
    constructor() {
      super(type, { bubbles: true, composed: true });
    }
  };
}

/** The learner asked to go to a page. */
export class NavigateEvent extends intentEvent('lesson-navigate') {
  constructor(readonly pageId: string) {
    super();
  }
}

/** The learner checked an answer to one choice-activity case (a first answer, or a try again). */
export class CaseAnswerEvent extends intentEvent('lesson-case-answer') {
  constructor(
    readonly activityId: string,
    readonly caseId: string,
    readonly optionId: string,
  ) {
    super();
  }
}

/** The learner submitted a written answer (and asked to see the model answer). */
export class WrittenAnswerEvent extends intentEvent('lesson-written-answer') {
  constructor(
    readonly activityId: string,
    readonly questionId: string,
    readonly text: string,
  ) {
    super();
  }
}

/** A question came into view (latency is measured from here). */
export class QuestionShownEvent extends intentEvent('lesson-question-shown') {
  constructor(readonly key: string) {
    super();
  }
}

/** The learner picked an option of a quiz question. */
export class QuizChooseEvent extends intentEvent('lesson-quiz-choose') {
  constructor(
    readonly questionId: string,
    readonly optionId: string,
  ) {
    super();
  }
}

/** The learner moved to another quiz question. */
export class QuizGoToEvent extends intentEvent('lesson-quiz-goto') {
  constructor(readonly index: number) {
    super();
  }
}

/** The learner submitted the quiz. */
export class QuizSubmitEvent extends intentEvent('lesson-quiz-submit') {}

/** The learner asked to take the quiz again. */
export class QuizRetakeEvent extends intentEvent('lesson-quiz-retake') {}

/** The learner, after their own try, asked to see a case's best answer. */
export class CaseRevealEvent extends intentEvent('lesson-case-reveal') {
  constructor(
    readonly activityId: string,
    readonly caseId: string,
  ) {
    super();
  }
}

/**
 * The learner follows feedback's "Review …" link to the page that settles a belief: the link
 * navigates as any link does; this says they will want to come back to where they were.
 */
export class ReviewEvent extends intentEvent('lesson-review') {
  constructor(readonly pageId: string) {
    super();
  }
}

/** The learner chose Finish: end the session properly (the LMS/LRS is told), then say what happens next. */
export class FinishEvent extends intentEvent('lesson-finish') {}

/** The learner typed in an answer box without submitting: a draft to keep. */
export class DraftEvent extends intentEvent('lesson-draft') {
  constructor(
    readonly activityId: string,
    readonly questionId: string,
    readonly text: string,
  ) {
    super();
  }
}

/** The learner picked an option of a case without checking it yet. */
export class CasePickEvent extends intentEvent('lesson-case-pick') {
  constructor(
    readonly activityId: string,
    readonly caseId: string,
    readonly optionId: string,
  ) {
    super();
  }
}

declare global {
  interface HTMLElementEventMap {
    [NavigateEvent.type]: NavigateEvent;
    [CaseAnswerEvent.type]: CaseAnswerEvent;
    [WrittenAnswerEvent.type]: WrittenAnswerEvent;
    [QuestionShownEvent.type]: QuestionShownEvent;
    [QuizChooseEvent.type]: QuizChooseEvent;
    [QuizGoToEvent.type]: QuizGoToEvent;
    [QuizSubmitEvent.type]: QuizSubmitEvent;
    [QuizRetakeEvent.type]: QuizRetakeEvent;
    [DraftEvent.type]: DraftEvent;
    [CasePickEvent.type]: CasePickEvent;
    [CaseRevealEvent.type]: CaseRevealEvent;
    [FinishEvent.type]: FinishEvent;
    [ReviewEvent.type]: ReviewEvent;
  }
}
