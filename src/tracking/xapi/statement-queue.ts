/**
 * Statements wait here, in order, until the LRS has them — each exactly once.
 *
 * - The queue is kept in sessionStorage (it survives a reload, and never
 *   outlives the tab in clear text).
 * - Statements added in one go (an answered quiz: its answers, its verdict,
 *   completed) leave together in one batch, on the next turn of the event loop.
 * - One batch is in flight at a time. The page going away (`flushNow`) sends,
 *   with keepalive, only what is not already in flight; batches themselves go
 *   with keepalive too, so a batch in flight when the tab closes still arrives.
 * - A batch whose fate is unknown (no answer, a timeout, a 5xx) is "uncertain":
 *   before it is sent again, each id is looked up (GET statements?statementId=)
 *   and only the missing ones are sent. An LRS may store a repeated id twice, or
 *   a cmi5 LMS flag it as a duplicate verb (cmi5 9.3.0.0-2), so nothing the LRS
 *   may hold is ever POSTed again blind.
 * - A 409 means some ids of the batch exist (xAPI 1.0.3 Communication §2.1.2:
 *   the LRS then stores none of the batch): the ids are looked up the same way.
 * - A 400 drops the batch (the LRS will never take it) and the rest goes on.
 */
import type { Statement } from '@xapi/xapi';
import type { ConnectionStatus } from '../tracker.js';
import { classify, KEEPALIVE_BODY_LIMIT, LrsError, type LrsClient } from './lrs-client.js';

export interface QueueOptions {
  readonly storageKey: string;
  readonly storage?: Storage;
  readonly retryDelaysMs?: readonly number[];
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /** Statements per batch at most. */
  readonly batchSize?: number;
}

type Held = Statement & { id: string };

interface Stored {
  readonly pending: Held[];
  readonly uncertain: string[];
}

export class StatementQueue {
  private pending: Held[];
  /** Ids that may already be stored (their request got no clear answer): looked up before any re-send. */
  private uncertain: Set<string>;
  /** Ids in a request that has not answered yet (the batch, or a flush). */
  private readonly inFlight = new Set<string>();
  private sending: Promise<void> | undefined;
  /** A send on the next turn, gathering what is added until then. */
  private soon: unknown;
  private timer: unknown;
  private failures = 0;
  private listeners = new Set<(status: ConnectionStatus) => void>();
  private status: ConnectionStatus = { kind: 'connected' };
  private readonly retryDelaysMs: readonly number[];
  private readonly setTimer: (fn: () => void, ms: number) => unknown;
  private readonly clearTimer: (handle: unknown) => void;
  private readonly batchSize: number;
  /** Ids the LRS has confirmed, so nothing is ever queued twice in this tab. */
  private readonly sent = new Set<string>();
  private drainWaiters: (() => void)[] = [];

  constructor(
    private readonly client: LrsClient,
    private readonly options: QueueOptions,
  ) {
    this.retryDelaysMs = options.retryDelaysMs ?? [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.batchSize = options.batchSize ?? 16;
    const stored = this.load();
    this.pending = stored.pending;
    // A reload: whatever was in flight when the page went away may have arrived.
    this.uncertain = new Set(stored.uncertain);
  }

  /** Statements not yet confirmed by the LRS. */
  get size(): number {
    return this.pending.length;
  }

  /** Whether a request with statements has not answered yet. */
  get busy(): boolean {
    return this.inFlight.size > 0;
  }

  /**
   * Adds a statement (kept in storage at once) and sends it on the next turn of the event loop with
   * whatever else is added meanwhile, unless `hold` (a flush follows at once).
   */
  add(statement: Held, hold = false): void {
    if (this.sent.has(statement.id) || this.pending.some((s) => s.id === statement.id)) return;
    this.pending.push(statement);
    this.persist();
    if (hold || this.soon !== undefined) return;
    this.soon = this.setTimer(() => {
      this.soon = undefined;
      void this.send();
    }, 0);
  }

  /** Sends whatever is pending; resolves when the queue is empty or a retry is scheduled. */
  send(): Promise<void> {
    this.sending ??= this.sendAll().finally(() => {
      this.sending = undefined;
      // A statement added after the loop's last look but before this ran found it still "sending":
      // it is sent now (unless a retry is scheduled, which sends it then).
      if (this.timer === undefined && this.pending.some((s) => !this.inFlight.has(s.id))) void this.send();
    });
    return this.sending;
  }

  /** Resolves once every statement added so far is confirmed by the LRS (retries keep going until then). */
  drained(): Promise<void> {
    if (this.pending.length === 0) return Promise.resolve();
    void this.send();
    return new Promise((resolve) => this.drainWaiters.push(resolve));
  }

  /**
   * The page is going away: hand over, in one keepalive request started synchronously, what is
   * neither in flight nor uncertain (an uncertain id must be looked up first, which a closing page
   * cannot wait for; it stays in sessionStorage for a reload of this tab).
   */
  flushNow(): void {
    const batch = this.cut(
      this.pending.filter((s) => !this.inFlight.has(s.id) && !this.uncertain.has(s.id)),
      this.batchSize * 4,
    );
    if (batch.length === 0) return;
    void this.post(batch).catch(() => undefined);
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  private async sendAll(): Promise<void> {
    if (this.timer !== undefined) {
      this.clearTimer(this.timer);
      this.timer = undefined;
    }
    if (this.soon !== undefined) {
      this.clearTimer(this.soon);
      this.soon = undefined;
    }
    for (;;) {
      const waiting = this.pending.filter((s) => !this.inFlight.has(s.id));
      if (waiting.length === 0) break;
      const batch = this.cut(waiting, this.batchSize);
      try {
        const unsure = batch.filter((s) => this.uncertain.has(s.id));
        if (unsure.length) {
          await this.lookUp(unsure);
          continue; // found ones are confirmed; the rest are sent in the next round
        }
        await this.post(batch);
      } catch (error) {
        const kind = classify(error);
        if (kind === 'rejected') {
          // The LRS refuses the batch as invalid (400): sending it again cannot help. Keep going with
          // the rest, so one bad statement never blocks every answer after it.
          console.error('The LRS rejected statements; they are dropped:', batch.map((s) => s.id).join(', '));
          this.confirm(batch);
          continue;
        }
        if (kind === 'conflict') continue; // post() marked the batch uncertain: its ids are looked up next
        this.setStatus(
          kind === 'unauthorized' ? { kind: 'unauthorized', detail: String(error) } : { kind: 'retrying', detail: String(error) },
        );
        this.scheduleRetry();
        return;
      }
    }
    if (this.pending.length === 0) {
      this.failures = 0;
      this.setStatus({ kind: 'connected' });
    }
  }

  /** POSTs a batch; confirms it on success, marks it uncertain when the answer says nothing sure. */
  private async post(batch: readonly Held[]): Promise<void> {
    for (const s of batch) this.inFlight.add(s.id);
    // Until it answers, this batch may arrive without this page learning so: a reload looks it up.
    for (const s of batch) this.uncertain.add(s.id);
    this.persist();
    try {
      await this.client.request('statements', { method: 'POST', body: batch, keepalive: true });
      this.confirm(batch);
    } catch (error) {
      const kind = classify(error);
      // A 400 stores nothing (the batch is dropped by the caller); a 401 is refused before storing.
      if (kind === 'rejected' || kind === 'unauthorized') for (const s of batch) this.uncertain.delete(s.id);
      this.persist();
      throw error;
    } finally {
      for (const s of batch) this.inFlight.delete(s.id);
    }
  }

  /** Which of these ids the LRS already holds (xAPI 1.0.3 Communication §2.1.3, statementId). */
  private async lookUp(batch: readonly Held[]): Promise<void> {
    for (const s of batch) {
      try {
        await this.client.request('statements', { params: { statementId: s.id } });
        this.confirm([s]);
      } catch (error) {
        if (!(error instanceof LrsError && error.status === 404)) throw error;
        this.uncertain.delete(s.id);
        this.persist();
      }
    }
  }

  /** The first statements, as many as fit one request (count and the keepalive byte budget). */
  private cut(list: readonly Held[], count: number): Held[] {
    const batch: Held[] = [];
    let bytes = 2;
    for (const s of list.slice(0, count)) {
      bytes += JSON.stringify(s).length + 1;
      if (batch.length > 0 && bytes > KEEPALIVE_BODY_LIMIT) break;
      batch.push(s);
    }
    return batch;
  }

  private confirm(batch: readonly Held[]): void {
    for (const s of batch) {
      this.sent.add(s.id);
      this.uncertain.delete(s.id);
    }
    const ids = new Set(batch.map((s) => s.id));
    this.pending = this.pending.filter((s) => !ids.has(s.id));
    this.persist();
    if (this.pending.length === 0) {
      for (const resolve of this.drainWaiters.splice(0)) resolve();
    }
  }

  private scheduleRetry(): void {
    if (this.timer !== undefined) return;
    const delay = this.retryDelaysMs[Math.min(this.failures, this.retryDelaysMs.length - 1)] ?? 60_000;
    this.failures += 1;
    this.timer = this.setTimer(() => {
      this.timer = undefined;
      void this.send();
    }, delay);
  }

  private setStatus(status: ConnectionStatus): void {
    const changed = status.kind !== this.status.kind;
    this.status = status;
    if (changed) for (const listener of this.listeners) listener(status);
  }

  private load(): Stored {
    try {
      const raw = this.options.storage?.getItem(this.options.storageKey);
      const parsed: unknown = raw ? JSON.parse(raw) : undefined;
      // Our own data, written by persist() below.
      if (typeof parsed === 'object' && parsed !== null && 'pending' in parsed) return parsed as Stored;
    } catch {
      // A fresh queue.
    }
    return { pending: [], uncertain: [] };
  }

  private persist(): void {
    try {
      if (this.pending.length === 0) this.options.storage?.removeItem(this.options.storageKey);
      else {
        const stored: Stored = { pending: this.pending, uncertain: [...this.uncertain] };
        this.options.storage?.setItem(this.options.storageKey, JSON.stringify(stored));
      }
    } catch {
      // Storage full or blocked: the queue still lives in memory for this page.
    }
  }
}
