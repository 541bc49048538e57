/**
 * The SCORM run-time data-model limits this course respects. Each value is the
 * specification's smallest permitted maximum (SPM) or range: what every
 * conformant LMS must store. Writing more risks silent truncation or an error,
 * so the course never does. Sources: standards/RUNTIME-LIMITS.md.
 *
 * Lengths count UTF-16 code units (JavaScript `length`, as ADL's Java Sample
 * RTE counts): never fewer than the characters a person sees.
 */

/** SCORM 1.2 (ADL, SCORM 1.2 RTE, 2001), data types in RTE 3.4.5. */
export const SCORM12 = {
  /** RTE 3.4.5 CMIString255, e.g. cmi.core.lesson_location, fill-in responses. */
  string255: 255,
  /** RTE 3.4.5 CMIString4096: cmi.suspend_data, cmi.comments, cmi.launch_data. */
  string4096: 4096,
  /** RTE 3.4 cmi.suspend_data is CMIString4096 (scorm-again accepts 64000; we do not). */
  suspendData: 4096,
  /** RTE 3.4 cmi.core.lesson_location is CMIString255. */
  lessonLocation: 255,
  /** RTE 3.4.5 CMIIdentifier: printable ASCII without white space, at most 255. */
  identifier: 255,
  /** RTE 3.4 cmi.core.score.raw/min/max: CMIDecimal 0..100. */
  scoreMin: 0,
  scoreMax: 100,
  /** RTE 3.4.5 CMITimespan HHHH:MM:SS.SS: at most four hour digits. */
  timespanMaxHours: 9999,
  /**
   * RTE 3.4 CMIFeedback for choice: one character a-z or 0-9 per option, so a
   * question can report at most 36 options.
   */
  choiceOptions: 36,
} as const;

/** SCORM 2004 4th Edition RTE 1.1 (2009), data model in RTE 4.1 / 4.2 (IEEE 1484.11.1). */
export const SCORM2004 = {
  /** RTE 4.2.22 cmi.suspend_data: characterstring, SPM 64000 (4000 before the 4th Edition). */
  suspendData: 64000,
  /** RTE 4.2.13 cmi.location: characterstring, SPM 1000. */
  location: 1000,
  /** RTE 4.1 long_identifier_type (e.g. cmi.interactions.n.id): URI, SPM 4000. */
  longIdentifier: 4000,
  /** RTE 4.1 short_identifier_type (choice, likert, matching ids): URI, SPM 250. */
  shortIdentifier: 250,
  /** RTE 4.2.8 cmi.interactions.n.description: localized_string_type, SPM 250. */
  description: 250,
  /** RTE 4.2.1 cmi.comments_from_learner.n.comment: localized_string_type, SPM 4000. */
  comment: 4000,
  /** RTE 4.2.8 cmi.interactions collection: SPM 250 interactions. */
  interactions: 250,
  /** RTE 4.2.8 cmi.interactions.n.objectives: SPM 10 per interaction. */
  interactionObjectives: 10,
  /** RTE 4.2.16 cmi.objectives collection: SPM 100 objectives. */
  objectives: 100,
  /** RTE 4.2.1 cmi.comments_from_learner collection: SPM 250 comments. */
  commentsFromLearner: 250,
  /** RTE 4.2.8 correct_responses / learner_response, choice: at most 36 short identifiers. */
  choiceItems: 36,
  /** RTE 4.2.8 fill-in: at most 10 items, each at most 250 characters. */
  fillInItems: 10,
  fillInItemLength: 250,
  /** RTE 4.2.8 long-fill-in: at most 4000 characters. */
  longFillInLength: 4000,
  /** RTE 4.1 time(second,10,0): years 1970..2038 (ADL Sample RTE DateTimeValidator bounds). */
  timestampFirstYear: 1970,
  timestampLastYear: 2038,
  /**
   * RTE 4.1 timeinterval(second,10,2): ten significant digits of seconds, two of
   * them after the point, so 99 999 999.99 s (about 27 777 h) is the most an
   * LMS must keep.
   */
  durationMaxCentiseconds: 9_999_999_999,
  /** RTE 4.2.19 cmi.score.scaled and 4.2.16 cmi.objectives.n.score.scaled: -1..1. */
  scaledScoreMin: -1,
  scaledScoreMax: 1,
} as const;
