/**
 * What the LMS panel beside the course shows, as plain data: one layout for
 * every standard (status, a live log, problems, resume state). The sources
 * (sources/*.ts) build it from what the LMS or LRS holds; the panel elements
 * only render it.
 */

/** A badge's colour: good, bad, warn, info or neutral. */
export type Tone = 'good' | 'bad' | 'warn' | 'info' | 'neutral';

/** A piece of a value: plain text, a coloured badge, code, or a quiet note. */
export type Part = string | { readonly badge: string; readonly tone: Tone } | { readonly code: string } | { readonly muted: string };

/** One term of a description list and its value. */
export interface Fact {
  readonly term: string;
  readonly value: readonly Part[];
}

/** One SCORM API call as the strict host logged it. */
export interface CallRow {
  readonly kind: 'call';
  readonly number: number;
  readonly method: string;
  readonly element: string | undefined;
  /** Shown (quietly) in place of the element when the call has none, e.g. Initialize(""). */
  readonly argument: string | undefined;
  /** SetValue's value ("= …") or a getter's answer ("→ …"). */
  readonly detail: string | undefined;
  readonly result: string;
  readonly errorCode: number;
  /** An error the course expects (GetValue of an unset element, 403): shown as a warning, not a fault. */
  readonly benign: boolean;
  /** GetValue and the error checks: hidden by "Hide reads and error checks". */
  readonly read: boolean;
  readonly errorCheck: boolean;
  /** The strict profile's verdict on this call, when it broke a rule. */
  readonly violation: { readonly rule: string; readonly section: string } | undefined;
}

/** A label beside a statement: success, completion, score, response, duration. */
export type Chip =
  { readonly badge: string; readonly tone: Tone } | { readonly text: string; readonly code?: string; readonly title?: string };

/** One xAPI statement as the LRS stored it. */
export interface StatementEntry {
  readonly kind: 'statement';
  readonly number: number;
  readonly verb: string;
  /** The verb IRI's last segment, e.g. "answered". */
  readonly verbKey: string;
  readonly tone: Tone;
  readonly time: string;
  readonly objectName: string;
  readonly objectId: string;
  /** The object IRI's last two segments. */
  readonly objectTail: string;
  readonly chips: readonly Chip[];
}

export type LogEntry = CallRow | StatementEntry;

/** Something the LMS refused or the strict profile flagged. */
export interface Problem {
  readonly title: string;
  /** Shown as code right after the title (a refused value). */
  readonly code?: string;
  /** Plain text right after the title. */
  readonly suffix?: string;
  readonly lines: readonly { readonly text: string; readonly muted?: boolean }[];
}

export type ResumeView =
  | { readonly kind: 'none'; readonly note: string }
  | {
      readonly kind: 'state';
      /** The encoded state, as the LMS or LRS holds it. */
      readonly text: string;
      /** Where it was read from, e.g. "cmi.suspend_data". */
      readonly source: string;
      /** The standard's limit in characters, if any. */
      readonly limit?: number;
      /** What else the document says (location, sent statements). */
      readonly facts?: readonly Fact[];
    };

export interface PanelView {
  readonly heading: string;
  readonly sub: string;
  /** "LMS calls", "Statements", "LMS traffic". */
  readonly logName: string;
  readonly logKind: 'calls' | 'statements' | 'none';
  readonly columns: readonly string[];
  /** Offers "Hide reads and error checks" (SCORM). */
  readonly filterable: boolean;
  readonly emptyText: string;
  /** Changes with every launch: the log starts following its end again. */
  readonly session: string;
  readonly entries: readonly LogEntry[];
  readonly entryTotal: number;
  readonly status: readonly Fact[];
  /** "Strict-profile violations", "Refused requests". */
  readonly problemsName: string;
  readonly problems: readonly Problem[];
  readonly resume: ResumeView;
}

export const NOTHING_SAVED: ResumeView = { kind: 'none', note: 'Nothing saved yet.' };

/** How one standard's panel looks: what stays the same while a session fills the rest in. */
export type PanelLayout = Omit<PanelView, 'session' | 'entries' | 'entryTotal' | 'status' | 'problems' | 'resume'>;

/** The panel of a session nothing has been reported in yet: no log, status, problems or saved state. */
export function emptyPanel(layout: PanelLayout, session: string): PanelView {
  return { ...layout, session, entries: [], entryTotal: 0, status: [], problems: [], resume: NOTHING_SAVED };
}

/** The panel before a package is known. */
export const IDLE_PANEL: PanelView = emptyPanel(
  {
    heading: 'LMS view',
    sub: '',
    logName: 'Log',
    logKind: 'none',
    columns: [],
    filterable: false,
    emptyText: 'Nothing yet.',
    problemsName: 'Problems',
  },
  '',
);

export const badge = (text: string, tone: Tone = 'neutral'): Part => ({ badge: text, tone });
export const code = (text: string): Part => ({ code: text });
export const muted = (text: string): Part => ({ muted: text });
export const fact = (term: string, ...value: Part[]): Fact => ({ term, value });
