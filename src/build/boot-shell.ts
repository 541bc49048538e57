/**
 * index.html as the build writes it:
 * - the lesson's header as static HTML: on a slow connection the learner sees the
 *   title, length and description as soon as the page arrives (its style is in
 *   the page too, see critical-style.ts), instead of a blank page until the script
 *   has downloaded and run. main.ts removes it when the lesson shell takes over;
 * - the compiled lesson as a JSON data block (`<script type="application/json">`,
 *   which browsers never run, so no Content-Security-Policy treats it as script),
 *   read once by main.ts. The lesson's text and data travel apart from the code, in
 *   the request the browser makes anyway, and `npm run bench` can weigh each.
 */
import type { Lesson } from '../content/lesson.js';
import { ui } from '../components/strings.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function bootHeader(lesson: Lesson): string {
  return [
    '<header class="boot">',
    `<h1>${escapeHtml(lesson.title)}</h1>`,
    '<ul class="meta">',
    `<li>${escapeHtml(ui.lessonLabel(lesson.lessonNumber))}</li>`,
    `<li>${escapeHtml(ui.minutes(lesson.durationMinutes))}</li>`,
    `<li>${escapeHtml(lesson.level)}</li>`,
    '</ul>',
    `<p class="description">${escapeHtml(lesson.description)}</p>`,
    '</header>',
  ].join('');
}

/** The id of the data block main.ts reads the lesson from. */
export const LESSON_DATA_ID = 'lesson-data';

/**
 * The lesson as JSON in a data block. Every "<" is written as \u003c (JSON.parse reads it
 * back as "<"), so no text of the lesson can close the element or open a comment.
 */
export function lessonDataBlock(lesson: Lesson): string {
  const json = JSON.stringify(lesson).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${LESSON_DATA_ID}">${json}</script>`;
}

/** index.html with the lesson's language, title, header and data filled in. */
export function withLesson(indexHtml: string, lesson: Lesson): string {
  return indexHtml
    .replace(/<html lang="[^"]*">/, `<html lang="${escapeHtml(lesson.language)}">`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(lesson.title)}</title>`)
    .replace('<!--lesson-header-->', bootHeader(lesson))
    .replace('<!--lesson-data-->', lessonDataBlock(lesson));
}
