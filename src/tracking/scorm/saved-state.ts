/**
 * Guards the resume state (suspend_data) the LMS holds. A GetValue that fails,
 * or an Initialize that fails at launch, is not "nothing saved": a session that
 * took it for that would start fresh and overwrite the learner's progress with
 * its own at the first save. So an unreadable state is left untouched until
 * the LMS shows there is nothing to lose (the element reads back empty).
 */
import type { ScormConnection } from './scorm-connection.js';

/** LMSs fail GetValue transiently too; a few immediate tries tell a glitch from a lasting failure. */
const READ_ATTEMPTS = 3;

export class SavedStateGuard {
  private guarded = false;

  constructor(
    private readonly lms: ScormConnection,
    private readonly element: string,
  ) {}

  /** The saved state at launch; `unreadable` when the LMS holds one it would not give back. */
  read(freshAttempt: boolean): { state: string | undefined; unreadable: boolean } {
    if (freshAttempt) return { state: undefined, unreadable: false };
    const value = this.lms.readWithRetry(this.element, READ_ATTEMPTS);
    this.guarded = value === undefined;
    // Before Initialize has succeeded the connection notice already tells the learner; say nothing more.
    return { state: value || undefined, unreadable: this.guarded && this.lms.isOpen };
  }

  /** Whether this session may write the element now. */
  mayWrite(): boolean {
    if (this.guarded && this.lms.read(this.element) === '') this.guarded = false;
    return !this.guarded;
  }
}
