/**
 * Reads the resume state (suspend_data) at launch the way LMSs really answer,
 * and guards it when the LMS holds one it would not give back.
 *
 * What "nothing saved" looks like differs between LMSs on a first launch:
 * entry `ab-initio` (the spec), or entry "" with GetValue answering "",
 * error 403 "value not initialized" (SCORM 2004 RTE 4.1 for an element never
 * set), or a general 101/301. All of these mean the course starts fresh and
 * writes its state as usual.
 *
 * A GetValue that fails after the LMS said `resume` is different: the LMS
 * holds progress it will not give back now, and a session that took that for
 * "nothing saved" would overwrite it at the first save. So that state is left
 * untouched until the LMS shows there is nothing to lose (it reads back "").
 */
import type { ScormConnection } from './scorm-connection.js';

/** LMSs fail GetValue transiently too; a few immediate tries tell a glitch from a lasting failure. */
const READ_ATTEMPTS = 3;
/** How often a guarded state is read again before a write, at most (each save point asks once). */
const RECHECKS = 5;
/** SCORM 2004 RTE 3.1.7 error 403: data model element value not initialized, i.e. never set. */
const NOT_INITIALIZED = '403';

export class SavedStateGuard {
  private guarded = false;
  private rechecks = 0;

  constructor(
    private readonly lms: ScormConnection,
    private readonly element: string,
  ) {}

  /**
   * The saved state at launch; `unreadable` when the LMS holds one it would not give back.
   * @param entry cmi.entry / cmi.core.entry as the LMS gave it ("" when it gave none).
   */
  read(entry: string): { state: string | undefined; unreadable: boolean } {
    if (entry === 'ab-initio') return { state: undefined, unreadable: false };
    for (let i = 0; i < READ_ATTEMPTS; i += 1) {
      const result = this.lms.read(this.element);
      if ('value' in result) return { state: result.value || undefined, unreadable: false };
      if (result.error === NOT_INITIALIZED || result.error === 'not-open') break;
    }
    // Only a launch the LMS calls a resume can have progress to lose; before Initialize has
    // succeeded the connection notice already tells the learner, and nothing is written yet.
    this.guarded = entry === 'resume' || !this.lms.isOpen;
    return { state: undefined, unreadable: entry === 'resume' && this.lms.isOpen };
  }

  /** Whether this session may write the element now. */
  mayWrite(): boolean {
    if (this.guarded && this.lms.isOpen && this.rechecks < RECHECKS) {
      this.rechecks += 1;
      const result = this.lms.read(this.element);
      if ('value' in result && result.value === '') this.guarded = false;
    }
    return !this.guarded;
  }
}
