import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { withLesson } from '../../src/build/boot-shell.js';
import type { Lesson } from '../../src/content/lesson.js';
import { loadRealCourse } from './helpers/real-course.js';

/** Text as HTML writes it (an author may put "&" or "<" in a title). */
const asHtml = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const INDEX = readFileSync(join(process.cwd(), 'index.html'), 'utf8');

describe('index.html filled in from course/', () => {
  let lesson: Lesson;
  beforeAll(async () => {
    lesson = await loadRealCourse();
  });

  it('takes its language, title and header from the lesson', () => {
    const html = withLesson(INDEX, lesson);
    expect(html).toContain(`<html lang="${lesson.language}">`);
    expect(html).toContain(`<title>${asHtml(lesson.title)}</title>`);
    expect(html).toContain(`<header class="boot"><h1>${asHtml(lesson.title)}</h1>`);
    expect(html).toContain(`<li>Lesson ${lesson.lessonNumber}</li><li>${lesson.durationMinutes} min</li><li>${asHtml(lesson.level)}</li>`);
    expect(html).toContain(`<p class="description">${lesson.description}</p>`);
    expect(html).not.toContain('<!--lesson-header-->');
  });

  it('follows an edited title and writes the lesson text as text, never as markup', () => {
    const edited: Lesson = { ...lesson, language: 'fr', title: 'Rôles & <accès>', description: 'Say "hi" <script>x</script>' };
    const html = withLesson(INDEX, edited);
    expect(html).toContain('<html lang="fr">');
    expect(html).toContain('<title>Rôles &amp; &lt;accès&gt;</title>');
    expect(html).toContain('<h1>Rôles &amp; &lt;accès&gt;</h1>');
    expect(html).toContain('Say &quot;hi&quot; &lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>x');
  });
});
