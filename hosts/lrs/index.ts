/** The local LRS + cmi5 LMS test harness: see README.md in this folder. */
export { startLrs } from './lrs-server.js';
export type {
  Cmi5SessionLaunch,
  FaultRequest,
  Faults,
  LrsHarness,
  LrsHarnessOptions,
  Rejection,
  RequestRecord,
  StateAddress,
} from './lrs-server.js';
export type { Cmi5SessionOptions, MoveOn } from './cmi5-sessions.js';
export type { LaunchMode } from './cmi5-rules.js';
export {
  CITED_REQUIREMENTS,
  CMI5_CATEGORY,
  CMI5_VERBS,
  MASTERY_SCORE_EXTENSION,
  MOVEON_CATEGORY,
  SESSION_ID_EXTENSION,
} from './cmi5-rules.js';
