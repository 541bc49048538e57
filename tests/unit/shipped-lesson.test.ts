/**
 * THE ONE TEST THAT PINS THE SHIPPED LESSON. Every other test takes its
 * expectations from the loaded course/ or runs on tests/fixtures/course, so an
 * author's edit never breaks them. This one checks that course/ still carries
 * what the source lesson (lesson 5.6 and Quiz 5.6) must not lose: its pages in
 * reading order, the answer-key labels, the comparison table and the AWS
 * citations. Texts, options, correct answers and the passing score are the
 * author's to change and are not pinned here. If you restructure the lesson on
 * purpose, update this file with it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Block, Lesson } from '../../src/content/lesson.js';
import { loadRealCourse } from './helpers/real-course.js';

type BlockOf<K extends Block['kind']> = Extract<Block, { kind: K }>;

function blocksOf<K extends Block['kind']>(lesson: Lesson, kind: K): BlockOf<K>[] {
  return lesson.pages.flatMap((p) => p.blocks.filter((b): b is BlockOf<K> => b.kind === kind));
}

interface Link {
  readonly href: string;
  readonly title: string;
  readonly text: string;
}

/** Every link and citation anywhere in the compiled lesson, with its text (a citation's: "AWS Documentation"). */
function linksIn(value: unknown): Link[] {
  if (Array.isArray(value)) return value.flatMap(linksIn);
  if (typeof value !== 'object' || value === null) return [];
  const node: Record<string, unknown> = { ...value };
  if (node.t === 'link' && typeof node.href === 'string' && typeof node.title === 'string') {
    return [{ href: node.href, title: node.title, text: textOf(node.c) }];
  }
  if (node.t === 'cite' && typeof node.href === 'string' && typeof node.title === 'string' && typeof node.label === 'string') {
    return [{ href: node.href, title: node.title, text: node.label }];
  }
  return Object.values(node).flatMap(linksIn);
}

function textOf(value: unknown): string {
  if (Array.isArray(value)) return value.map(textOf).join('');
  if (typeof value !== 'object' || value === null) return '';
  const node: Record<string, unknown> = { ...value };
  return typeof node.v === 'string' ? node.v : textOf(node.c);
}

describe('the shipped lesson 5.6, as course/ holds it', () => {
  let lesson: Lesson;
  beforeAll(async () => {
    lesson = await loadRealCourse();
  });

  it('has the 19 pages in reading order', () => {
    expect(lesson.pages.map((p) => p.id)).toEqual([
      'outcomes',
      'overview',
      'root-user',
      'iam-user',
      'iam-role',
      'temporary-credentials',
      'when-iam-users',
      'humans',
      'workloads-on-aws',
      'workloads-outside-aws',
      'root-vs-admin',
      'mfa',
      'comparison-table',
      'micro-activity-1',
      'micro-activity-2',
      'summary',
      'quiz',
      'reflection',
      'answer-key',
    ]);
  });

  it('has one quiz of 5 questions under answer keys A1, A2, A3, A5, A7', () => {
    const quizzes = blocksOf(lesson, 'quiz');

    expect(quizzes).toHaveLength(1);
    expect(quizzes[0]?.questions.map((q) => q.answerKey)).toEqual(['A1', 'A2', 'A3', 'A5', 'A7']);
  });

  it('numbers the reflection questions A4, A6, A8, A9, A10 in the answer key', () => {
    const keys = blocksOf(lesson, 'reflection').flatMap((b) => b.questions.map((q) => q.answerKey));

    expect(keys).toEqual(['A4', 'A6', 'A8', 'A9', 'A10']);
  });

  it('lasts 15 minutes and is introductory', () => {
    expect(lesson.durationMinutes).toBe(15);
    expect(lesson.level).toBe('Introductory');
  });

  it('offers the 4-row comparison table as CSV, quoting the cell that contains a comma', () => {
    const [table] = blocksOf(lesson, 'table');

    expect(table?.rows).toHaveLength(4);
    expect(table?.csv.split('\r\n')).toEqual([
      'Identity type,Mental model',
      'Root user,"Account-owner identity with full access, used rarely"',
      'IAM user,Named identity with long-term credentials',
      'IAM group,Shared permissions for multiple IAM users',
      'IAM role,Assumable identity with temporary credentials',
      '',
    ]);
  });

  it('resolves every "(AWS Documentation)" citation to a page of the IAM User Guide', () => {
    const citations = linksIn(lesson.pages).filter((l) => l.text === 'AWS Documentation');

    expect(citations.length).toBeGreaterThan(20);
    for (const link of citations) expect(link.href).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/[\w-]+\.html$/);
  });

  it('points a citation at the source it names, with that source title as its accessible name', () => {
    const rootPage = lesson.pages.find((p) => p.id === 'root-user');

    expect(linksIn(rootPage)[0]).toEqual({
      href: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html',
      title: 'AWS account root user',
      text: 'AWS Documentation',
    });
  });
});
