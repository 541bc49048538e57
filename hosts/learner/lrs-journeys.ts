/**
 * Learner journeys for the xAPI and cmi5 packages, written once and run against
 * any LRS: the local strict LRS in CI (tests/browser) or a reference LRS / cmi5
 * LMS in a person's session. A journey drives the course as a learner would and
 * returns what an admin would check: the statement ids the course sent against
 * those the LRS holds (duplicates, missing), the verbs in stored order, and the
 * resume document the LRS holds. Assertions read the LRS, never the page.
 */
import { expect, type BrowserContext, type Page } from '@playwright/test';
import type { Statement } from '@xapi/xapi';
import type { Lesson } from '../../src/content/lesson.js';
import { decodeProgress } from '../../src/domain/codec.js';
import type { ProgressState } from '../../src/domain/progress.js';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage } from './course-page.js';
import { LESSON } from './lesson-facts.js';

/** One right answer short of the pass mark (the first ones right, the rest wrong). */
export const FAILING_QUIZ: readonly string[] = LESSON.answersWithCorrect(LESSON.fewestToPass - 1);

/** Where a journey runs: how to launch the course and how to read what the LRS holds. */
export interface LrsBackend {
  readonly standard: 'xapi' | 'cmi5';
  /** A launch URL for a new session; the same registration when given (a relaunch). */
  launch(registration?: string): Promise<{ url: string; registration: string }>;
  /** Every statement the LRS holds for the registration, in stored order. */
  statements(registration: string): Promise<Statement[]>;
  /** Ids of every statement that reached the LRS's door (stored or not), where the LRS side can tell. */
  sentIds?(): Promise<readonly string[]>;
  /** A State document as JSON, or undefined (404). */
  state(address: { activityId: string; agent: unknown; registration: string; stateId: string }): Promise<unknown>;
}

export interface JourneyReport {
  readonly journey: string;
  readonly registration: string;
  /** Verbs of the course's statements, in stored order (LMS statements left out). */
  readonly verbs: string[];
  readonly generated: number;
  readonly stored: number;
  /** Ids the LRS holds more than once. */
  readonly duplicates: string[];
  /** Ids the course sent that the LRS does not hold. */
  readonly missing: string[];
  /** The resume document at the end, as the LRS holds it. */
  readonly resume: { readonly bytes: number; readonly progress: ProgressState | undefined; readonly sent: readonly string[] };
  /** Statements stored (by stored time) after `terminated` in a session, should be none. */
  readonly afterTerminated: string[];
  readonly statements: Statement[];
}

/** The page is gone: requests it left with keepalive are given time to arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 1_500));

/** Statements the LMS writes itself (cmi5 §9.3): not the course's. */
const LMS_VERBS = new Set(['launched', 'satisfied', 'abandoned', 'waived']);
export const verbOf = (s: Statement): string => s.verb.id.split('/').pop() ?? '';

/** Collects the ids of every statement the course POSTs or PUTs, from any page of the context. */
export function watchStatements(context: BrowserContext): Set<string> {
  const ids = new Set<string>();
  context.on('request', (request) => {
    if (!/\/statements(\?|$)/.test(request.url()) || !['POST', 'PUT'].includes(request.method())) return;
    try {
      const body: unknown = JSON.parse(request.postData() ?? 'null');
      for (const s of Array.isArray(body) ? body : [body])
        if (typeof s === 'object' && s !== null && 'id' in s && typeof s.id === 'string') ids.add(s.id);
    } catch {
      // not a statement body
    }
  });
  return ids;
}

export class LrsJourneys {
  readonly generated: Set<string>;

  constructor(
    readonly context: BrowserContext,
    readonly backend: LrsBackend,
    readonly lesson: Lesson,
  ) {
    this.generated = watchStatements(context);
  }

  /** Every page, both activities, reflections, a passing quiz, then Exit. */
  async pass(): Promise<JourneyReport> {
    const { course, registration, page } = await this.open();
    await course.visitAllPages();
    await course.doActivitiesAndReflections();
    await course.openQuiz();
    await course.takeQuiz(CORRECT_QUIZ);
    await this.exit(page, registration);
    return this.report('pass', registration);
  }

  /** Fails (one right answer short), retakes and passes in the same session, then Exit. */
  async failRetakePassOneSession(): Promise<JourneyReport> {
    const { course, registration, page } = await this.open();
    await course.openQuiz();
    await course.takeQuiz(FAILING_QUIZ);
    await course.openQuiz();
    await course.takeQuiz(CORRECT_QUIZ);
    await this.exit(page, registration);
    return this.report('fail, retake and pass in one session', registration);
  }

  /** Fails (one right answer short) and exits; relaunched, retakes and passes, then Exit. */
  async failThenPassAcrossTwoSessions(): Promise<JourneyReport> {
    const first = await this.open();
    await first.course.openQuiz();
    await first.course.takeQuiz(FAILING_QUIZ);
    await this.exit(first.page, first.registration);
    const second = await this.open(first.registration);
    await second.course.openQuiz();
    await second.course.takeQuiz(CORRECT_QUIZ);
    await this.exit(second.page, first.registration);
    return this.report('fail, then retake and pass in a second session', first.registration);
  }

  /**
   * Works part of the lesson and closes the tab without Exit 0.5 s after the last answer; the resume
   * document must then hold all of it. Relaunched with the same registration, the lesson is where it
   * was; then Exit.
   */
  async closeMidLessonAndRelaunch(): Promise<JourneyReport & { readonly closedWith: ProgressState | undefined }> {
    const { course, registration, page } = await this.open();
    await course.goToPage(LESSON.choiceActivityTitle);
    await course.answerCase(0, CASE_ANSWERS[0]);
    await course.answerCase(1, CASE_ANSWERS[1]);
    await course.goToPage(LESSON.writtenActivityTitle);
    await course.writeAnswer(LESSON.firstWrittenQuestion, 'Roles hand out short-lived credentials.');
    await course.openQuiz();
    await course.chooseQuizOption('B');
    await course.main.getByRole('button', { name: 'Next question' }).click();
    await course.chooseQuizOption('C');
    await page.waitForTimeout(500);
    await page.close({ runBeforeUnload: false });
    await settle(); // let the keepalive requests land
    const closedWith = (await this.resume(registration)).progress;

    const again = await this.open(registration);
    await expect(again.course.pageHeading()).toHaveText(LESSON.quizTitle);
    await expect(again.course.main.getByRole('radio', { name: /^C\. / })).toBeChecked();
    await again.course.goToPage(LESSON.writtenActivityTitle);
    await expect(again.course.main.getByRole('textbox', { name: LESSON.firstWrittenQuestion })).toHaveValue(
      'Roles hand out short-lived credentials.',
    );
    await this.exit(again.page, registration);
    return { ...(await this.report('close mid-lesson without Exit, relaunch', registration)), closedWith };
  }

  /** Fails the quiz and closes the tab 0.5 s after the result shows, without Exit. */
  async closeRightAfterFailing(): Promise<JourneyReport> {
    const { course, registration, page } = await this.open();
    await course.openQuiz();
    await course.takeQuiz(FAILING_QUIZ);
    await page.waitForTimeout(500);
    await page.close({ runBeforeUnload: false });
    await settle();
    return this.report('close right after failing', registration);
  }

  async open(registration?: string): Promise<{ course: CoursePage; page: Page; registration: string }> {
    const launch = await this.backend.launch(registration);
    const page = await this.context.newPage();
    const course = new CoursePage(page);
    // An LMS in front of the LRS (a proxy, a test suite) makes the launch requests slower than a bare LRS.
    await page.goto(launch.url);
    await expect(course.pageHeading()).toBeVisible({ timeout: 20_000 });
    await expect(course.main.getByText('Not connected to an LMS')).toHaveCount(0);
    await expect(course.main.getByText(/could not be completed|incomplete/)).toHaveCount(0);
    return { course, page, registration: launch.registration };
  }

  /**
   * Finish: the learner is told the results are saved only once the LRS holds `terminated` (or the
   * course hands the window back to the LMS's returnURL, which it does only then too).
   */
  async exit(page: Page, registration: string): Promise<void> {
    await new CoursePage(page).finish();
    const verbs = (await this.backend.statements(registration)).map(verbOf);
    expect(verbs.at(-1), 'terminated is stored when the learner is told so').toBe('terminated');
    await page.close();
  }

  async resume(registration: string): Promise<JourneyReport['resume']> {
    const statements = await this.backend.statements(registration);
    const initialized = statements.find((s) => verbOf(s) === 'initialized');
    if (!initialized || !('id' in initialized.object)) return { bytes: 0, progress: undefined, sent: [] };
    const document = await this.backend.state({
      activityId: initialized.object.id,
      agent: initialized.actor,
      registration,
      stateId: `${this.lesson.id}.resume`,
    });
    if (typeof document !== 'object' || document === null) return { bytes: 0, progress: undefined, sent: [] };
    const { state, sent } = document as { state?: string; sent?: string[] };
    const decoded = decodeProgress(this.lesson, state);
    return { bytes: JSON.stringify(document).length, progress: decoded.ok ? decoded.state : undefined, sent: sent ?? [] };
  }

  async report(journey: string, registration: string): Promise<JourneyReport> {
    let all = await this.backend.statements(registration);
    // An LRS may store what it accepted a moment later (an LMS in front of it stores one by one): wait a little.
    for (let tries = 0; tries < 10 && (await this.unstored(all)); tries += 1) {
      await settle();
      all = await this.backend.statements(registration);
    }
    const ours = all.filter((s) => !LMS_VERBS.has(verbOf(s)));
    const ids = ours.map((s) => s.id ?? '');
    const duplicates = [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
    // What the page was seen to send, and what reached the LRS: a request started as the page closes
    // is not always reported to the browser driver.
    const sent = new Set([...this.generated, ...((await this.backend.sentIds?.()) ?? [])]);
    const generatedHere = [...sent].filter((id) => !this.claimed.has(id));
    const missing = generatedHere.filter((id) => !ids.includes(id));
    return {
      journey,
      registration,
      verbs: ours.map(verbOf),
      generated: generatedHere.length,
      stored: ours.length,
      duplicates,
      missing,
      resume: await this.resume(registration),
      afterTerminated: afterTerminated(ours),
      statements: ours,
    };
  }

  private async unstored(all: readonly Statement[]): Promise<boolean> {
    const held = new Set(all.map((s) => s.id));
    const sent = [...this.generated, ...((await this.backend.sentIds?.()) ?? [])];
    return sent.some((id) => !this.claimed.has(id) && !held.has(id));
  }

  /** Ids sent in earlier journeys of this context (other registrations). */
  private claimed = new Set<string>();

  /** Starts a new journey's count: ids sent so far belong to earlier journeys. */
  async reset(): Promise<void> {
    for (const id of [...this.generated, ...((await this.backend.sentIds?.()) ?? [])]) this.claimed.add(id);
  }
}

/**
 * Per session (a run from `initialized` to `terminated`, by stored order): ids of statements stored
 * after that session's `terminated` with a timestamp inside the session (i.e. sent by it).
 */
export function afterTerminated(statements: readonly Statement[]): string[] {
  const late: string[] = [];
  const byStored = [...statements].sort((a, b) => Date.parse(a.stored ?? '') - Date.parse(b.stored ?? ''));
  byStored.forEach((s, i) => {
    if (verbOf(s) !== 'terminated') return;
    const sessionEnd = Date.parse(s.timestamp ?? '');
    for (const later of byStored.slice(i + 1)) {
      if (verbOf(later) === 'initialized') break;
      if (Date.parse(later.timestamp ?? '') <= sessionEnd) late.push(later.id ?? '');
    }
  });
  return late;
}
