import { beforeAll, describe, expect, it, vi } from 'vitest';
import { DRAFT_SAVE_DELAY_MS, LessonSession } from '../../src/app/lesson-session.js';
import type { Lesson } from '../../src/content/lesson.js';
import { decodeProgress, encodeProgress } from '../../src/domain/codec.js';
import { learningProgress } from '../../src/domain/completion.js';
import { activityCases, quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import * as progress from '../../src/domain/progress.js';
import type { TrackerStart } from '../../src/tracking/tracker.js';
import { answersWithCorrect, fewestToPass } from './helpers/learner.js';
import { RecordingTracker } from './helpers/recording-tracker.js';
import { lessonRoles, required } from './helpers/lesson-roles.js';
import { loadRealCourse } from './helpers/real-course.js';

let lesson: Lesson;
beforeAll(async () => {
  lesson = await loadRealCourse();
});

/*
 * Ids and counts come from the loaded course, picked by the role they play in a test, so a course
 * author who renames a page, an activity, a case or a question in course/ does not see these tests
 * of the session's behaviour fail. (tests/unit/shipped-lesson.test.ts pins the shipped lesson on purpose.)
 */
const { pageId, pageHolding, quizLength } = lessonRoles(() => lesson);
const firstPage = () => pageId(0);

const quizPage = () => pageHolding(quizOf(lesson).id);

/** A page a learner reaches later on: neither the first page nor the quiz's. */
const laterPage = () =>
  required(
    lesson.pages.find((page) => page.id !== firstPage() && page.id !== quizPage()),
    'a page besides the first and the quiz',
  ).id;

/** The first choice-activity case, its right option and a wrong one. */
function firstCase() {
  const { block, item, key } = required(activityCases(lesson)[0], 'a choice-activity case');
  const wrong = required(
    block.options.find((o) => o.id !== item.correct),
    `a wrong option for ${key}`,
  ).id;
  return { block, item, key, activityId: block.id, caseId: item.id, right: item.correct, wrong };
}

const firstWritten = () => required(writtenQuestions(lesson)[0], 'a written question');

/** The quiz's first question with an option for it, for tests that need one answer but not all. */
function oneQuizAnswer() {
  const [first, second] = quizOf(lesson).questions;
  // With a single question, one answer would be a complete quiz.
  if (!first || !second) throw new Error('the lesson needs a quiz of two questions or more');
  return { questionId: first.id, optionId: first.correct };
}

/** A clock the test moves by hand. */
class Clock {
  constructor(public time = 1_700_000_000_000) {}
  readonly now = () => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

async function startedSession(start: Partial<TrackerStart> = {}, requestedPage?: string) {
  const tracker = new RecordingTracker(start);
  const clock = new Clock();
  const session = new LessonSession(lesson, tracker, { now: clock.now });
  await session.start(requestedPage);
  await session.settled();
  return { session, tracker, clock };
}

/** What the tracker was last asked to save, decoded as the next launch would. */
function lastSaved(tracker: RecordingTracker) {
  const decoded = decodeProgress(lesson, tracker.saves.at(-1)?.state);
  return decoded.ok ? decoded.state : undefined;
}

function answerQuiz(session: LessonSession, right: number): void {
  for (const [question, option] of Object.entries(answersWithCorrect(quizOf(lesson), right))) session.chooseQuizOption(question, option);
}

describe('LessonSession.start', () => {
  it('resumes from the saved state on the saved page', async () => {
    const visited = [pageId(0), pageId(1), pageId(2), pageId(3)];
    // The LMS's location is a page visited before the last one, so it differs from the state's own.
    const location = pageId(2);
    const { key, right } = firstCase();
    let saved = visited.reduce(progress.visit, progress.initialProgress(lesson));
    saved = progress.answerCase(saved, key, right);

    const { session } = await startedSession({ savedState: encodeProgress(lesson.id, saved), location });

    expect(session.state.location).toBe(location);
    expect(session.state.visited).toEqual(visited);
    expect(session.state.choices).toEqual({ [key]: right });
    expect(session.resumeProblem).toBeUndefined();
  });

  it('opens the page the URL asks for, over the saved one', async () => {
    const saved = [firstPage(), laterPage()].reduce(progress.visit, progress.initialProgress(lesson));

    const { session } = await startedSession({ savedState: encodeProgress(lesson.id, saved), location: laterPage() }, quizPage());

    expect(session.state.location).toBe(quizPage());
    expect(session.state.visited).toEqual([firstPage(), laterPage(), quizPage()]);
  });

  it('ignores a URL page the lesson does not have and opens the saved page', async () => {
    const { session } = await startedSession({ location: laterPage() }, 'no-such-page');

    expect(session.state.location).toBe(laterPage());
  });

  it('starts on the first page, visited, without saved state', async () => {
    const { session, tracker } = await startedSession();

    expect(session.state.visited).toEqual([firstPage()]);
    expect(tracker.saves).toHaveLength(1);
    expect(session.resumeProblem).toBeUndefined();
  });

  it.each([
    ['corrupt', () => 'this is not a saved state'],
    ['other-course', () => encodeProgress('iam-policies-5-7', progress.initialProgress(lesson))],
    ['unknown-version', () => '9.2.{}'],
  ])('starts fresh and says why (%s) when the saved state cannot be used', async (reason, savedState) => {
    const { session } = await startedSession({ savedState: savedState(), location: laterPage() });

    expect(session.resumeProblem).toBe(reason);
    expect(session.state.visited).toEqual([laterPage()]);
    expect(session.state.choices).toEqual({});
  });
});

describe('LessonSession reporting an activity answer', () => {
  it('records one choice interaction, correct, with its latency from when the case was shown', async () => {
    const { session, tracker, clock } = await startedSession();
    const { block, item, key, activityId, caseId, right } = firstCase();
    session.shown(key);
    clock.advance(4_250);

    session.answerCase(activityId, caseId, right);
    await session.settled();

    expect(tracker.records).toEqual([
      {
        id: key,
        activityId,
        kind: 'choice',
        question: item.text,
        choices: block.options,
        response: [right],
        correct: [right],
        success: true,
        weighting: 0,
        latencyMs: 4_250,
        answeredAt: clock.time,
        attempt: 0,
      },
    ]);
  });

  it('records a wrong answer as unsuccessful', async () => {
    const { session, tracker } = await startedSession();
    const { activityId, caseId, right, wrong } = firstCase();

    session.answerCase(activityId, caseId, wrong);
    await session.settled();

    expect(tracker.records).toEqual([expect.objectContaining({ response: [wrong], correct: [right], success: false })]);
  });

  it('records only the first answer: a try again after a wrong answer is kept as practice, never reported', async () => {
    const { session, tracker } = await startedSession();
    const { key, activityId, caseId, right, wrong } = firstCase();
    session.answerCase(activityId, caseId, wrong);

    session.answerCase(activityId, caseId, right);
    await session.settled();

    expect(tracker.records).toHaveLength(1);
    expect(session.state.choices[key]).toBe(wrong);
    expect(session.state.retries[key]).toBe(right);
    // The try again is saved with the progress, so a relaunch shows it.
    const saved = decodeProgress(lesson, tracker.saves.at(-1)?.state);
    expect(saved.ok && saved.state.retries[key]).toBe(right);
  });

  it('records an option the lesson also supports for a case as right, with every right option as a correct response', async () => {
    const { block, item, key, wrong } = firstCase();
    // The same lesson with one more option also right for the first case (as case 5's "IAM role" is in the shipped lesson).
    const withAlso = {
      ...lesson,
      pages: lesson.pages.map((page) => ({
        ...page,
        blocks: page.blocks.map((b) =>
          b === block && b.kind === 'choice-activity'
            ? { ...b, cases: b.cases.map((c) => (c === item ? { ...c, alsoRight: [wrong] } : c)) }
            : b,
        ),
      })),
    };
    const tracker = new RecordingTracker({});
    const session = new LessonSession(withAlso, tracker);
    await session.start();

    session.answerCase(block.id, item.id, wrong);
    await session.settled();

    expect(tracker.records).toEqual([expect.objectContaining({ response: [wrong], correct: [item.correct, wrong], success: true })]);
    expect(progress.caseSettled(session.state, key, [item.correct, wrong])).toBe(true);
  });

  it('shows a case’s best answer only after the learner’s own try, and records nothing for it', async () => {
    const { session, tracker } = await startedSession();
    const { key, activityId, caseId, wrong } = firstCase();

    session.revealCase(activityId, caseId);
    await session.settled();
    expect(session.state.revealed).toEqual([]);

    session.answerCase(activityId, caseId, wrong);
    session.revealCase(activityId, caseId);
    await session.settled();

    expect(session.state.revealed).toEqual([key]);
    expect(tracker.records).toHaveLength(1);
  });

  it('records a written answer as fill-in, as the lesson stored it', async () => {
    const { session, tracker } = await startedSession();
    const { block, question, key } = firstWritten();

    session.submitWritten(block.id, question.id, '  They expire.\u0007 ');
    await session.settled();

    expect(tracker.records).toEqual([
      expect.objectContaining({
        id: key,
        kind: 'fill-in',
        response: ['They expire.'],
        correct: [],
        success: undefined,
      }),
    ]);
  });
});

describe('LessonSession reporting a quiz submission', () => {
  it('records every question with attempt number, weighting 1, response and correct ids, and latency from when each was shown', async () => {
    const { session, tracker, clock } = await startedSession();
    const quiz = quizOf(lesson);
    for (const q of quiz.questions) {
      session.shown(`${quiz.id}.${q.id}`);
      clock.advance(1_000);
    }
    const right = quiz.questions.length - 1;
    const chosen = answersWithCorrect(quiz, right);
    answerQuiz(session, right);

    session.submitQuiz();
    await session.settled();

    // Each question was shown 1 s after the one before; the answers all come at the end.
    const count = quiz.questions.length;
    expect(tracker.records.map((r) => [r.id, r.attempt, r.weighting, r.response, r.correct, r.success, r.latencyMs])).toEqual(
      quiz.questions.map((q, i) => [`${quiz.id}.${q.id}`, 1, 1, [chosen[q.id]], [q.correct], i < right, (count - i) * 1_000]),
    );
  });

  it('numbers a retake as attempt 2 and measures its latency from when it was shown again', async () => {
    const { session, tracker, clock } = await startedSession();
    const quiz = quizOf(lesson);
    const count = quizLength();
    answerQuiz(session, count);
    session.submitQuiz();
    session.retakeQuiz();
    session.shown(`${quiz.id}.${oneQuizAnswer().questionId}`);
    clock.advance(700);
    answerQuiz(session, count);

    session.submitQuiz();
    await session.settled();

    const second = tracker.records.slice(count);
    expect(second.map((r) => r.attempt)).toEqual(Array<number>(count).fill(2));
    expect(second[0]?.latencyMs).toBe(700);
  });

  it('records nothing for a quiz with an unanswered question', async () => {
    const { session, tracker } = await startedSession();
    const { questionId, optionId } = oneQuizAnswer();
    session.chooseQuizOption(questionId, optionId);

    session.submitQuiz();
    await session.settled();

    expect(tracker.records).toEqual([]);
  });
});

describe('LessonSession saving and concluding', () => {
  it('reports each page to the tracker the first time it is opened', async () => {
    const { session, tracker } = await startedSession();

    session.visit(pageId(1));
    session.visit(firstPage());
    session.visit(pageId(1));
    await session.settled();

    expect(tracker.visits).toEqual([firstPage(), pageId(1)]);
  });

  it('saves the encoded state and location after each meaningful event', async () => {
    const { session, tracker } = await startedSession();
    const { activityId, caseId, right } = firstCase();
    const activityPage = pageHolding(activityId);
    const { questionId, optionId } = oneQuizAnswer();

    session.visit(activityPage);
    session.answerCase(activityId, caseId, right);
    session.chooseQuizOption(questionId, optionId);
    await session.settled();

    expect(tracker.saves.map((s) => s.location)).toEqual([firstPage(), activityPage, activityPage, activityPage]);
    expect(lastSaved(tracker)).toEqual(session.state);
    expect(lastSaved(tracker)?.quiz.answers).toEqual({ [questionId]: optionId });
  });

  it('reports the answer before the state that refers to it', async () => {
    const { session, tracker } = await startedSession();
    const { activityId, caseId, right } = firstCase();

    session.answerCase(activityId, caseId, right);
    await session.settled();

    expect(tracker.methods.slice(-2)).toEqual(['record', 'save']);
  });

  it('does not save when nothing changed', async () => {
    const { session, tracker } = await startedSession();
    const { activityId, right } = firstCase();

    session.visit(firstPage());
    session.visit('no-such-page');
    session.answerCase(activityId, 'no-such-case', right);
    await session.settled();

    expect(tracker.saves).toHaveLength(1);
  });

  it('concludes only when the outcome changes', async () => {
    const { session, tracker } = await startedSession();
    const atStart = tracker.conclusions.length;
    const { questionId, optionId } = oneQuizAnswer();

    session.chooseQuizOption(questionId, optionId);
    session.visit(firstPage());
    await session.settled();
    const afterNoChange = tracker.conclusions.length;
    session.visit(pageId(1));
    await session.settled();

    expect(afterNoChange).toBe(atStart);
    expect(tracker.conclusions.slice(atStart)).toEqual([
      { completed: false, passed: undefined, scaledScore: undefined, progress: learningProgress(lesson, session.state).measure },
    ]);
    expect(learningProgress(lesson, session.state).measure).toBeGreaterThan(0);
  });

  it('saves but does not conclude when a resumed learner lands on a page already visited', async () => {
    const saved = [firstPage(), laterPage(), firstPage()].reduce(progress.visit, progress.initialProgress(lesson));

    const { session, tracker } = await startedSession({ savedState: encodeProgress(lesson.id, saved), location: laterPage() });

    expect(session.state.location).toBe(laterPage());
    expect(tracker.saves.map((s) => s.location)).toEqual([laterPage()]);
    expect(tracker.conclusions).toEqual([]);
  });

  it('reports nothing at all when a resumed learner lands where they left off', async () => {
    const saved = [firstPage(), laterPage()].reduce(progress.visit, progress.initialProgress(lesson));

    const { tracker } = await startedSession({ savedState: encodeProgress(lesson.id, saved), location: laterPage() });

    expect(tracker.methods).toEqual(['start']);
  });

  it('concludes completed and passed once every page is visited and the quiz passed', async () => {
    const { session, tracker } = await startedSession();
    for (const page of lesson.pages) session.visit(page.id);
    const total = quizLength();
    const fewest = fewestToPass(lesson);
    answerQuiz(session, fewest);

    session.submitQuiz();
    await session.settled();

    expect(tracker.conclusions.at(-1)).toEqual({
      completed: true,
      passed: true,
      scaledScore: fewest / total,
      // Progress counts activities done too: pages with an unanswered activity are not done yet.
      progress: learningProgress(lesson, session.state).measure,
    });
  });

  it('keeps reporting a pass after a failed retake', async () => {
    const { session, tracker } = await startedSession();
    answerQuiz(session, quizLength());
    session.submitQuiz();
    session.retakeQuiz();
    answerQuiz(session, 0);

    session.submitQuiz();
    await session.settled();

    expect(tracker.conclusions.at(-1)).toMatchObject({ passed: true, scaledScore: 1 });
  });
});

describe('LessonSession in browse and review mode', () => {
  it.each(['browse', 'review'] as const)('lets the learner look around in %s mode but reports nothing', async (mode) => {
    const { session, tracker } = await startedSession({ mode });
    const { activityId, caseId, right } = firstCase();
    const activityPage = pageHolding(activityId);
    const { block, question } = firstWritten();

    session.visit(activityPage);
    session.answerCase(activityId, caseId, right);
    session.submitWritten(block.id, question.id, 'They expire.');
    answerQuiz(session, quizLength());
    session.submitQuiz();
    await session.settled();

    expect(session.state.location).toBe(activityPage);
    expect(tracker.methods).toEqual(['start']);
  });
});

describe('LessonSession with a mastery score from the LMS', () => {
  it('passes a score below the course’s passing score when the LMS asks for that score', async () => {
    // One right answer fewer than the course's own passing score asks for.
    const right = fewestToPass(lesson) - 1;
    if (right < 1) throw new Error('the lesson needs a passing score above one right answer');
    const masteryScore = right / quizLength();
    const { session, tracker } = await startedSession({ masteryScore });
    answerQuiz(session, right);

    session.submitQuiz();
    await session.settled();

    expect(session.passingScore).toBe(masteryScore);
    expect(tracker.conclusions.at(-1)).toMatchObject({ passed: true, scaledScore: masteryScore });
  });

  it('fails a score that passes by the course’s rule when the LMS asks for 100 %', async () => {
    // The fewest right answers the course's own passing score accepts.
    const right = fewestToPass(lesson);
    if (right >= quizLength()) throw new Error('the lesson needs a passing score below 100 %');
    const { session, tracker } = await startedSession({ masteryScore: 1 });
    answerQuiz(session, right);

    session.submitQuiz();
    await session.settled();

    expect(tracker.conclusions.at(-1)).toMatchObject({ passed: false, scaledScore: right / quizLength() });
  });
});

describe('LessonSession.finish and exit', () => {
  it('finish ends the session synchronously, as a pagehide handler needs', async () => {
    const { session, tracker } = await startedSession();

    void session.finish();

    expect(tracker.methods.at(-1)).toBe('finish');
  });

  it('exit waits for pending reports before ending the session', async () => {
    const { session, tracker } = await startedSession();
    const release = tracker.holdReports();
    const { activityId, caseId, right } = firstCase();
    session.answerCase(activityId, caseId, right);

    const finishing = session.exit();
    await Promise.resolve();
    const beforeRelease = [...tracker.methods];
    release();
    await finishing;

    expect(beforeRelease).not.toContain('finish');
    expect(tracker.methods.slice(-3)).toEqual(['record', 'save', 'finish']);
  });

  it('ends the session once, however often it is called', async () => {
    const { session, tracker } = await startedSession();

    await Promise.all([session.finish(), session.finish()]);
    await session.finish();

    expect(tracker.methods.filter((m) => m === 'finish')).toHaveLength(1);
  });
});

describe('drafts: typed or picked, not submitted', () => {
  it('saves a draft after a pause in typing, not on every keystroke, and at once when the page is hidden', async () => {
    const { session, tracker } = await startedSession();
    const [question] = writtenQuestions(lesson);
    const [item] = activityCases(lesson);
    if (!question || !item) throw new Error('the lesson needs a written question and a case');
    const before = tracker.saves.length;

    session.saveDraft(question.block.id, question.question.id, 'Temp');
    session.saveDraft(question.block.id, question.question.id, 'Temporary creds');
    session.pickCase(item.block.id, item.item.id, item.item.correct);

    expect(session.state.drafts[question.key]).toBe('Temporary creds');
    expect(tracker.saves).toHaveLength(before);
    session.flush();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(tracker.saves).toHaveLength(before + 1);
    expect(lastSaved(tracker)?.drafts).toEqual({ [question.key]: 'Temporary creds' });
    expect(lastSaved(tracker)?.picks).toEqual({ [item.key]: item.item.correct });
    // A draft is not an answer: nothing is recorded as an interaction.
    expect(tracker.records).toEqual([]);
  });

  it('saves a draft on its own after a short pause in typing', async () => {
    vi.useFakeTimers();
    try {
      const { session, tracker } = await startedSession();
      const [question] = writtenQuestions(lesson);
      if (!question) throw new Error('the lesson needs a written question');
      const before = tracker.saves.length;
      session.saveDraft(question.block.id, question.question.id, 'Half an answer');
      await vi.advanceTimersByTimeAsync(DRAFT_SAVE_DELAY_MS - 1);
      expect(tracker.saves).toHaveLength(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(lastSaved(tracker)?.drafts).toEqual({ [question.key]: 'Half an answer' });
    } finally {
      vi.useRealTimers();
    }
  });
});
