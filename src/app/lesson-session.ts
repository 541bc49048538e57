/**
 * The learner's session: the one place where progress changes and where the
 * tracker hears about it. Plain TypeScript (no DOM), so its rules are tested in
 * Node; the <lesson-app> element only forwards learner intents to it.
 */
import type { Lesson } from '../content/lesson.js';
import { outcomeOf } from '../domain/completion.js';
import { decodeProgress, encodeProgress, type DecodeResult } from '../domain/codec.js';
import type { InteractionRecord } from '../domain/interaction.js';
import {
  activityCases,
  answerKey,
  lessonQuestions,
  quizOf,
  rightOptions,
  writtenQuestions,
  type LessonQuestion,
} from '../domain/lesson-queries.js';
import * as progress from '../domain/progress.js';
import type { ProgressState } from '../domain/progress.js';
import type { FinishReason, Outcome, Tracker, TrackerStart } from '../tracking/tracker.js';

/** Why saved progress was not restored: unreadable state, or an LMS that would not give it back. */
export type ResumeNote = (DecodeResult extends infer R ? (R extends { ok: false; reason: infer X } ? X : never) : never) | 'unavailable';

/** A pause in typing this long saves the draft: with the SCORM commit delay, a window closed a second later keeps it. */
export const DRAFT_SAVE_DELAY_MS = 500;

export interface SessionOptions {
  readonly now?: () => number;
  /** Source of this learner's quiz-order seed (tests pass a fixed one). */
  readonly random?: () => number;
}

export class LessonSession {
  private current: ProgressState;
  private listeners = new Set<(state: ProgressState) => void>();
  private lastOutcome = '';
  private finished = false;
  private finishing: Promise<void> | undefined;
  /** The tracker confirmed the end (xAPI/cmi5: the LRS stored everything, `terminated` last). */
  private endConfirmed = false;
  /** Reports run one after another so the LMS sees answers, state and status in order. */
  private reporting: Promise<void> = Promise.resolve();
  /** When each question or case was first shown, for latency. */
  private shownAt = new Map<string, number>();
  private readonly now: () => number;
  /** Every question of the lesson by its answer key: what each answer reports about its question. */
  private readonly questions: ReadonlyMap<string, LessonQuestion>;
  /** A draft changed: saved after a pause in typing (or at once on flush), not on every keystroke. */
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  /** The outcome the tracker last accepted (what the LMS was told), for the end screen. */
  reported: Outcome | undefined;
  /** The LMS could not take the pass in this session (cmi5): it is kept and sent at the next launch. */
  passDeferred = false;
  /** Passing score in force: the LMS's mastery score if it gives one, else course/. */
  passingScore: number;
  /** Browse/review launches must not change the learner's record. */
  mode: TrackerStart['mode'] = 'normal';
  /** Why saved state could not be used, if it could not (shown as a calm notice). */
  resumeProblem: ResumeNote | undefined;
  /** Why the LMS/LRS launch failed, if it did (the lesson then runs standalone). */
  launchProblem: string | undefined;
  /** Where Finish hands the window back to, if the LMS said (cmi5 returnURL). */
  exitUrl: string | undefined;
  /** The session has ended (Finish) and the LMS/LRS confirmed everything: only then is the learner told so. */
  get ended(): boolean {
    return this.endConfirmed;
  }

  constructor(
    readonly lesson: Lesson,
    readonly tracker: Tracker,
    options: SessionOptions = {},
  ) {
    this.current = progress.initialProgress(lesson, progress.newQuizSeed(options.random));
    this.passingScore = lesson.settings.passingScore;
    this.now = options.now ?? Date.now;
    this.questions = new Map(lessonQuestions(lesson).map((q) => [q.key, q]));
  }

  get state(): ProgressState {
    return this.current;
  }

  get outcome(): Outcome {
    return outcomeOf(this.lesson, this.current);
  }

  subscribe(listener: (state: ProgressState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Starts tracking and restores saved progress. `requestedPage` (from the URL) wins over the saved place. */
  async start(requestedPage?: string): Promise<void> {
    const started = await this.tracker.start();
    this.mode = started.mode;
    this.launchProblem = started.launchProblem;
    this.exitUrl = started.exitUrl;
    if (started.masteryScore !== undefined) this.passingScore = started.masteryScore;
    const decoded = decodeProgress(this.lesson, started.savedState);
    if (decoded.ok) this.current = decoded.state;
    else if (decoded.reason !== 'empty') this.resumeProblem = decoded.reason;
    if (started.savedStateUnreadable) this.resumeProblem = 'unavailable';
    const page = this.pageExists(requestedPage)
      ? requestedPage
      : this.pageExists(started.location)
        ? started.location
        : this.current.location;
    this.lastOutcome = JSON.stringify(this.outcome);
    // Restored progress was reported when it was made: that is what the LMS holds.
    if (decoded.ok) this.reported = this.outcome;
    this.update(progress.visit(this.current, page ?? this.current.location), []);
  }

  visit(pageId: string): void {
    if (!this.pageExists(pageId)) return;
    this.update(progress.visit(this.current, pageId), []);
  }

  /** A question became visible: latency is measured from here. */
  shown(key: string): void {
    if (!this.shownAt.has(key)) this.shownAt.set(key, this.now());
  }

  /**
   * The learner checked an answer to a case. The first check is the answer the LMS records; a
   * check after a wrong answer is a try again, kept with the progress but never reported.
   */
  answerCase(activityId: string, caseId: string, optionId: string): void {
    const found = this.findCase(activityId, caseId);
    if (!found || !found.block.options.some((o) => o.id === optionId)) return;
    const right = rightOptions(found.item);
    if (found.key in this.current.choices) {
      this.update(progress.retryCase(this.current, found.key, optionId, right), []);
      return;
    }
    const record = this.interaction(found.key, { response: [optionId], success: right.includes(optionId), attempt: 0 });
    this.update(progress.answerCase(this.current, found.key, optionId), [record]);
  }

  /** The learner, after their own try, asked to see a case's best answer. */
  revealCase(activityId: string, caseId: string): void {
    const found = this.findCase(activityId, caseId);
    if (found) this.update(progress.revealCase(this.current, found.key), []);
  }

  private findCase(activityId: string, caseId: string) {
    return activityCases(this.lesson).find((c) => c.block.id === activityId && c.item.id === caseId);
  }

  submitWritten(activityId: string, questionId: string, text: string): void {
    const found = writtenQuestions(this.lesson).find((w) => w.block.id === activityId && w.question.id === questionId);
    if (!found) return;
    const next = progress.submitWritten(this.current, found.key, text, this.lesson.settings.writtenAnswerMaxLength);
    const answer = next.written[found.key];
    if (next === this.current || answer === undefined) return;
    const record = this.interaction(found.key, { response: [answer], success: undefined, attempt: 0 });
    this.update(next, [record]);
  }

  /** An option picked but not checked: kept with the resume state. */
  pickCase(activityId: string, caseId: string, optionId: string): void {
    const found = this.findCase(activityId, caseId);
    if (!found || !found.block.options.some((o) => o.id === optionId)) return;
    this.updateDraft(progress.pickCase(this.current, found.key, optionId, rightOptions(found.item)));
  }

  /** Text typed but not submitted: kept with the resume state. */
  saveDraft(activityId: string, questionId: string, text: string): void {
    const found = writtenQuestions(this.lesson).find((w) => w.block.id === activityId && w.question.id === questionId);
    if (!found) return;
    this.updateDraft(progress.saveDraft(this.current, found.key, text, this.lesson.settings.writtenAnswerMaxLength));
  }

  chooseQuizOption(questionId: string, optionId: string): void {
    this.update(progress.chooseQuizOption(this.current, questionId, optionId), []);
  }

  goToQuestion(index: number): void {
    const last = quizOf(this.lesson).questions.length - 1;
    this.update(progress.goToQuestion(this.current, Math.max(0, Math.min(last, index))), []);
  }

  submitQuiz(): void {
    const quiz = quizOf(this.lesson);
    const next = progress.submitQuiz(this.current, this.lesson, this.passingScore);
    if (next === this.current) return;
    const attempt = next.quiz.attemptCount;
    const records = quiz.questions.map((q) => {
      const chosen = this.current.quiz.answers[q.id] ?? '';
      return this.interaction(answerKey(quiz.id, q.id), { response: [chosen], success: chosen === q.correct, attempt });
    });
    for (const q of quiz.questions) this.shownAt.delete(answerKey(quiz.id, q.id));
    this.update(next, records);
  }

  retakeQuiz(): void {
    this.update(progress.retakeQuiz(this.current, this.lesson), []);
  }

  /** The page is being hidden or left: hand everything pending to the tracker now. */
  flush(): void {
    // Synchronously: on pagehide nothing after this handler is guaranteed to run.
    if (this.draftTimer !== undefined) this.saveDraftsNow();
    this.tracker.flush();
  }

  /**
   * Ends the session (exactly once). Starts synchronously, so it also works from `pagehide`,
   * where nothing after an `await` is guaranteed to run; a draft still waiting for its save goes
   * with the rest, so the tracker sends everything pending together with the end.
   */
  finish(reason: FinishReason = 'pagehide'): Promise<void> {
    if (this.draftTimer !== undefined) this.saveDraftsNow();
    this.finished = true;
    this.finishing ??= this.tracker.finish(reason);
    return this.finishing;
  }

  /** The learner chose Finish: let pending reports reach the tracker first, then end (a second click waits for the same end). */
  async exit(): Promise<void> {
    await this.reporting;
    await this.finish('exit');
    this.endConfirmed = true;
  }

  private pageExists(id: string | undefined): id is string {
    return id !== undefined && this.lesson.pages.some((p) => p.id === id);
  }

  /** An answer to the question with this key, with the facts the lesson states about that question. */
  private interaction(key: string, answer: Pick<InteractionRecord, 'response' | 'success' | 'attempt'>): InteractionRecord {
    const q = this.questions.get(key);
    // The callers found the question in the lesson first: a missing one is a programming error.
    if (!q) throw new Error(`no question ${key} in the lesson`);
    const now = this.now();
    const shown = this.shownAt.get(key) ?? now;
    return {
      id: q.key,
      activityId: q.activityId,
      kind: q.kind,
      question: q.question,
      choices: q.choices,
      correct: q.correct,
      weighting: q.weighting,
      ...answer,
      latencyMs: Math.max(0, now - shown),
      answeredAt: now,
    };
  }

  /** A draft or pick: shown at once, saved after a short pause (typing would otherwise save on every key). */
  private updateDraft(next: ProgressState): void {
    if (next === this.current) return;
    this.current = next;
    for (const listener of this.listeners) listener(next);
    if (this.mode !== 'normal' || this.finished) return;
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => this.saveDraftsNow(), DRAFT_SAVE_DELAY_MS);
  }

  private saveDraftsNow(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    if (this.mode !== 'normal' || this.finished) return;
    void this.tracker.save(encodeProgress(this.lesson.id, this.current), this.current.location);
  }

  private update(next: ProgressState, records: readonly InteractionRecord[]): void {
    if (next === this.current && records.length === 0) return;
    // Whatever is reported next carries the drafts too.
    clearTimeout(this.draftTimer);
    this.draftTimer = undefined;
    const newPages = next.visited.filter((id) => !this.current.visited.includes(id));
    this.current = next;
    for (const listener of this.listeners) listener(next);
    if (this.mode !== 'normal' || this.finished) return; // browse/review or ended: look, but leave the record as it is
    // A tracker that throws must not stop later reports: adapters keep their own retry queues.
    this.reporting = this.reporting
      .then(() => this.report(records, newPages))
      .catch((error: unknown) => console.error('Tracking failed:', error));
  }

  /** Resolves when everything reported so far has been handed to the tracker. */
  settled(): Promise<void> {
    return this.reporting;
  }

  /** Answers first, then the state that refers to them, then the outcome if it changed. */
  private async report(records: readonly InteractionRecord[], newPages: readonly string[]): Promise<void> {
    for (const page of newPages) await this.tracker.visit(page);
    for (const record of records) await this.tracker.record(record);
    await this.tracker.save(encodeProgress(this.lesson.id, this.current), this.current.location);
    const outcome = this.outcome;
    const key = JSON.stringify(outcome);
    if (key !== this.lastOutcome) {
      this.lastOutcome = key;
      const result = await this.tracker.conclude(outcome);
      this.passDeferred = result === 'pass-deferred';
      // A deferred pass was not told: the LMS still holds the earlier verdict and score.
      this.reported = this.passDeferred ? { ...outcome, passed: this.reported?.passed, scaledScore: this.reported?.scaledScore } : outcome;
      for (const listener of this.listeners) listener(this.current);
    }
  }
}
