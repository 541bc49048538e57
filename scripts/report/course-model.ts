/**
 * What the report knows of the lesson before reading any statement: taken from
 * the compiled course/ (ids, the current content version, pages, questions, the
 * pass mark) and from the same id rules the trackers use, so the report reads
 * the statements the course writes and nothing it has to guess.
 */
import type { Lesson } from '../../src/content/lesson.js';
import { lessonQuestions, quizOf } from '../../src/domain/lesson-queries.js';
import type { InteractionChoice, InteractionKind } from '../../src/domain/interaction.js';
import { activityIris } from '../../src/packaging/identifiers.js';
import { quizAttemptExtension } from '../../src/tracking/xapi/statements.js';

export type QuestionRole = 'quiz' | 'case' | 'written';

export interface ModelQuestion {
  /** "quiz-5-6.q1": the id in the interaction's IRI, the key in the resume state. */
  readonly id: string;
  readonly role: QuestionRole;
  readonly kind: InteractionKind;
  readonly text: string;
  readonly where: string;
  readonly choices: readonly InteractionChoice[];
  readonly correct: readonly string[];
}

export interface CourseModel {
  readonly courseId: string;
  readonly title: string;
  /** The grouping course of every statement (the course's base IRI). */
  readonly courseIri: string;
  /** The xAPI package's lesson activity (tincan.xml), the default `--activity`. */
  readonly lessonIri: string;
  /** The AU id in cmi5.xml (an LMS assigns its own id at import; statements name this one in grouping). */
  readonly auIri: string;
  /** course.yaml `version`: statements carry it as context.revision. */
  readonly version: string;
  readonly passingScore: number;
  readonly quizId: string;
  readonly attemptExtension: string;
  /** Page ids in reading order. */
  readonly pages: readonly { readonly id: string; readonly title: string }[];
  /** Every question in reading order. */
  readonly questions: readonly ModelQuestion[];
}

export function courseModel(lesson: Lesson): CourseModel {
  const iris = activityIris(lesson);
  const quiz = quizOf(lesson);
  return {
    courseId: lesson.id,
    title: lesson.title,
    courseIri: iris.course,
    lessonIri: iris.lesson,
    auIri: iris.au,
    version: lesson.version,
    passingScore: lesson.settings.passingScore,
    quizId: quiz.id,
    attemptExtension: quizAttemptExtension(iris.course),
    pages: lesson.pages.map((p) => ({ id: p.id, title: p.title })),
    questions: lessonQuestions(lesson).map((q) => ({
      id: q.key,
      role: q.activityId === quiz.id ? 'quiz' : q.kind === 'choice' ? 'case' : 'written',
      kind: q.kind,
      text: q.question,
      where: q.where,
      choices: q.choices,
      correct: q.correct,
    })),
  };
}
