/**
 * How a SCORM session leaves its attempt, decided once for both versions.
 *
 * An attempt with nothing left to do, completed and passed, ends: exit
 * "normal" (SCORM 2004 RTE 4.2.7 cmi.exit) or "" (SCORM 1.2 RTE 3.4
 * cmi.core.exit has no "normal"; "" is the normal exit). Anything else, a
 * failed quiz included, is suspended: the LMS keeps the resume state and the
 * learner comes back to it (entry "resume").
 *
 * Why: "suspend" after a pass tells a full SCORM 2004 player that the learner
 * means to come back, so it keeps the attempt open; an attempt that ends is
 * closed with its results, and a later launch is a new attempt (Moodle opens a
 * finished attempt in review mode or starts a new one, whatever the exit).
 * The value is written at every save point, not only at the end: a window
 * closed without a last word still leaves the right one.
 */
export function attemptFinished(completed: boolean, passed: boolean): boolean {
  return completed && passed;
}

/**
 * SCORM 2004 RTE 4.4 adl.nav.request when the learner chooses to leave (the lesson's Exit): the LMS
 * ends the course session and returns to its own page, with the attempt ended (`exitAll`) or kept to
 * resume (`suspendAll`), as cmi.exit says. Not on a closing window: the LMS or the learner is
 * already going somewhere, and a request from the lesson could override theirs.
 */
export function leaveRequest(finished: boolean): 'exitAll' | 'suspendAll' {
  return finished ? 'exitAll' : 'suspendAll';
}
