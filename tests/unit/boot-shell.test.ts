import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lessonDataBlock, withLesson } from '../../src/build/boot-shell.js';
import { inlineStylesheet } from '../../src/build/critical-style.js';
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

describe('the lesson as a JSON data block in index.html', () => {
  let lesson: Lesson;
  beforeAll(async () => {
    lesson = await loadRealCourse();
  });

  /** The text of the data block, as the browser's parser hands it to main.ts. */
  const blockText = (html: string) => /<script type="application\/json" id="lesson-data">([\s\S]*?)<\/script>/.exec(html)?.[1];

  it('carries the whole compiled lesson, after the header, where the marker was', () => {
    const html = withLesson(INDEX, lesson);
    expect(html).not.toContain('<!--lesson-data-->');
    expect(html.indexOf('id="lesson-data"')).toBeGreaterThan(html.indexOf('<header class="boot">'));
    expect(JSON.parse(blockText(html) ?? '')).toEqual(lesson);
  });

  it('cannot be closed or turned into a comment by the lesson text', () => {
    const edited: Lesson = { ...lesson, title: 'Roles </script><script>alert(1)</script>', description: '<!-- open' };
    const html = lessonDataBlock(edited);
    expect(html.match(/<\/script/gi)).toHaveLength(1);
    expect(html).not.toContain('<!--');
    expect(JSON.parse(blockText(html) ?? '')).toEqual(edited);
  });
});

describe('the page stylesheet copied inline for a first paint in one request', () => {
  const built = [
    '<html><head><title>t</title>',
    '<script type="module" crossorigin src="./assets/course.js"></script>',
    '<link rel="stylesheet" crossorigin href="./assets/style.css">',
    '</head><body><header class="boot"></header></body></html>',
  ].join('\n');

  it('puts the stylesheet in <head> as a <style> and links the file only at the end of <body>', () => {
    const html = inlineStylesheet(built, './assets/style.css', ':root{--x:1}');
    const head = html.slice(0, html.indexOf('</head>'));
    const body = html.slice(html.indexOf('<body>'));
    expect(head).toContain('<style>:root{--x:1}</style>');
    expect(head).not.toContain('<link rel="stylesheet"');
    expect(body).toMatch(/<header class="boot"><\/header>\s*<link rel="stylesheet" crossorigin href=".\/assets\/style.css">\s*<\/body>/);
  });

  it('refuses a stylesheet that would end the <style> element, or a page without the link', () => {
    expect(() => inlineStylesheet(built, './assets/style.css', 'a{}</style><script>')).toThrow(/<\/style/);
    expect(() => inlineStylesheet(built, './assets/other.css', 'a{}')).toThrow(/no <link rel="stylesheet"/);
  });
});
