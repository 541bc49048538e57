/**
 * The lesson's header as static HTML in index.html: on a slow connection the
 * learner sees the title, length and description as soon as the page and its
 * small stylesheet arrive, instead of a blank page until the script has
 * downloaded and run. main.ts removes it when the lesson shell takes over.
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

/** index.html with the lesson's language, title and header filled in. */
export function withLesson(indexHtml: string, lesson: Lesson): string {
  return indexHtml
    .replace(/<html lang="[^"]*">/, `<html lang="${escapeHtml(lesson.language)}">`)
    .replace(/<title>[^<]*<\/title>/, `<title>${escapeHtml(lesson.title)}</title>`)
    .replace('<!--lesson-header-->', bootHeader(lesson));
}
