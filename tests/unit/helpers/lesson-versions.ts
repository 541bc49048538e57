/**
 * A re-uploaded lesson: the changes an author may make between two uploads of
 * a package, applied to the loaded course (so they follow whatever course/
 * holds). Each gives the lesson "v2" a learner resumes an attempt begun on "v1".
 */
import type { Block, Lesson, Page, QuizQuestion } from '../../../src/content/lesson.js';
import { quizOf } from '../../../src/domain/lesson-queries.js';
import { required } from './lesson-roles.js';

export interface LessonChange {
  readonly name: string;
  readonly apply: (v1: Lesson) => Lesson;
}

function withQuiz(lesson: Lesson, questions: (old: readonly QuizQuestion[]) => readonly QuizQuestion[]): Lesson {
  const quiz = quizOf(lesson);
  return withBlocks(lesson, (block) => (block === quiz ? { ...quiz, questions: questions(quiz.questions) } : block));
}

function withBlocks(lesson: Lesson, change: (block: Block) => Block): Lesson {
  return { ...lesson, pages: lesson.pages.map((page) => ({ ...page, blocks: page.blocks.map(change) })) };
}

/** A page holding no question (nothing of its own to report). */
function plainPage(lesson: Lesson): Page {
  return required(
    lesson.pages.slice(1).find((page) => page.blocks.every((b) => b.kind === 'markdown' || b.kind === 'takeaway')),
    'a page beyond the first with text only',
  );
}

export const LESSON_CHANGES: readonly LessonChange[] = [
  {
    name: 'a quiz question added in the middle',
    apply: (v1) =>
      withQuiz(v1, (qs) => {
        const model = required(qs[0], 'a quiz question');
        const added: QuizQuestion = { ...model, id: 'added-question', answerKey: 'Q+', stem: `Added: ${model.stem}` };
        const middle = Math.floor(qs.length / 2);
        return [...qs.slice(0, middle), added, ...qs.slice(middle)];
      }),
  },
  { name: 'a quiz question removed', apply: (v1) => withQuiz(v1, (qs) => qs.filter((_, i) => i !== 1)) },
  { name: 'the quiz questions reordered', apply: (v1) => withQuiz(v1, (qs) => [...qs].reverse()) },
  {
    name: 'a case added before the others',
    apply: (v1) =>
      withBlocks(v1, (block) => {
        if (block.kind !== 'choice-activity') return block;
        const model = required(block.cases[0], 'a case');
        return { ...block, cases: [{ ...model, id: 'added-case', text: `Added: ${model.text}` }, ...block.cases] };
      }),
  },
  {
    name: 'a page added at the start',
    apply: (v1) => ({ ...v1, pages: [{ id: 'added-page', title: 'Added page', blocks: plainPage(v1).blocks }, ...v1.pages] }),
  },
  { name: 'a page removed', apply: (v1) => ({ ...v1, pages: v1.pages.filter((page) => page !== plainPage(v1)) }) },
  {
    name: 'a page renamed (new id and title)',
    apply: (v1) => {
      const renamed = plainPage(v1);
      return {
        ...v1,
        pages: v1.pages.map((page) => (page === renamed ? { ...page, id: `${page.id}-renamed`, title: `${page.title} (new)` } : page)),
      };
    },
  },
  {
    name: 'the pass mark lowered',
    apply: (v1) => ({ ...v1, settings: { ...v1.settings, passingScore: Math.max(0.2, v1.settings.passingScore - 0.2) } }),
  },
];
