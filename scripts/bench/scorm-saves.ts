/**
 * How soon a SCORM learner's work reaches the LMS, measured against the strict
 * test LMS (hosts/scorm):
 *
 * - commits in a full pass journey at human pace (a pause after every action,
 *   as a learner reading and thinking makes), and for each kind of action the
 *   time from the action to the Commit that carries it;
 * - what a learner keeps when the window closes 1 s after each kind of action,
 *   on an LMS that stores nothing sent while the window closes (an API that
 *   saves with a synchronous request, as Chrome runs it: faults.lostOnUnload).
 *
 * "Carries it": the first successful Commit (or Terminate) after the first
 * SetValue, from the action on, of the value that records the action.
 */
import { expect, type Browser, type Page } from '@playwright/test';
import { CoursePage } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { hostPageHtml } from '../../hosts/scorm/host-page.js';
import type { ScormVersion } from '../../hosts/scorm/session-seed.js';
import type { CallRecord, FaultPlan } from '../../hosts/scorm/strict-scorm.js';
import { activityCases, blocksOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import { questionSlots } from '../../src/tracking/scorm/interaction-slots.js';

export const ACTION_KINDS = [
  'page visit',
  'case answer',
  'draft (typing pause)',
  'written answer',
  'quiz answer',
  'quiz submitted',
] as const;
export type ActionKind = (typeof ACTION_KINDS)[number];

export interface SaveFigures {
  /** Commits in the full pass journey at human pace. */
  readonly humanPaceCommits: number;
  readonly humanPaceActions: number;
  readonly pauseMs: number;
  /** Longest time from an action of this kind to the Commit that carries it, in ms (Infinity: one was never carried). */
  readonly longestToCommitMs: Partial<Record<ActionKind, number>>;
  /** Whether the LMS held the action after the window closed 1 s later. */
  readonly keptWhenClosed1s: Partial<Record<ActionKind, boolean>>;
}

/** A learner's pause after each action at human pace: reading, thinking, moving the mouse. */
const PAUSE_MS = 2_000;
const DRAFT = 'A draft, typed and left: roles hand out temporary credentials';

type HostWindow = { __lms: { log: CallRecord[]; commits: number; committedData(): Record<string, string> | undefined } };

interface Action {
  readonly kind: ActionKind;
  run(course: CoursePage): Promise<void>;
  /** The SetValue that records this action. */
  carries(call: CallRecord): boolean;
}

const quiz = LESSON.quiz;
const slots = questionSlots(LESSON.lesson);
const slotOf = (key: string) => slots.findIndex((s) => s.key === key);
const interaction = (key: string, field: RegExp) => (c: CallRecord) =>
  new RegExp(`^cmi\\.interactions\\.${slotOf(key)}\\.${field.source}$`).test(c.element ?? '');
const stateHolds = (text: string) => (c: CallRecord) => c.element === 'cmi.suspend_data' && (c.value ?? '').includes(text);
/** A page visit is recorded by the resume state: the place ("l") and the pages seen ("v") name the page. */
const visited = (pageId: string) => stateHolds(`"${pageId}"`);
const letter = (index: number) => String.fromCharCode(65 + index);

function visit(title: string, pageId: string): Action {
  return { kind: 'page visit', run: (course) => course.goToPage(title), carries: visited(pageId) };
}

/** Every page, both activities (a draft left, then submitted), the reflections and the quiz passed, action by action. */
function passJourney(version: ScormVersion): Action[] {
  const pageIdOf = (title: string) => LESSON.pageIds[LESSON.pageTitles.indexOf(title)] ?? '';
  const actions: Action[] = LESSON.pageTitles.slice(1).map((title) => ({
    kind: 'page visit',
    // "Next", or the contents where a page shows no "Next" (an open quiz leaves no page links).
    run: async (course) => {
      if (await course.main.getByRole('link', { name: /^Next: / }).count()) await course.next();
      else await course.goToPage(title);
      await expect(course.pageHeading()).toHaveText(title);
    },
    carries: visited(pageIdOf(title)),
  }));
  actions.push(visit(LESSON.choiceActivityTitle, pageIdOf(LESSON.choiceActivityTitle)));
  for (const [i, { key }] of activityCases(LESSON.lesson)
    .filter((c) => c.block === blocksOf(LESSON.lesson, 'choice-activity')[0])
    .entries())
    actions.push({
      kind: 'case answer',
      run: async (course) => void (await course.answerCase(i, LESSON.caseAnswers[i] ?? '')),
      carries: interaction(key, /result/),
    });
  actions.push(visit(LESSON.writtenActivityTitle, pageIdOf(LESSON.writtenActivityTitle)));
  const response = version === '1.2' ? /student_response/ : /learner_response/;
  for (const { key, question } of writtenQuestions(LESSON.lesson)) {
    const written = blocksOf(LESSON.lesson, 'written-activity').some((b) => b.questions.includes(question));
    if (!written) continue;
    actions.push({
      kind: 'draft (typing pause)',
      run: (course) => course.main.getByRole('textbox', { name: question.text }).fill(DRAFT),
      carries: stateHolds(DRAFT),
    });
    actions.push({
      kind: 'written answer',
      run: async (course) => void (await course.writeAnswer(question.text, `${DRAFT}, submitted`)),
      carries: interaction(key, response),
    });
  }
  const reflections = LESSON.pageWith('reflection');
  actions.push(visit(reflections, pageIdOf(reflections)));
  for (const { key, question } of writtenQuestions(LESSON.lesson).filter(({ block }) => block.kind === 'reflection'))
    actions.push({
      kind: 'written answer',
      run: async (course) => void (await course.writeAnswer(question.text, `My answer to ${question.id}.`)),
      carries: interaction(key, response),
    });
  actions.push(visit(LESSON.quizTitle, pageIdOf(LESSON.quizTitle)));
  for (const [i, q] of quiz.questions.entries()) {
    const option = q.options.findIndex((o) => o.id === q.correct);
    actions.push({
      kind: 'quiz answer',
      run: async (course) => {
        if (i > 0) await course.main.getByRole('button', { name: 'Next question' }).click();
        await course.chooseQuizOption(letter(option));
      },
      carries: stateHolds(`"${q.id}":"${q.correct}"`),
    });
  }
  actions.push({
    kind: 'quiz submitted',
    run: (course) => course.main.getByRole('button', { name: 'Submit quiz' }).click(),
    carries: (c) => c.element === (version === '1.2' ? 'cmi.core.lesson_status' : 'cmi.success_status') && c.value === 'passed',
  });
  return actions;
}

async function launch(browser: Browser, origin: string, name: string, version: ScormVersion, faults?: FaultPlan) {
  const page = await browser.newPage();
  const hostUrl = `${origin}/${name}/__host.html`;
  await page.route(hostUrl, (route) =>
    route.fulfill({ contentType: 'text/html', body: hostPageHtml({ version, courseUrl: `/${name}/index.html`, faults }) }),
  );
  await page.goto(hostUrl);
  const frame = await (await page.locator('#course').elementHandle())?.contentFrame();
  if (!frame) throw new Error('course frame missing');
  const course = new CoursePage(frame);
  await course.pageHeading().waitFor();
  return { page, course };
}

const hostNow = (page: Page) => page.evaluate(() => Date.now());
const hostLog = (page: Page) => page.evaluate(() => (window as unknown as HostWindow).__lms.log);

/** Time from the action to the Commit that carries it, from the LMS's call log. */
function toCommit(log: readonly CallRecord[], from: number, action: Action): number | undefined {
  const set = log.findIndex((c) => c.at >= from && c.outcome === 'ok' && action.carries(c));
  if (set < 0) return undefined;
  const commit = log.slice(set).find((c) => /Commit$|Terminate$|LMSFinish$/.test(c.method) && c.outcome === 'ok');
  return commit && commit.at - from;
}

async function humanPace(browser: Browser, origin: string, name: string, version: ScormVersion) {
  const { page, course } = await launch(browser, origin, name, version);
  const actions = passJourney(version);
  const started: number[] = [];
  await page.waitForTimeout(PAUSE_MS);
  for (const action of actions) {
    started.push(await hostNow(page));
    await action.run(course);
    await page.waitForTimeout(PAUSE_MS);
  }
  // The learner closes the window (an LMS that stores what the close sends): what is left goes then.
  await page.evaluate(() => document.querySelector('iframe#course')?.remove());
  const commits = await page.evaluate(() => (window as unknown as HostWindow).__lms.commits);
  const log = await hostLog(page);
  await page.close();
  const longest: Partial<Record<ActionKind, number>> = {};
  actions.forEach((action, i) => {
    const ms = toCommit(log, started[i] ?? 0, action);
    longest[action.kind] = ms === undefined ? Infinity : Math.max(longest[action.kind] ?? 0, ms);
  });
  return { commits, actions: actions.length, longest };
}

/** One action of each kind, the window closed 1 s later on an LMS that loses what the close sends. */
async function closedAfterOneSecond(browser: Browser, origin: string, name: string, version: ScormVersion) {
  const journey = passJourney(version);
  const kept: Partial<Record<ActionKind, boolean>> = {};
  for (const kind of ACTION_KINDS) {
    const { page, course } = await launch(browser, origin, name, version, { lostOnUnload: true });
    // What comes before the first action of this kind, done at test speed.
    const index = journey.findIndex((a) => a.kind === kind);
    for (const before of journey.slice(0, index)) await before.run(course);
    if (kind !== 'page visit') await page.waitForTimeout(1_500); // the steps before are saved by now
    const action = journey[index];
    if (!action) throw new Error(`no ${kind} in the journey`);
    const from = await hostNow(page);
    await action.run(course);
    await page.waitForTimeout(1_000);
    await page.evaluate(() => document.querySelector('iframe#course')?.remove());
    const log = await hostLog(page);
    // Stored: set, then committed, both before the window closed (calls while closing are logged "lost").
    kept[kind] = toCommit(log, from, action) !== undefined;
    await page.close();
  }
  return kept;
}

export async function scormSaveFigures(browser: Browser, origin: string): Promise<Record<string, SaveFigures>> {
  const out: Record<string, SaveFigures> = {};
  for (const [name, version] of [
    ['scorm12', '1.2'],
    ['scorm2004', '2004'],
  ] as const) {
    const human = await humanPace(browser, origin, name, version);
    out[name] = {
      humanPaceCommits: human.commits,
      humanPaceActions: human.actions,
      pauseMs: PAUSE_MS,
      longestToCommitMs: human.longest,
      keptWhenClosed1s: await closedAfterOneSecond(browser, origin, name, version),
    };
  }
  return out;
}
