/**
 * The compiled lesson: what the build hands to the browser. Plain data with no
 * zod at run time (validation happens once, at build time, in ./schema.ts).
 * Markdown is compiled to this small tree so the browser renders text as text
 * and never parses or injects HTML.
 */
export type Inline =
  | { readonly t: 'text'; readonly v: string }
  | { readonly t: 'strong'; readonly c: readonly Inline[] }
  | { readonly t: 'em'; readonly c: readonly Inline[] }
  | { readonly t: 'code'; readonly v: string }
  | {
      readonly t: 'link';
      readonly href: string;
      /** Where the link goes, for its accessible name (e.g. the cited page's title). */
      readonly title: string;
      readonly c: readonly Inline[];
    }
  /**
   * A citation of the lesson's sources, written "(AWS Documentation)" in the lesson: shown as a
   * compact marker kept on the line of the word before it, named for where it goes.
   */
  | { readonly t: 'cite'; readonly href: string; readonly title: string; readonly label: string };

export type RichBlock =
  | { readonly t: 'p'; readonly c: readonly Inline[] }
  | { readonly t: 'ul'; readonly items: readonly (readonly Inline[])[] }
  | { readonly t: 'ol'; readonly start: number; readonly items: readonly (readonly Inline[])[] };

/** Inline text: a line of Markdown compiled to inline nodes. */
export type RichLine = readonly Inline[];
/** Block text: paragraphs and lists. */
export type RichText = readonly RichBlock[];

export interface ChoiceOption {
  readonly id: string;
  readonly text: string;
}

/** An option of a choice activity, shared by its cases; `hint` says what it stands for. */
export interface ActivityOption extends ChoiceOption {
  readonly hint?: string;
}

/** What a case says to a learner who picked one option; `review` is the page that settles a wrong belief. */
export interface OptionFeedback {
  readonly option: string;
  readonly text: RichLine;
  readonly review?: string;
}

export interface ActivityCase {
  readonly id: string;
  readonly text: string;
  /** The best answer, marked as such once the learner has tried. */
  readonly correct: string;
  /** Other options the lesson itself supports for this case: also right, never marked wrong. */
  readonly alsoRight?: readonly string[];
  /** One per option of the activity. */
  readonly feedback: readonly OptionFeedback[];
}

/** A quiz option with its own feedback: why it is right, or the belief it shows and the page (`review`) that settles it. */
export interface QuizOption extends ChoiceOption {
  readonly feedback: RichLine;
  readonly review?: string;
}

export interface WrittenQuestion {
  readonly id: string;
  readonly text: string;
  readonly modelAnswer: RichLine;
  /** Label in the lesson's answer key (e.g. "A4"), where it has one. */
  readonly answerKey?: string;
}

export interface QuizQuestion {
  readonly id: string;
  readonly answerKey: string;
  readonly stem: string;
  readonly options: readonly QuizOption[];
  readonly correct: string;
  /** The answer key's line ("AWS says …"), shown once the answers are revealed. */
  readonly explanation: RichLine;
}

export type Block =
  | { readonly kind: 'markdown'; readonly text: RichText }
  | { readonly kind: 'takeaway'; readonly items: readonly RichLine[] }
  | { readonly kind: 'memory-rule'; readonly title: string; readonly items: readonly RichLine[] }
  | {
      readonly kind: 'table';
      readonly id: string;
      readonly caption: string;
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly csvFileName: string;
      /** The table as RFC 4180 CSV, offered as a download. */
      readonly csv: string;
    }
  | {
      readonly kind: 'choice-activity';
      readonly id: string;
      readonly heading: string;
      readonly prompt: string;
      readonly note: RichLine;
      readonly options: readonly ActivityOption[];
      readonly cases: readonly ActivityCase[];
    }
  | {
      readonly kind: 'written-activity';
      readonly id: string;
      readonly heading: string;
      readonly prompt: string;
      readonly note: RichLine;
      readonly questions: readonly WrittenQuestion[];
    }
  | { readonly kind: 'quiz'; readonly id: string; readonly heading: string; readonly questions: readonly QuizQuestion[] }
  | { readonly kind: 'reflection'; readonly id: string; readonly heading: string; readonly questions: readonly WrittenQuestion[] }
  | { readonly kind: 'answer-key' }
  | { readonly kind: 'next-lesson'; readonly title: string }
  | { readonly kind: 'cards'; readonly title: string; readonly items: readonly Card[] }
  | { readonly kind: 'takeaway-summary'; readonly title: string }
  | {
      readonly kind: 'decision';
      readonly title: string;
      readonly question: string;
      readonly branches: readonly DecisionBranch[];
      readonly otherwise?: { readonly when: string; readonly pattern: RichLine; readonly page?: string };
    }
  | { readonly kind: 'flow'; readonly title: string; readonly steps: readonly { readonly title: string; readonly text: RichLine }[] };

/** One answer to a decision's question and the pattern it leads to. */
export interface DecisionBranch {
  readonly who: string;
  readonly icon?: Card['icon'];
  readonly pattern: RichLine;
  readonly points: readonly RichLine[];
  /** The page that explains this branch (linked). */
  readonly page?: string;
}

export interface Card {
  readonly title: string;
  readonly icon?: 'root' | 'user' | 'role' | 'person' | 'server' | 'building';
  /** Page the card sums up (linked), if any. */
  readonly page?: string;
  readonly points: readonly RichLine[];
}

export type BlockKind = Block['kind'];

export interface Page {
  readonly id: string;
  /** Section number shown before the title ("1) Root user"), if any. */
  readonly number?: number;
  readonly title: string;
  /** Points for the lesson's summary of takeaways, for a page without a takeaway block. */
  readonly summary?: readonly RichLine[];
  readonly blocks: readonly Block[];
}

export interface CompletionRule {
  readonly requireAllPagesVisited: boolean;
  readonly requireQuizSubmitted: boolean;
}

export interface LessonSettings {
  readonly passingScore: number;
  readonly completion: CompletionRule;
  readonly moveOn: 'Completed' | 'Passed' | 'CompletedAndPassed' | 'CompletedOrPassed' | 'NotApplicable';
  readonly writtenAnswerMaxLength: number;
  readonly keptQuizAttempts: number;
  /** When the quiz's right answers are shown: after a pass (default), always, or after N attempts too. */
  readonly revealAnswers: RevealAnswers;
  /** Attempts a learner may submit; undefined: no limit. */
  readonly maxQuizAttempts?: number;
}

export type RevealAnswers = 'after-pass' | 'always' | { readonly 'after-attempts': number };

export interface Lesson {
  readonly id: string;
  readonly version: string;
  readonly language: string;
  readonly title: string;
  readonly description: string;
  readonly durationMinutes: number;
  readonly level: string;
  readonly lessonNumber: string;
  readonly baseIri: string;
  readonly settings: LessonSettings;
  readonly pages: readonly Page[];
}
