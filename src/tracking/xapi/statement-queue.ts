/**
 * Statements wait here, in order, until the LRS has them. The queue is kept in
 * sessionStorage (it survives a reload, and never outlives the tab in clear
 * text), sent in batches, retried with backoff when the LRS is unreachable,
 * answers 5xx or times out. Statement ids are fixed when a statement is
 * created, so a batch sent twice (the answer was lost, not the request) is
 * stored once: the LRS treats the same id with the same content as a repeat.
 */
import type { Statement } from '@xapi/xapi';
import type { ConnectionStatus } from '../tracker.js';
import { classify, type LrsClient } from './lrs-client.js';

export interface QueueOptions {
  readonly storageKey: string;
  readonly storage?: Storage;
  readonly retryDelaysMs?: readonly number[];
  readonly setTimer?: (fn: () => void, ms: number) => unknown;
  readonly clearTimer?: (handle: unknown) => void;
  /** After this many statements a batch is cut (keepalive bodies must stay under 64 KiB). */
  readonly batchSize?: number;
}

export class StatementQueue {
  private pending: Statement[];
  private sending: Promise<void> | undefined;
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

  constructor(
    private readonly client: LrsClient,
    private readonly options: QueueOptions,
  ) {
    this.retryDelaysMs = options.retryDelaysMs ?? [1_000, 2_000, 5_000, 10_000, 30_000, 60_000];
    this.setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clearTimer = options.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
    this.batchSize = options.batchSize ?? 20;
    this.pending = this.load();
  }

  /** Statements not yet confirmed by the LRS. */
  get size(): number {
    return this.pending.length;
  }

  /** Adds a statement (kept in storage at once) and starts sending. */
  add(statement: Statement): void {
    if (statement.id && (this.sent.has(statement.id) || this.pending.some((s) => s.id === statement.id))) return;
    this.pending.push(statement);
    this.persist();
    void this.send();
  }

  /** Sends whatever is pending; resolves when the queue is empty or a retry is scheduled. */
  send(): Promise<void> {
    this.sending ??= this.sendAll().finally(() => (this.sending = undefined));
    return this.sending;
  }

  /**
   * The page is going away: send everything pending now, in one request started synchronously
   * (the caller sets keepalive), even while another send is in flight — a statement the LRS then
   * receives twice is stored once, because its id and content are the same.
   */
  flushNow(): void {
    const batch = this.pending.slice(0, this.batchSize * 5);
    if (batch.length === 0) return;
    this.client.xapi.sendStatements({ statements: batch }).then(
      () => this.confirm(batch),
      () => undefined, // still pending in sessionStorage: sent again on the next load of this tab
    );
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
    while (this.pending.length > 0) {
      const batch = this.pending.slice(0, this.batchSize);
      try {
        await this.client.xapi.sendStatements({ statements: batch });
      } catch (error) {
        const kind = classify(error);
        if (kind === 'rejected') {
          // The LRS refuses the batch as invalid (400). Sending it again cannot help; keep going with
          // the rest so one bad statement never blocks every answer after it.
          console.error('The LRS rejected statements; they are dropped:', batch.map((s) => s.id).join(', '));
          this.confirm(batch);
          continue;
        }
        if (kind === 'conflict') {
          // 409 on statements: an id the LRS already holds (our earlier send arrived). Treat as stored.
          this.confirm(batch);
          continue;
        }
        this.setStatus(
          kind === 'unauthorized' ? { kind: 'unauthorized', detail: String(error) } : { kind: 'retrying', detail: String(error) },
        );
        this.scheduleRetry();
        return;
      }
      this.confirm(batch);
    }
    this.failures = 0;
    this.setStatus({ kind: 'connected' });
  }

  private confirm(batch: readonly Statement[]): void {
    for (const s of batch) if (s.id) this.sent.add(s.id);
    const ids = new Set(batch.map((s) => s.id));
    this.pending = this.pending.filter((s) => !ids.has(s.id));
    this.persist();
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

  private load(): Statement[] {
    try {
      const raw = this.options.storage?.getItem(this.options.storageKey);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      return Array.isArray(parsed) ? (parsed as Statement[]) : [];
    } catch {
      return [];
    }
  }

  private persist(): void {
    try {
      if (this.pending.length === 0) this.options.storage?.removeItem(this.options.storageKey);
      else this.options.storage?.setItem(this.options.storageKey, JSON.stringify(this.pending));
    } catch {
      // Storage full or blocked: the queue still lives in memory for this page.
    }
  }
}
