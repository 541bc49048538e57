/**
 * What a report holds: the shape of report.json, and what report.html,
 * items.csv and learners.csv are written from. Plain data, no behaviour.
 */
import type { QuestionRole } from './course-model.js';

export const REPORT_FORMAT = 'course-report/1';

/** When a question is flagged, and when it has too few answers to be judged at all. */
export interface Thresholds {
  /** Below this many first-attempt answers a question is not judged ("too few answers"). */
  readonly minFirstAttemptAnswers: number;
  /** Right on first attempts below this share: "most learners miss it". */
  readonly mostMiss: number;
  /** A wrong option chosen in fewer first-attempt answers than this share: "a distractor nobody picks". */
  readonly unusedDistractor: number;
  /** A discrimination index below this: "does not tell strong from weak learners". */
  readonly lowDiscrimination: number;
  /** Share of learners in each of the upper and lower groups. */
  readonly groupShare: number;
}

export const THRESHOLDS: Thresholds = {
  minFirstAttemptAnswers: 20,
  mostMiss: 0.5,
  unusedDistractor: 0.05,
  lowDiscrimination: 0.2,
  groupShare: 0.27,
};

export type FlagCode = 'too-few-answers' | 'most-miss' | 'unused-distractor' | 'distractor-beats-key' | 'low-discrimination';

export interface Flag {
  readonly code: FlagCode;
  /** What an author reads, with the figures that raised it. */
  readonly message: string;
  /** The option concerned, for the distractor flags. */
  readonly option?: string;
}

export interface OptionCount {
  readonly id: string;
  readonly text: string;
  readonly correct: boolean;
  /** Every recorded answer that chose it, over all attempts. */
  readonly chosen: number;
  readonly firstAttemptChosen: number;
}

export interface Discrimination {
  /** Share right in the upper group minus share right in the lower group (-1…1). */
  readonly index: number;
  /** Learners in each group (27 % of those with a whole first attempt; ties at the edge share their places). */
  readonly groupSize: number;
  /** Share of the upper group that got it right on the first attempt (0…1). */
  readonly upperRight: number;
  /** Share of the lower group that got it right on the first attempt (0…1). */
  readonly lowerRight: number;
  /** Learners ranked (whole first attempt in this version). */
  readonly ranked: number;
}

export interface ChoiceQuestionReport {
  /** Unique in the report: version, id and (if the definition changed within a version) a variant number. */
  readonly key: string;
  /** The question's id ("quiz-5-6.q1"). */
  readonly id: string;
  readonly version: string;
  /** 1 when the same id and version were answered under more than one definition (its options or key changed). */
  readonly variant: number;
  readonly role: Exclude<QuestionRole, 'written'>;
  readonly text: string;
  readonly iri: string;
  /** The question is in course/ as it is now (same version, same options and key). */
  readonly inCourse: boolean;
  readonly options: readonly OptionCount[];
  readonly answers: number;
  readonly firstAttemptAnswers: number;
  readonly right: number;
  readonly firstAttemptRight: number;
  /** Answers naming no option of the definition. */
  readonly unknownResponses: number;
  readonly discrimination: Discrimination | undefined;
  readonly flags: readonly Flag[];
}

export interface WrittenAnswer {
  /** Anonymous code ("L0007"), or the learner's name with --names. */
  readonly learner: string;
  readonly registration: string;
  readonly at: string;
  readonly text: string;
  /** Times this learner sent an answer to this question in this registration (the latest is shown). */
  readonly submissions: number;
}

export interface WrittenQuestionReport {
  readonly key: string;
  readonly id: string;
  readonly version: string;
  readonly text: string;
  readonly inCourse: boolean;
  readonly answers: readonly WrittenAnswer[];
}

export type FunnelStage = 'launched' | 'read-every-page' | 'quiz-attempted' | 'quiz-passed' | 'completed';

export interface FunnelStep {
  readonly stage: FunnelStage;
  readonly label: string;
  /** Learner records (learner + registration) that reached the stage. */
  readonly registrations: number;
  /** Learners (actors) with at least one registration that reached it. */
  readonly learners: number;
}

export interface CountRow {
  readonly label: string;
  readonly count: number;
}

export interface LearnerRow {
  readonly learner: string;
  /** Only with --names: the actor's name and identifier. */
  readonly name?: string;
  readonly identifier?: string;
  readonly registration: string;
  readonly versions: readonly string[];
  readonly firstSeen: string;
  readonly lastSeen: string;
  readonly sessions: number;
  readonly timeInLessonMs: number;
  readonly pagesRead: number;
  readonly readEveryPage: boolean;
  /** The furthest page (in reading order) this learner record reached. */
  readonly furthestPage: string | undefined;
  readonly quizAttempts: number;
  readonly firstScore: number | undefined;
  readonly bestScore: number | undefined;
  readonly quizPassed: boolean;
  readonly attemptsToPass: number | undefined;
  readonly completed: boolean;
}

export interface VersionRow {
  readonly version: string;
  readonly current: boolean;
  readonly registrations: number;
  readonly answers: number;
}

export interface ReadSummary {
  readonly endpoint: string | undefined;
  readonly activity: string;
  readonly since: string | undefined;
  readonly until: string | undefined;
  /** Statements the LRS returned (every page, duplicates included). */
  readonly received: number;
  /** Statements counted: ours, readable, once each, not voided. */
  readonly counted: number;
  /** Returned more than once (same id): counted once. */
  readonly duplicates: number;
  /** Voided by a voiding statement the LRS also returned: left out. */
  readonly voided: number;
  readonly otherCourses: readonly { readonly course: string; readonly statements: number }[];
  readonly unreadable: readonly { readonly why: string; readonly statements: number }[];
  /** Ours, but nothing the report counts (a verb such as satisfied). */
  readonly ignored: number;
}

export interface Report {
  readonly format: typeof REPORT_FORMAT;
  readonly generatedAt: string;
  readonly course: {
    readonly id: string;
    readonly title: string;
    readonly version: string;
    readonly courseIri: string;
    readonly passingScore: number;
    readonly pages: number;
    readonly quizQuestions: number;
  };
  readonly read: ReadSummary;
  readonly thresholds: Thresholds;
  /** Learner names appear (only with --names). */
  readonly named: boolean;
  readonly versions: readonly VersionRow[];
  readonly funnel: readonly FunnelStep[];
  /** Learner records that did not complete, by the furthest page they reached. */
  readonly stoppedAt: readonly CountRow[];
  readonly attemptsToPass: readonly CountRow[];
  /** First-attempt and best scores, by number of questions right (current version's quiz). */
  readonly scores: readonly { readonly label: string; readonly right: number; readonly first: number; readonly best: number }[];
  readonly timeInLesson: {
    readonly medianMs: number | undefined;
    readonly p25Ms: number | undefined;
    readonly p75Ms: number | undefined;
    readonly p90Ms: number | undefined;
    readonly histogram: readonly CountRow[];
  };
  readonly quiz: readonly ChoiceQuestionReport[];
  readonly cases: readonly ChoiceQuestionReport[];
  readonly written: readonly WrittenQuestionReport[];
  readonly learners: readonly LearnerRow[];
  /** Things the admin should know about the data (other courses, versions, unreadable statements). */
  readonly notices: readonly string[];
}
