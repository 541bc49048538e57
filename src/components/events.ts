/**
 * Learner intents, fired by leaf components and handled by the app shell
 * (STYLE rule 3: properties down, events up). They carry facts, not decisions:
 * scoring and tracking happen upstream. All bubble and cross shadow roots.
 */
const init = { bubbles: true, composed: true } as const;

/** The learner asked to go to a page. */
export class NavigateEvent extends Event {
  static readonly type = 'lesson-navigate';
  constructor(readonly pageId: string) {
    super(NavigateEvent.type, init);
  }
}

/** The learner checked an answer to one choice-activity case. */
export class CaseAnswerEvent extends Event {
  static readonly type = 'lesson-case-answer';
  constructor(
    readonly activityId: string,
    readonly caseId: string,
    readonly optionId: string,
  ) {
    super(CaseAnswerEvent.type, init);
  }
}

/** The learner submitted a written answer (and asked to see the model answer). */
export class WrittenAnswerEvent extends Event {
  static readonly type = 'lesson-written-answer';
  constructor(
    readonly activityId: string,
    readonly questionId: string,
    readonly text: string,
  ) {
    super(WrittenAnswerEvent.type, init);
  }
}

/** A question came into view (latency is measured from here). */
export class QuestionShownEvent extends Event {
  static readonly type = 'lesson-question-shown';
  constructor(readonly key: string) {
    super(QuestionShownEvent.type, init);
  }
}

/** The learner picked an option of a quiz question. */
export class QuizChooseEvent extends Event {
  static readonly type = 'lesson-quiz-choose';
  constructor(
    readonly questionId: string,
    readonly optionId: string,
  ) {
    super(QuizChooseEvent.type, init);
  }
}

/** The learner moved to another quiz question. */
export class QuizGoToEvent extends Event {
  static readonly type = 'lesson-quiz-goto';
  constructor(readonly index: number) {
    super(QuizGoToEvent.type, init);
  }
}

/** The learner submitted the quiz. */
export class QuizSubmitEvent extends Event {
  static readonly type = 'lesson-quiz-submit';
  constructor() {
    super(QuizSubmitEvent.type, init);
  }
}

/** The learner asked to take the quiz again. */
export class QuizRetakeEvent extends Event {
  static readonly type = 'lesson-quiz-retake';
  constructor() {
    super(QuizRetakeEvent.type, init);
  }
}

/** The learner chose Exit (end the session and, where the LMS said, go back to it). */
export class ExitEvent extends Event {
  static readonly type = 'lesson-exit';
  constructor() {
    super(ExitEvent.type, init);
  }
}

/** The learner typed in an answer box without submitting: a draft to keep. */
export class DraftEvent extends Event {
  static readonly type = 'lesson-draft';
  constructor(
    readonly activityId: string,
    readonly questionId: string,
    readonly text: string,
  ) {
    super(DraftEvent.type, init);
  }
}

/** The learner picked an option of a case without checking it yet. */
export class CasePickEvent extends Event {
  static readonly type = 'lesson-case-pick';
  constructor(
    readonly activityId: string,
    readonly caseId: string,
    readonly optionId: string,
  ) {
    super(CasePickEvent.type, init);
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
    [ExitEvent.type]: ExitEvent;
    [DraftEvent.type]: DraftEvent;
    [CasePickEvent.type]: CasePickEvent;
  }
}
