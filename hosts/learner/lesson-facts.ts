/**
 * What a learner needs to know about the lesson to work through it — page
 * headings, the right answers, the pass mark — read from the course itself, so
 * tests and the bench follow whatever an author wrote in course/ (or in the
 * course folder named by LESSON_COURSE_DIR, e.g. a worked example's copy).
 */
import { fileURLToPath } from 'node:url';
import { loadCourse } from '../../src/content/load-course.js';
import type { Lesson } from '../../src/content/lesson.js';
import { blocksOf, quizOf } from '../../src/domain/lesson-queries.js';

/** Option letters as the quiz shows them (A, B, C, …, in the order of course/). */
const letter = (index: number): string => String.fromCharCode(65 + index);

export class LessonFacts {
  constructor(readonly lesson: Lesson) {}

  /** The pages in reading order, as their headings read ("1) Root user"). */
  get pageTitles(): string[] {
    return this.lesson.pages.map((p) => (p.number ? `${p.number}) ${p.title}` : p.title));
  }

  get pageIds(): string[] {
    return this.lesson.pages.map((p) => p.id);
  }

  /** The heading a page opens with: its title, but the lesson's own title on the first page. */
  headingFor(title: string): string {
    return title === this.pageTitles[0] ? this.lesson.title : title;
  }

  /** The quiz question whose stem this is, with the letter of its right option. */
  quizQuestionByStem(stem: string) {
    const index = this.quiz.questions.findIndex((q) => q.stem === stem.trim());
    if (index < 0) throw new Error(`no quiz question reads ${JSON.stringify(stem)}`);
    return { index, question: this.quiz.questions[index] };
  }

  /** The title of the first page holding a block of this kind. */
  pageWith(kind: Lesson['pages'][number]['blocks'][number]['kind']): string {
    const index = this.lesson.pages.findIndex((p) => p.blocks.some((b) => b.kind === kind));
    const title = this.pageTitles[index];
    if (title === undefined) throw new Error(`the lesson has no ${kind} block`);
    return title;
  }

  /** The id (#/<id> in the URL) of the first page holding a block of this kind. */
  pageIdWith(kind: Lesson['pages'][number]['blocks'][number]['kind']): string {
    const page = this.lesson.pages.find((p) => p.blocks.some((b) => b.kind === kind));
    if (!page) throw new Error(`the lesson has no ${kind} block`);
    return page.id;
  }

  /** The quiz page's heading ("Quiz 5.6"). */
  get quizTitle(): string {
    return this.pageWith('quiz');
  }

  /** The first choice micro-activity's page heading. */
  get choiceActivityTitle(): string {
    return this.pageWith('choice-activity');
  }

  /** The written micro-activity's page heading. */
  get writtenActivityTitle(): string {
    return this.pageWith('written-activity');
  }

  /** The written micro-activity's questions, as the learner reads them. */
  get writtenQuestions(): string[] {
    return blocksOf(this.lesson, 'written-activity').flatMap((b) => b.questions.map((q) => q.text));
  }

  /** The reflection questions, as the learner reads them. */
  get reflectionQuestions(): string[] {
    return blocksOf(this.lesson, 'reflection').flatMap((b) => b.questions.map((q) => q.text));
  }

  /** The first written micro-activity question (tests type their answers into it). */
  get firstWrittenQuestion(): string {
    const [first] = this.writtenQuestions;
    if (first === undefined) throw new Error('the lesson has no written micro-activity question');
    return first;
  }

  /**
   * URLs the pages before the quiz cite where the learner reads them at once (not in
   * feedback, model answers or explanations that show only after an answer).
   */
  get citedBeforeQuiz(): string[] {
    const quizAt = this.lesson.pages.findIndex((p) => p.blocks.some((b) => b.kind === 'quiz'));
    const hidden = new Set(['feedback', 'modelAnswer', 'explanation']);
    const hrefs = new Set<string>();
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) node.forEach(walk);
      else if (node && typeof node === 'object') {
        const record = node as Record<string, unknown>;
        if ((record.t === 'link' || record.t === 'cite') && typeof record.href === 'string') hrefs.add(record.href);
        for (const [key, value] of Object.entries(record)) if (!hidden.has(key)) walk(value);
      }
    };
    walk(this.lesson.pages.slice(0, quizAt < 0 ? undefined : quizAt));
    return [...hrefs].sort();
  }

  /** Labels of the right options of the first choice activity's cases, in order. */
  get caseAnswers(): string[] {
    const [activity] = blocksOf(this.lesson, 'choice-activity');
    return (activity?.cases ?? []).map((c) => activity?.options.find((o) => o.id === c.correct)?.text ?? c.correct);
  }

  get quiz() {
    return quizOf(this.lesson);
  }

  /** Letters of the right quiz answers, question by question. */
  get correctQuiz(): string[] {
    return this.quiz.questions.map((q) => letter(q.options.findIndex((o) => o.id === q.correct)));
  }

  /** Letters that get the first `right` questions right and the others wrong. */
  answersWithCorrect(right: number): string[] {
    return this.quiz.questions.map((q, i) => {
      const chosen = i < right ? q.options.findIndex((o) => o.id === q.correct) : q.options.findIndex((o) => o.id !== q.correct);
      return letter(chosen);
    });
  }

  /** The passing score as the learner reads it ("80"). */
  get passPercent(): number {
    return Math.round(this.lesson.settings.passingScore * 100);
  }

  /** The fewest right answers that pass. */
  get fewestToPass(): number {
    const total = this.quiz.questions.length;
    return Math.ceil(this.lesson.settings.passingScore * total - 1e-9);
  }

  /** What the learner reads for `right` of the questions answered correctly. */
  scoreText(right: number): string {
    const total = this.quiz.questions.length;
    // The lesson keeps the number and its % together with a no-break space.
    return `This attempt: ${Math.round((right / total) * 100)}\u00a0% (${right} of ${total} correct).`;
  }
}

/** course/ at the root of the project, or the course folder the environment names. */
export const COURSE_DIR = process.env.LESSON_COURSE_DIR ?? fileURLToPath(new URL('../../course/', import.meta.url));

export async function loadLessonFacts(courseDir: string = COURSE_DIR): Promise<LessonFacts> {
  return new LessonFacts(await loadCourse(courseDir));
}

/** The lesson the packages in dist/ were built from. */
export const LESSON = await loadLessonFacts();
