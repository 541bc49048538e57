/**
 * Talks to a SCORM API on behalf of one tracker: initializes once, writes
 * values, commits, terminates once, and never lets one value stall the rest.
 *
 * Values are gathered per element and written at the next save point, just
 * before a Commit: a value set again before then replaces the earlier one,
 * and a value the LMS already holds from this session is not written again.
 * Nothing is lost by waiting: LMSs persist only on Commit or Terminate.
 *
 * Two kinds of refusal (STYLE rule 14):
 * - a data-model error (a value the LMS will never accept: SCORM 1.2 201,
 *   4xx; SCORM 2004 201, 351, 4xx) drops that value, says so in the console,
 *   and the rest is written as usual;
 * - a general or commit failure (101, 102, 301 in 1.2, 391, an exception)
 *   keeps the value and everything after it, and is retried with back-off.
 *
 * Commits are deliberate: after a batch of important values (status, score)
 * at once, otherwise at most every `commitDelayMs`, and always when the page
 * is hidden or closed — never on every keystroke.
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

/** How often the final save is tried when the LMS fails it (the learner is leaving: no later save point). */
const CLOSING_ATTEMPTS = 4;

/**
 * Error codes that mean "this value will never be accepted" (SCORM 1.2 RTE
 * 3.3: 201 invalid argument, 401-405; SCORM 2004 RTE 3.1.7: 201, 351 general
 * set failure, 401-408). Anything else (101 general, 102/111 session, 132,
 * 301 not initialized, 391 commit) may pass on a later try.
 */
export function isDataModelError(code: string): boolean {
  return code === '201' || code === '351' || /^40\d$/.test(code);
}

export class ScormConnection {
  private phase: Phase = 'new';
  /** Values to write at the next save point, in the order they were first set. */
  private pendingValues = new Map<string, string>();
  /** What the LMS accepted from this session, so an unchanged value is never written twice. */
  private accepted = new Map<string, string>();
  private dirty = false;
  private commitTimer: unknown;
  private retryTimer: unknown;
  private failures = 0;
  private refusals = 0;
  private listeners = new Set<(status: ConnectionStatus) => void>();
  private status: ConnectionStatus = { kind: 'connected' };
  private readonly commitDelayMs: number;
  private readonly retryDelaysMs: readonly number[];
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  /** Set by the tracker: values to write just before every commit (e.g. session time). */
  beforeCommit: () => readonly [string, string][] = () => [];
  /** Set by the tracker in browse/review mode: nothing is written, not even the session time. */
  readOnly = false;

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
    this.retrying(result.error);
    return false;
  }

  get isOpen(): boolean {
    return this.phase === 'open';
  }

  /** Reads a value, checking an empty answer; the LMS's error when it cannot give it. */
  read(element: string): { value: string } | { error: string } {
    if (this.phase !== 'open') return { error: 'not-open' };
    const result = this.calls.get(element);
    return result.ok ? { value: result.value } : { error: result.error.code };
  }

  /** Reads an optional value: "" when the LMS has none or cannot give it (both mean the same here). */
  peek(element: string): string {
    return this.phase === 'open' ? this.calls.peek(element) : '';
  }

  /** Sets values for the next save point (the latest value of an element wins). */
  write(values: readonly (readonly [string, string])[]): void {
    if (this.phase === 'closed' || this.readOnly) return;
    for (const [element, value] of values) {
      // A value set again keeps its first place: interactions are created in order, and an id or
      // type is always written before what depends on it.
      if (this.accepted.get(element) === value) this.pendingValues.delete(element);
      else this.pendingValues.set(element, value);
    }
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

  /** Write everything pending and commit now. Returns whether the LMS stored it all. */
  commitNow(): boolean {
    if (this.commitTimer !== undefined) {
      this.clearTimer(this.commitTimer);
      this.commitTimer = undefined;
    }
    if (this.phase === 'closed') return false;
    if (!this.open()) return this.retryLater();
    if (!this.dirty && this.pendingValues.size === 0) return true;
    this.write(this.beforeCommit());
    if (!this.drain()) return this.retryLater();
    if (!this.dirty) return true;
    const result = this.calls.commit();
    if (!result.ok) {
      this.retrying(result.error);
      return this.retryLater();
    }
    this.dirty = false;
    this.recovered();
    return true;
  }

  /** Final commit and Terminate, exactly once. */
  close(): void {
    if (this.phase === 'closed') return;
    if (!this.readOnly) {
      this.dirty = true; // the session time of the last stretch is always worth a final write
      // The last chance before the window goes: a general failure is tried again at once, a few times.
      for (let attempt = 0; attempt < CLOSING_ATTEMPTS && !this.commitNow(); attempt += 1);
    }
    if (this.phase === 'open') {
      const result = this.calls.terminate();
      if (!result.ok) this.retrying(result.error);
    }
    this.phase = 'closed';
    if (this.retryTimer !== undefined) this.clearTimer(this.retryTimer);
    if (this.commitTimer !== undefined) this.clearTimer(this.commitTimer);
  }

  /** Values set but not yet accepted by the LMS (for diagnostics and tests). */
  get pending(): number {
    return this.pendingValues.size;
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  /** Write pending values in order; drop refused ones, stop at the first transient failure. */
  private drain(): boolean {
    for (const [element, value] of this.pendingValues) {
      const result = this.calls.set(element, value);
      if (!result.ok && !isDataModelError(result.error.code)) {
        this.retrying(result.error, element);
        return false;
      }
      this.pendingValues.delete(element);
      if (result.ok) {
        this.accepted.set(element, value);
        this.dirty = true;
      } else {
        this.refused(result.error, element, value);
      }
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

  /** The LMS will never take this value: it is left out, and the learner and developer are told. */
  private refused(error: LmsError, element: string, value: string): void {
    this.refusals += 1;
    console.warn(`The LMS refused ${element} = ${JSON.stringify(value)} (${describe(error)}); it is left out and tracking goes on.`);
    if (this.status.kind !== 'retrying') this.setStatus(this.refusedStatus(element, error));
  }

  private retrying(error: LmsError, element?: string): void {
    this.setStatus({ kind: 'retrying', detail: `${element ? `${element}: ` : ''}${describe(error)}` });
  }

  private recovered(): void {
    this.failures = 0;
    if (this.status.kind === 'retrying') this.setStatus(this.refusals > 0 ? this.refusedStatus() : { kind: 'connected' });
  }

  private refusedStatus(element?: string, error?: LmsError): ConnectionStatus {
    const previous = this.status.kind === 'refused' ? this.status.detail : '';
    const detail = element && error ? `${element}: ${describe(error)}` : previous;
    return { kind: 'refused', detail, count: this.refusals };
  }

  private setStatus(status: ConnectionStatus): void {
    const changedKind = status.kind !== this.status.kind;
    this.status = status;
    if (changedKind || status.kind === 'refused') for (const listener of this.listeners) listener(status);
  }
}

function describe(error: LmsError): string {
  return `LMS error ${error.code}${error.message ? `: ${error.message}` : ''}${error.diagnostic ? ` – ${error.diagnostic}` : ''}`;
}
