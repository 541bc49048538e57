/**
 * Talks to a SCORM API on behalf of one tracker: initializes once, writes
 * values, commits, terminates once, and never loses a value the LMS refused.
 *
 * Values are written in order from a queue. A write the LMS refuses stays in
 * the queue (with everything after it) and is tried again at the next save
 * point or by a backoff timer; a failed Commit is retried the same way. The
 * learner sees a calm notice meanwhile and is never blocked.
 *
 * Commits are deliberate: after a batch of important values (status, score,
 * answers) at once, otherwise at most every `commitDelayMs`, and always when
 * the page is hidden or closed — never on every keystroke.
 */
import type { ConnectionStatus } from '../tracker.js';
import type { LmsError, ScormCalls } from './api.js';

export interface ConnectionOptions {
  readonly commitDelayMs?: number;
  readonly retryDelaysMs?: readonly number[];
  /** Timers are injected so tests control time. */
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
}

type Phase = 'new' | 'open' | 'closed';

export class ScormConnection {
  private phase: Phase = 'new';
  private queue: [string, string][] = [];
  private dirty = false;
  private commitTimer: unknown;
  private retryTimer: unknown;
  private failures = 0;
  private listeners = new Set<(status: ConnectionStatus) => void>();
  private status: ConnectionStatus = { kind: 'connected' };
  private readonly commitDelayMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  /** Set by the tracker: values to write just before every commit (e.g. session time). */
  beforeCommit: () => readonly [string, string][] = () => [];

  constructor(
    private readonly calls: ScormCalls,
    options: ConnectionOptions = {},
  ) {
    this.commitDelayMs = options.commitDelayMs ?? 15_000;
    this.retryDelaysMs = options.retryDelaysMs ?? [2_000, 5_000, 15_000, 30_000, 60_000];
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** Initialize (once). On failure the course keeps working and it is tried again later. */
  open(): boolean {
    if (this.phase !== 'new') return this.phase === 'open';
    const result = this.calls.initialize();
    if (result.ok) {
      this.phase = 'open';
      return true;
    }
    // SCORM 2004 error 103 (already initialized): the session is usable.
    if (result.error.code === '103') {
      this.phase = 'open';
      return true;
    }
    this.report(result.error);
    return false;
  }

  get isOpen(): boolean {
    return this.phase === 'open';
  }

  /** Reads a value; undefined when the LMS cannot give it (not an error for optional elements). */
  read(element: string): string | undefined {
    if (this.phase !== 'open') return undefined;
    const result = this.calls.get(element);
    return result.ok ? result.value : undefined;
  }

  /** Reads a value, asking again after a failure; undefined when the LMS still cannot give it. */
  readWithRetry(element: string, attempts: number): string | undefined {
    for (let i = 0; i < attempts; i += 1) {
      const value = this.read(element);
      if (value !== undefined) return value;
    }
    return undefined;
  }

  /** Queues values to write; they are written at once if the LMS is reachable. */
  write(values: readonly [string, string][]): void {
    if (this.phase === 'closed') return;
    this.queue.push(...values);
    this.dirty = true;
    this.drain();
  }

  /** Commit soon (debounced); at once when the last attempt failed, so each save point is a retry. */
  commitSoon(): void {
    if (this.phase === 'closed') return;
    if (this.status.kind === 'retrying') {
      this.commitNow();
      return;
    }
    if (this.commitTimer !== undefined) return;
    this.commitTimer = this.setTimer(() => {
      this.commitTimer = undefined;
      this.commitNow();
    }, this.commitDelayMs);
  }

  /** Write everything pending and commit now. Returns whether the LMS accepted it all. */
  commitNow(): boolean {
    if (this.commitTimer !== undefined) {
      this.clearTimer(this.commitTimer);
      this.commitTimer = undefined;
    }
    if (this.phase === 'closed') return false;
    if (!this.open()) return this.retryLater();
    this.queue.push(...this.beforeCommit());
    if (!this.drain()) return this.retryLater();
    if (!this.dirty) return true;
    const result = this.calls.commit();
    if (!result.ok) {
      this.report(result.error);
      return this.retryLater();
    }
    this.dirty = false;
    this.recovered();
    return true;
  }

  /** Final commit and Terminate, exactly once. */
  close(): void {
    if (this.phase === 'closed') return;
    this.commitNow();
    if (this.phase === 'open') {
      const result = this.calls.terminate();
      if (!result.ok) this.report(result.error);
    }
    this.phase = 'closed';
    if (this.retryTimer !== undefined) this.clearTimer(this.retryTimer);
    if (this.commitTimer !== undefined) this.clearTimer(this.commitTimer);
  }

  /** Values written but not yet accepted by the LMS (for diagnostics and tests). */
  get pending(): number {
    return this.queue.length;
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  /** Write queued values in order; stop at the first refusal, keeping it and the rest. */
  private drain(): boolean {
    if (!this.open()) return false;
    while (this.queue.length > 0) {
      const [element, value] = this.queue[0]!;
      const result = this.calls.set(element, value);
      if (!result.ok) {
        this.report(result.error, element);
        this.retryLater();
        return false;
      }
      this.queue.shift();
    }
    return true;
  }

  private retryLater(): false {
    if (this.retryTimer === undefined && this.phase !== 'closed') {
      const delay = this.retryDelaysMs[Math.min(this.failures, this.retryDelaysMs.length - 1)] ?? 60_000;
      this.failures += 1;
      this.retryTimer = this.setTimer(() => {
        this.retryTimer = undefined;
        this.commitNow();
      }, delay);
    }
    return false;
  }

  private report(error: LmsError, element?: string): void {
    const where = element ? ` (${element})` : '';
    this.setStatus({
      kind: 'retrying',
      detail: `LMS error ${error.code}${where}: ${error.message}${error.diagnostic ? ` – ${error.diagnostic}` : ''}`,
    });
  }

  private recovered(): void {
    this.failures = 0;
    this.setStatus({ kind: 'connected' });
  }

  private setStatus(status: ConnectionStatus): void {
    if (status.kind === this.status.kind && (status.kind !== 'retrying' || this.status.kind === 'retrying')) {
      this.status = status;
      return;
    }
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }
}
