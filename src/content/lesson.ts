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
    };

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

export interface ActivityCase {
  readonly id: string;
  readonly text: string;
  readonly correct: string;
  readonly why: RichLine;
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
  readonly options: readonly ChoiceOption[];
  readonly correct: string;
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
      readonly options: readonly ChoiceOption[];
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
  | { readonly kind: 'takeaway-summary'; readonly title: string };

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
}

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
