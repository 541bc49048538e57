/**
 * The rules that make the quiz measure and the activities teach: answers earned before they are
 * shown, a new question order in every attempt, cases that may be tried again (the first answer is
 * the one recorded), and progress that counts what was learned, not pages opened. Ids and counts
 * come from the loaded course.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lesson, RevealAnswers } from '../../src/content/lesson.js';
import { isCompleted, isFinished, isLessonDone, learningProgress, outcomeOf, pageProgress } from '../../src/domain/completion.js';
import { activityCases, quizOf, writtenQuestions } from '../../src/domain/lesson-queries.js';
import * as progress from '../../src/domain/progress.js';
import { questionOrder } from '../../src/domain/quiz-order.js';
import { quizAnswersRevealed } from '../../src/domain/reveal.js';
import { fewestToPass, retakeQuiz, takeQuiz, visitAllPages } from './helpers/learner.js';
import { lessonRoles, required } from './helpers/lesson-roles.js';
import { loadRealCourse } from './helpers/real-course.js';

let lesson: Lesson;
beforeAll(async () => {
  lesson = await loadRealCourse();
});
const { pageHolding, quizLength } = lessonRoles(() => lesson);

function withSettings(settings: Partial<Lesson['settings']>): Lesson {
  return { ...lesson, settings: { ...lesson.settings, ...settings } };
}

const start = (l: Lesson = lesson) => progress.initialProgress(l, 42);
const failing = () => fewestToPass(lesson) - 1;

describe('the quiz’s right answers are shown only once earned (settings.revealAnswers)', () => {
  it.each<[RevealAnswers, number, boolean]>([
    ['after-pass', 1, false],
    ['after-pass', 3, false],
    [{ 'after-attempts': 2 }, 1, false],
    [{ 'after-attempts': 2 }, 2, true],
    ['always', 1, true],
  ])('%j after %i failed attempt(s): shown %s', (rule, fails, shown) => {
    const course = withSettings({ revealAnswers: rule });
    let state = takeQuiz(course, start(course), failing());
    for (let i = 1; i < fails; i++) state = retakeQuiz(course, state, failing());

    expect(state.quiz.passed).toBe(false);
    expect(quizAnswersRevealed(course, state.quiz)).toBe(shown);
  });

  it('after a pass, whatever the rule', () => {
    const state = takeQuiz(lesson, start(), quizLength());

    expect(quizAnswersRevealed(withSettings({ revealAnswers: 'after-pass' }), state.quiz)).toBe(true);
  });

  it('before any attempt, not even under after-attempts', () => {
    expect(quizAnswersRevealed(withSettings({ revealAnswers: { 'after-attempts': 1 } }), start().quiz)).toBe(false);
  });

  it('once no attempt is left (settings.maxQuizAttempts), and then no retake starts', () => {
    const course = withSettings({ revealAnswers: 'after-pass', maxQuizAttempts: 2 });
    const once = takeQuiz(course, start(course), failing());
    const twice = retakeQuiz(course, once, failing());

    expect(quizAnswersRevealed(course, once.quiz)).toBe(false);
    expect(progress.canRetakeQuiz(course, once.quiz)).toBe(true);
    expect(quizAnswersRevealed(course, twice.quiz)).toBe(true);
    expect(progress.canRetakeQuiz(course, twice.quiz)).toBe(false);
    expect(progress.retakeQuiz(twice, course)).toBe(twice);
  });
});

describe('each attempt presents the questions in a new order', () => {
  const ids = () => quizOf(lesson).questions.map((q) => q.id);

  it('the first attempt keeps the lesson’s own order (as the answer key numbers it)', () => {
    expect(questionOrder(ids(), 12345, 1)).toEqual(ids());
  });

  it('every later attempt is a reordering of the same questions, never the order of the attempt before', () => {
    for (const seed of [0, 1, 42, 0x7fffffff]) {
      for (let attempt = 2; attempt <= 30; attempt++) {
        const order = questionOrder(ids(), seed, attempt);
        expect([...order].sort()).toEqual([...ids()].sort());
        expect(order).not.toEqual(questionOrder(ids(), seed, attempt - 1));
      }
    }
  });

  it('is the same for the same learner and attempt (a reload or relaunch shows the same order)', () => {
    expect(questionOrder(ids(), 987, 4)).toEqual(questionOrder(ids(), 987, 4));
  });

  it('differs between learners', () => {
    const seconds = new Set([1, 2, 3, 4, 5, 6, 7, 8].map((seed) => questionOrder(ids(), seed * 7919, 2).join()));
    expect(seconds.size).toBeGreaterThan(1);
  });

  it('a question an author adds later joins the order; one removed leaves it', () => {
    const order = questionOrder([...ids(), 'added'], 5, 3);
    expect(order).toContain('added');
    expect(questionOrder(ids().slice(1), 5, 3)).not.toContain(ids()[0]);
  });
});

describe('a choice-activity case may be tried again; the first answer stays the one recorded', () => {
  function wrongCase() {
    const { block, item, key } = required(activityCases(lesson)[0], 'a choice-activity case');
    const wrongs = block.options.filter((o) => o.id !== item.correct).map((o) => o.id);
    return {
      key,
      right: item.correct,
      wrong: required(wrongs[0], 'a wrong option'),
      otherWrong: wrongs[1] ?? required(wrongs[0], 'a wrong option'),
    };
  }

  it('a wrong first answer leaves the case open for a try again', () => {
    const { key, right, wrong } = wrongCase();
    const answered = progress.answerCase(start(), key, wrong);

    expect(progress.caseSettled(answered, key, right)).toBe(false);
    expect(progress.pickCase(answered, key, right, right).picks[key]).toBe(right);
  });

  it('a right try again settles it, the first answer unchanged', () => {
    const { key, right, wrong } = wrongCase();
    const tried = progress.retryCase(progress.answerCase(start(), key, wrong), key, right, right);

    expect(tried.choices[key]).toBe(wrong);
    expect(tried.retries[key]).toBe(right);
    expect(progress.caseSettled(tried, key, right)).toBe(true);
    expect(progress.retryCase(tried, key, wrong, right)).toBe(tried);
  });

  it('showing the best answer settles it, and is only possible after the learner’s own try', () => {
    const { key, right, wrong } = wrongCase();

    expect(progress.revealCase(start(), key)).toEqual(start());
    const shown = progress.revealCase(progress.answerCase(start(), key, wrong), key);
    expect(progress.caseSettled(shown, key, right)).toBe(true);
    expect(progress.pickCase(shown, key, right, right).picks).toEqual({});
  });

  it('a right first answer is settled at once', () => {
    const { key, right } = wrongCase();
    expect(progress.caseSettled(progress.answerCase(start(), key, right), key, right)).toBe(true);
  });
});

describe('progress measures learning: a page with an activity is done when its activity is done', () => {
  const activityPage = () =>
    required(
      lesson.pages.find((p) => p.blocks.some((b) => b.kind === 'choice-activity')),
      'a choice activity',
    );
  const writtenPage = () =>
    required(
      lesson.pages.find((p) => p.blocks.some((b) => b.kind === 'written-activity')),
      'a written activity',
    );
  const quizPage = () =>
    required(
      lesson.pages.find((p) => p.id === pageHolding(quizOf(lesson).id)),
      'the quiz page',
    );
  const textPage = () =>
    required(
      lesson.pages.find((p) => p.blocks.every((b) => b.kind === 'markdown' || b.kind === 'takeaway')),
      'a page of text',
    );

  it('a page of text is done once opened, not started before', () => {
    expect(pageProgress(lesson, start(), textPage()).status).toBe('not-started');
    expect(pageProgress(lesson, progress.visit(start(), textPage().id), textPage()).status).toBe('done');
  });

  it('a choice activity is in progress until every case is answered', () => {
    const cases = activityCases(lesson).filter((c) => activityPage().blocks.includes(c.block));
    let state = progress.visit(start(), activityPage().id);
    expect(pageProgress(lesson, state, activityPage())).toMatchObject({
      status: 'in-progress',
      answered: { done: 0, total: cases.length },
    });
    for (const c of cases.slice(0, -1)) state = progress.answerCase(state, c.key, c.item.correct);
    expect(pageProgress(lesson, state, activityPage()).status).toBe('in-progress');
    const last = required(cases.at(-1), 'a case');
    state = progress.answerCase(state, last.key, last.item.correct);
    expect(pageProgress(lesson, state, activityPage())).toMatchObject({
      status: 'done',
      answered: { done: cases.length, total: cases.length },
    });
  });

  it('a written activity is in progress until every question is submitted (a draft is not an answer)', () => {
    const questions = writtenQuestions(lesson).filter((w) => writtenPage().blocks.includes(w.block));
    let state = progress.visit(start(), writtenPage().id);
    for (const q of questions) state = progress.saveDraft(state, q.key, 'draft', 250);
    expect(pageProgress(lesson, state, writtenPage()).status).toBe('in-progress');
    for (const q of questions) state = progress.submitWritten(state, q.key, 'my answer', 250);
    expect(pageProgress(lesson, state, writtenPage()).status).toBe('done');
  });

  it('the quiz page is in progress after a failed attempt and done once passed', () => {
    const failed = takeQuiz(lesson, progress.visit(start(), quizPage().id), failing());
    expect(pageProgress(lesson, failed, quizPage())).toMatchObject({ status: 'in-progress', quizNotPassed: true });

    const passed = retakeQuiz(lesson, failed, quizLength());
    expect(pageProgress(lesson, passed, quizPage()).status).toBe('done');
  });

  it('the quiz page is done after a failed attempt when no attempt is left', () => {
    const course = withSettings({ maxQuizAttempts: 1 });
    const failed = takeQuiz(course, progress.visit(start(course), quizPage().id), failing());

    expect(pageProgress(course, failed, quizPage()).status).toBe('done');
  });

  it('the measure (the progress bar and what the LMS is told) reaches 1 only when every page is done', () => {
    let state = visitAllPages(lesson, start());
    state = takeQuiz(lesson, state, quizLength());
    const partial = learningProgress(lesson, state);
    expect(partial.measure).toBeLessThan(1);
    expect(outcomeOf(lesson, state).progress).toBe(partial.measure);

    for (const c of activityCases(lesson)) state = progress.answerCase(state, c.key, c.item.correct);
    for (const w of writtenQuestions(lesson)) state = progress.submitWritten(state, w.key, 'answer', 250);
    expect(learningProgress(lesson, state).measure).toBe(1);
  });
});

describe('the lesson says "complete" only when it is finished', () => {
  it('a learner who did everything but failed the quiz is complete for the LMS, not finished (the course asks for a pass)', () => {
    const course = withSettings({ moveOn: 'CompletedAndPassed' });
    const state = takeQuiz(course, visitAllPages(course, start(course)), failing());

    expect(isCompleted(course, state)).toBe(true);
    expect(outcomeOf(course, state).passed).toBe(false);
    expect(isFinished(course, state)).toBe(false);
  });

  it('is finished once the quiz is passed too', () => {
    const course = withSettings({ moveOn: 'CompletedAndPassed' });
    const state = takeQuiz(course, visitAllPages(course, start(course)), quizLength());

    expect(isFinished(course, state)).toBe(true);
  });

  it('the learner is done (the bar full, "complete" said) only once every page is done too', () => {
    let state = takeQuiz(lesson, visitAllPages(lesson, start()), quizLength());
    expect(isFinished(lesson, state)).toBe(lesson.settings.completion.requireAllPagesVisited || isCompleted(lesson, state));
    expect(isLessonDone(lesson, state)).toBe(false);

    for (const c of activityCases(lesson)) state = progress.answerCase(state, c.key, c.item.correct);
    for (const w of writtenQuestions(lesson)) state = progress.submitWritten(state, w.key, 'answer', 250);
    expect(isLessonDone(lesson, state)).toBe(true);
  });

  it('a course that asks only for completion is finished without a pass', () => {
    const course = withSettings({ moveOn: 'Completed' });
    const state = takeQuiz(course, visitAllPages(course, start(course)), failing());

    expect(isFinished(course, state)).toBe(true);
  });
});
