import { beforeAll, describe, expect, it, vi } from 'vitest';
import { LessonSession } from '../../src/app/lesson-session.js';
import type { Lesson } from '../../src/content/lesson.js';
import { decodeProgress, encodeProgress } from '../../src/domain/codec.js';
import { progressMeasure } from '../../src/domain/completion.js';
import { activityCases, quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import * as progress from '../../src/domain/progress.js';
import type { TrackerStart } from '../../src/tracking/tracker.js';
import { answersWithCorrect } from './helpers/learner.js';
import { RecordingTracker } from './helpers/recording-tracker.js';
import { loadRealCourse } from './helpers/real-course.js';

let lesson: Lesson;
beforeAll(async () => {
  lesson = await loadRealCourse();
});

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
    let saved = ['outcomes', 'overview', 'root-user', 'mfa'].reduce(progress.visit, progress.initialProgress(lesson));
    saved = progress.answerCase(saved, 'identity-patterns.case-1', 'root-user');

    const { session } = await startedSession({ savedState: encodeProgress(lesson.id, saved), location: 'root-user' });

    expect(session.state.location).toBe('root-user');
    expect(session.state.visited).toEqual(['outcomes', 'overview', 'root-user', 'mfa']);
    expect(session.state.choices).toEqual({ 'identity-patterns.case-1': 'root-user' });
    expect(session.resumeProblem).toBeUndefined();
  });

  it('opens the page the URL asks for, over the saved one', async () => {
    const saved = ['outcomes', 'mfa'].reduce(progress.visit, progress.initialProgress(lesson));

    const { session } = await startedSession({ savedState: encodeProgress(lesson.id, saved), location: 'mfa' }, 'quiz');

    expect(session.state.location).toBe('quiz');
    expect(session.state.visited).toEqual(['outcomes', 'mfa', 'quiz']);
  });

  it('ignores a URL page the lesson does not have and opens the saved page', async () => {
    const { session } = await startedSession({ location: 'mfa' }, 'no-such-page');

    expect(session.state.location).toBe('mfa');
  });

  it('starts on the first page, visited, without saved state', async () => {
    const { session, tracker } = await startedSession();

    expect(session.state.visited).toEqual(['outcomes']);
    expect(tracker.saves).toHaveLength(1);
    expect(session.resumeProblem).toBeUndefined();
  });

  it.each([
    ['corrupt', () => 'this is not a saved state'],
    ['other-course', () => encodeProgress('iam-policies-5-7', progress.initialProgress(lesson))],
    ['unknown-version', () => '9.2.{}'],
  ])('starts fresh and says why (%s) when the saved state cannot be used', async (reason, savedState) => {
    const { session } = await startedSession({ savedState: savedState(), location: 'mfa' });

    expect(session.resumeProblem).toBe(reason);
    expect(session.state.visited).toEqual(['mfa']);
    expect(session.state.choices).toEqual({});
  });
});

describe('LessonSession reporting an activity answer', () => {
  it('records one choice interaction, correct, with its latency from when the case was shown', async () => {
    const { session, tracker, clock } = await startedSession();
    session.shown('identity-patterns.case-2');
    clock.advance(4_250);

    session.answerCase('identity-patterns', 'case-2', 'iam-role');
    await session.settled();

    expect(tracker.records).toEqual([
      {
        id: 'identity-patterns.case-2',
        activityId: 'identity-patterns',
        kind: 'choice',
        question: 'A normal application running on EC2',
        choices: expect.arrayContaining([{ id: 'iam-role', text: 'IAM role' }]),
        response: ['iam-role'],
        correct: ['iam-role'],
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

    session.answerCase('identity-patterns', 'case-2', 'iam-user');
    await session.settled();

    expect(tracker.records).toEqual([expect.objectContaining({ response: ['iam-user'], correct: ['iam-role'], success: false })]);
  });

  it('records nothing more when the case is answered again', async () => {
    const { session, tracker } = await startedSession();
    session.answerCase('identity-patterns', 'case-2', 'iam-user');

    session.answerCase('identity-patterns', 'case-2', 'iam-role');
    await session.settled();

    expect(tracker.records).toHaveLength(1);
    expect(session.state.choices['identity-patterns.case-2']).toBe('iam-user');
  });

  it('records a written answer as fill-in, as the lesson stored it', async () => {
    const { session, tracker } = await startedSession();

    session.submitWritten('explain-identities', 'why-roles', '  They expire.\u0007 ');
    await session.settled();

    expect(tracker.records).toEqual([
      expect.objectContaining({
        id: 'explain-identities.why-roles',
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
    answerQuiz(session, 5);
    session.submitQuiz();
    session.retakeQuiz();
    session.shown('quiz-5-6.q1');
    clock.advance(700);
    answerQuiz(session, 5);

    session.submitQuiz();
    await session.settled();

    const second = tracker.records.slice(5);
    expect(second.map((r) => r.attempt)).toEqual([2, 2, 2, 2, 2]);
    expect(second[0]?.latencyMs).toBe(700);
  });

  it('records nothing for a quiz with an unanswered question', async () => {
    const { session, tracker } = await startedSession();
    session.chooseQuizOption('q1', 'b');

    session.submitQuiz();
    await session.settled();

    expect(tracker.records).toEqual([]);
  });
});

describe('LessonSession saving and concluding', () => {
  it('reports each page to the tracker the first time it is opened', async () => {
    const { session, tracker } = await startedSession();

    session.visit('overview');
    session.visit('outcomes');
    session.visit('overview');
    await session.settled();

    expect(tracker.visits).toEqual(['outcomes', 'overview']);
  });

  it('saves the encoded state and location after each meaningful event', async () => {
    const { session, tracker } = await startedSession();

    session.visit('micro-activity-1');
    session.answerCase('identity-patterns', 'case-1', 'root-user');
    session.chooseQuizOption('q1', 'b');
    await session.settled();

    expect(tracker.saves.map((s) => s.location)).toEqual(['outcomes', 'micro-activity-1', 'micro-activity-1', 'micro-activity-1']);
    expect(lastSaved(tracker)).toEqual(session.state);
    expect(lastSaved(tracker)?.quiz.answers).toEqual({ q1: 'b' });
  });

  it('reports the answer before the state that refers to it', async () => {
    const { session, tracker } = await startedSession();

    session.answerCase('identity-patterns', 'case-1', 'root-user');
    await session.settled();

    expect(tracker.methods.slice(-2)).toEqual(['record', 'save']);
  });

  it('does not save when nothing changed', async () => {
    const { session, tracker } = await startedSession();

    session.visit('outcomes');
    session.visit('no-such-page');
    session.answerCase('identity-patterns', 'no-such-case', 'root-user');
    await session.settled();

    expect(tracker.saves).toHaveLength(1);
  });

  it('concludes only when the outcome changes', async () => {
    const { session, tracker } = await startedSession();
    const atStart = tracker.conclusions.length;

    session.chooseQuizOption('q1', 'b');
    session.visit('outcomes');
    await session.settled();
    const afterNoChange = tracker.conclusions.length;
    session.visit('overview');
    await session.settled();

    expect(afterNoChange).toBe(atStart);
    expect(tracker.conclusions.slice(atStart)).toEqual([
      { completed: false, passed: undefined, scaledScore: undefined, progress: progressMeasure(lesson, session.state) },
    ]);
    expect(progressMeasure(lesson, session.state)).toBeGreaterThan(0);
  });

  it('saves but does not conclude when a resumed learner lands on a page already visited', async () => {
    const saved = ['outcomes', 'mfa', 'outcomes'].reduce(progress.visit, progress.initialProgress(lesson));

    const { session, tracker } = await startedSession({ savedState: encodeProgress(lesson.id, saved), location: 'mfa' });

    expect(session.state.location).toBe('mfa');
    expect(tracker.saves.map((s) => s.location)).toEqual(['mfa']);
    expect(tracker.conclusions).toEqual([]);
  });

  it('reports nothing at all when a resumed learner lands where they left off', async () => {
    const saved = ['outcomes', 'mfa'].reduce(progress.visit, progress.initialProgress(lesson));

    const { tracker } = await startedSession({ savedState: encodeProgress(lesson.id, saved), location: 'mfa' });

    expect(tracker.methods).toEqual(['start']);
  });

  it('concludes completed and passed once every page is visited and the quiz passed', async () => {
    const { session, tracker } = await startedSession();
    for (const page of lesson.pages) session.visit(page.id);
    const total = quizOf(lesson).questions.length;
    const fewestToPass = Math.ceil(lesson.settings.passingScore * total - 1e-9);
    answerQuiz(session, fewestToPass);

    session.submitQuiz();
    await session.settled();

    expect(tracker.conclusions.at(-1)).toEqual({ completed: true, passed: true, scaledScore: fewestToPass / total, progress: 1 });
  });

  it('keeps reporting a pass after a failed retake', async () => {
    const { session, tracker } = await startedSession();
    answerQuiz(session, 5);
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

    session.visit('micro-activity-1');
    session.answerCase('identity-patterns', 'case-1', 'root-user');
    session.submitWritten('explain-identities', 'why-roles', 'They expire.');
    answerQuiz(session, 5);
    session.submitQuiz();
    await session.settled();

    expect(session.state.location).toBe('micro-activity-1');
    expect(tracker.methods).toEqual(['start']);
  });
});

describe('LessonSession with a mastery score from the LMS', () => {
  it('passes 3 out of 5 when the LMS asks for 60 % (the course asks for 80 %)', async () => {
    const { session, tracker } = await startedSession({ masteryScore: 0.6 });
    answerQuiz(session, 3);

    session.submitQuiz();
    await session.settled();

    expect(session.passingScore).toBe(0.6);
    expect(tracker.conclusions.at(-1)).toMatchObject({ passed: true, scaledScore: 0.6 });
  });

  it('fails 4 out of 5 when the LMS asks for 100 %', async () => {
    const { session, tracker } = await startedSession({ masteryScore: 1 });
    answerQuiz(session, 4);

    session.submitQuiz();
    await session.settled();

    expect(tracker.conclusions.at(-1)).toMatchObject({ passed: false, scaledScore: 0.8 });
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
    session.answerCase('identity-patterns', 'case-1', 'root-user');

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

  it('saves a draft on its own after a second without typing', async () => {
    vi.useFakeTimers();
    try {
      const { session, tracker } = await startedSession();
      const [question] = writtenQuestions(lesson);
      if (!question) throw new Error('the lesson needs a written question');
      const before = tracker.saves.length;
      session.saveDraft(question.block.id, question.question.id, 'Half an answer');
      await vi.advanceTimersByTimeAsync(999);
      expect(tracker.saves).toHaveLength(before);
      await vi.advanceTimersByTimeAsync(1);
      expect(lastSaved(tracker)?.drafts).toEqual({ [question.key]: 'Half an answer' });
    } finally {
      vi.useRealTimers();
    }
  });
});
