import type { Lesson } from '../../content/lesson.js';
import { LocalTracker } from '../local/local-tracker.js';
import { scorm12Calls, type Scorm12Api } from '../scorm/api.js';
import { findApi, hasMethods } from '../scorm/find-api.js';
import { questionSlots } from '../scorm/interaction-slots.js';
import { ScormConnection } from '../scorm/scorm-connection.js';
import type { Tracker } from '../tracker.js';
import { Scorm12Tracker } from './scorm12-tracker.js';

const isScorm12Api = hasMethods<Scorm12Api>('LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError');

/** SCORM 1.2 package: the LMS's `API`, or standalone mode when there is none. */
export function createTracker(lesson: Lesson): Tracker {
  const api = findApi(window, 'API', isScorm12Api);
  if (!api) return new LocalTracker(`course:${lesson.id}:progress`);
  return new Scorm12Tracker(new ScormConnection(scorm12Calls(api)), questionSlots(lesson));
}
