/** The sources a lesson cites, once each in the order first cited: for the printed lesson's list of sources. */
import type { Lesson } from '../content/lesson.js';

export interface CitedSource {
  readonly href: string;
  readonly title: string;
}

export function lessonSources(lesson: Lesson): CitedSource[] {
  const found = new Map<string, CitedSource>();
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      if ('t' in node && node.t === 'cite' && 'href' in node && 'title' in node) {
        const { href, title } = node;
        if (typeof href === 'string' && typeof title === 'string' && !found.has(href)) found.set(href, { href, title });
      }
      Object.values(node).forEach(walk);
    }
  };
  walk(lesson.pages);
  return [...found.values()];
}
