/**
 * The SCORM 1.2 and 2004 packages, unpacked as an LMS would, inside a host page
 * whose API is scorm-again wrapped in a strict profile (hosts/scorm): any
 * value the spec forbids, any error code and any call out of order fails the
 * test. What is asserted is what the LMS holds at the end.
 */
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { HARNESS_DIST } from '../../hosts/scorm/harness-paths.js';
import { expect, test, type LmsSnapshot, type StrictLms } from './playwright-fixtures.js';
import type { ScormVersion } from '../../hosts/scorm/session-seed.js';
import { CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';

const PACKAGES = join(process.cwd(), 'tests', '.packages');
test.use({ staticMounts: { '/scorm12': join(PACKAGES, 'scorm12'), '/scorm2004': join(PACKAGES, 'scorm2004'), '/harness': HARNESS_DIST } });

const VERSIONS: { version: ScormVersion; path: string }[] = [
  { version: '1.2', path: '/scorm12/index.html' },
  { version: '2004', path: '/scorm2004/index.html' },
];

/** Closing the LMS's course window: the course frame is removed, which fires pagehide in it. */
async function closeCourse(page: Page) {
  await page.evaluate(() => document.querySelector('iframe#course')?.remove());
}

function interactions(data: Record<string, string>) {
  const indexes = Object.keys(data).flatMap((k) => /^cmi\.interactions\.(\d+)\./.exec(k)?.[1] ?? []);
  const count = indexes.length ? Math.max(...indexes.map(Number)) + 1 : 0;
  return Array.from({ length: count }, (_, n) =>
    Object.fromEntries(
      Object.entries(data)
        .filter(([k]) => k.startsWith(`cmi.interactions.${n}.`))
        .map(([k, v]) => [k.slice(`cmi.interactions.${n}.`.length), v]),
    ),
  );
}

async function launch(lms: StrictLms, version: ScormVersion, path: string, seed?: Record<string, string>): Promise<CoursePage> {
  const frame: Frame = await lms.launch({ version, coursePath: path, seed });
  const course = new CoursePage(frame);
  await expect(course.pageHeading()).toBeVisible();
  return course;
}

function expectClean(snapshot: LmsSnapshot) {
  expect(snapshot.violations, 'calls the strict LMS refused').toEqual([]);
  // Reading a value the LMS has not set yet (2004 error 403) is normal on a first launch; every other error is not.
  const errorInquiry = /GetLastError|GetErrorString|GetDiagnostic/;
  const unexpected = snapshot.log.filter(
    (c) =>
      c.errorCode !== 0 && c.outcome !== 'fault' && !errorInquiry.test(c.method) && !(c.method.includes('GetValue') && c.errorCode === 403),
  );
  expect(unexpected).toEqual([]);
}

for (const { version, path } of VERSIONS) {
  test.describe(`SCORM ${version}`, () => {
    test('a full pass journey leaves passed, 100 %, every answer and the time in the LMS', async ({ page, lms }) => {
      const course = await launch(lms, version, path);
      await expect(course.main.getByText('Not connected to an LMS')).toHaveCount(0);
      await course.visitAllPages();
      await course.doActivitiesAndReflections();
      await course.openQuiz();
      await course.takeQuiz(CORRECT_QUIZ);
      await closeCourse(page);

      const lmsState = await lms.snapshot();
      expectClean(lmsState);
      expect(lmsState.state).toBe('terminated');
      const data = lmsState.data;
      const list = interactions(data);
      expect(list).toHaveLength(5 + 3 + 5 + 5);
      if (version === '1.2') {
        expect(data['cmi.core.lesson_status']).toBe('passed');
        expect(data['cmi.core.score.raw']).toBe('100');
        expect(data['cmi.core.score.min']).toBe('0');
        expect(data['cmi.core.score.max']).toBe('100');
        expect(data['cmi.core.exit']).toBe('');
        expect(data['cmi.core.session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
        const quiz = list.filter((i) => i.id?.startsWith('quiz-5-6.'));
        expect(quiz.map((i) => i.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5'].map((q) => `quiz-5-6.${q}.attempt-1`));
        expect(quiz.map((i) => i.student_response)).toEqual(['b', 'c', 'c', 'c', 'b']);
        expect(quiz.map((i) => i['correct_responses.0.pattern'])).toEqual(['b', 'c', 'c', 'c', 'b']);
        expect(quiz.every((i) => i.result === 'correct' && i.type === 'choice' && i.weighting === '1')).toBe(true);
        expect(
          quiz.every((i) => /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/.test(i.latency ?? '') && /^\d{2}:\d{2}:\d{2}$/.test(i.time ?? '')),
        ).toBe(true);
        const written = list.filter((i) => i.type === 'fill-in');
        expect(written).toHaveLength(8);
        expect(written.every((i) => i.result === 'neutral')).toBe(true);
        expect(data['cmi.suspend_data']?.length).toBeLessThanOrEqual(4096);
      } else {
        expect(data['cmi.completion_status']).toBe('completed');
        expect(data['cmi.success_status']).toBe('passed');
        expect(data['cmi.score.scaled']).toBe('1');
        expect(data['cmi.score.raw']).toBe('100');
        expect(data['cmi.progress_measure']).toBe('1');
        // SCORM 2004 keeps the attempt open (exit "suspend") so a relaunch resumes with its results.
        expect(data['cmi.exit']).toBe('suspend');
        expect(data['cmi.session_time']).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
        const quiz = list.filter((i) => i.id?.startsWith('urn:scorm:quiz-5-6.'));
        expect(quiz).toHaveLength(5);
        expect(quiz.map((i) => i.learner_response)).toEqual(['b', 'c', 'c', 'c', 'b']);
        expect(quiz[0]?.description).toBe('{lang=en-US}What is the AWS account root user?');
        expect(quiz.every((i) => i.result === 'correct' && /^PT/.test(i.latency ?? ''))).toBe(true);
        expect(list.filter((i) => i.type === 'fill-in' || i.type === 'long-fill-in')).toHaveLength(8);
      }
      console.log(
        `SCORM ${version}: ${lmsState.commits} commits in a full pass journey, suspend_data ${data['cmi.suspend_data']?.length} characters`,
      );
      expect(lmsState.commits).toBeLessThanOrEqual(15);
    });

    test('a failed quiz, then a retake that passes, ends passed with the best score', async ({ page, lms }) => {
      const course = await launch(lms, version, path);
      await course.visitAllPages();
      await course.openQuiz();
      await course.takeQuiz(['A', 'A', 'C', 'C', 'B']);
      let data = (await lms.snapshot()).data;
      if (version === '1.2') expect(data['cmi.core.lesson_status']).toBe('failed');
      else
        expect([data['cmi.completion_status'], data['cmi.success_status'], data['cmi.score.scaled']]).toEqual([
          'completed',
          'failed',
          '0.6',
        ]);
      await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
      await course.takeQuiz(CORRECT_QUIZ);
      await closeCourse(page);
      const snapshot = await lms.snapshot();
      expectClean(snapshot);
      data = snapshot.data;
      if (version === '1.2') expect([data['cmi.core.lesson_status'], data['cmi.core.score.raw']]).toEqual(['passed', '100']);
      else expect([data['cmi.success_status'], data['cmi.score.scaled']]).toEqual(['passed', '1']);
      expect(
        interactions(data)
          .filter((i) => /quiz-5-6\.q1/.test(i.id ?? ''))
          .map((i) => i.id?.replace('urn:scorm:', '')),
      ).toEqual(['quiz-5-6.q1.attempt-1', 'quiz-5-6.q1.attempt-2']);
    });

    test('leaving mid-quiz and relaunching resumes the place, every answer and the quiz position', async ({ page, lms }) => {
      let course = await launch(lms, version, path);
      await course.goToPage('Micro-activity 2: Explain it in your own words');
      await course.writeAnswer(/Why does AWS prefer roles/, 'They expire.');
      await course.openQuiz();
      await course.chooseQuizOption('B');
      await course.main.getByRole('button', { name: 'Next question' }).click();
      await course.chooseQuizOption('C');
      await closeCourse(page);
      const first = await lms.snapshot();
      expectClean(first);
      expect(first.data[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit']).toBe('suspend');
      expect(first.data[version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location']).toBe('quiz');

      course = await launch(lms, version, path, first.committed ?? first.data);
      await expect(course.pageHeading()).toHaveText('Quiz 5.6');
      await expect(course.main.getByText('2 / 5', { exact: true })).toBeVisible();
      await expect(course.main.getByRole('radio', { name: /^C\. / })).toBeChecked();
      await course.main.getByRole('button', { name: 'Previous question' }).click();
      await expect(course.main.getByRole('radio', { name: /^B\. / })).toBeChecked();
      await course.goToPage('Micro-activity 2: Explain it in your own words');
      await expect(course.main.getByRole('textbox', { name: /Why does AWS prefer roles/ })).toHaveValue('They expire.');
      await closeCourse(page);
      expectClean(await lms.snapshot());
    });

    test('relaunching after passing keeps passed, even after a weaker retake', async ({ page, lms }) => {
      let course = await launch(lms, version, path);
      await course.visitAllPages();
      await course.openQuiz();
      await course.takeQuiz(CORRECT_QUIZ);
      await closeCourse(page);
      const first = await lms.snapshot();

      course = await launch(lms, version, path, first.committed ?? first.data);
      await course.openQuiz();
      await course.takeQuiz(['A', 'A', 'A', 'A', 'A']);
      await expect(course.main).toContainText('You passed earlier with 100 %, and that pass stands.');
      await closeCourse(page);
      const second = await lms.snapshot();
      expectClean(second);
      if (version === '1.2') expect([second.data['cmi.core.lesson_status'], second.data['cmi.core.score.raw']]).toEqual(['passed', '100']);
      else
        expect([second.data['cmi.success_status'], second.data['cmi.completion_status'], second.data['cmi.score.scaled']]).toEqual([
          'passed',
          'completed',
          '1',
        ]);
    });

    test('when commits fail mid-way the learner keeps working, is told calmly, and nothing is lost', async ({ page, lms }) => {
      const course = await launch(lms, version, path);
      await lms.setFaults({ commit: { times: 3, errorCode: version === '1.2' ? 101 : 391 } });
      await course.visitAllPages();
      await course.openQuiz();
      await course.takeQuiz(CORRECT_QUIZ);
      await expect(course.main.getByText(/not answering right now/)).toBeVisible();
      // The fault clears; the next save point retries and the notice goes away.
      await course.goToPage('Summary');
      await expect(course.main.getByText(/not answering right now/)).toHaveCount(0, { timeout: 20_000 });
      await closeCourse(page);
      const snapshot = await lms.snapshot();
      expect(snapshot.violations).toEqual([]);
      const data = snapshot.committed ?? snapshot.data;
      if (version === '1.2') expect(data['cmi.core.lesson_status']).toBe('passed');
      else expect(data['cmi.success_status']).toBe('passed');
      expect(interactions(data).filter((i) => /quiz-5-6\.q\d/.test(i.id ?? ''))).toHaveLength(5);
    });
  });
}
