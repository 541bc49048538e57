import { beforeAll, describe, expect, it } from 'vitest';
import type { CompletionRule, Lesson } from '../../src/content/lesson.js';
import { isCompleted, outcomeOf, progressMeasure, remainingSteps } from '../../src/domain/completion.js';
import * as progress from '../../src/domain/progress.js';
import { quizOf } from '../../src/domain/lesson-queries.js';
import { answersWithCorrect, fewestToPass, retakeQuiz, takeQuiz, visitAllPages } from './helpers/learner.js';
import { loadRealCourse } from './helpers/real-course.js';

let lesson: Lesson;
beforeAll(async () => {
  lesson = await loadRealCourse();
});

function withCompletion(rule: CompletionRule): Lesson {
  return { ...lesson, settings: { ...lesson.settings, completion: rule } };
}

/** Every page but the last one visited. */
function allButOnePage(): progress.ProgressState {
  return lesson.pages.slice(0, -1).reduce((s, page) => progress.visit(s, page.id), progress.initialProgress(lesson));
}

describe('completion with the course settings (all pages visited and the quiz submitted)', () => {
  it('is not complete at the start', () => {
    expect(isCompleted(lesson, progress.initialProgress(lesson))).toBe(false);
  });

  it('is not complete when every page is visited but the quiz was never submitted', () => {
    const state = visitAllPages(lesson, progress.initialProgress(lesson));

    expect(isCompleted(lesson, state)).toBe(false);
  });

  it('is not complete when the quiz is submitted but one page was never visited', () => {
    const state = takeQuiz(lesson, allButOnePage(), 5);

    expect(isCompleted(lesson, state)).toBe(false);
  });

  it('is complete once every page is visited and the quiz submitted, even failed', () => {
    const state = takeQuiz(lesson, visitAllPages(lesson, progress.initialProgress(lesson)), 0);

    expect(outcomeOf(lesson, state)).toMatchObject({ completed: true, passed: false });
  });

  it('is complete with the quiz alone when pages need not all be visited', () => {
    const relaxed = withCompletion({ requireAllPagesVisited: false, requireQuizSubmitted: true });
    const state = takeQuiz(relaxed, progress.initialProgress(relaxed), 5);

    expect(isCompleted(relaxed, state)).toBe(true);
  });

  it('is complete with all pages alone when the quiz need not be submitted', () => {
    const relaxed = withCompletion({ requireAllPagesVisited: true, requireQuizSubmitted: false });
    const state = visitAllPages(relaxed, progress.initialProgress(relaxed));

    expect(isCompleted(relaxed, state)).toBe(true);
  });
});

describe('progress measure', () => {
  /** Steps the shipped rule counts: every page, plus the quiz when a submission is required. */
  const steps = () =>
    (lesson.settings.completion.requireAllPagesVisited ? lesson.pages.length : 0) +
    (lesson.settings.completion.requireQuizSubmitted ? 1 : 0);
  const firstPages = (n: number) => lesson.pages.slice(0, n).map((p) => p.id);

  it('is the share of the steps the completion rule counts, the same figure as the progress bar', () => {
    const state = firstPages(3).reduce(progress.visit, progress.initialProgress(lesson));
    const { done, total } = remainingSteps(lesson, state);

    expect(total).toBe(steps());
    expect(progressMeasure(lesson, state)).toBeCloseTo(done / total);
    expect(outcomeOf(lesson, state).progress).toBeCloseTo(done / total);
  });

  it('counts a page visited twice once', () => {
    const twice = [...firstPages(2), firstPages(1)[0]!].reduce(progress.visit, progress.initialProgress(lesson));
    const once = firstPages(2).reduce(progress.visit, progress.initialProgress(lesson));

    expect(progressMeasure(lesson, twice)).toBe(progressMeasure(lesson, once));
  });

  it('counts the quiz submission as a step when the rule requires it', () => {
    const rule = { requireAllPagesVisited: true, requireQuizSubmitted: true };
    const strict = withCompletion(rule);
    const pagesOnly = visitAllPages(strict, progress.initialProgress(strict));

    expect(progressMeasure(strict, pagesOnly)).toBeCloseTo(strict.pages.length / (strict.pages.length + 1));
    expect(progressMeasure(strict, takeQuiz(strict, pagesOnly, 0))).toBe(1);
    const relaxed = withCompletion({ ...rule, requireQuizSubmitted: false });
    expect(progressMeasure(relaxed, visitAllPages(relaxed, progress.initialProgress(relaxed)))).toBe(1);
  });

  it('reaches 1 exactly when the lesson is complete', () => {
    const all = visitAllPages(lesson, progress.initialProgress(lesson));
    const done = takeQuiz(lesson, all, quizOf(lesson).questions.length);

    expect(progressMeasure(lesson, done)).toBe(1);
    expect(isCompleted(lesson, done)).toBe(true);
    expect(progressMeasure(lesson, allButOnePage())).toBeLessThan(1);
  });
});

describe('quiz outcome', () => {
  it('has no pass/fail and no score before the first submission', () => {
    const outcome = outcomeOf(lesson, progress.initialProgress(lesson));

    expect(outcome.passed).toBeUndefined();
    expect(outcome.scaledScore).toBeUndefined();
  });

  it('fails one right answer short of the pass mark and passes on it', () => {
    const pass = fewestToPass(lesson);
    const total = quizOf(lesson).questions.length;
    const failed = takeQuiz(lesson, progress.initialProgress(lesson), pass - 1);
    const passed = takeQuiz(lesson, progress.initialProgress(lesson), pass);

    expect(outcomeOf(lesson, failed)).toMatchObject({ passed: false, scaledScore: (pass - 1) / total });
    expect(outcomeOf(lesson, passed)).toMatchObject({ passed: true, scaledScore: pass / total });
  });

  it('never downgrades a pass when a later attempt fails, and keeps the best score', () => {
    const passed = takeQuiz(lesson, progress.initialProgress(lesson), 5);

    const retaken = retakeQuiz(lesson, passed, 1);

    expect(progress.lastAttempt(retaken)?.correct).toBe(1);
    expect(outcomeOf(lesson, retaken)).toMatchObject({ passed: true, scaledScore: 1 });
  });

  it('passes on a later attempt after failing', () => {
    const pass = fewestToPass(lesson);
    const failed = takeQuiz(lesson, progress.initialProgress(lesson), pass - 1);

    const retaken = retakeQuiz(lesson, failed, pass);

    expect(outcomeOf(lesson, retaken)).toMatchObject({ passed: true, scaledScore: pass / quizOf(lesson).questions.length });
  });

  it('cannot be submitted while a question is unanswered', () => {
    const [first] = quizOf(lesson).questions;
    const state = progress.chooseQuizOption(progress.initialProgress(lesson), first?.id ?? '', first?.correct ?? '');

    expect(progress.submitQuiz(state, lesson, lesson.settings.passingScore)).toBe(state);
  });

  it('scores against the passing score it is given (e.g. the LMS’s mastery score)', () => {
    const total = quizOf(lesson).questions.length;
    const answers = answersWithCorrect(quizOf(lesson), 2);
    const state = Object.entries(answers).reduce(
      (s, [q, option]) => progress.chooseQuizOption(s, q, option),
      progress.initialProgress(lesson),
    );

    const submitted = progress.submitQuiz(state, lesson, 2 / total); // a mastery score of exactly 2 right answers

    expect(outcomeOf(lesson, submitted)).toMatchObject({ passed: true, scaledScore: 2 / total });
  });
});

describe('quiz attempts', () => {
  it('clears the answers and goes back to the first question on a retake', () => {
    const submitted = progress.goToQuestion(takeQuiz(lesson, progress.initialProgress(lesson), 3), 4);

    const retake = progress.retakeQuiz(submitted);

    expect(retake.quiz).toMatchObject({ answers: {}, index: 0, showingResults: false });
  });

  it('keeps the submitted answers while the results are shown', () => {
    const submitted = takeQuiz(lesson, progress.initialProgress(lesson), 5);

    const changed = progress.chooseQuizOption(submitted, 'q1', 'a');

    expect(changed.quiz.answers.q1).toBe('b');
  });

  it('keeps only the newest settings.keptQuizAttempts attempts but counts them all', () => {
    const kept = lesson.settings.keptQuizAttempts;
    let state = takeQuiz(lesson, progress.initialProgress(lesson), 0);
    for (let right = 1; right <= kept + 1; right++) state = retakeQuiz(lesson, state, right % 6);

    expect(kept).toBe(5);
    expect(state.quiz.attemptCount).toBe(kept + 2);
    expect(state.quiz.attempts.map((a) => a.correct)).toEqual([2, 3, 4, 5, 0]);
  });
});

describe('activity answers', () => {
  it('keeps the first choice-activity answer: it is final once given', () => {
    const first = progress.answerCase(progress.initialProgress(lesson), 'identity-patterns.case-2', 'iam-user');

    const second = progress.answerCase(first, 'identity-patterns.case-2', 'iam-role');

    expect(second.choices).toEqual({ 'identity-patterns.case-2': 'iam-user' });
  });

  it('keeps the first written answer: it is final once given', () => {
    const first = progress.submitWritten(progress.initialProgress(lesson), 'explain-identities.why-roles', 'They expire.', 250);

    const second = progress.submitWritten(first, 'explain-identities.why-roles', 'Something else', 250);

    expect(second.written).toEqual({ 'explain-identities.why-roles': 'They expire.' });
  });

  it('does not accept a written answer of only blanks', () => {
    const state = progress.initialProgress(lesson);

    expect(progress.submitWritten(state, 'explain-identities.why-roles', ' \n\t ', 250).written).toEqual({});
  });

  it('stores a written answer cleaned and capped at the course’s limit', () => {
    const state = progress.submitWritten(progress.initialProgress(lesson), 'explain-identities.why-roles', `  ${'a'.repeat(300)}  `, 250);

    expect(state.written['explain-identities.why-roles']).toBe('a'.repeat(250));
  });
});

describe('normalizeWritten', () => {
  it('trims surrounding blanks', () => {
    expect(progress.normalizeWritten('  Roles expire.\n\n', 250)).toBe('Roles expire.');
  });

  it('replaces control characters by spaces but keeps line breaks', () => {
    expect(progress.normalizeWritten('a\tb\u0000c\u0007d\u007fe\nf', 250)).toBe('a b c d e\nf');
  });

  it('turns Windows and old Mac line breaks into \\n', () => {
    expect(progress.normalizeWritten('one\r\ntwo\rthree', 250)).toBe('one\ntwo\nthree');
  });

  it('keeps an answer of exactly the limit whole', () => {
    const text = 'x'.repeat(250);

    expect(progress.normalizeWritten(text, 250)).toBe(text);
  });

  it('cuts a longer answer to the limit, without blanks left at the cut', () => {
    const text = `${'x'.repeat(248)}  tail`;

    expect(progress.normalizeWritten(text, 250)).toBe('x'.repeat(248));
  });

  it('never splits an emoji’s surrogate pair at the cut', () => {
    const cut = progress.normalizeWritten(`a${'😀'.repeat(300)}`, 250);

    expect(cut.endsWith('😀')).toBe(true);
    expect(cut).not.toMatch(/[\ud800-\udbff]$/);
  });

  it('keeps an answer in astral emoji within the SCORM 1.2 fill-in response (CMIString255, UTF-16 code units)', () => {
    // course.yaml: writtenAnswerMaxLength "at most 255 so the full answer fits SCORM 1.2's fill-in response";
    // src/tracking/scorm/limits.ts: SCORM lengths count UTF-16 code units.
    const cut = progress.normalizeWritten('😀'.repeat(lesson.settings.writtenAnswerMaxLength), lesson.settings.writtenAnswerMaxLength);

    expect(cut.length).toBeLessThanOrEqual(255);
  });
});

describe('remainingSteps: what the completion rule still asks for', () => {
  it('counts every page and the quiz, as course.yaml’s rule does, and agrees with isCompleted', () => {
    const rule = lesson.settings.completion;
    let state = progress.visit(progress.initialProgress(lesson), lesson.pages[0]?.id ?? '');
    const expectedTotal = (rule.requireAllPagesVisited ? lesson.pages.length : 0) + (rule.requireQuizSubmitted ? 1 : 0);

    const atStart = remainingSteps(lesson, state);
    expect(atStart.total).toBe(expectedTotal);
    expect(atStart.done).toBe(rule.requireAllPagesVisited ? 1 : 0);
    expect(atStart.pages).toEqual(rule.requireAllPagesVisited ? lesson.pages.slice(1).map((p) => p.id) : []);
    expect(atStart.quiz).toBe(rule.requireQuizSubmitted);

    state = takeQuiz(lesson, state, 5);
    const afterQuiz = remainingSteps(lesson, state);
    expect(afterQuiz.quiz).toBe(false);
    expect(isCompleted(lesson, state)).toBe(afterQuiz.done === afterQuiz.total);

    state = visitAllPages(lesson, state);
    const done = remainingSteps(lesson, state);
    expect(done).toEqual({ pages: [], quiz: false, total: expectedTotal, done: expectedTotal });
    expect(isCompleted(lesson, state)).toBe(true);
  });

  it('counts only what a looser rule requires', () => {
    const loose = withCompletion({ requireAllPagesVisited: false, requireQuizSubmitted: true });
    const state = progress.initialProgress(loose);

    expect(remainingSteps(loose, state)).toEqual({ pages: [], quiz: true, total: 1, done: 0 });
  });
});
