/**
 * Resume and the end of a session in SCORM 1.2 and 2004, with the course's
 * own session and trackers against the strict test LMS (scorm-again in Node):
 * what a relaunch finds after a session the LMS kept nothing of, after an LMS
 * that fails to give the state back, and which exit value an attempt leaves.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lesson } from '../../src/content/lesson.js';
import { decodeProgress, encodeProgress } from '../../src/domain/codec.js';
import { activityCases, quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import * as progress from '../../src/domain/progress.js';
import { questionSlots, splitSavedState } from '../../src/tracking/scorm/interaction-slots.js';
import type { ScormVersion } from '../../hosts/scorm/session-seed.js';
import {
  answersWithCorrect,
  fewestToPass,
  retakeQuiz as retakeQuizState,
  takeQuiz as takeQuizState,
  visitAllPages,
} from './helpers/learner.js';
import { lessonRoles, required } from './helpers/lesson-roles.js';
import { loadRealCourse } from './helpers/real-course.js';
import { launchScorm, type ScormLaunch } from './helpers/scorm-launch.js';

let lesson: Lesson;
beforeAll(async () => {
  lesson = await loadRealCourse();
});
const { pageId } = lessonRoles(() => lesson);

const EXIT = { '1.2': 'cmi.core.exit', '2004': 'cmi.exit' } as const;
const NORMAL = { '1.2': '', '2004': 'normal' } as const;

/** The resume state the LMS has committed, decoded as the next launch will read it. */
function savedProgress(launch: ScormLaunch) {
  const saved = launch.host.committedData()?.['cmi.suspend_data'] ?? '';
  const decoded = decodeProgress(lesson, splitSavedState(saved).state);
  if (!decoded.ok) throw new Error(`the LMS holds no readable resume state (${decoded.reason})`);
  return decoded.state;
}

/** adl.nav.request values the LMS accepted (its data model lives apart from cmi). */
function navRequests(launch: ScormLaunch): string[] {
  return launch.host.log.filter((c) => c.element === 'adl.nav.request' && c.outcome === 'ok').map((c) => c.value ?? '');
}

async function takeQuiz(launch: ScormLaunch, right: number) {
  const { session } = launch;
  for (const [question, option] of Object.entries(answersWithCorrect(quizOf(lesson), right))) session.chooseQuizOption(question, option);
  session.submitQuiz();
  await session.settled();
}

async function visitAll(launch: ScormLaunch) {
  for (const page of lesson.pages) launch.session.visit(page.id);
  await launch.session.settled();
}

describe.each(['1.2', '2004'] as ScormVersion[])('SCORM %s', (version) => {
  it('a relaunch after a session the LMS kept nothing of starts fresh without a notice, saves as usual, and the next relaunch resumes', async () => {
    // The first session's window closed before any save reached the LMS: it holds only what the
    // launch committed (the attempt begun, exit suspend), so the LMS calls the next launch a resume.
    const first = await launchScorm(version, lesson);
    const lost = required(first.host.committedData(), 'the commit of the launch');
    expect(lost[EXIT[version]]).toBe('suspend');
    expect(lost['cmi.suspend_data'] ?? '').toBe('');

    const second = await launchScorm(version, lesson, { seed: lost });
    expect(second.session.resumeProblem).toBeUndefined();
    second.session.visit(pageId(2));
    await second.session.settled();
    second.runTimers(); // the save point's commit
    expect(savedProgress(second).location).toBe(pageId(2));

    const third = await launchScorm(version, lesson, { seed: second.host.committedData() });
    expect(third.session.resumeProblem).toBeUndefined();
    expect(third.session.state.location).toBe(pageId(2));
    expect([first, second, third].flatMap((l) => l.host.violations)).toEqual([]);
  });

  it('an LMS that fails to give back the saved state: the learner is told, and this session is still saved for the next launch', async () => {
    const first = await launchScorm(version, lesson);
    first.session.visit(pageId(1));
    await first.session.finish('pagehide');

    // A general failure on every GetValue of the state (1.2: 101 general exception; 2004: 301 general get failure).
    const failing = { getValue: { 'cmi.suspend_data': { errorCode: version === '1.2' ? 101 : 301 } } };
    const second = await launchScorm(version, lesson, { seed: first.host.committedData(), faults: failing });
    expect(second.session.resumeProblem).toBe('unavailable');
    second.session.visit(pageId(3));
    await second.session.settled();
    second.runTimers();
    expect(savedProgress(second).location).toBe(pageId(3));

    const third = await launchScorm(version, lesson, { seed: second.host.committedData() });
    expect(third.session.resumeProblem).toBeUndefined();
    expect(third.session.state.location).toBe(pageId(3));
  });

  it('an attempt ends only when finished (completed and passed); a failed one stays suspended, so the learner comes back to it', async () => {
    const launch = await launchScorm(version, lesson);
    await visitAll(launch);
    await takeQuiz(launch, fewestToPass(lesson) - 1);
    expect(launch.host.committedData()?.[EXIT[version]]).toBe('suspend');

    launch.session.retakeQuiz();
    await takeQuiz(launch, quizOf(lesson).questions.length);
    // The verdict's commit carries the exit value: a window closed now leaves the attempt ended.
    expect(launch.host.committedData()?.[EXIT[version]]).toBe(NORMAL[version]);
    await launch.session.finish('pagehide');
    expect(launch.host.data()[EXIT[version]]).toBe(NORMAL[version]);
    expect(launch.host.violations).toEqual([]);
  });

  it('Exit: the final commit carries the exit value, then the session ends, once the LMS has stored everything', async () => {
    const launch = await launchScorm(version, lesson, { faults: { commit: { times: 6 } } });
    const [item] = activityCases(lesson);
    const { block, item: chosen } = required(item, 'a choice-activity case');
    launch.session.answerCase(block.id, chosen.id, chosen.correct);
    let ended = false;
    const exiting = launch.session.exit().then(() => (ended = true));
    for (let i = 0; i < 20 && !ended; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      launch.runTimers(); // back-off retries while the LMS fails its commits
    }
    await exiting;
    expect(launch.session.ended).toBe(true);
    expect(launch.host.state).toBe('terminated');
    const data = required(launch.host.committedData(), 'committed data');
    expect(data[EXIT[version]]).toBe('suspend');
    expect(savedProgress(launch).choices).toEqual({ [`${block.id}.${chosen.id}`]: chosen.correct });
    // SCORM 2004 RTE 4.4: the learner chose to leave; an unfinished attempt asks the LMS to suspend it.
    if (version === '2004') expect(navRequests(launch)).toEqual(['suspendAll']);
    const log = launch.host.log.map((c) => c.method);
    expect(log.lastIndexOf(version === '1.2' ? 'LMSCommit' : 'Commit')).toBeLessThan(
      log.indexOf(version === '1.2' ? 'LMSFinish' : 'Terminate'),
    );
    expect(launch.host.violations).toEqual([]);
  });

  it('Exit after passing ends the attempt (2004: and the course session, exitAll)', async () => {
    const launch = await launchScorm(version, lesson);
    await visitAll(launch);
    await takeQuiz(launch, quizOf(lesson).questions.length);
    await launch.session.exit();
    const data = required(launch.host.committedData(), 'committed data');
    expect(data[EXIT[version]]).toBe(NORMAL[version]);
    if (version === '2004') expect(navRequests(launch)).toEqual(['exitAll']);
    expect(launch.host.violations).toEqual([]);
  });
});

describe('the resume state SCORM 1.2 writes, its interaction layout included', () => {
  it('fits cmi.suspend_data (CMIString4096) in the worst case: every question answered, every text at the limit', async () => {
    let state = visitAllPages(lesson, progress.initialProgress(lesson));
    for (const { block, key } of activityCases(lesson))
      state = progress.answerCase(state, key, block.options.reduce((a, b) => (b.id.length > a.id.length ? b : a)).id);
    const max = lesson.settings.writtenAnswerMaxLength;
    for (const { key } of writtenQuestions(lesson)) state = progress.submitWritten(state, key, '"\\'.repeat(max), max);
    state = takeQuizState(lesson, state, 0);
    for (let i = 0; i < lesson.settings.keptQuizAttempts + 2; i += 1) state = retakeQuizState(lesson, state, i % 3);
    const launch = await launchScorm('1.2', lesson);
    // Every question answered once: the layout names every interaction.
    for (const { block, item } of activityCases(lesson)) launch.session.answerCase(block.id, item.id, item.correct);
    for (const { block, question } of writtenQuestions(lesson)) launch.session.submitWritten(block.id, question.id, 'x');
    for (const [question, option] of Object.entries(answersWithCorrect(quizOf(lesson), 0)))
      launch.session.chooseQuizOption(question, option);
    launch.session.submitQuiz();
    await launch.session.settled();
    await launch.session.finish('pagehide');
    const saved = required(launch.host.committedData()?.['cmi.suspend_data'], 'a resume state');
    const layout = saved.slice(0, saved.indexOf('.') + 1);
    expect(splitSavedState(saved).marks).toHaveLength(questionSlots(lesson).length);
    const worst = `${layout}${encodeProgress(lesson.id, state)}`;
    console.log(`SCORM 1.2 suspend_data worst case with the interaction layout (${layout.length} characters): ${worst.length} of 4096`);
    expect(worst.length).toBeLessThanOrEqual(4096);
  });
});
