/** Lookups over the compiled lesson, shared by the domain, the shell and the build. */
import type { Block, Lesson } from '../content/lesson.js';

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

/** Every choice-activity case with its state key. */
export function activityCases(lesson: Lesson) {
  return blocksOf(lesson, 'choice-activity').flatMap((block) =>
    block.cases.map((item) => ({ block, item, key: answerKey(block.id, item.id) })),
  );
}
