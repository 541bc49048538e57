/**
 * Standalone mode: no LMS was found (or the course was opened on its own).
 * Progress is kept in this browser's localStorage so a reload resumes; answers
 * are not sent anywhere. Storage may be unavailable (private mode, blocked
 * cookies): then progress lives for this page only, and the learner is told.
 */
import type { InteractionRecord } from '../../domain/interaction.js';
import type { ConnectionStatus, FinishReason, Outcome, Tracker, TrackerStart } from '../tracker.js';
import { storageOf } from './storage.js';

interface Stored {
  readonly state: string;
  readonly location: string;
}

export class LocalTracker implements Tracker {
  readonly standard = 'web' as const;
  private memory: Stored | undefined;
  private listeners = new Set<(status: ConnectionStatus) => void>();
  /** Whether the browser kept the last save (no storage at all counts as not). */
  private status: ConnectionStatus;

  constructor(
    private readonly storageKey: string,
    /** Why an LMS/LRS launch was refused, when this standalone mode is a fallback. */
    private readonly launchProblem?: string,
    private readonly storage: Storage | undefined = storageOf('localStorage'),
  ) {
    this.status = storage ? { kind: 'standalone' } : { kind: 'unsaved' };
  }

  async start(): Promise<TrackerStart> {
    const stored = this.read();
    return {
      savedState: stored?.state,
      location: stored?.location,
      masteryScore: undefined,
      mode: 'normal',
      learnerName: undefined,
      launchProblem: this.launchProblem,
    };
  }

  async visit(_pageId: string): Promise<void> {}

  async record(_interaction: InteractionRecord): Promise<void> {
    // Nothing to report to: the answer is part of the saved state already.
  }

  async save(state: string, location: string): Promise<void> {
    this.memory = { state, location };
    try {
      if (!this.storage) return;
      this.storage.setItem(this.storageKey, JSON.stringify(this.memory));
      this.setStatus({ kind: 'standalone' });
    } catch {
      // Quota or privacy settings: the in-memory copy still serves this page, and the learner is told.
      this.setStatus({ kind: 'unsaved' });
    }
  }

  async conclude(_outcome: Outcome): Promise<void> {}

  flush(): void {}

  async finish(_reason: FinishReason): Promise<void> {}

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    this.listeners.add(listener);
    listener(this.status);
    return () => this.listeners.delete(listener);
  }

  private setStatus(status: ConnectionStatus): void {
    if (status.kind === this.status.kind) return;
    this.status = status;
    for (const listener of this.listeners) listener(status);
  }

  private read(): Stored | undefined {
    try {
      const raw = this.storage?.getItem(this.storageKey);
      const parsed: unknown = raw ? JSON.parse(raw) : undefined;
      if (typeof parsed === 'object' && parsed !== null && 'state' in parsed && 'location' in parsed) {
        const { state, location } = parsed;
        if (typeof state === 'string' && typeof location === 'string') return { state, location };
      }
    } catch {
      // Unreadable storage counts as no saved progress.
    }
    return this.memory;
  }
}
