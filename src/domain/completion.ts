/** Completion and success rules, from the course settings (course/course.yaml), and the learner's progress through the pages. */
import type { Lesson, Page } from '../content/lesson.js';
import { answerKey } from './lesson-queries.js';
import type { Outcome } from './outcome.js';
import { canRetakeQuiz, type ProgressState } from './progress.js';

export function isCompleted(lesson: Lesson, state: ProgressState): boolean {
  const { pages, quiz } = remainingSteps(lesson, state);
  return pages.length === 0 && !quiz;
}

/** The facts every tracker reports. `passed` stays undefined until the first submission. */
export function outcomeOf(lesson: Lesson, state: ProgressState): Outcome {
  return {
    completed: isCompleted(lesson, state),
    passed: state.quiz.attemptCount > 0 ? state.quiz.passed : undefined,
    scaledScore: state.quiz.bestScore,
    progress: learningProgress(lesson, state).measure,
  };
}

/** What the completion rule (what the LMS is told) still asks for: pages not visited yet, and whether the quiz awaits a submission. */
export interface RemainingSteps {
  readonly pages: readonly string[];
  readonly quiz: boolean;
}

export function remainingSteps(lesson: Lesson, state: ProgressState): RemainingSteps {
  const rule = lesson.settings.completion;
  const pages = rule.requireAllPagesVisited ? lesson.pages.map((p) => p.id).filter((id) => !state.visited.includes(id)) : [];
  return { pages, quiz: rule.requireQuizSubmitted && state.quiz.attemptCount === 0 };
}

/** Whether the course asks for a pass (cmi5 moveOn, also the lesson's own end): a submitted quiz is not enough then. */
export function passRequired(lesson: Lesson): boolean {
  return lesson.settings.moveOn === 'Passed' || lesson.settings.moveOn === 'CompletedAndPassed';
}

/**
 * The lesson is finished for the learner: the completion rule holds and, where the course asks for
 * a pass, the quiz is passed. Only then does the lesson say "complete" in success colours.
 */
export function isFinished(lesson: Lesson, state: ProgressState): boolean {
  const completed = isCompleted(lesson, state);
  switch (lesson.settings.moveOn) {
    case 'Passed':
      return state.quiz.passed;
    case 'CompletedAndPassed':
      return completed && state.quiz.passed;
    case 'CompletedOrPassed':
      return completed || state.quiz.passed;
    default:
      return completed;
  }
}

export type PageStatus = 'not-started' | 'in-progress' | 'done';

/** One page's progress, and for a page with an activity how much of it is done. */
export interface PageProgress {
  readonly page: Page;
  readonly status: PageStatus;
  /** Questions or cases answered, of how many (pages with an activity). */
  readonly answered?: { readonly done: number; readonly total: number };
  /** The quiz page: submitted but not passed, with attempts left. */
  readonly quizNotPassed?: boolean;
}

/**
 * Progress that measures learning: a page is done once read, and a page with an activity once its
 * activity is done — every case answered, every written question submitted, the quiz passed (or
 * submitted, where the course asks for no pass; or its attempts used).
 */
export function pageProgress(lesson: Lesson, state: ProgressState, page: Page): PageProgress {
  let done = 0;
  let total = 0;
  let hasQuiz = false;
  for (const block of page.blocks) {
    if (block.kind === 'choice-activity') {
      total += block.cases.length;
      done += block.cases.filter((c) => answerKey(block.id, c.id) in state.choices).length;
    } else if (block.kind === 'written-activity' || block.kind === 'reflection') {
      total += block.questions.length;
      done += block.questions.filter((q) => answerKey(block.id, q.id) in state.written).length;
    } else if (block.kind === 'quiz') hasQuiz = true;
  }
  const quiz = state.quiz;
  const quizDone = quiz.passed || (quiz.attemptCount > 0 && (!passRequired(lesson) || !canRetakeQuiz(lesson, quiz)));
  const started = state.visited.includes(page.id) || done > 0 || (hasQuiz && quiz.attemptCount > 0);
  const finished = state.visited.includes(page.id) && done === total && (!hasQuiz || quizDone);
  return {
    page,
    status: finished ? 'done' : started ? 'in-progress' : 'not-started',
    ...(total > 0 ? { answered: { done, total } } : {}),
    ...(hasQuiz && quiz.attemptCount > 0 && !quizDone ? { quizNotPassed: true } : {}),
  };
}

/**
 * The learner is done with the lesson: every page done (read, its activity done, the quiz passed
 * where the course asks for a pass) and the completion rule met. The progress bar is then full, and
 * only then does the lesson say "complete".
 */
export function isLessonDone(lesson: Lesson, state: ProgressState): boolean {
  return learningProgress(lesson, state).lessonDone;
}

/**
 * Every page's progress, the share done (the learner's progress bar and what the LMS is told as
 * progress) and whether the lesson is done (isLessonDone), worked out together once.
 */
export function learningProgress(lesson: Lesson, state: ProgressState) {
  const pages = lesson.pages.map((page) => pageProgress(lesson, state, page));
  const done = pages.filter((p) => p.status === 'done').length;
  return {
    pages,
    done,
    total: pages.length,
    measure: pages.length === 0 ? 1 : done / pages.length,
    lessonDone: done === pages.length && isFinished(lesson, state),
  };
}
