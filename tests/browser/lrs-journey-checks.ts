/**
 * What must hold after every xAPI / cmi5 journey, whatever the journey: each
 * statement the course sent is stored exactly once, nothing follows
 * `terminated`, and the strict LRS refused nothing (so every statement passed
 * @learninglocker/xapi-validation and the xAPI JSON Schema, and no cmi5 rule
 * was broken).
 */
import { loadCourse } from '../../src/content/load-course.js';
import type { LrsHarness } from '../../hosts/lrs/index.js';
import type { JourneyReport } from '../../hosts/learner/lrs-journeys.js';
import type { Lesson } from '../../src/content/lesson.js';
import { blocksOf, quizOf } from '../../src/domain/lesson-queries.js';
import { CASE_ANSWERS } from '../../hosts/learner/course-page.js';
import { expect } from './fixtures.js';

export const lessonFromCourse = () => loadCourse('course');

export function expectExactlyOnce(report: JourneyReport, lrs: LrsHarness): void {
  expect(lrs.rejections(), 'requests the LRS refused').toEqual([]);
  expect(report.duplicates, 'statement ids stored twice').toEqual([]);
  expect(report.missing, 'statement ids sent but not stored').toEqual([]);
  expect(report.stored, 'statements stored vs generated').toBe(report.generated);
  expect(report.afterTerminated, 'statements stored after terminated').toEqual([]);
  console.log(
    `${report.journey}: generated ${report.generated}, stored ${report.stored}, duplicates ${report.duplicates.length}, missing ${report.missing.length}, resume document ${report.resume.bytes} bytes; ${report.verbs.join(' ')}`,
  );
}

export const count = (report: JourneyReport, verb: string) => report.verbs.filter((v) => v === verb).length;

/** What closeMidLessonAndRelaunch did before closing, in the lesson's own ids: two cases, quiz questions 1 (B) and 2 (C). */
export function expectedAtClose(lesson: Lesson) {
  const [activity] = blocksOf(lesson, 'choice-activity');
  const quiz = quizOf(lesson);
  const [q1, q2] = quiz.questions;
  if (!activity || !q1 || !q2) throw new Error('the course has no choice activity or fewer than two quiz questions');
  const option = (text: string) => activity.options.find((o) => o.text === text)?.id;
  return {
    location: lesson.pages.find((p) => p.blocks.includes(quiz))?.id,
    choices: Object.fromEntries(activity.cases.slice(0, 2).map((c, i) => [`${activity.id}.${c.id}`, option(CASE_ANSWERS[i] ?? '')])),
    quiz: { index: 1, answers: { [q1.id]: q1.options[1]?.id, [q2.id]: q2.options[2]?.id }, attemptCount: 0 },
  };
}
