import type { Lesson } from '../../content/lesson.js';
import { LocalTracker } from '../local/local-tracker.js';
import { scorm2004Calls, type Scorm2004Api } from '../scorm/api.js';
import { findApi, hasMethods } from '../scorm/find-api.js';
import { questionSlots } from '../scorm/interaction-slots.js';
import { ScormConnection } from '../scorm/scorm-connection.js';
import type { Tracker } from '../tracker.js';
import { Scorm2004Tracker } from './scorm2004-tracker.js';

const isScorm2004Api = hasMethods<Scorm2004Api>('Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError');

/** SCORM 2004 package: the LMS's `API_1484_11`, or standalone mode when there is none. */
export function createTracker(lesson: Lesson): Tracker {
  const api = findApi(window, 'API_1484_11', isScorm2004Api);
  if (!api) return new LocalTracker(`course:${lesson.id}:progress`);
  return new Scorm2004Tracker(new ScormConnection(scorm2004Calls(api)), {
    language: lesson.language,
    slots: questionSlots(lesson),
    writtenAnswerMaxLength: lesson.settings.writtenAnswerMaxLength,
  });
}
