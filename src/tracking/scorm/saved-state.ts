/**
 * Reads the resume state (suspend_data) at launch the way LMSs really answer.
 *
 * "Nothing saved" looks different from LMS to LMS, and `cmi.entry` does not
 * tell: entry `ab-initio` (the spec's first launch); GetValue answering "";
 * or, in SCORM 2004, "" with error 403 "value not initialized" (RTE 4.1: an
 * element never set), which a strict LMS answers also on a launch it calls a
 * `resume` when the last session's state never reached it (a window closed
 * before its save). All of these mean the course starts fresh and saves as
 * usual. Only a real failure (a general error, an exception) while the LMS
 * says `resume` means the LMS holds progress it will not give back: the
 * learner is told, and the course saves the new session's work as usual.
 *
 * Before Initialize has succeeded nothing can be read: the state is then
 * left alone until the LMS can be asked and shows it holds none.
 */
import type { ScormConnection } from './scorm-connection.js';

/** LMSs fail GetValue transiently too; a few immediate tries tell a glitch from a lasting failure. */
const READ_ATTEMPTS = 3;
/** How often a state that could not be asked for is read again before a write, at most (each save point asks once). */
const RECHECKS = 5;

export class SavedStateGuard {
  private guarded = false;
  private rechecks = 0;

  /**
   * @param nothingSaved error codes of GetValue that mean the element was never set (SCORM 2004
   *   RTE 4.1: 403; SCORM 1.2 has no such code, an LMS answers "").
   */
  constructor(
    private readonly lms: ScormConnection,
    private readonly element: string,
    private readonly nothingSaved: readonly string[],
  ) {}

  /**
   * The saved state at launch; `unreadable` when the LMS failed to give back one it says it holds.
   * @param entry cmi.entry / cmi.core.entry as the LMS gave it ("" when it gave none).
   */
  read(entry: string): { state: string | undefined; unreadable: boolean } {
    if (entry === 'ab-initio') return { state: undefined, unreadable: false };
    for (let i = 0; i < READ_ATTEMPTS; i += 1) {
      const result = this.lms.read(this.element);
      if ('value' in result) return { state: result.value || undefined, unreadable: false };
      if (this.nothingSaved.includes(result.error)) return { state: undefined, unreadable: false };
      if (result.error === 'not-open') break;
    }
    // Before Initialize has succeeded the connection notice already tells the learner, and nothing
    // is written yet; afterwards the state is asked for again before it is first written.
    this.guarded = !this.lms.isOpen;
    return { state: undefined, unreadable: entry === 'resume' && this.lms.isOpen };
  }

  /** Whether this session may write the element now. */
  mayWrite(): boolean {
    if (this.guarded && this.lms.isOpen && this.rechecks < RECHECKS) {
      this.rechecks += 1;
      const result = this.lms.read(this.element);
      if (('value' in result && result.value === '') || ('error' in result && this.nothingSaved.includes(result.error)))
        this.guarded = false;
    }
    return !this.guarded;
  }
}
