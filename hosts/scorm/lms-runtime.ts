/**
 * The real LMS-side runtime behind the strict host: a scorm-again instance
 * (npm scorm-again, a conformant but deliberately tolerant SCORM 1.2 / 2004
 * API implementation). The strict host checks every call against the
 * specification first and only then lets scorm-again store it; this module
 * hides scorm-again's API differences behind one small interface.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { FlatCmi, ScormVersion } from './session-seed.js';

export interface LmsRuntime {
  initialize(): string;
  terminate(): string;
  getValue(element: string): string;
  setValue(element: string, value: string): string;
  commit(): string;
  /** The error code of the last call, as a number. */
  lastError(): number;
  errorString(code: string): string;
  /** Every CMI value the runtime holds, flat, write-only elements included. */
  snapshot(): FlatCmi;
}

const SETTINGS = {
  // No network: the test reads what the LMS holds through snapshot().
  lmsCommitUrl: false,
  autocommit: false,
  // Report exactly what the SCO wrote, no LMS-side status inference.
  autoCompleteLessonStatus: false,
  logLevel: 'NONE',
} as const;

/** A runtime loaded with the launch data, not yet initialized. */
export function createLmsRuntime(version: ScormVersion, launch: FlatCmi): LmsRuntime {
  if (version === '1.2') {
    const api = new Scorm12API({ ...SETTINGS });
    // cmi.core.total_time is left out of scorm-again's JSON rendering (it is
    // LMS-maintained), so it is added back here.
    return runtimeOver(api, launch, () => ({ ...strings(api.getFlattenedCMI()), 'cmi.core.total_time': api.cmi.core.total_time }));
  }
  const api = new Scorm2004API({ ...SETTINGS });
  return runtimeOver(api, launch, () => strings(api.getFlattenedCMI()));
}

/** Both scorm-again APIs answer the same lms* calls; only what a snapshot holds differs. */
function runtimeOver(api: Scorm12API | Scorm2004API, launch: FlatCmi, snapshot: () => FlatCmi): LmsRuntime {
  api.loadFromFlattenedJSON(launch);
  return {
    initialize: () => api.lmsInitialize(''),
    terminate: () => api.lmsFinish(''),
    getValue: (element) => api.lmsGetValue(element),
    setValue: (element, value) => api.lmsSetValue(element, value),
    commit: () => api.lmsCommit(''),
    lastError: () => Number(api.lmsGetLastError()),
    errorString: (code) => api.lmsGetErrorString(code),
    snapshot,
  };
}

/** Keeps the leaf values; scorm-again renders empty collections as {}. */
function strings(flat: Record<string, unknown>): FlatCmi {
  const out: FlatCmi = {};
  for (const [element, value] of Object.entries(flat)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') out[element] = String(value);
  }
  return out;
}
