import { beforeAll, describe, expect, it } from 'vitest';
import type { CompletionRule, Lesson } from '../../src/content/lesson.js';
import { isCompleted, outcomeOf, remainingSteps } from '../../src/domain/completion.js';
import * as progress from '../../src/domain/progress.js';
import { activityCases, quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import { answersWithCorrect, fewestToPass, retakeQuiz, takeQuiz, visitAllPages } from './helpers/learner.js';
import { lessonRoles, required } from './helpers/lesson-roles.js';
import { loadRealCourse } from './helpers/real-course.js';

let lesson: Lesson;
beforeAll(async () => {
  lesson = await loadRealCourse();
});

/*
 * Ids and counts come from the loaded course, picked by the role they play in a test, so a course
 * author who renames a page, an activity, a case or a question, or changes the quiz's length, in
 * course/ does not see these tests of the completion rule fail. (tests/unit/shipped-lesson.test.ts
 * pins the shipped lesson on purpose.)
 */
const { pageId, quizLength } = lessonRoles(() => lesson);

/** The quiz's first question with its right option and a wrong one, the quiz having a second question still to answer. */
function firstQuizQuestion() {
  const [first, second] = quizOf(lesson).questions;
  // With a single question, one answer would be a complete quiz.
  if (!first || !second) throw new Error('the lesson needs a quiz of two questions or more');
  const wrong = required(
    first.options.find((o) => o.id !== first.correct),
    `a wrong option for quiz question ${first.id}`,
  ).id;
  return { questionId: first.id, right: first.correct, wrong };
}

/** The first choice-activity case with two different options a learner could pick. */
function firstCaseWithTwoOptions() {
  const { block, key } = required(activityCases(lesson)[0], 'a choice-activity case');
  const [one, other] = block.options;
  if (!one || !other) throw new Error(`the lesson needs two options for ${key}`);
  return { key, one: one.id, other: other.id };
}

/** The state key of the first written question (a micro-activity's in the shipped lesson). */
const firstWrittenKey = () => required(writtenQuestions(lesson)[0], 'a written question').key;

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
    const state = takeQuiz(lesson, allButOnePage(), quizLength());

    expect(isCompleted(lesson, state)).toBe(false);
  });

  it('is complete once every page is visited and the quiz submitted, even failed', () => {
    const state = takeQuiz(lesson, visitAllPages(lesson, progress.initialProgress(lesson)), 0);

    expect(outcomeOf(lesson, state)).toMatchObject({ completed: true, passed: false });
  });

  it('is complete with the quiz alone when pages need not all be visited', () => {
    const relaxed = withCompletion({ requireAllPagesVisited: false, requireQuizSubmitted: true });
    const state = takeQuiz(relaxed, progress.initialProgress(relaxed), quizLength());

    expect(isCompleted(relaxed, state)).toBe(true);
  });

  it('is complete with all pages alone when the quiz need not be submitted', () => {
    const relaxed = withCompletion({ requireAllPagesVisited: true, requireQuizSubmitted: false });
    const state = visitAllPages(relaxed, progress.initialProgress(relaxed));

    expect(isCompleted(relaxed, state)).toBe(true);
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
    const passed = takeQuiz(lesson, progress.initialProgress(lesson), quizLength());
    const failing = fewestToPass(lesson) - 1;

    const retaken = retakeQuiz(lesson, passed, failing);

    expect(progress.lastAttempt(retaken)?.correct).toBe(failing);
    expect(outcomeOf(lesson, retaken)).toMatchObject({ passed: true, scaledScore: 1 });
  });

  it('passes on a later attempt after failing', () => {
    const pass = fewestToPass(lesson);
    const failed = takeQuiz(lesson, progress.initialProgress(lesson), pass - 1);

    const retaken = retakeQuiz(lesson, failed, pass);

    expect(outcomeOf(lesson, retaken)).toMatchObject({ passed: true, scaledScore: pass / quizOf(lesson).questions.length });
  });

  it('cannot be submitted while a question is unanswered', () => {
    const { questionId, right } = firstQuizQuestion();
    const state = progress.chooseQuizOption(progress.initialProgress(lesson), questionId, right);

    expect(progress.submitQuiz(state, lesson, lesson.settings.passingScore)).toBe(state);
  });

  it('scores against the passing score it is given (e.g. the LMS’s mastery score)', () => {
    const total = quizLength();
    // Right answers one short of the course's own pass mark: only the mastery score given can pass them.
    const right = fewestToPass(lesson) - 1;
    if (right < 1) throw new Error('the lesson needs a pass mark above one right answer');
    const answers = answersWithCorrect(quizOf(lesson), right);
    const state = Object.entries(answers).reduce(
      (s, [q, option]) => progress.chooseQuizOption(s, q, option),
      progress.initialProgress(lesson),
    );

    const submitted = progress.submitQuiz(state, lesson, right / total); // a mastery score of exactly `right` answers

    expect(outcomeOf(lesson, submitted)).toMatchObject({ passed: true, scaledScore: right / total });
  });
});

describe('quiz attempts', () => {
  it('clears the answers and goes back to the first question on a retake', () => {
    const lastQuestion = quizLength() - 1;
    if (lastQuestion < 1) throw new Error('the lesson needs a quiz of two questions or more');
    const submitted = progress.goToQuestion(takeQuiz(lesson, progress.initialProgress(lesson), fewestToPass(lesson) - 1), lastQuestion);

    const retake = progress.retakeQuiz(submitted, lesson);

    expect(retake.quiz).toMatchObject({ answers: {}, index: 0, showingResults: false });
  });

  it('keeps the submitted answers while the results are shown', () => {
    const { questionId, right, wrong } = firstQuizQuestion();
    const submitted = takeQuiz(lesson, progress.initialProgress(lesson), quizLength());

    const changed = progress.chooseQuizOption(submitted, questionId, wrong);

    expect(changed.quiz.answers[questionId]).toBe(right);
  });

  it('keeps only the newest settings.keptQuizAttempts attempts but counts them all', () => {
    const kept = lesson.settings.keptQuizAttempts;
    // kept + 2 attempts scoring 0, 1, 2, … right answers, wrapping after a full score.
    const scores = Array.from({ length: kept + 2 }, (_, i) => i % (quizLength() + 1));
    const newest = scores.slice(scores.length - kept);
    if (kept < 1 || newest.join() === scores.slice(0, kept).join()) {
      throw new Error('the lesson needs to keep at least one attempt and a quiz whose oldest and newest attempts score differently');
    }
    let state = takeQuiz(lesson, progress.initialProgress(lesson), scores[0]!);
    for (const right of scores.slice(1)) state = retakeQuiz(lesson, state, right);

    expect(state.quiz.attemptCount).toBe(kept + 2);
    expect(state.quiz.attempts.map((a) => a.correct)).toEqual(newest);
  });
});

describe('activity answers', () => {
  it('keeps the first choice-activity answer: it is final once given', () => {
    const { key, one, other } = firstCaseWithTwoOptions();
    const first = progress.answerCase(progress.initialProgress(lesson), key, one);

    const second = progress.answerCase(first, key, other);

    expect(second.choices).toEqual({ [key]: one });
  });

  it('keeps the first written answer: it is final once given', () => {
    const key = firstWrittenKey();
    const limit = lesson.settings.writtenAnswerMaxLength;
    const first = progress.submitWritten(progress.initialProgress(lesson), key, 'They expire.', limit);

    const second = progress.submitWritten(first, key, 'Something else', limit);

    expect(second.written).toEqual({ [key]: 'They expire.' });
  });

  it('does not accept a written answer of only blanks', () => {
    const state = progress.initialProgress(lesson);

    expect(progress.submitWritten(state, firstWrittenKey(), ' \n\t ', lesson.settings.writtenAnswerMaxLength).written).toEqual({});
  });

  it('stores a written answer cleaned and capped at the course’s limit', () => {
    const key = firstWrittenKey();
    const limit = lesson.settings.writtenAnswerMaxLength;
    const state = progress.submitWritten(progress.initialProgress(lesson), key, `  ${'a'.repeat(limit + 50)}  `, limit);

    expect(state.written[key]).toBe('a'.repeat(limit));
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
  it('lists every page not visited and the quiz, as course.yaml’s rule does, and agrees with isCompleted', () => {
    const rule = lesson.settings.completion;
    let state = progress.visit(progress.initialProgress(lesson), pageId(0));

    const atStart = remainingSteps(lesson, state);
    expect(atStart.pages).toEqual(rule.requireAllPagesVisited ? lesson.pages.slice(1).map((p) => p.id) : []);
    expect(atStart.quiz).toBe(rule.requireQuizSubmitted);

    state = takeQuiz(lesson, state, quizLength());
    expect(remainingSteps(lesson, state).quiz).toBe(false);
    expect(isCompleted(lesson, state)).toBe(!rule.requireAllPagesVisited);

    state = visitAllPages(lesson, state);
    expect(remainingSteps(lesson, state)).toEqual({ pages: [], quiz: false });
    expect(isCompleted(lesson, state)).toBe(true);
  });

  it('counts only what a looser rule requires', () => {
    const loose = withCompletion({ requireAllPagesVisited: false, requireQuizSubmitted: true });
    const state = progress.initialProgress(loose);

    expect(remainingSteps(loose, state)).toEqual({ pages: [], quiz: true });
  });
});
