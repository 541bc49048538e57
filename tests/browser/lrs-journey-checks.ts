/**
 * The xAPI / cmi5 journeys, written once: each standard's spec runs them
 * against the local strict LRS with `describeLrsJourneys` and adds the checks
 * its own rules demand. What must hold after every journey, whatever the
 * journey and the standard: each statement the course sent is stored exactly
 * once, nothing follows `terminated`, and the strict LRS refused nothing (so
 * every statement passed @learninglocker/xapi-validation and the xAPI JSON
 * Schema, and no cmi5 rule was broken).
 */
import { loadCourse } from '../../src/content/load-course.js';
import type { LrsHarness } from '../../hosts/lrs/index.js';
import { LrsJourneys, type JourneyReport } from '../../hosts/learner/lrs-journeys.js';
import { harnessBackend } from '../../hosts/learner/lrs-launch.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import type { Lesson } from '../../src/content/lesson.js';
import { activityCases, blocksOf, quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import type { Page } from '@playwright/test';
import { CASE_ANSWERS, CoursePage } from '../../hosts/learner/course-page.js';
import { expect, test } from './fixtures.js';

export const lessonFromCourse = () => loadCourse('course');

/** Opens the course at a launch URL; the course must have found its LRS (no standalone notice). */
export async function openLaunched(page: Page, url: string): Promise<CoursePage> {
  const course = new CoursePage(page);
  await course.open(url);
  await expect(course.main.getByText('Not connected to an LMS')).toHaveCount(0);
  return course;
}

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

/** The verbs, counted, of one session in which the learner visits every page, answers everything and passes. */
export const FULL_PASS_VERBS = {
  initialized: 1,
  experienced: LESSON.pageIds.length,
  answered: activityCases(LESSON.lesson).length + writtenQuestions(LESSON.lesson).length + LESSON.quiz.questions.length,
  completed: 1,
  passed: 1,
  terminated: 1,
};

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

/** Checks a standard's rules add to a journey's shared ones; they may go on with the journey (a relaunch). */
type StandardChecks<R extends JourneyReport = JourneyReport> = (report: R, journeys: LrsJourneys) => void | Promise<void>;

/** Where the standards part ways in a journey: what its test title promises after the journey's name, and the checks behind it. */
interface StandardOutcome<R extends JourneyReport = JourneyReport> {
  readonly outcome: string;
  readonly also?: StandardChecks<R>;
}

type CloseMidLessonReport = Awaited<ReturnType<LrsJourneys['closeMidLessonAndRelaunch']>>;

/** What one standard says of the journeys: its describe title, and per journey what its rules add. */
export interface StandardJourneys {
  readonly title: string;
  readonly pass: StandardOutcome;
  readonly failRetakePassOneSession: StandardOutcome;
  readonly closeMidLessonAndRelaunch?: { readonly also: StandardChecks<CloseMidLessonReport> };
  readonly closeRightAfterFailing: StandardOutcome;
}

/**
 * The five journeys of hosts/learner/lrs-journeys.ts as tests of one standard's package, each with
 * the checks every standard shares, then the standard's own. `lrs` is read when a test runs: the
 * spec starts a fresh harness per test. Playwright gives these tests this file's lines as their
 * location; the describe titles tell the standards apart.
 */
export function describeLrsJourneys(standard: 'xapi' | 'cmi5', lrs: () => LrsHarness, says: StandardJourneys): void {
  test.describe(says.title, () => {
    let journeys: LrsJourneys;
    test.beforeEach(async ({ context, site }) => {
      const backend = harnessBackend(lrs(), standard, `${site.url}/packages/${standard}/index.html`);
      journeys = new LrsJourneys(context, backend, await lessonFromCourse());
    });

    test(`pass, then Exit: ${says.pass.outcome}`, async () => {
      const report = await journeys.pass();
      expectExactlyOnce(report, lrs());
      expect([count(report, 'completed'), count(report, 'passed'), count(report, 'failed')]).toEqual([1, 1, 0]);
      await says.pass.also?.(report, journeys);
    });

    test(`fail (one right answer short of the pass mark), retake and pass in one session: ${says.failRetakePassOneSession.outcome}`, async () => {
      const report = await journeys.failRetakePassOneSession();
      expectExactlyOnce(report, lrs());
      expect(report.statements.find((s) => s.verb.id.endsWith('/failed'))?.result).toMatchObject({
        success: false,
        score: { scaled: (LESSON.fewestToPass - 1) / LESSON.quiz.questions.length },
      });
      await says.failRetakePassOneSession.also?.(report, journeys);
    });

    test('fail and Exit, then pass in a second session', async () => {
      const report = await journeys.failThenPassAcrossTwoSessions();
      expectExactlyOnce(report, lrs());
      expect(report.verbs.filter((v) => ['initialized', 'failed', 'passed', 'terminated'].includes(v))).toEqual([
        'initialized',
        'failed',
        'terminated',
        'initialized',
        'passed',
        'terminated',
      ]);
    });

    test('close mid-lesson without Exit 0.5 s after the last answer: the resume document holds everything; relaunch resumes', async () => {
      const report = await journeys.closeMidLessonAndRelaunch();
      expectExactlyOnce(report, lrs());
      expect(report.closedWith).toMatchObject(expectedAtClose(journeys.lesson));
      expect(Object.values(report.closedWith?.written ?? {})).toEqual(['Roles hand out short-lived credentials.']);
      await says.closeMidLessonAndRelaunch?.also(report, journeys);
    });

    test(`close right after failing: ${says.closeRightAfterFailing.outcome}`, async () => {
      const report = await journeys.closeRightAfterFailing();
      expectExactlyOnce(report, lrs());
      expect(report.resume.progress?.quiz.attemptCount).toBe(1);
      await says.closeRightAfterFailing.also?.(report, journeys);
    });
  });
}
