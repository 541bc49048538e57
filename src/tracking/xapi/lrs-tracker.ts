/**
 * The tracker for LRS-based packages (xAPI and cmi5): statements through a
 * durable queue, resume state through the State resource. What differs
 * between plain xAPI and cmi5 (context template, categories, launch modes) is
 * a StatementProfile; the order and once-only rules live here:
 *
 * - `initialized` first, once per browser session (a reload does not repeat it);
 * - `completed` and `passed` at most once per registration, never `failed` after `passed`;
 * - `failed` (with its score) as soon as a quiz attempt is judged a fail, at most
 *   once per session. cmi5 allows one of passed/failed per session (§9.3,
 *   9.3.0.0-3), so a cmi5 retake that passes after a `failed` of the same session
 *   is reported as `passed` at the start of the next session (the resume document
 *   says it has not been sent); plain xAPI sends it at once;
 * - the resume state is written (and confirmed) before `terminated`; `terminated`
 *   last, and nothing at all after it (cmi5 8.1.2.0-2: the session's token dies with it);
 * - a session ends when its page goes away too (most learners close the window
 *   rather than use Exit): `terminated` then leaves with the last statements in
 *   one keepalive request, so an LMS records the session as ended, not abandoned.
 */
import type { Statement } from '@xapi/xapi';
import type { Lesson } from '../../content/lesson.js';
import type { InteractionRecord } from '../../domain/interaction.js';
import type { ConnectionStatus, FinishReason, Outcome, Tracker, TrackerStart } from '../tracker.js';
import { decodeProgress } from '../../domain/codec.js';
import { outcomeOf } from '../../domain/completion.js';
import { meetsPassingScore, scoreQuiz } from '../../domain/scoring.js';
import { shortenText } from '../../domain/text.js';
import type { QuizBlock } from '../../domain/lesson-queries.js';
import { pageActivityText } from '../../packaging/tincan-activities.js';
import { classify } from './lrs-client.js';
import type { ResumeDocument, ResumeStore } from './resume-document.js';
import { ResumeGuard } from './resume-guard.js';
import type { StatementQueue } from './statement-queue.js';
import * as build from './statements.js';
import type { StatementContext, VerbName } from './statements.js';

export interface StatementProfile {
  /** Adds what the profile requires to a statement (cmi5: context template, categories, extensions). */
  decorate(statement: Statement, verb: VerbName): Statement;
}

export interface LrsTrackerOptions {
  readonly standard: 'xapi' | 'cmi5';
  readonly lesson: Lesson;
  readonly queue: StatementQueue;
  readonly resume: ResumeStore;
  readonly context: StatementContext;
  readonly profile: StatementProfile;
  /** Per-tab flags (initialized sent, session start), kept across reloads of this tab only. */
  readonly session: Storage | undefined;
  readonly sessionKey: string;
  readonly mode?: TrackerStart['mode'];
  readonly masteryScore?: number;
  readonly exitUrl?: string;
  readonly saveDelayMs?: number;
  readonly retryDelaysMs?: readonly number[];
  readonly now?: () => number;
}

interface SessionFlags {
  startedAt: number;
  initialized: boolean;
  /** `failed` was sent in this session (at most one of passed/failed per session, cmi5 §9.3). */
  failed: boolean;
  terminated: boolean;
}

export class LrsTracker implements Tracker {
  readonly standard: 'xapi' | 'cmi5';
  /** completed / passed already sent for this registration (remembered in the resume document). */
  private sent = new Set<string>();
  private flags: SessionFlags;
  /** Quiz answers per attempt of this session, to judge an attempt as soon as its last answer is recorded. */
  private attempts = new Map<number, Record<string, string>>();
  private document: ResumeDocument = {};
  /** Bumped on every change of the document; `written` is the version the LRS confirmed. */
  private version = 0;
  private written = 0;
  private writing: Promise<void> | undefined;
  /** The version of the document in the last write started (normal or keepalive). */
  private sending = 0;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private saveFailures = 0;
  /** `terminated` is on its way: nothing more may be written. */
  private closed = false;
  private ending: Promise<void> | undefined;
  private settledWaiters: (() => void)[] = [];
  private listeners = new Set<(status: ConnectionStatus) => void>();
  private stateStatus: ConnectionStatus = { kind: 'connected' };
  private queueStatus: ConnectionStatus = { kind: 'connected' };
  private readonly now: () => number;
  private readonly activityTitles: Map<string, string>;
  private readonly resumeGuard: ResumeGuard;
  private readonly quiz: QuizBlock | undefined;

  constructor(private readonly o: LrsTrackerOptions) {
    this.standard = o.standard;
    this.now = o.now ?? Date.now;
    this.resumeGuard = new ResumeGuard(o.resume);
    this.flags = this.loadFlags();
    // Plain xAPI: the page came back after its session ended (a reload after pagehide): a new session.
    if (this.flags.terminated && o.standard === 'xapi')
      this.flags = { startedAt: this.now(), initialized: false, failed: false, terminated: false };
    this.closed = this.flags.terminated;
    this.activityTitles = new Map(o.lesson.pages.flatMap((p) => p.blocks.flatMap((b) => ('id' in b ? [[b.id, p.title] as const] : []))));
    this.quiz = o.lesson.pages.flatMap((p) => p.blocks).find((b): b is QuizBlock => b.kind === 'quiz');
    o.queue.onStatus((s) => {
      this.queueStatus = s;
      this.emit();
    });
  }

  async start(): Promise<TrackerStart> {
    let saved: ResumeDocument | undefined;
    let unreadable = false;
    try {
      saved = await this.resumeGuard.readAtLaunch();
    } catch (error) {
      this.setStateStatus(error);
      unreadable = true;
    }
    this.document = saved ?? {};
    for (const verb of this.document.sent ?? []) this.sent.add(verb);
    if (!this.flags.initialized) {
      this.send('initialized', build.lessonStatement(this.o.context, 'initialized'));
      // Alone, at once: a cmi5 LMS checks each statement of a batch against the session as it was
      // before the batch, so one sent with `initialized` is refused (CATAPULT: 9.3.0.0-4).
      void this.o.queue.send();
      this.flags.initialized = true;
      this.saveFlags();
      // A pass (or completion) the last session could not report — cmi5 allows no `passed` after a
      // `failed` in one session — is reported now, in this session, right after `initialized`.
      const saved = decodeProgress(this.o.lesson, this.document.state);
      if (saved.ok && (this.o.mode ?? 'normal') === 'normal') await this.conclude(outcomeOf(this.o.lesson, saved.state));
    }
    return {
      savedState: this.document.state,
      savedStateUnreadable: unreadable,
      location: this.document.location,
      masteryScore: this.o.masteryScore,
      mode: this.o.mode ?? 'normal',
      learnerName: this.o.context.actor.name,
      canExit: true,
      exitUrl: this.o.exitUrl,
    };
  }

  async visit(pageId: string): Promise<void> {
    const page = this.o.lesson.pages.find((p) => p.id === pageId);
    const text = page ? pageActivityText(this.o.lesson, page) : { name: pageId, description: pageId };
    const ref = { id: `${this.o.context.lesson.id}/pages/${pageId}`, ...text, type: build.ACTIVITY_TYPES.module };
    this.send('experienced', build.experienced(this.o.context, ref));
  }

  async record(i: InteractionRecord): Promise<void> {
    const where = this.activityTitles.get(i.activityId) ?? i.activityId;
    const ref = {
      id: `${this.o.context.lesson.id}/interactions/${encodeURIComponent(i.id)}`,
      name: shortenText(`${where}: ${i.question}`, 200),
    };
    this.send('answered', build.answered(this.o.context, i, ref));
    if (i.attempt > 0 && this.quiz && i.activityId === this.quiz.id) this.judge(this.quiz, i);
  }

  async save(state: string, location: string): Promise<void> {
    if (this.closed) return;
    this.document = { ...this.document, state, location };
    this.changed();
  }

  async conclude(outcome: Outcome): Promise<void | 'pass-deferred'> {
    if (outcome.completed && !this.sent.has('completed')) {
      this.once('completed', build.lessonStatement(this.o.context, 'completed', { completion: true, duration: this.sessionDuration() }));
    }
    // cmi5 9.3.0.0-3: one of passed/failed per session; after a `failed` the pass waits for the next session.
    const mayPass = !(this.standard === 'cmi5' && this.flags.failed);
    if (outcome.passed === true && outcome.scaledScore !== undefined && !this.sent.has('passed') && mayPass) {
      this.once(
        'passed',
        build.lessonStatement(this.o.context, 'passed', {
          success: true,
          score: build.scoreOf(outcome.scaledScore),
          duration: this.sessionDuration(),
        }),
      );
    }
    if (outcome.passed === true && !mayPass && !this.sent.has('passed')) return 'pass-deferred';
  }

  /**
   * The page is being hidden (maybe for good): hand over now, with keepalive, the resume state if
   * the LRS has not confirmed the latest one, and the statements not already in flight.
   */
  flush(): void {
    this.flushState();
    this.o.queue.flushNow();
  }

  /** The session ended in this tab (Exit, or the page went away): a reload of it can record nothing more in it. */
  get ended(): boolean {
    return this.flags.terminated;
  }

  finish(reason: FinishReason): Promise<void> {
    if (this.flags.terminated) return Promise.resolve();
    if (reason === 'pagehide') {
      // The page is going away: closed (most learners end a session so), or reloaded, which pagehide
      // cannot tell apart. No time to wait for confirmations: the resume state leaves first, then the
      // statements not yet sent with `terminated` last, in one request (an LRS stores a statement
      // array in order), all with keepalive, so the LMS records the session as ended, not abandoned
      // (cmi5 §9.3.6). A batch already on its way left earlier and arrives first. A reloaded cmi5
      // page finds its session ended (its token died with `terminated`) and says so (Cmi5Tracker).
      this.flushState();
      this.terminate(true);
      this.o.queue.flushNow();
      return Promise.resolve();
    }
    // Exit: every statement and the resume state confirmed, then `terminated`, confirmed too. Only
    // then does the learner read that the results are saved (while the LRS fails, they read why not).
    this.ending ??= (async () => {
      await Promise.all([this.o.queue.drained(), this.stateSettled()]);
      await this.writing; // a write (or the read before it) still on its way must not follow `terminated`
      this.terminate();
      await this.o.queue.drained();
    })();
    return this.ending;
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.currentStatus());
    return () => this.listeners.delete(listener);
  }

  /**
   * The latest document, with keepalive, unless the LRS has it or a request carrying it is on its way:
   * pagehide and visibilitychange come together, and two writes at once may be refused (an LMS that
   * adds If-Match itself, as CATAPULT does, answers 412 to the one that lost the race).
   */
  private flushState(): void {
    const version = this.version;
    if (this.closed || this.written === version || this.sending === version) return;
    const document = this.resumeGuard.writableNow(this.document);
    if (!document) return;
    this.sending = version;
    this.o.resume.write(document, true).then(
      () => this.confirmWritten(version),
      () => this.scheduleSave(),
    );
  }

  private terminate(hold = false): void {
    this.closed = true;
    if (this.saveTimer !== undefined) clearTimeout(this.saveTimer);
    this.send('terminated', build.lessonStatement(this.o.context, 'terminated', { duration: this.sessionDuration() }), hold);
    this.flags.terminated = true;
    this.saveFlags();
  }

  /** When the last answer of a quiz attempt arrives, a failing attempt is reported at once (once per session). */
  private judge(quiz: QuizBlock, i: InteractionRecord): void {
    const answers = this.attempts.get(i.attempt) ?? {};
    answers[i.id.slice(quiz.id.length + 1)] = i.response[0] ?? '';
    this.attempts.set(i.attempt, answers);
    if (Object.keys(answers).length < quiz.questions.length) return;
    const { scaled } = scoreQuiz(quiz, answers);
    const passing = this.o.masteryScore ?? this.o.lesson.settings.passingScore;
    if (meetsPassingScore(scaled, passing) || this.flags.failed || this.sent.has('passed')) return;
    this.flags.failed = true;
    this.saveFlags();
    this.send(
      'failed',
      build.lessonStatement(this.o.context, 'failed', { success: false, score: build.scoreOf(scaled), duration: this.sessionDuration() }),
    );
  }

  /** Statements are refused once the session has ended (nothing after `terminated`). */
  private send(verb: VerbName, statement: Statement & { id: string }, hold = false): void {
    if (this.flags.terminated) return;
    this.o.queue.add(this.o.profile.decorate(statement, verb) as Statement & { id: string }, hold);
  }

  /** completed / passed: at most once per registration, remembered in the resume document. */
  private once(verb: 'completed' | 'passed', statement: Statement & { id: string }): void {
    this.sent.add(verb);
    this.send(verb, statement);
    this.document = { ...this.document, sent: [...this.sent].filter((v) => v === 'completed' || v === 'passed') };
    this.changed();
  }

  private changed(): void {
    this.version += 1;
    // At once (on the next turn, so what changes together is written together): a window closed
    // soon after finds the document written, not racing its `terminated`.
    this.scheduleSave(this.o.saveDelayMs ?? 0);
  }

  /** Soon, and coalesced: one write at a time, each carrying the latest document. */
  private scheduleSave(delay = this.retryDelay()): void {
    if (this.closed || this.saveTimer !== undefined) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.writeNow();
    }, delay);
  }

  private retryDelay(): number {
    const delays = this.o.retryDelaysMs ?? [1_000, 2_000, 5_000, 10_000, 30_000];
    return delays[Math.min(this.saveFailures, delays.length - 1)] ?? 30_000;
  }

  /** Writes the latest document unless a write is in flight (that one reschedules when done). */
  private writeNow(): Promise<void> {
    if (this.writing) return this.writing;
    if (this.closed || this.written === this.version) return Promise.resolve();
    const version = this.version;
    const document = this.document;
    this.sending = version;
    this.writing = (async () => {
      try {
        await this.o.resume.write(await this.resumeGuard.writable(document));
        this.saveFailures = 0;
        this.confirmWritten(version);
        this.setStateStatus(undefined);
      } catch (error) {
        this.saveFailures += 1;
        this.setStateStatus(error);
      } finally {
        this.writing = undefined;
      }
      // Changed meanwhile, or failed: write again (the learner's work is never dropped for a passing failure).
      if (this.written !== this.version) this.scheduleSave(this.saveFailures ? this.retryDelay() : 0);
    })();
    return this.writing;
  }

  private confirmWritten(version: number): void {
    this.written = Math.max(this.written, version);
    if (this.written === this.version) for (const resolve of this.settledWaiters.splice(0)) resolve();
  }

  /** Resolves when the LRS has confirmed the latest resume document (retries go on until then). */
  private stateSettled(): Promise<void> {
    // Nothing to wait for while the LRS's own document is unread: this session may not write it.
    if (this.written === this.version || this.resumeGuard.writableNow(this.document) === undefined) return Promise.resolve();
    void this.writeNow();
    return new Promise((resolve) => this.settledWaiters.push(resolve));
  }

  private setStateStatus(error: unknown): void {
    if (error === undefined) this.stateStatus = { kind: 'connected' };
    else
      this.stateStatus =
        classify(error) === 'unauthorized' ? { kind: 'unauthorized', detail: String(error) } : { kind: 'retrying', detail: String(error) };
    this.emit();
  }

  private currentStatus(): ConnectionStatus {
    const worst =
      [this.queueStatus, this.stateStatus].find((s) => s.kind === 'unauthorized') ??
      [this.queueStatus, this.stateStatus].find((s) => s.kind === 'retrying');
    return worst ?? { kind: 'connected' };
  }

  private emit(): void {
    const status = this.currentStatus();
    for (const listener of this.listeners) listener(status);
  }

  private sessionDuration(): string {
    return build.duration(this.now() - this.flags.startedAt);
  }

  private loadFlags(): SessionFlags {
    try {
      const raw = this.o.session?.getItem(this.o.sessionKey);
      const parsed: unknown = raw ? JSON.parse(raw) : undefined;
      if (typeof parsed === 'object' && parsed !== null && 'startedAt' in parsed) return parsed as SessionFlags;
    } catch {
      // A fresh session.
    }
    return { startedAt: this.now(), initialized: false, failed: false, terminated: false };
  }

  private saveFlags(): void {
    try {
      this.o.session?.setItem(this.o.sessionKey, JSON.stringify(this.flags));
    } catch {
      // Without storage a reload starts a new session: still a valid statement sequence.
    }
  }
}
