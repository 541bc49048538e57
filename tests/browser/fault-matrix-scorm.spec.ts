/**
 * Fault matrix, SCORM 1.2 and 2004: the strict scorm-again LMS is made to
 * fail in the ways real LMSs do. In every case the learner keeps working,
 * is told calmly when it matters, and once the fault clears every answer and
 * the final status reach the LMS exactly once (counted in what the LMS has
 * committed, not in what the page shows).
 */
import { join } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { HARNESS_DIST } from '../../hosts/scorm/harness-paths.js';
import { expect, test, type LmsSnapshot, type StrictLms } from './playwright-fixtures.js';
import type { FaultPlan } from '../../hosts/scorm/strict-scorm.js';
import type { ScormVersion } from '../../hosts/scorm/session-seed.js';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { recordFaultRow, tally } from './fault-report.js';

const PACKAGES = join(process.cwd(), 'tests', '.packages');
test.use({ staticMounts: { '/scorm12': join(PACKAGES, 'scorm12'), '/scorm2004': join(PACKAGES, 'scorm2004'), '/harness': HARNESS_DIST } });

/** The interactions the LMS must hold with an answer (unanswered questions keep their place without one). */
const EXPECTED_IDS = [
  ...[1, 2, 3, 4, 5].map((n) => `identity_patterns.case_${n}`),
  'explain_identities.why_roles',
  ...[1, 2, 3, 4, 5].map((n) => `quiz_5_6.q${n}`),
];
const RETRYING = /not answering right now/;

const VERSIONS = [
  {
    version: '1.2' as ScormVersion,
    path: '/scorm12/index.html',
    standard: 'SCORM 1.2',
    status: 'cmi.core.lesson_status',
    errors: [101, 301, 391],
  },
  {
    version: '2004' as ScormVersion,
    path: '/scorm2004/index.html',
    standard: 'SCORM 2004',
    status: 'cmi.success_status',
    errors: [101, 301, 351, 391],
  },
];

/** Failures an LMS may get over: retried. (A data-model error such as 2004's 351 on SetValue is a refusal, tested apart.) */
const TRANSIENT_SET_ERRORS = [101, 301];

async function launch(
  lms: StrictLms,
  version: ScormVersion,
  path: string,
  options: { seed?: Record<string, string>; faults?: FaultPlan } = {},
) {
  const frame: Frame = await lms.launch({ version, coursePath: path, ...options });
  const course = new CoursePage(frame);
  await expect(course.pageHeading()).toBeVisible();
  return course;
}

/** Every page, every case, one written answer, the quiz passed: 11 answers. */
async function learnerAnswersEverything(course: CoursePage) {
  await course.visitAllPages();
  await course.goToPage(LESSON.choiceActivityTitle);
  for (const [i, answer] of CASE_ANSWERS.entries()) await course.answerCase(i, answer);
  await course.goToPage(LESSON.writtenActivityTitle);
  await course.writeAnswer(LESSON.firstWrittenQuestion, 'Temporary credentials expire.');
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
}

async function closeCourse(page: Page) {
  await page.evaluate(() => document.querySelector('iframe#course')?.remove());
}

/** Ids of the interactions that hold an answer. */
function interactionIds(data: Record<string, string>): string[] {
  return Object.entries(data)
    .filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
    .filter(([k]) => data[k.replace(/id$/, 'result')] !== undefined)
    .map(([, v]) => v);
}

/** Calls the LMS failed, and calls it answered but lost (made while the window closed). */
function faultsInjected(snapshot: LmsSnapshot): number {
  return snapshot.log.filter((c) => c.outcome === 'fault' || c.outcome === 'lost').length;
}

/** What the LMS has committed must hold every answer once and the passed status. */
function settle(snapshot: LmsSnapshot, standard: string, fault: string, statusElement: string, injected = faultsInjected(snapshot)) {
  expect(snapshot.violations, 'calls the strict LMS refused').toEqual([]);
  const data = snapshot.committed ?? {};
  const counts = tally(EXPECTED_IDS, interactionIds(data));
  recordFaultRow({ standard, fault, injected, ...counts });
  expect(counts.lost, 'answers lost').toBe(0);
  expect(counts.duplicated, 'answers duplicated').toBe(0);
  expect(data[statusElement]).toBe('passed');
}

for (const { version, path, standard, status, errors } of VERSIONS) {
  test.describe(`${standard} fault matrix`, () => {
    const scenarios: { name: string; faults: FaultPlan; clearAfterJourney?: boolean; notice?: boolean }[] = [
      { name: 'Initialize fails once', faults: { initialize: { times: 1 } }, notice: false },
      { name: 'SetValue fails for cmi.suspend_data (3 times)', faults: { setValue: { 'cmi.suspend_data': { times: 3 } } } },
      { name: 'SetValue fails for one interaction result (2 times)', faults: { setValue: { 'cmi.interactions.n.result': { times: 2 } } } },
      { name: 'Commit fails once', faults: { commit: { times: 1 } } },
      // An LMS whose API saves synchronously, in Chrome: what the course does while the window closes is lost.
      { name: 'every call while the window closes answers "true" and is lost', faults: { lostOnUnload: true } },
      { name: 'Commit fails always, then recovers', faults: { commit: {} }, clearAfterJourney: true, notice: true },
      ...errors.map((code) => ({ name: `LMS answers error ${code} on Commit (twice)`, faults: { commit: { times: 2, errorCode: code } } })),
      {
        // A data-model error: this value will never be accepted. It is left out; nothing else waits for it.
        name: `LMS refuses one interaction value with error ${version === '1.2' ? 405 : 406} (always)`,
        faults: { setValue: { 'cmi.interactions.0.correct_responses.0.pattern': { errorCode: version === '1.2' ? 405 : 406 } } },
      },
      ...TRANSIENT_SET_ERRORS.map((code) => ({
        name: `LMS answers error ${code} on SetValue (twice)`,
        faults: { setValue: { [status]: { times: 2, errorCode: code } } },
      })),
    ];

    for (const { name, faults, clearAfterJourney, notice } of scenarios) {
      test(name, async ({ page, lms }) => {
        const course = await launch(lms, version, path, { faults });
        await learnerAnswersEverything(course);
        if (notice) await expect(course.main.getByText(RETRYING)).toBeVisible();
        if (clearAfterJourney) {
          await lms.setFaults({ commit: { times: 0 } });
          await course.goToPage('Summary'); // the next save point retries
          await expect(course.main.getByText(RETRYING)).toHaveCount(0, { timeout: 15_000 });
        }
        await closeCourse(page);
        settle(await lms.snapshot(), standard, name, status);
      });
    }

    test('API not found: the lesson runs standalone and says so', async ({ page, server }) => {
      const course = new CoursePage(page);
      await page.goto(`${server.url}${path}`);
      await expect(course.main.getByText('Not connected to an LMS')).toBeVisible();
      await course.openQuiz();
      await course.takeQuiz(CORRECT_QUIZ);
      await expect(course.main).toContainText('Passed.');
      recordFaultRow({
        standard,
        fault: 'API not found (no LMS to reach: kept in the browser)',
        injected: 1,
        written: 5,
        reached: 0,
        lost: 0,
        duplicated: 0,
      });
    });

    test('page hidden mid-quiz, then discarded: the answers so far are committed and resume', async ({ page, lms }) => {
      let course = await launch(lms, version, path);
      await course.openQuiz();
      await course.chooseQuizOption('B');
      await course.main.getByRole('button', { name: 'Next question' }).click();
      await course.chooseQuizOption('C');
      // The learner switches tab: visibilitychange (hidden) commits at once what its save point
      // (0.4 s after the answer) has not committed yet.
      await course.page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      const hidden = await lms.snapshot();
      expect(hidden.committed?.['cmi.suspend_data']).toContain(
        `"${LESSON.quiz.questions[1]?.id}":"${LESSON.quiz.questions[1]?.options[2]?.id}"`,
      );
      // The tab is then discarded (frozen and killed without pagehide): relaunch from what was committed.
      await page.evaluate(() => {
        const frame = document.querySelector('iframe#course') as HTMLIFrameElement;
        frame.contentWindow?.stop();
      });
      course = await launch(lms, version, path, { seed: hidden.committed });
      await expect(course.main.getByText(`2 / ${LESSON.quiz.questions.length}`, { exact: true })).toBeVisible();
      await expect(course.main.getByRole('radio', { name: /^C\. / })).toBeChecked();
      await course.main.getByRole('button', { name: 'Next question' }).click();
      for (const letter of CORRECT_QUIZ.slice(2)) {
        await course.chooseQuizOption(letter);
        await course.main.getByRole('button', { name: /Next question|Submit quiz/ }).click();
      }
      await expect(course.main).toContainText('This attempt: 100 %');
      await closeCourse(page);
      const end = await lms.snapshot();
      expect(end.violations).toEqual([]);
      const quizIds = EXPECTED_IDS.filter((id) => id.startsWith('quiz'));
      const counts = tally(quizIds, interactionIds(end.committed ?? {}));
      recordFaultRow({ standard, fault: 'page hidden, then discarded mid-quiz', injected: 1, ...counts });
      expect(counts.lost + counts.duplicated).toBe(0);
    });

    /** A first session that visits two pages and leaves: the LMS then holds resume state. */
    async function earlierSession(page: Page, lms: StrictLms) {
      const course = await launch(lms, version, path);
      await course.goToPage('2) IAM user');
      await course.expectPagesDone(2);
      await closeCourse(page);
      const committed = (await lms.snapshot()).committed ?? {};
      expect(committed['cmi.suspend_data']).toContain('"c":"iam-access-patterns-5-6"');
      return committed;
    }

    test('LMS answers error 301 on GetValue of the saved state (twice): the course asks again and resumes', async ({ page, lms }) => {
      const seed = await earlierSession(page, lms);
      const course = await launch(lms, version, path, { seed, faults: { getValue: { 'cmi.suspend_data': { times: 2, errorCode: 301 } } } });
      await course.expectPagesDone(2);
      await learnerAnswersEverything(course);
      await closeCourse(page);
      const end = await lms.snapshot();
      expect(faultsInjected(end)).toBe(2);
      settle(end, standard, 'LMS answers error 301 on GetValue of the saved state (twice)', status);
    });

    test('GetValue of the saved state always fails: the learner is told, works on, and this session is saved', async ({ page, lms }) => {
      const seed = await earlierSession(page, lms);
      const course = await launch(lms, version, path, { seed, faults: { getValue: { 'cmi.suspend_data': { errorCode: 301 } } } });
      await expect(course.main.getByText('could not give back your saved progress')).toBeVisible();
      await course.visitAllPages();
      await course.openQuiz();
      await course.takeQuiz(CORRECT_QUIZ);
      await expect(course.main).toContainText('Passed.');
      await closeCourse(page);
      const end = await lms.snapshot();
      expect(end.violations).toEqual([]);
      const data = end.committed ?? {};
      // What the LMS would not give back is out of reach: this session's work is what it keeps now.
      expect(data['cmi.suspend_data'], 'the resume state of this session').toContain(
        `"v":[${LESSON.pageIds.map((id) => `"${id}"`).join(',')}]`,
      );
      expect(data[status]).toBe('passed');
      const counts = tally(
        EXPECTED_IDS.filter((id) => id.startsWith('quiz')),
        interactionIds(data),
      );
      recordFaultRow({
        standard,
        fault: 'GetValue of the saved state always fails (this session saved)',
        injected: faultsInjected(end),
        ...counts,
      });
      expect(counts.lost + counts.duplicated).toBe(0);
    });

    const badStates: [string, (good: string) => string][] = [
      ['corrupt', () => '{{{not our state'],
      ['truncated', (good) => good.slice(0, Math.floor(good.length / 2))],
      ['from a different course', (good) => good.replace('"c":"iam-access-patterns-5-6"', '"c":"another-course"')],
      [
        'from an older version of the course (unknown ids)',
        (good) => good.replace('"l":"quiz"', '"l":"removed-page"').replace('"q1":"b"', '"q9":"b"'),
      ],
    ];
    for (const [kind, spoil] of badStates) {
      test(`resume state ${kind}: the learner can keep working and everything reaches the LMS`, async ({ page, lms }) => {
        let course = await launch(lms, version, path);
        await course.openQuiz();
        await course.chooseQuizOption('B');
        await closeCourse(page);
        const first = await lms.snapshot();
        const good = first.committed?.['cmi.suspend_data'] ?? '';
        expect(good).toContain('"c":"iam-access-patterns-5-6"');
        const seed = { ...(first.committed ?? {}), 'cmi.suspend_data': spoil(good) };
        course = await launch(lms, version, path, { seed });
        if (kind !== 'from an older version of the course (unknown ids)') {
          await expect(course.main.getByText('Your saved progress could not be read')).toBeVisible();
        }
        await learnerAnswersEverything(course);
        await closeCourse(page);
        settle(await lms.snapshot(), standard, `resume state ${kind}`, status, 1);
      });
    }
  });
}
