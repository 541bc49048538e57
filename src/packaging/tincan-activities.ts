/**
 * Names and descriptions of the xAPI/cmi5 activities an LRS dashboard shows,
 * all taken from course/: the course (the grouping of every statement), the
 * lesson (or cmi5 AU) and each page. An admin reading a report must tell the
 * course from the lesson, and know what a page is without opening the lesson,
 * so each has its own name and a description (xAPI 1.0.3 Part Two §2.4.4.1:
 * `name` and `description` language maps).
 */
import type { Inline, Lesson, Page } from '../content/lesson.js';
import { plainText } from '../content/rich-text-plain.js';
import { shortenText } from '../domain/text.js';

export interface ActivityText {
  readonly name: string;
  readonly description: string;
}

const plain = (line: readonly Inline[]): string => plainText(line);

/**
 * What the page says first, as plain sentences: its opening paragraphs, with
 * the list a paragraph introduces ("AWS recommends:") joined to it, so a
 * description never ends on a colon that introduces nothing. An activity, the
 * quiz, a reflection or a table is summed up in one sentence.
 */
function openingText(page: Page): string {
  const parts: string[] = [];
  for (const block of page.blocks) {
    if (block.kind === 'markdown') {
      for (const rich of block.text) {
        if (rich.t === 'p') parts.push(plain(rich.c));
        else {
          const items = `${rich.items.map((item) => plain(item).replace(/[\s.;,]+$/, '')).join('; ')}.`;
          const last = parts.length - 1;
          if (last >= 0 && parts[last]?.endsWith(':')) parts[last] = `${parts[last]} ${items}`;
          else parts.push(items);
        }
      }
      continue;
    }
    const summary = blockSummary(block);
    if (summary) parts.push(summary);
    break;
  }
  return parts.join(' ');
}

function blockSummary(block: Page['blocks'][number]): string | undefined {
  const intro = (heading: string, prompt: string) => `${heading}: ${prompt.replace(/[\s:]+$/, '')}`;
  if (block.kind === 'choice-activity') return `${intro(block.heading, block.prompt)} (${block.cases.length} cases).`;
  if (block.kind === 'written-activity') return `${intro(block.heading, block.prompt)} (${block.questions.length} questions).`;
  if (block.kind === 'quiz') return `${block.heading}: ${block.questions.length} multiple-choice questions, scored.`;
  if (block.kind === 'reflection') return `${block.heading}: ${block.questions.map((q) => q.text).join(' ')}`;
  if (block.kind === 'table') return block.caption;
  return undefined;
}

/** The course that groups the lesson: named for what it holds, so it never reads as the lesson itself. */
export function courseActivityText(lesson: Lesson): ActivityText {
  return {
    name: `Lesson ${lesson.lessonNumber} course package (${lesson.level}, ${lesson.durationMinutes} min)`,
    description: `Course package holding lesson ${lesson.lessonNumber}, "${lesson.title}": ${lesson.pages.length} pages with activities, reflections and a scored quiz.`,
  };
}

/**
 * A page as an LRS report shows it. The description is written for an admin:
 * where the page is, then what it says, in whole words and sentences, with "…"
 * where it had to be cut (250 characters, the length LRS dashboards show).
 */
export function pageActivityText(lesson: Lesson, page: Page): ActivityText {
  const index = lesson.pages.indexOf(page) + 1;
  const where = `Lesson ${lesson.lessonNumber}, page ${index} of ${lesson.pages.length}.`;
  const text = openingText(page);
  return {
    name: page.number ? `${page.number}) ${page.title}` : page.title,
    description: shortenText(text ? `${where} ${text}` : where, 250),
  };
}
