/**
 * What the learner (here: the author or admin trying a package) asks for in
 * the preview's elements. The page elements (launcher, player) act on them;
 * the leaves only say what was asked. Built like the lesson's own intents
 * (src/components/events.ts): they bubble and cross shadow roots.
 */
import { intentEvent } from '../../../../src/components/events.js';
import type { Attempt, LaunchMode, PackageId } from '../lib/api.js';

/** Forget the learner's attempt at this package. */
export class ResetLearnerEvent extends intentEvent('preview-reset-learner') {
  constructor(readonly packageId: PackageId) {
    super();
  }
}

/** Open the course again: resume the saved attempt, or start a new one. */
export class LaunchEvent extends intentEvent('preview-launch') {
  constructor(readonly attempt: Attempt) {
    super();
  }
}

/** Close the course's window, as the LMS would. */
export class CloseCourseEvent extends intentEvent('preview-close-course') {}

/** The launch mode for the next launch (cmi5). */
export class LaunchModeEvent extends intentEvent('preview-launch-mode') {
  constructor(readonly mode: LaunchMode) {
    super();
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
