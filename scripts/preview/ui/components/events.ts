/**
 * What the learner (here: the author or admin trying a package) asks for in
 * the preview's elements. The page elements (launcher, player) act on them;
 * the leaves only say what was asked. All bubble and cross shadow roots.
 */
import type { Attempt, LaunchMode, PackageId } from '../lib/api.js';

const init = { bubbles: true, composed: true } as const;

/** Forget the learner's attempt at this package. */
export class ResetLearnerEvent extends Event {
  static readonly type = 'preview-reset-learner';
  constructor(readonly packageId: PackageId) {
    super(ResetLearnerEvent.type, init);
  }
}

/** Open the course again: resume the saved attempt, or start a new one. */
export class LaunchEvent extends Event {
  static readonly type = 'preview-launch';
  constructor(readonly attempt: Attempt) {
    super(LaunchEvent.type, init);
  }
}

/** Close the course's window, as the LMS would. */
export class CloseCourseEvent extends Event {
  static readonly type = 'preview-close-course';
  constructor() {
    super(CloseCourseEvent.type, init);
  }
}

/** The launch mode for the next launch (cmi5). */
export class LaunchModeEvent extends Event {
  static readonly type = 'preview-launch-mode';
  constructor(readonly mode: LaunchMode) {
    super(LaunchModeEvent.type, init);
  }
}

declare global {
  interface HTMLElementEventMap {
    [ResetLearnerEvent.type]: ResetLearnerEvent;
    [LaunchEvent.type]: LaunchEvent;
    [CloseCourseEvent.type]: CloseCourseEvent;
    [LaunchModeEvent.type]: LaunchModeEvent;
  }
}
