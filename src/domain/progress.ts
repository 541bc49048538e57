/**
 * The learner's progress: one immutable value, changed only by the pure
 * functions below. The app shell holds it, components receive slices of it,
 * and the tracking layer persists its serialized form (./codec.ts).
 */
import type { Lesson } from '../content/lesson.js';
import { quizOf } from './lesson-queries.js';
import { meetsPassingScore, scoreQuiz } from './scoring.js';
import { truncateText } from './text.js';

/** A learner's own seed for the order of quiz questions (any 31-bit number; see ./quiz-order.ts). */
export function newQuizSeed(random: () => number = Math.random): number {
  return Math.floor(random() * 0x7fffffff);
}

export interface QuizAttempt {
  /** Question id → chosen option id. */
  readonly answers: Readonly<Record<string, string>>;
  readonly correct: number;
  readonly total: number;
}

export interface QuizProgress {
  /** This learner's seed for the order in which each attempt presents the questions (./quiz-order.ts). */
  readonly seed: number;
  /** Position on screen (0-based, in the attempt's order) while taking the quiz. */
  readonly index: number;
  /** Answers of the attempt in progress. */
  readonly answers: Readonly<Record<string, string>>;
  /** True while the results of the last attempt are shown. */
  readonly showingResults: boolean;
  /** Number of submitted attempts (may exceed the attempts kept below). */
  readonly attemptCount: number;
  /** The most recent submitted attempts, newest last. */
  readonly attempts: readonly QuizAttempt[];
  /** Best scaled score of all attempts, or undefined before the first. */
  readonly bestScore: number | undefined;
  /** Once passed, always passed: a later retake or relaunch never downgrades it. */
  readonly passed: boolean;
}

export interface ProgressState {
  /** Page the learner is on. */
  readonly location: string;
  /** Pages seen, in the order first seen. */
  readonly visited: readonly string[];
  /** Choice-activity answers: "<activity>.<case>" → option id. */
  readonly choices: Readonly<Record<string, string>>;
  /** Written answers: "<activity>.<question>" → text. */
  readonly written: Readonly<Record<string, string>>;
  /** Typed but not yet submitted, so a reload loses nothing: "<activity>.<question>" → text. */
  readonly drafts: Readonly<Record<string, string>>;
  /** Picked but not yet checked choice-activity options: "<activity>.<case>" → option id. */
  readonly picks: Readonly<Record<string, string>>;
  /**
   * A case tried again after a wrong first answer: the option checked last. The first answer
   * (`choices`) stays what the LMS records; these are the learner's own practice.
   */
  readonly retries: Readonly<Record<string, string>>;
  /** Cases whose best answer the learner asked to see after their own try. */
  readonly revealed: readonly string[];
  readonly quiz: QuizProgress;
}

export function initialProgress(lesson: Lesson, quizSeed = 0): ProgressState {
  return {
    location: lesson.pages[0]?.id ?? '',
    visited: [],
    choices: {},
    written: {},
    drafts: {},
    picks: {},
    retries: {},
    revealed: [],
    quiz: {
      seed: quizSeed,
      index: 0,
      answers: {},
      showingResults: false,
      attemptCount: 0,
      attempts: [],
      bestScore: undefined,
      passed: false,
    },
  };
}

export function visit(state: ProgressState, pageId: string): ProgressState {
  const visited = state.visited.includes(pageId) ? state.visited : [...state.visited, pageId];
  return state.location === pageId && visited === state.visited ? state : { ...state, location: pageId, visited };
}

function without(map: Readonly<Record<string, string>>, key: string): Readonly<Record<string, string>> {
  if (!(key in map)) return map;
  const { [key]: _dropped, ...rest } = map;
  return rest;
}

/** The first checked answer of a case is final: it is what the LMS records (its feedback has been shown). */
export function answerCase(state: ProgressState, key: string, optionId: string): ProgressState {
  if (key in state.choices) return state;
  return { ...state, choices: { ...state.choices, [key]: optionId }, picks: without(state.picks, key) };
}

/**
 * Whether a case is settled: its latest checked answer is right, or the learner asked to see the
 * best answer. Until then a learner who answered wrongly may try again.
 */
export function caseSettled(state: ProgressState, key: string, correct: string | readonly string[]): boolean {
  const latest = state.retries[key] ?? state.choices[key];
  const right = typeof correct === 'string' ? [correct] : correct;
  return (latest !== undefined && right.includes(latest)) || state.revealed.includes(key);
}

/** A later try at a case answered wrongly: practice, kept with the progress, never reported as the answer. */
export function retryCase(state: ProgressState, key: string, optionId: string, correct: string | readonly string[]): ProgressState {
  if (!(key in state.choices) || caseSettled(state, key, correct)) return state;
  return { ...state, retries: { ...state.retries, [key]: optionId }, picks: without(state.picks, key) };
}

/** The learner, having tried, asks to see the best answer of a case. */
export function revealCase(state: ProgressState, key: string): ProgressState {
  if (!(key in state.choices) || state.revealed.includes(key)) return state;
  return { ...state, revealed: [...state.revealed, key], picks: without(state.picks, key) };
}

/** An option picked but not checked yet (a first try, or a try again): kept so a reload does not lose it. */
export function pickCase(state: ProgressState, key: string, optionId: string, correct?: string | readonly string[]): ProgressState {
  const open = !(key in state.choices) || (correct !== undefined && !caseSettled(state, key, correct));
  if (!open || state.picks[key] === optionId) return state;
  return { ...state, picks: { ...state.picks, [key]: optionId } };
}

/** A written answer is final once submitted (the model answer has been revealed). */
export function submitWritten(state: ProgressState, key: string, text: string, maxLength: number): ProgressState {
  const clean = normalizeWritten(text, maxLength);
  if (key in state.written || clean === '') return state;
  return { ...state, written: { ...state.written, [key]: clean }, drafts: without(state.drafts, key) };
}

/**
 * Text typed but not submitted. Kept as typed (line breaks, spaces), capped like an answer so the
 * resume state's worst case holds; an emptied box drops its draft.
 */
export function saveDraft(state: ProgressState, key: string, text: string, maxLength: number): ProgressState {
  if (key in state.written) return state;
  const draft = truncateText(text.replace(/\r\n?/g, '\n'), maxLength);
  if ((state.drafts[key] ?? '') === draft) return state;
  return { ...state, drafts: draft.trim() === '' ? without(state.drafts, key) : { ...state.drafts, [key]: draft } };
}

/**
 * Trim, drop control characters other than line breaks, and cap at the course's limit in UTF-16
 * code units (as the textarea's maxlength and SCORM's character limits count), never splitting a
 * character.
 */
export function normalizeWritten(text: string, maxLength: number): string {
  const clean = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0009\u000b-\u001f\u007f]/g, ' ')
    .trim();
  return truncateText(clean, maxLength).trimEnd();
}

export function chooseQuizOption(state: ProgressState, questionId: string, optionId: string): ProgressState {
  if (state.quiz.showingResults) return state;
  return { ...state, quiz: { ...state.quiz, answers: { ...state.quiz.answers, [questionId]: optionId } } };
}

export function goToQuestion(state: ProgressState, index: number): ProgressState {
  return { ...state, quiz: { ...state.quiz, index } };
}

/** Score the attempt in progress; every question must have an answer. */
export function submitQuiz(state: ProgressState, lesson: Lesson, passingScore: number): ProgressState {
  const quiz = quizOf(lesson);
  if (state.quiz.showingResults || quiz.questions.some((q) => !(q.id in state.quiz.answers))) return state;
  const score = scoreQuiz(quiz, state.quiz.answers);
  const attempt: QuizAttempt = { answers: state.quiz.answers, correct: score.correct, total: score.total };
  const bestScore = Math.max(state.quiz.bestScore ?? 0, score.scaled);
  return {
    ...state,
    quiz: {
      ...state.quiz,
      showingResults: true,
      attemptCount: state.quiz.attemptCount + 1,
      attempts: [...state.quiz.attempts, attempt].slice(-lesson.settings.keptQuizAttempts),
      bestScore,
      passed: state.quiz.passed || meetsPassingScore(score.scaled, passingScore),
    },
  };
}

/** Whether the learner may start another attempt (the course may limit them: settings.maxQuizAttempts). */
export function canRetakeQuiz(lesson: Lesson, quiz: QuizProgress): boolean {
  const max = lesson.settings.maxQuizAttempts;
  return max === undefined || quiz.attemptCount < max;
}

export function retakeQuiz(state: ProgressState, lesson: Lesson): ProgressState {
  if (!state.quiz.showingResults || !canRetakeQuiz(lesson, state.quiz)) return state;
  return { ...state, quiz: { ...state.quiz, index: 0, answers: {}, showingResults: false } };
}

export function lastAttempt(state: ProgressState): QuizAttempt | undefined {
  return state.quiz.attempts[state.quiz.attempts.length - 1];
}
