import type { InteractionRecord } from '../domain/interaction.js';
import type { Outcome } from '../domain/outcome.js';

// The port speaks the domain's facts; re-exported so adapters need one import.
export type { Outcome };

/** What the adapter found when it started. */
export interface TrackerStart {
  /** The serialized resume state the LMS/LRS holds, if any. */
  readonly savedState: string | undefined;
  /** The LMS holds resume state it would not give back: the lesson starts afresh and the adapter leaves that state as it is. */
  readonly savedStateUnreadable?: boolean;
  /** The lesson location (page id) the LMS holds, if any. */
  readonly location: string | undefined;
  /** Passing score the LMS imposes (0..1), overriding course/ when present. */
  readonly masteryScore: number | undefined;
  /** Normal, or a mode where nothing may change the learner's record. */
  readonly mode: 'normal' | 'browse' | 'review';
  /** Learner name if the LMS tells it (for a greeting; never stored). */
  readonly learnerName: string | undefined;
  /** The learner can end the session with an Exit button (xAPI, cmi5: they have no LMS frame to close it). */
  readonly canExit?: boolean;
  /** Where Exit goes when the LMS gave a return address (cmi5 returnURL). */
  readonly exitUrl?: string;
  /** Why the launch could not connect to an LMS/LRS although it was asked to, if so (shown calmly). */
  readonly launchProblem?: string;
}

export type FinishReason = 'exit' | 'pagehide';

/** How the connection to the LMS/LRS is doing; shown to the learner calmly. */
export type ConnectionStatus =
  | { readonly kind: 'standalone' }
  /** Standalone, and the browser refuses to keep anything (blocked or full storage): progress lasts while the page is open. */
  | { readonly kind: 'unsaved' }
  | { readonly kind: 'connected' }
  | { readonly kind: 'retrying'; readonly detail: string }
  /** The LMS answers, but refused `count` values as invalid: they were left out, everything else is recorded. */
  | { readonly kind: 'refused'; readonly detail: string; readonly count: number }
  | { readonly kind: 'unauthorized'; readonly detail: string };

/**
 * The single port between the lesson and any LMS/LRS (STYLE rule 6).
 * Only the app shell talks to it. Every method must keep the learner's work
 * when the LMS fails: adapters queue and retry, they never throw at the shell.
 */
export interface Tracker {
  readonly standard: 'web' | 'scorm12' | 'scorm2004' | 'xapi' | 'cmi5';
  start(): Promise<TrackerStart>;
  /** The learner opened a page for the first time (xAPI "experienced"). */
  visit(pageId: string): Promise<void>;
  /** Report one answer (exactly once, even across retries). */
  record(interaction: InteractionRecord): Promise<void>;
  /** Persist resume state and location; called after each meaningful event. */
  save(state: string, location: string): Promise<void>;
  /**
   * Report completion, score and pass/fail. Never downgrades a pass. Resolves `'pass-deferred'` when
   * the standard does not let this session report the pass (cmi5 allows one of passed/failed per
   * session): the pass is kept and reported at the next launch, and the learner is told so.
   */
  conclude(outcome: Outcome): Promise<void | 'pass-deferred'>;
  /** Page is being hidden: flush everything that is pending, without waiting. */
  flush(): void;
  /**
   * End the session (exactly once). `exit`: the learner chose to leave. `pagehide`: the page is
   * going away, which may also be a reload (cmi5 keeps its session open then; see LrsTracker).
   */
  finish(reason: FinishReason): Promise<void>;
  /** Subscribe to connection changes; returns an unsubscribe function. */
  onStatus(listener: (status: ConnectionStatus) => void): () => void;
}
