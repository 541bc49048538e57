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
 * Commits come soon, never late: after a batch of important values (status,
 * score) at once, otherwise `commitDelayMs` (0.4 s) after the first
 * value set since the last commit, whatever is set after it, so a burst of
 * actions shares one commit and no later action pushes the save further out.
 * The commit when the page is hidden or closed is a last chance, not the plan:
 * an LMS whose API saves with a synchronous request (Chrome blocks those while
 * a page is being dismissed) answers "true" then and stores nothing.
 *
 * The console names the element and the LMS's error, never the value: a value
 * may be a learner's answer.
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
 * From the first value set to the commit that carries it. Short enough that a window closed a second
 * after any action keeps it, a typing pause included (the session saves a draft 500 ms after the last
 * key); long enough that a burst of clicks shares one commit.
 */
export const COMMIT_DELAY_MS = 400;

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
    this.commitDelayMs = options.commitDelayMs ?? COMMIT_DELAY_MS;
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

  /** The page is going away: final commit and Terminate, exactly once, whatever the LMS answers. */
  close(): void {
    if (this.phase === 'closed') return;
    this.finalCommit();
    this.terminate();
  }

  /**
   * The learner ends the session: the final commit is tried again, with back-off, until the LMS
   * has stored everything (the learner is told meanwhile that it is not answering); only then is
   * the session terminated. Resolves once it is.
   */
  async end(): Promise<void> {
    for (let failures = 0; this.phase !== 'closed' && !this.finalCommit(); failures += 1) {
      await new Promise<void>((resolve) => this.setTimer(resolve, this.retryDelay(failures)));
    }
    this.terminate();
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
        this.refused(result.error, element);
      }
    }
    return true;
  }

  /** Everything pending, and the session time of the last stretch (always worth a final write), committed; a general failure is tried again at once, a few times. */
  private finalCommit(): boolean {
    if (this.readOnly) return true;
    this.dirty = true;
    for (let attempt = 0; attempt < CLOSING_ATTEMPTS; attempt += 1) if (this.commitNow()) return true;
    return false;
  }

  private terminate(): void {
    if (this.phase === 'open') {
      const result = this.calls.terminate();
      if (!result.ok) this.retrying(result.error);
    }
    this.phase = 'closed';
    if (this.retryTimer !== undefined) this.clearTimer(this.retryTimer);
    if (this.commitTimer !== undefined) this.clearTimer(this.commitTimer);
  }

  private retryDelay(failures: number): number {
    return this.retryDelaysMs[Math.min(failures, this.retryDelaysMs.length - 1)] ?? 60_000;
  }

  private retryLater(): false {
    if (this.retryTimer === undefined && this.phase !== 'closed') {
      const delay = this.retryDelay(this.failures);
      this.failures += 1;
      this.retryTimer = this.setTimer(() => {
        this.retryTimer = undefined;
        this.commitNow();
      }, delay);
    }
    return false;
  }

  /**
   * The LMS will never take this value: it is left out, and the learner and developer are told which
   * element and why. Not the value, nor the LMS's diagnostic, which may quote it: it may be a
   * learner's answer (SECURITY.md).
   */
  private refused(error: LmsError, element: string): void {
    this.refusals += 1;
    console.warn(`The LMS refused ${element} (${describe(error, false)}); it is left out and tracking goes on.`);
    if (this.status.kind !== 'retrying') this.setStatus(this.refusedStatus(element, error));
  }

  private retrying(error: LmsError, element?: string): void {
    this.setStatus({ kind: 'retrying', detail: element ? `${element}: ${describe(error, false)}` : describe(error) });
  }

  private recovered(): void {
    this.failures = 0;
    if (this.status.kind === 'retrying') this.setStatus(this.refusals > 0 ? this.refusedStatus() : { kind: 'connected' });
  }

  private refusedStatus(element?: string, error?: LmsError): ConnectionStatus {
    const previous = this.status.kind === 'refused' ? this.status.detail : '';
    const detail = element && error ? `${element}: ${describe(error, false)}` : previous;
    return { kind: 'refused', detail, count: this.refusals };
  }

  private setStatus(status: ConnectionStatus): void {
    const changedKind = status.kind !== this.status.kind;
    this.status = status;
    if (changedKind || status.kind === 'refused') for (const listener of this.listeners) listener(status);
  }
}

/** The LMS's error; its diagnostic only for calls that carry no value (a diagnostic may quote the value set). */
function describe(error: LmsError, withDiagnostic = true): string {
  const diagnostic = withDiagnostic && error.diagnostic ? ` – ${error.diagnostic}` : '';
  return `LMS error ${error.code}${error.message ? `: ${error.message}` : ''}${diagnostic}`;
}
