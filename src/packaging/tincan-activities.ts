/**
 * Names and descriptions of the xAPI/cmi5 activities an LRS dashboard shows,
 * all taken from course/: the course (the grouping of every statement), the
 * lesson (or cmi5 AU) and each page. An admin reading a report must tell the
 * course from the lesson, and know what a page is without opening the lesson,
 * so each has its own name and a description (xAPI 1.0.3 Part Two §2.4.4.1:
 * `name` and `description` language maps).
 */
import type { Inline, Lesson, Page, RichBlock } from '../content/lesson.js';
import { plainText } from '../content/rich-text-plain.js';
import { truncateText } from '../domain/text.js';

export interface ActivityText {
  readonly name: string;
  readonly description: string;
}

const plain = (line: readonly Inline[]): string => plainText(line);

const blockText = (block: RichBlock): string => (block.t === 'p' ? plain(block.c) : block.items.map(plain).join('; '));

/** The first words a learner reads on the page, as plain text. */
function firstText(page: Page): string {
  for (const block of page.blocks) {
    if (block.kind === 'markdown' && block.text[0]) return blockText(block.text[0]);
    if (block.kind === 'choice-activity' || block.kind === 'written-activity') return `${block.heading}: ${block.prompt}`;
    if (block.kind === 'quiz') return `${block.heading}: ${block.questions.length} multiple-choice questions, scored.`;
    if (block.kind === 'reflection') return `${block.heading}: ${block.questions.map((q) => q.text).join(' ')}`;
    if (block.kind === 'table') return block.caption;
  }
  return '';
}

/** The course that groups the lesson: named for what it holds, so it never reads as the lesson itself. */
export function courseActivityText(lesson: Lesson): ActivityText {
  return {
    name: `Lesson ${lesson.lessonNumber} course package (${lesson.level}, ${lesson.durationMinutes} min)`,
    description: `Course package holding lesson ${lesson.lessonNumber}, "${lesson.title}": ${lesson.pages.length} pages with activities, reflections and a scored quiz.`,
  };
}

export function pageActivityText(lesson: Lesson, page: Page): ActivityText {
  const index = lesson.pages.indexOf(page) + 1;
  const where = `Lesson ${lesson.lessonNumber}, page ${index} of ${lesson.pages.length}.`;
  const text = firstText(page);
  return {
    name: page.number ? `${page.number}) ${page.title}` : page.title,
    description: truncateText(text ? `${where} ${text}` : where, 250),
  };
}
