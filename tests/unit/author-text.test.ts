/**
 * What admins read, made from what authors write: author text arrives in the
 * manifests and in UPLOAD.md exactly as written (a literal "&amp;" stays
 * "&amp;", an unclosed "<!--" hides nothing); page descriptions are whole
 * words and sentences with "…" where they are cut; one activity has one name
 * in the descriptors and the statements. Expectations come from the loaded
 * course/.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/content/lesson.js';
import { shortenText } from '../../src/domain/text.js';
import { cmi5Xml } from '../../src/packaging/cmi5-xml.js';
import { activityIris } from '../../src/packaging/identifiers.js';
import { scorm12Manifest } from '../../src/packaging/scorm12-manifest.js';
import { scorm2004Manifest } from '../../src/packaging/scorm2004-manifest.js';
import { courseActivityText, pageActivityText } from '../../src/packaging/tincan-activities.js';
import { tincanXml } from '../../src/packaging/tincan-xml.js';
import { xmlDocument } from '../../src/packaging/xml.js';
import { questionSlots } from '../../src/tracking/scorm/interaction-slots.js';
import { attribute, elements, readXml, type XmlElement } from '../../scripts/check/xml.js';
import { md, uploadGuide } from '../../scripts/lib/upload-guide.js';
import { loadRealCourse } from './helpers/real-course.js';

const TRICKY = ['R&amp;D', '&lt;b&gt;bold&lt;/b&gt;', 'AT&T', '&#38; &foo; &', '<!-- unclosed', ']]> "quoted" \'single\'', 'a < b > c'];

function rootOf(xml: string): XmlElement {
  const read = readXml('test.xml', new TextEncoder().encode(xml));
  read.doc?.dispose();
  if (!read.root) throw new Error(JSON.stringify(read.findings));
  return read.root;
}

const all = (root: XmlElement): XmlElement[] => [root, ...root.children.flatMap(all)];

let lesson: Lesson;
beforeAll(async () => {
  lesson = await loadRealCourse();
});

describe('the XML writer', () => {
  it.each(TRICKY)('keeps %j exactly, in text and in attributes', (text) => {
    const root = rootOf(xmlDocument((doc) => doc.ele('a', { title: text }).txt(text)));
    expect(root.text).toBe(text.trim());
    expect(attribute(root, 'title')).toBe(text);
  });

  it('keeps an author’s literal entities in every manifest’s title and description', () => {
    const title = 'R&amp;D: &lt;roles&gt; & users';
    const description = 'Use <b> carefully &amp; never &#38; twice.';
    const edited: Lesson = { ...lesson, title, description };
    const descriptors = {
      scorm12: scorm12Manifest(edited, ['index.html']),
      scorm2004: scorm2004Manifest(edited, ['index.html']),
      cmi5: cmi5Xml(edited),
      tincan: tincanXml(edited),
    };
    for (const [name, xml] of Object.entries(descriptors)) {
      const texts = all(rootOf(xml)).map((e) => e.text);
      expect(texts, name).toContain(title);
      expect(texts, name).toContain(description);
    }
  });
});

describe('UPLOAD.md', () => {
  it('shows author text as written: no HTML, no Markdown, nothing hidden after an unclosed "<!--"', () => {
    const stem = 'Unclosed <!-- comment, R&amp;D, *not bold*, a | pipe, `code` and [a](link)';
    const edited: Lesson = {
      ...lesson,
      pages: lesson.pages.map((page) => ({
        ...page,
        blocks: page.blocks.map((block) =>
          block.kind === 'quiz' ? { ...block, questions: block.questions.map((q, i) => (i === 0 ? { ...q, stem } : q)) } : block,
        ),
      })),
    };
    expect(questionSlots(edited).some((slot) => slot.question === stem)).toBe(true);

    const guide = uploadGuide(edited, []);
    const tree = fromMarkdown(guide);
    const kinds = new Set<string>();
    const texts: string[] = [];
    const walk = (node: { type: string; value?: string; children?: unknown[] }) => {
      kinds.add(node.type);
      if (node.type === 'text' && node.value) texts.push(node.value);
      for (const child of node.children ?? []) walk(child as typeof node);
    };
    walk(tree);
    expect(kinds.has('html')).toBe(false);
    expect(texts.join('\n')).toContain(stem);
    // The guide still ends with its last section, so nothing was swallowed.
    expect(guide).toContain('## Canvas');
    expect(texts.join('\n')).toContain('Upload the SCORM zip through the');
  });

  it('escapes every Markdown and HTML marker in one line', () => {
    expect(md('a\n<b> & *c* _d_ [e] |f| `g` ~h~ \\i')).toBe('a &lt;b&gt; &amp; \\*c\\* \\_d\\_ \\[e\\] \\|f\\| \\`g\\` \\~h\\~ \\\\i');
  });

  it('lists each question’s SCORM and xAPI/cmi5 ids, and where the xAPI/cmi5 ids start', () => {
    const guide = uploadGuide(lesson, []);
    for (const slot of questionSlots(lesson)) expect(guide).toContain(`\`${slot.lmsId}\` | \`${encodeURIComponent(slot.key)}\` |`);
    const iris = activityIris(lesson);
    expect(guide).toContain(`\`${iris.lesson}\``);
    expect(guide).toContain(`\`${iris.au}\``);
    expect(guide).toContain(md(courseActivityText(lesson).name));
  });
});

describe('page descriptions in the LRS', () => {
  it('are whole words and sentences of at most 250 characters, with "…" where cut, never ending on a colon', () => {
    for (const page of lesson.pages) {
      const { description } = pageActivityText(lesson, page);
      expect(description.length, page.id).toBeLessThanOrEqual(250);
      expect(description, page.id).not.toMatch(/[:;,]$/);
      if (description.endsWith('…')) {
        const kept = description.replace(/ ?…$/, '');
        expect(kept.at(-1), `${page.id}: ${description}`).toMatch(/[\p{L}\p{N}.!?)"']/u);
      }
    }
  });

  it('join the list a paragraph introduces instead of ending on its colon', () => {
    const text = shortenText('AWS recommends: MFA; roles.', 250);
    expect(text).toBe('AWS recommends: MFA; roles.');
    expect(shortenText('Examples AWS gives include:', 250)).toBe('Examples AWS gives include…');
  });

  it('cut after the last whole sentence that fits, or the last whole word, with an ellipsis', () => {
    const sentences = 'First sentence is here. Second sentence is a bit longer than that. Third one.';
    expect(shortenText(sentences, 70)).toBe('First sentence is here. Second sentence is a bit longer than that. …');
    expect(shortenText('one two three four five six seven', 20)).toBe('one two three four…');
    expect(shortenText('short', 20)).toBe('short');
    for (const max of [10, 25, 60]) expect(shortenText(sentences, max).length).toBeLessThanOrEqual(max);
  });
});

describe('one activity, one name', () => {
  it('names and describes the course activity in cmi5.xml and tincan.xml as the statements do', () => {
    const { name, description } = courseActivityText(lesson);
    const course = elements(rootOf(cmi5Xml(lesson)), 'course')[0];
    expect(course && elements(elements(course, 'title')[0] ?? course, 'langstring')[0]?.text).toBe(name);
    expect(course && elements(elements(course, 'description')[0] ?? course, 'langstring')[0]?.text).toBe(description);

    const activities = elements(rootOf(tincanXml(lesson)), 'activities').flatMap((a) => elements(a, 'activity'));
    const courseActivity = activities.find((a) => attribute(a, 'id') === activityIris(lesson).course);
    expect(courseActivity && elements(courseActivity, 'name')[0]?.text).toBe(name);
    const launched = activities.find((a) => elements(a, 'launch').length > 0);
    expect(launched && attribute(launched, 'id')).toBe(activityIris(lesson).lesson);
    expect(launched && elements(launched, 'name')[0]?.text).toBe(lesson.title);
  });
});
