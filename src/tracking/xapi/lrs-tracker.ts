/**
 * The tracker for LRS-based packages (xAPI and cmi5): statements through a
 * durable queue, resume state through the State resource. What differs
 * between plain xAPI and cmi5 (context template, categories, launch modes) is
 * a StatementProfile; the order and once-only rules live here:
 *
 * - `initialized` first, once per browser session (a reload does not repeat it);
 * - `completed` and `passed` at most once per registration, never `failed` after `passed`;
 * - `failed` is sent when the session ends without a pass, so one session never
 *   carries both `failed` and `passed` (cmi5 §9.3) and a retake can still pass;
 * - `terminated` last; nothing after it.
 */
import type { Statement } from '@xapi/xapi';
import type { Lesson } from '../../content/lesson.js';
import type { InteractionRecord } from '../../domain/interaction.js';
import type { ConnectionStatus, FinishReason, Outcome, Tracker, TrackerStart } from '../tracker.js';
import { classify, type LrsClient } from './lrs-client.js';
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
  readonly client: LrsClient;
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
  private sent = new Set<string>();
  private flags: SessionFlags;
  private pendingFailure: number | undefined;
  private bestScore: number | undefined;
  private document: ResumeDocument = {};
  private saving: Promise<void> = Promise.resolve();
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  private dirty = false;
  private listeners = new Set<(status: ConnectionStatus) => void>();
  private stateStatus: ConnectionStatus = { kind: 'connected' };
  private queueStatus: ConnectionStatus = { kind: 'connected' };
  private readonly now: () => number;
  private readonly pageTitles: Map<string, string>;
  private readonly activityTitles: Map<string, string>;
  private readonly resumeGuard: ResumeGuard;

  constructor(private readonly o: LrsTrackerOptions) {
    this.standard = o.standard;
    this.now = o.now ?? Date.now;
    this.resumeGuard = new ResumeGuard(o.resume);
    this.flags = this.loadFlags();
    // Plain xAPI: the page came back after its session ended (a reload after pagehide): a new session.
    if (this.flags.terminated && o.standard === 'xapi')
      this.flags = { startedAt: this.now(), initialized: false, failed: false, terminated: false };
    this.pageTitles = new Map(o.lesson.pages.map((p) => [p.id, p.number ? `${p.number}) ${p.title}` : p.title]));
    this.activityTitles = new Map(o.lesson.pages.flatMap((p) => p.blocks.flatMap((b) => ('id' in b ? [[b.id, p.title] as const] : []))));
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
      this.flags.initialized = true;
      this.saveFlags();
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
    const title = this.pageTitles.get(pageId) ?? pageId;
    const page = { id: `${this.o.context.lesson.id}/pages/${pageId}`, name: title, type: build.ACTIVITY_TYPES.module };
    this.send('experienced', build.experienced(this.o.context, page));
  }

  async record(i: InteractionRecord): Promise<void> {
    const where = this.activityTitles.get(i.activityId) ?? i.activityId;
    const ref = {
      id: `${this.o.context.lesson.id}/interactions/${encodeURIComponent(i.id)}`,
      name: `${where}: ${i.question}`.slice(0, 200),
    };
    this.send('answered', build.answered(this.o.context, i, ref));
  }

  async save(state: string, location: string): Promise<void> {
    this.document = { ...this.document, state, location };
    this.scheduleSave();
  }

  async conclude(outcome: Outcome): Promise<void> {
    if (outcome.scaledScore !== undefined) this.bestScore = Math.max(this.bestScore ?? 0, outcome.scaledScore);
    if (outcome.completed && !this.sent.has('completed')) {
      this.once('completed', build.lessonStatement(this.o.context, 'completed', { completion: true, duration: this.sessionDuration() }));
    }
    if (outcome.passed === true && !this.sent.has('passed') && this.bestScore !== undefined) {
      this.pendingFailure = undefined;
      this.once(
        'passed',
        build.lessonStatement(this.o.context, 'passed', {
          success: true,
          score: build.scoreOf(this.bestScore),
          duration: this.sessionDuration(),
        }),
      );
    } else if (outcome.passed === false && !this.sent.has('passed')) {
      this.pendingFailure = this.bestScore; // sent when the session ends, unless a retake passes first
    }
  }

  /**
   * The page is being hidden (maybe for good): send statements and the resume state now. The
   * requests start synchronously with `keepalive`, so they complete even if the page is unloaded.
   */
  flush(): void {
    this.o.client.unloading = true;
    try {
      this.o.queue.flushNow();
      const document = this.dirty ? this.resumeGuard.writableNow(this.document) : undefined;
      if (document) {
        this.dirty = false;
        void this.o.resume.write(document).catch(() => this.scheduleSave());
      }
    } finally {
      this.o.client.unloading = false;
    }
  }

  async finish(reason: FinishReason): Promise<void> {
    if (this.flags.terminated) return;
    if (reason === 'pagehide' && this.standard === 'cmi5') {
      // A cmi5 session cannot be resumed once terminated (its token ends with it), and pagehide
      // cannot tell a closed tab from a reload, which must keep the session (cmi5 §8.2.1). So the
      // session stays open: everything pending is sent now, and a closed tab is left to the LMS,
      // which records it as abandoned (§9.3.6). `terminated` is sent when the learner exits.
      this.flush();
      return;
    }
    // The resume state first: once `terminated` is stored, the LMS may refuse the session's token
    // (cmi5 §8.1.2). When the page is going away there is no time to wait: both leave at once.
    const leaving = typeof document !== 'undefined' && document.visibilityState === 'hidden';
    // (Nothing to wait for while the LRS's own document is unread: this session may not write it.)
    const writable = this.resumeGuard.writableNow(this.document) !== undefined;
    if (this.dirty && writable && !leaving) await Promise.race([this.writeNow(), new Promise((resolve) => setTimeout(resolve, 2_000))]);
    if (this.pendingFailure !== undefined && !this.sent.has('passed') && !this.flags.failed) {
      this.flags.failed = true;
      this.send(
        'failed',
        build.lessonStatement(this.o.context, 'failed', {
          success: false,
          score: build.scoreOf(this.pendingFailure),
          duration: this.sessionDuration(),
        }),
      );
    }
    this.send('terminated', build.lessonStatement(this.o.context, 'terminated', { duration: this.sessionDuration() }));
    this.flags.terminated = true;
    this.saveFlags();
    this.flush();
    await Promise.allSettled([this.o.queue.send(), this.saving]);
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.currentStatus());
    return () => this.listeners.delete(listener);
  }

  /** Statements are refused once the session has ended (nothing after `terminated`). */
  private send(verb: VerbName, statement: Statement): void {
    if (this.flags.terminated) return;
    this.o.queue.add(this.o.profile.decorate(statement, verb));
  }

  /** completed / passed: at most once per registration, remembered in the resume document. */
  private once(verb: 'completed' | 'passed', statement: Statement): void {
    this.sent.add(verb);
    this.send(verb, statement);
    this.document = { ...this.document, sent: [...this.sent].filter((v) => v === 'completed' || v === 'passed') };
    void this.writeNow();
  }

  private scheduleSave(): void {
    this.dirty = true;
    if (this.saveTimer !== undefined) return;
    // Soon, and coalesced: while one write is in flight, the next waits and carries the latest state.
    this.saveTimer = setTimeout(() => {
      this.saveTimer = undefined;
      void this.writeNow();
    }, this.o.saveDelayMs ?? 200);
  }

  /** Writes the resume document now (after any write in flight); on failure it stays dirty and is retried. */
  private writeNow(): Promise<void> {
    if (this.saveTimer !== undefined) {
      clearTimeout(this.saveTimer);
      this.saveTimer = undefined;
    }
    this.dirty = false;
    const document = this.document;
    this.saving = this.saving.then(async () => {
      try {
        await this.o.resume.write(await this.resumeGuard.writable(document));
        this.setStateStatus(undefined);
      } catch (error) {
        this.setStateStatus(error);
        if (this.document === document) this.scheduleSave();
      }
    });
    return this.saving;
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
