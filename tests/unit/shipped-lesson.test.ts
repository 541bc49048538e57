/**
 * THE ONE TEST THAT PINS THE SHIPPED LESSON. Every other test takes its
 * expectations from the loaded course/ or runs on tests/fixtures/course, so an
 * author's edit never breaks them. This one checks that course/ still carries
 * what the source lesson (lesson 5.6 and Quiz 5.6) must not lose: its pages in
 * reading order, the answer-key labels, the comparison table and the AWS
 * citations. Texts, options, correct answers, the passing score and added
 * questions are the author's and are not pinned here (tests/unit/author-edits.test.ts
 * runs this file on a copy with README's worked example and an added question).
 * If you remove, rename or reorder pages on purpose, update this file with it:
 * every failure here says so.
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

/** Said by every failure here: this test pins the shipped lesson, and how to change it on purpose. */
const PINNED =
  'tests/unit/shipped-lesson.test.ts pins lesson 5.6 as shipped. If you changed this in course/ on purpose, update the expected value in that file to match, then run: npx vitest run tests/unit/shipped-lesson.test.ts';

/** `items` in the order they come, keeping only those of `pinned`: added items are the author's. */
const pinnedOf = <T>(items: readonly T[], pinned: readonly T[]) => items.filter((item) => pinned.includes(item));

describe('the shipped lesson 5.6, as course/ holds it', () => {
  let lesson: Lesson;
  beforeAll(async () => {
    lesson = await loadRealCourse();
  });

  it('has the 19 pages in reading order', () => {
    expect(
      lesson.pages.map((p) => p.id),
      PINNED,
    ).toEqual([
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

  it('keeps the 5 questions of Quiz 5.6 under answer keys A1, A2, A3, A5, A7, in order (more may be added)', () => {
    const quizzes = blocksOf(lesson, 'quiz');
    const shipped = ['A1', 'A2', 'A3', 'A5', 'A7'];

    expect(quizzes, PINNED).toHaveLength(1);
    expect(pinnedOf(quizzes[0]?.questions.map((q) => q.answerKey) ?? [], shipped), PINNED).toEqual(shipped);
  });

  it('keeps the reflection questions A4, A6, A8, A9, A10 of the answer key, in order (more may be added)', () => {
    const keys = blocksOf(lesson, 'reflection').flatMap((b) => b.questions.map((q) => q.answerKey));
    const shipped = ['A4', 'A6', 'A8', 'A9', 'A10'];

    expect(pinnedOf(keys, shipped), PINNED).toEqual(shipped);
  });

  it('lasts 15 minutes and is introductory', () => {
    expect(lesson.durationMinutes, PINNED).toBe(15);
    expect(lesson.level, PINNED).toBe('Introductory');
  });

  it('offers the 4-row comparison table as CSV, quoting the cell that contains a comma', () => {
    const [table] = blocksOf(lesson, 'table');

    expect(table?.rows, PINNED).toHaveLength(4);
    expect(table?.csv.split('\r\n'), PINNED).toEqual([
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

    expect(citations.length, PINNED).toBeGreaterThan(20);
    for (const link of citations)
      expect(link.href, PINNED).toMatch(/^https:\/\/docs\.aws\.amazon\.com\/IAM\/latest\/UserGuide\/[\w-]+\.html$/);
  });

  it('points a citation at the source it names, with that source title as its accessible name', () => {
    const rootPage = lesson.pages.find((p) => p.id === 'root-user');

    expect(linksIn(rootPage)[0], PINNED).toEqual({
      href: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html',
      title: 'AWS account root user',
      text: 'AWS Documentation',
    });
  });
});
