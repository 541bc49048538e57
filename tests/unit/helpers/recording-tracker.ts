/**
 * A Tracker that remembers what the lesson told it, in order: what an LMS
 * would have recorded. Its start() answer is set by the test, and its
 * reports can be held back to imitate a slow LMS.
 */
import type { InteractionRecord } from '../../../src/domain/interaction.js';
import type { ConnectionStatus, FinishReason, Outcome, Tracker, TrackerStart } from '../../../src/tracking/tracker.js';

export type TrackerCall =
  | { readonly method: 'start' }
  | { readonly method: 'visit'; readonly pageId: string }
  | { readonly method: 'record'; readonly interaction: InteractionRecord }
  | { readonly method: 'save'; readonly state: string; readonly location: string }
  | { readonly method: 'conclude'; readonly outcome: Outcome }
  | { readonly method: 'flush' }
  | { readonly method: 'finish' };

const NOTHING_SAVED: TrackerStart = {
  savedState: undefined,
  location: undefined,
  masteryScore: undefined,
  mode: 'normal',
  learnerName: undefined,
};

export class RecordingTracker implements Tracker {
  readonly standard = 'web' as const;
  readonly calls: TrackerCall[] = [];
  private readonly startsWith: TrackerStart;
  private gate: Promise<void> = Promise.resolve();

  constructor(start: Partial<TrackerStart> = {}) {
    this.startsWith = { ...NOTHING_SAVED, ...start };
  }

  get visits(): string[] {
    return this.calls.flatMap((c) => (c.method === 'visit' ? [c.pageId] : []));
  }

  get records(): InteractionRecord[] {
    return this.calls.flatMap((c) => (c.method === 'record' ? [c.interaction] : []));
  }

  get saves(): { state: string; location: string }[] {
    return this.calls.flatMap((c) => (c.method === 'save' ? [{ state: c.state, location: c.location }] : []));
  }

  get conclusions(): Outcome[] {
    return this.calls.flatMap((c) => (c.method === 'conclude' ? [c.outcome] : []));
  }

  get methods(): TrackerCall['method'][] {
    return this.calls.map((c) => c.method);
  }

  /** Until the returned function is called, visit/record/save/conclude do not resolve (and are not yet recorded). */
  holdReports(): () => void {
    let release = () => {};
    this.gate = new Promise<void>((resolve) => (release = resolve));
    return release;
  }

  async start(): Promise<TrackerStart> {
    this.calls.push({ method: 'start' });
    return this.startsWith;
  }

  async visit(pageId: string): Promise<void> {
    await this.gate;
    this.calls.push({ method: 'visit', pageId });
  }

  async record(interaction: InteractionRecord): Promise<void> {
    await this.gate;
    this.calls.push({ method: 'record', interaction });
  }

  async save(state: string, location: string): Promise<void> {
    await this.gate;
    this.calls.push({ method: 'save', state, location });
  }

  async conclude(outcome: Outcome): Promise<void> {
    await this.gate;
    this.calls.push({ method: 'conclude', outcome });
  }

  flush(): void {
    this.calls.push({ method: 'flush' });
  }

  async finish(_reason: FinishReason): Promise<void> {
    this.calls.push({ method: 'finish' });
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    listener({ kind: 'connected' });
    return () => {};
  }
}

/**
 * A real tracker that also keeps every answer the lesson hands it, in order: everything else
 * passes straight through, so the package's own tracking runs unchanged.
 */
export function keepingAnswers(real: Tracker): { tracker: Tracker; records: InteractionRecord[] } {
  const records: InteractionRecord[] = [];
  const tracker: Tracker = {
    standard: real.standard,
    start: () => real.start(),
    visit: (pageId) => real.visit(pageId),
    record: (i) => {
      records.push(i);
      return real.record(i);
    },
    save: (state, location) => real.save(state, location),
    conclude: (outcome) => real.conclude(outcome),
    flush: () => real.flush(),
    finish: (reason) => real.finish(reason),
    onStatus: (listener) => real.onStatus(listener),
  };
  return { tracker, records };
}
