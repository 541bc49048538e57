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
import { launchCallCount } from '../../hosts/scorm/strict-scorm.js';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { activityCases, writtenQuestions } from '../../src/domain/lesson-queries.js';
import { toLmsId } from '../../src/tracking/scorm/identifiers.js';

/** What the course reports, from the course the packages were built from. */
const QUIZ = LESSON.quiz;
const QUIZ_IDS = QUIZ.questions.map((q) => toLmsId(`${QUIZ.id}.${q.id}`));
const QUIZ_PREFIX = `${toLmsId(QUIZ.id)}.`;
const RIGHT_OPTIONS = QUIZ.questions.map((q) => q.correct);
const WRITTEN = writtenQuestions(LESSON.lesson).length;
const INTERACTIONS = activityCases(LESSON.lesson).length + WRITTEN + QUIZ.questions.length;
const PAGES = LESSON.pageTitles.length;
/** A written answer typed but not submitted. */
const DRAFT = 'A draft: roles give "temporary" credentials';
/** The pass mark as a SCORM LMS hands it (1.2 mastery score 0–100, 2004 scaled 0–1). */
const PASS_RIGHT = LESSON.fewestToPass;
const PASS_SCALED = PASS_RIGHT / QUIZ.questions.length;

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
      const launchCalls = launchCallCount((await lms.snapshot()).log);
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
      expect(list).toHaveLength(INTERACTIONS);
      if (version === '1.2') {
        expect(data['cmi.core.lesson_status']).toBe('passed');
        expect(data['cmi.core.score.raw']).toBe('100');
        expect(data['cmi.core.score.min']).toBe('0');
        expect(data['cmi.core.score.max']).toBe('100');
        expect(data['cmi.core.exit']).toBe('');
        expect(data['cmi.core.session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/);
        const quiz = list.filter((i) => i.id?.startsWith(QUIZ_PREFIX));
        expect(quiz.map((i) => i.id)).toEqual(QUIZ_IDS);
        expect(quiz.map((i) => i.student_response)).toEqual(RIGHT_OPTIONS);
        expect(quiz.map((i) => i['correct_responses.0.pattern'])).toEqual(RIGHT_OPTIONS);
        expect(quiz.every((i) => i.result === 'correct' && i.type === 'choice' && i.weighting === '1')).toBe(true);
        expect(
          quiz.every((i) => /^\d{2,4}:\d{2}:\d{2}(\.\d{1,2})?$/.test(i.latency ?? '') && /^\d{2}:\d{2}:\d{2}$/.test(i.time ?? '')),
        ).toBe(true);
        const written = list.filter((i) => i.type === 'fill-in');
        expect(written).toHaveLength(WRITTEN);
        expect(written.every((i) => i.result === 'neutral')).toBe(true);
        expect(data['cmi.suspend_data']?.length).toBeLessThanOrEqual(4096);
      } else {
        expect(data['cmi.completion_status']).toBe('completed');
        expect(data['cmi.success_status']).toBe('passed');
        expect(data['cmi.score.scaled']).toBe('1');
        expect(data['cmi.score.raw']).toBe('100');
        expect(data['cmi.progress_measure']).toBe('1');
        // Completed and passed: nothing is left to do, so the attempt ends (README "Tracking decisions").
        expect(data['cmi.exit']).toBe('normal');
        expect(data['cmi.session_time']).toMatch(/^PT(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?$/);
        const quiz = list.filter((i) => i.id?.startsWith(QUIZ_PREFIX));
        expect(quiz.map((i) => i.id)).toEqual(QUIZ_IDS);
        expect(quiz.map((i) => i.learner_response)).toEqual(RIGHT_OPTIONS);
        expect(quiz[0]?.description).toBe(`{lang=${LESSON.lesson.language}}${QUIZ.questions[0]?.stem}`);
        expect(quiz.every((i) => i.result === 'correct' && /^PT/.test(i.latency ?? ''))).toBe(true);
        expect(list.filter((i) => i.type === 'fill-in' || i.type === 'long-fill-in')).toHaveLength(WRITTEN);
      }
      // Every call counts, GetLastError and friends included. Commits (and the session time written
      // with each) follow the learner's pace, so their count is a figure of npm run bench, not a limit here.
      console.log(
        `SCORM ${version}: ${launchCalls} LMS calls at launch; ${lmsState.log.length} LMS calls and ${lmsState.commits} commits in a full pass journey at test speed, suspend_data ${data['cmi.suspend_data']?.length} characters`,
      );
      expect(launchCalls).toBeLessThanOrEqual(10);
      // GetErrorString / GetDiagnostic only after an error, and no value written twice unchanged.
      expect(lmsState.log.filter((c) => /GetErrorString|GetDiagnostic/.test(c.method))).toEqual([]);
      const sets = lmsState.log.filter((c) => c.method.endsWith('SetValue') && !/session_time/.test(c.element ?? ''));
      const repeated = sets.filter(
        (c, i) =>
          sets.findLastIndex((d, j) => j < i && d.element === c.element) !== -1 &&
          sets.findLast((d, j) => j < i && d.element === c.element)?.value === c.value,
      );
      expect(repeated, 'values written again unchanged').toEqual([]);
    });

    test('one value the LMS refuses is left out: status, score, every other answer, resume state and time still arrive', async ({
      page,
      lms,
    }) => {
      // Moodle's 2004 player refuses a hyphenated choice pattern with 406 (1.2 answers 405): here the
      // LMS refuses the correct pattern of the first case of micro-activity 1 whatever it holds.
      const refused = 'cmi.interactions.0.correct_responses.0.pattern';
      const warnings: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'warning') warnings.push(message.text());
      });
      let course = await launch(lms, version, path);
      await lms.setFaults({ setValue: { [refused]: { errorCode: version === '1.2' ? 405 : 406 } } });
      await course.visitAllPages();
      await course.doActivitiesAndReflections();
      // The lesson is not complete yet (the quiz is left), so the refused value is written, and
      // refused, at the next save point: 0.4 s after the answer.
      await expect(course.main.getByText(/did not accept one detail/)).toBeVisible();
      await expect(course.main.getByText(/not answering/)).toHaveCount(0);
      await course.openQuiz();
      await course.takeQuiz(CORRECT_QUIZ);
      await closeCourse(page);

      const end = await lms.snapshot();
      const data = end.committed ?? {};
      const refusals = end.log.filter((c) => c.outcome === 'fault');
      expect(refusals.map((c) => c.element)).toEqual([refused]); // asked once, never again
      expect(warnings.some((w) => w.includes(refused))).toBe(true);
      const list = interactions(data);
      expect(list).toHaveLength(18);
      expect(list.filter((i) => i.result !== undefined)).toHaveLength(18);
      expect(list[0]?.['correct_responses.0.pattern']).toBeUndefined();
      if (version === '1.2') {
        expect([data['cmi.core.lesson_status'], data['cmi.core.score.raw']]).toEqual(['passed', '100']);
        expect(data['cmi.core.session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
      } else {
        expect([data['cmi.completion_status'], data['cmi.success_status'], data['cmi.score.scaled']]).toEqual(['completed', 'passed', '1']);
        expect(data['cmi.session_time']).toMatch(/^PT/);
      }
      // The attempt is finished: 1.2 relaunches it with everything kept; a 2004 LMS starts a new one.
      course = await launch(lms, version, path, data);
      await course.expectPagesDone(version === '1.2' ? PAGES : 1);
      await expect(course.main.getByText(/did not accept|not answering|could not/)).toHaveCount(0);
    });

    const firstLaunchErrors = version === '1.2' ? [101, 301] : [403, 101, 301];
    for (const code of firstLaunchErrors) {
      test(`first launch with entry "" and GetValue of the never-set resume state answered by ${code}: the state is written and resumes`, async ({
        page,
        lms,
      }) => {
        const entry = version === '1.2' ? 'cmi.core.entry' : 'cmi.entry';
        let course = new CoursePage(await lms.launch({ version, coursePath: path, seed: { [entry]: '' }, faults: { unsetGet: code } }));
        await expect(course.pageHeading()).toBeVisible();
        await expect(course.main.getByText(/could not/)).toHaveCount(0);
        await course.goToPage(LESSON.pageTitles[1] ?? '');
        await course.expectPagesDone(2);
        await closeCourse(page);
        const first = await lms.snapshot();
        expect(first.log.some((c) => c.element === 'cmi.suspend_data' && c.outcome === 'fault' && c.errorCode === code)).toBe(true);
        const committed = first.committed ?? {};
        expect(committed['cmi.suspend_data']).toContain('"c":"iam-access-patterns-5-6"');

        course = new CoursePage(await lms.launch({ version, coursePath: path, seed: committed, faults: { unsetGet: code } }));
        await expect(course.pageHeading()).toHaveText(LESSON.pageTitles[1] ?? '');
        await course.expectPagesDone(2);
      });
    }

    test('with the pass mark the manifest gives the LMS, the fewest right answers that reach it pass and the LMS holds the same status', async ({
      page,
      lms,
    }) => {
      const passMark: Record<string, string> =
        version === '1.2'
          ? { 'cmi.student_data.mastery_score': String(LESSON.passPercent) }
          : { 'cmi.scaled_passing_score': String(LESSON.lesson.settings.passingScore) };
      const course = await launch(lms, version, path, passMark);
      await course.visitAllPages();
      await course.openQuiz();
      await course.takeQuiz(LESSON.answersWithCorrect(PASS_RIGHT));
      await expect(course.main).toContainText(`Passed. The passing score is ${LESSON.passPercent} %.`);
      await closeCourse(page);
      const snapshot = await lms.snapshot();
      expectClean(snapshot);
      const data = snapshot.committed ?? {};
      if (version === '1.2')
        expect([data['cmi.core.lesson_status'], data['cmi.core.score.raw']]).toEqual(['passed', String(Math.round(PASS_SCALED * 100))]);
      else expect([data['cmi.success_status'], data['cmi.score.scaled']]).toEqual(['passed', String(PASS_SCALED)]);
    });

    test('an LMS that reopens a failed attempt in review mode: the course says how to retake and records nothing, not even time', async ({
      page,
      lms,
    }) => {
      let course = await launch(lms, version, path);
      await course.visitAllPages();
      await course.openQuiz();
      await course.takeQuiz(LESSON.answersWithCorrect(PASS_RIGHT - 1));
      await closeCourse(page);
      const failed = (await lms.snapshot()).committed ?? {};

      course = await launch(lms, version, path, { ...failed, [version === '1.2' ? 'cmi.core.lesson_mode' : 'cmi.mode']: 'review' });
      await expect(course.main.getByText(/start a new attempt/)).toBeVisible();
      await course.goToPage(LESSON.pageWith('takeaway-summary'));
      await closeCourse(page);
      const review = await lms.snapshot();
      expectClean(review);
      expect(review.log.filter((c) => /SetValue|Commit/.test(c.method))).toEqual([]);
    });

    test('a failed quiz, then a retake that passes, ends passed with the best score', async ({ page, lms }) => {
      const course = await launch(lms, version, path);
      await course.visitAllPages();
      await course.openQuiz();
      await course.takeQuiz(LESSON.answersWithCorrect(LESSON.fewestToPass - 1));
      let data = (await lms.snapshot()).data;
      if (version === '1.2') expect(data['cmi.core.lesson_status']).toBe('failed');
      else
        expect([data['cmi.completion_status'], data['cmi.success_status'], data['cmi.score.scaled']]).toEqual([
          'completed',
          'failed',
          String((LESSON.fewestToPass - 1) / LESSON.quiz.questions.length),
        ]);
      await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
      await course.takeQuiz(CORRECT_QUIZ);
      await closeCourse(page);
      const snapshot = await lms.snapshot();
      expectClean(snapshot);
      data = snapshot.data;
      if (version === '1.2') expect([data['cmi.core.lesson_status'], data['cmi.core.score.raw']]).toEqual(['passed', '100']);
      else expect([data['cmi.success_status'], data['cmi.score.scaled']]).toEqual(['passed', '1']);
      // One place per question, whatever the attempt: the retake's answer replaces the first one there.
      const q1 = interactions(data).filter((i) => i.id === QUIZ_IDS[0]);
      expect(q1).toHaveLength(1);
      expect(q1[0]?.[version === '1.2' ? 'student_response' : 'learner_response']).toBe(RIGHT_OPTIONS[0]);
      expect(q1[0]?.result).toBe('correct');
    });

    test('leaving mid-quiz and relaunching resumes the place, every answer and the quiz position', async ({ page, lms }) => {
      let course = await launch(lms, version, path);
      await course.goToPage(LESSON.writtenActivityTitle);
      await course.writeAnswer(LESSON.firstWrittenQuestion, 'They expire.');
      await course.openQuiz();
      await course.chooseQuizOption('B');
      await course.main.getByRole('button', { name: 'Next question' }).click();
      await course.chooseQuizOption('C');
      const bar = course.page.getByRole('progressbar', { name: 'Lesson progress' });
      const shownProgress = Number(await bar.getAttribute('aria-valuenow')) / Number(await bar.getAttribute('aria-valuemax'));
      await closeCourse(page);
      const first = await lms.snapshot();
      expectClean(first);
      // The LMS's progress measure is the learner's progress bar: the steps the completion rule counts.
      if (version === '2004') expect(Number(first.data['cmi.progress_measure'])).toBeCloseTo(shownProgress, 3);
      expect(shownProgress).toBeGreaterThan(0);
      expect(shownProgress).toBeLessThan(1);
      expect(first.data[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit']).toBe('suspend');
      expect(first.data[version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location']).toBe(LESSON.pageIdWith('quiz'));

      course = await launch(lms, version, path, first.committed ?? first.data);
      await expect(course.pageHeading()).toHaveText(LESSON.quizTitle);
      await expect(course.main.getByText(`2 / ${QUIZ.questions.length}`, { exact: true })).toBeVisible();
      await expect(course.main.getByRole('radio', { name: /^C\. / })).toBeChecked();
      await course.main.getByRole('button', { name: 'Previous question' }).click();
      await expect(course.main.getByRole('radio', { name: /^B\. / })).toBeChecked();
      await course.goToPage(LESSON.writtenActivityTitle);
      await expect(course.main.getByRole('textbox', { name: LESSON.firstWrittenQuestion })).toHaveValue('They expire.');
      await closeCourse(page);
      expectClean(await lms.snapshot());
    });

    test(`relaunching after passing ${version === '1.2' ? 'keeps passed, even after a weaker retake' : 'is a new attempt; the finished one keeps its pass'}`, async ({
      page,
      lms,
    }) => {
      let course = await launch(lms, version, path);
      await course.visitAllPages();
      await course.openQuiz();
      await course.takeQuiz(CORRECT_QUIZ);
      await closeCourse(page);
      const first = await lms.snapshot();
      if (version === '2004') {
        // Completed and passed ends the attempt (exit "normal"): the LMS holds it finished, with its
        // pass, and a relaunch is a new attempt that starts afresh (RTE 4.2.6 entry ab-initio).
        expect(first.committed?.['cmi.exit']).toBe('normal');
        expect(first.committed?.['cmi.success_status']).toBe('passed');
        course = await launch(lms, version, path, first.committed);
        expect((await lms.snapshot()).data['cmi.entry']).toBe('ab-initio');
        await course.expectPagesDone(1);
        await expect(course.main.getByText(/could not|did not accept/)).toHaveCount(0);
        return;
      }
      expect(first.committed?.['cmi.core.exit']).toBe('');

      course = await launch(lms, version, path, first.committed ?? first.data);
      await course.openQuiz();
      await course.takeQuiz(LESSON.answersWithCorrect(0));
      await expect(course.main).toContainText('You passed earlier with 100 %, and that pass stands.');
      await closeCourse(page);
      const second = await lms.snapshot();
      expectClean(second);
      expect([second.data['cmi.core.lesson_status'], second.data['cmi.core.score.raw']]).toEqual(['passed', '100']);
    });

    // An LMS whose API saves with a synchronous request, in Chrome: nothing done while the window
    // closes reaches it (hosts/scorm, faults.lostOnUnload). Every action must be committed before.
    const LOST_ON_CLOSE = { lostOnUnload: true };

    test('an LMS that stores nothing while the window closes: closed 1 s after the last action, the relaunch has the page, the case answers, the draft and the quiz position', async ({
      page,
      lms,
    }) => {
      let course = new CoursePage(await lms.launch({ version, coursePath: path, faults: LOST_ON_CLOSE }));
      await expect(course.pageHeading()).toBeVisible();
      for (let i = 1; i < 8; i += 1) await course.next();
      await course.expectPagesDone(8);
      await course.goToPage(LESSON.choiceActivityTitle);
      for (const [i, answer] of CASE_ANSWERS.slice(0, 2).entries()) await course.answerCase(i, answer);
      await course.goToPage(LESSON.writtenActivityTitle);
      await course.main.getByRole('textbox', { name: LESSON.firstWrittenQuestion }).fill(DRAFT);
      await course.openQuiz();
      const answered = CORRECT_QUIZ.slice(0, 3);
      for (const [i, letter] of answered.entries()) {
        if (i > 0) await course.main.getByRole('button', { name: 'Next question' }).click();
        await course.chooseQuizOption(letter);
      }
      await page.waitForTimeout(1_000); // the learner closes the window a second later
      await closeCourse(page);
      const first = await lms.snapshot();
      expect(first.violations).toEqual([]);
      expect(first.log.filter((c) => c.outcome === 'lost').length, 'calls made while the window closed').toBeGreaterThan(0);

      course = await launch(lms, version, path, first.committed);
      await expect(course.main.getByText(/could not/)).toHaveCount(0);
      await expect(course.pageHeading()).toHaveText(LESSON.quizTitle);
      await expect(course.main.getByText(`${answered.length} / ${QUIZ.questions.length}`, { exact: true })).toBeVisible();
      await expect(course.main.getByRole('radio', { name: new RegExp(`^${answered.at(-1)}\\. `) })).toBeChecked();
      // The eight pages read are done; the activities and the quiz opened are in progress.
      await course.expectPagesDone(8);
      for (const kind of ['choice-activity', 'quiz'] as const)
        await expect(course.page.locator(`lesson-toc a[href="#/${LESSON.pageIdWith(kind)}"].in-progress`)).toHaveCount(1);
      await course.goToPage(LESSON.choiceActivityTitle);
      for (const [i, answer] of CASE_ANSWERS.slice(0, 2).entries()) {
        const group = course.main.getByRole('group', { name: new RegExp(`^${i + 1}\\. `) });
        await expect(group.getByRole('radio', { name: answer, exact: true })).toBeChecked();
        await expect(group.getByRole('radio', { name: answer, exact: true })).toBeDisabled();
      }
      await course.goToPage(LESSON.writtenActivityTitle);
      await expect(course.main.getByRole('textbox', { name: LESSON.firstWrittenQuestion })).toHaveValue(DRAFT);
    });

    test('an LMS that stores nothing while the window closes: after a session it kept nothing of, the relaunch saves as usual and the next one resumes', async ({
      page,
      lms,
    }) => {
      let course = new CoursePage(await lms.launch({ version, coursePath: path, faults: LOST_ON_CLOSE }));
      await course.next();
      await closeCourse(page);
      // As the field report found it: the attempt begun and suspended, none of its saves arrived.
      const {
        [version === '1.2' ? 'cmi.core.lesson_location' : 'cmi.location']: _location,
        'cmi.suspend_data': _state,
        ...lost
      } = (await lms.snapshot()).committed ?? {};
      expect(lost[version === '1.2' ? 'cmi.core.exit' : 'cmi.exit']).toBe('suspend');

      course = await launch(lms, version, path, lost);
      await expect(course.main.getByText(/could not/)).toHaveCount(0);
      await course.goToPage(LESSON.choiceActivityTitle);
      await course.answerCase(0, CASE_ANSWERS[0]);
      await page.waitForTimeout(1_000);
      await closeCourse(page);
      const second = await lms.snapshot();
      expect(second.violations).toEqual([]);

      course = await launch(lms, version, path, second.committed);
      await expect(course.main.getByText(/could not/)).toHaveCount(0);
      await expect(course.pageHeading()).toHaveText(LESSON.choiceActivityTitle);
      const group = course.main.getByRole('group', { name: /^1\. / });
      await expect(group.getByRole('radio', { name: CASE_ANSWERS[0], exact: true })).toBeChecked();
    });

    test('when commits fail mid-way the learner keeps working, is told calmly, and nothing is lost', async ({ page, lms }) => {
      const course = await launch(lms, version, path);
      await lms.setFaults({ commit: { errorCode: version === '1.2' ? 101 : 391 } });
      await course.visitAllPages();
      await course.openQuiz();
      await course.takeQuiz(CORRECT_QUIZ);
      await expect(course.main.getByText(/not answering right now/)).toBeVisible();
      await expect(course.main.getByText(/did not accept/)).toHaveCount(0);
      // The fault clears; the next save point retries and the notice goes away.
      await lms.setFaults({ commit: { times: 0 } });
      await course.goToPage(LESSON.pageWith('takeaway-summary'));
      await expect(course.main.getByText(/not answering right now/)).toHaveCount(0, { timeout: 20_000 });
      await closeCourse(page);
      const snapshot = await lms.snapshot();
      expect(snapshot.violations).toEqual([]);
      const data = snapshot.committed ?? snapshot.data;
      if (version === '1.2') expect(data['cmi.core.lesson_status']).toBe('passed');
      else expect(data['cmi.success_status']).toBe('passed');
      expect(interactions(data).filter((i) => QUIZ_IDS.includes(i.id ?? ''))).toHaveLength(QUIZ.questions.length);
    });
  });
}
