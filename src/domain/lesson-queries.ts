/** Lookups over the compiled lesson, shared by the domain, the shell and the build. */
import type { Block, Lesson } from '../content/lesson.js';
import type { InteractionChoice, InteractionKind } from './interaction.js';

export type QuizBlock = Extract<Block, { kind: 'quiz' }>;
export type ChoiceActivityBlock = Extract<Block, { kind: 'choice-activity' }>;
export type WrittenBlock = Extract<Block, { kind: 'written-activity' | 'reflection' }>;

export function blocksOf<K extends Block['kind']>(lesson: Lesson, kind: K): Extract<Block, { kind: K }>[] {
  return lesson.pages.flatMap((page) => page.blocks.filter((b): b is Extract<Block, { kind: K }> => b.kind === kind));
}

/** The lesson has exactly one quiz (the build checks it). */
export function quizOf(lesson: Lesson): QuizBlock {
  const [quiz] = blocksOf(lesson, 'quiz');
  if (!quiz) throw new Error('the lesson has no quiz');
  return quiz;
}

/** Key of an answer in the progress state: "<activity id>.<question id>". */
export function answerKey(blockId: string, questionId: string): string {
  return `${blockId}.${questionId}`;
}

/** Every written question (micro-activity and reflections) with its state key. */
export function writtenQuestions(lesson: Lesson) {
  return [...blocksOf(lesson, 'written-activity'), ...blocksOf(lesson, 'reflection')].flatMap((block) =>
    block.questions.map((question) => ({ block, question, key: answerKey(block.id, question.id) })),
  );
}

/** The options that answer a case rightly: its best answer first, then any the lesson also supports. */
export function rightOptions(item: { readonly correct: string; readonly alsoRight?: readonly string[] }): readonly string[] {
  return [item.correct, ...(item.alsoRight ?? [])];
}

/** Every choice-activity case with its state key. */
export function activityCases(lesson: Lesson) {
  return blocksOf(lesson, 'choice-activity').flatMap((block) =>
    block.cases.map((item) => ({ block, item, key: answerKey(block.id, item.id) })),
  );
}

/** What a question of the lesson is, before anyone answers it: the facts every answer to it carries. */
export interface LessonQuestion {
  /** The answer's key in the progress state ("quiz-5-6.q1"). */
  readonly key: string;
  /** The quiz, activity or reflections that ask it. */
  readonly activityId: string;
  readonly kind: InteractionKind;
  /** Where it is asked: the page title, then the activity's heading. */
  readonly where: string;
  readonly question: string;
  readonly choices: readonly InteractionChoice[];
  readonly correct: readonly string[];
  /** 1 for quiz questions, 0 where unscored. */
  readonly weighting: number;
}

/** Every question the lesson asks, in reading order. */
export function lessonQuestions(lesson: Lesson): LessonQuestion[] {
  return lesson.pages.flatMap((page) =>
    page.blocks.flatMap((block): LessonQuestion[] => {
      const asked = (b: { readonly id: string; readonly heading: string }) => ({ activityId: b.id, where: `${page.title} – ${b.heading}` });
      switch (block.kind) {
        case 'choice-activity':
          return block.cases.map((item) => ({
            ...asked(block),
            key: answerKey(block.id, item.id),
            kind: 'choice',
            question: item.text,
            choices: block.options,
            correct: rightOptions(item),
            weighting: 0,
          }));
        case 'written-activity':
        case 'reflection':
          return block.questions.map((q) => ({
            ...asked(block),
            key: answerKey(block.id, q.id),
            kind: 'fill-in',
            question: q.text,
            choices: [],
            correct: [],
            weighting: 0,
          }));
        case 'quiz':
          return block.questions.map((q) => ({
            ...asked(block),
            key: answerKey(block.id, q.id),
            kind: 'choice',
            question: q.stem,
            choices: q.options,
            correct: [q.correct],
            weighting: 1,
          }));
        default:
          return [];
      }
    }),
  );
}
