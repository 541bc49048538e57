import type { Lesson } from '../../content/lesson.js';
import { LocalTracker } from '../local/local-tracker.js';
import { storageOf } from '../local/storage.js';
import type { Tracker } from '../tracker.js';
import { parseCmi5Launch } from '../xapi/launch-params.js';
import { Cmi5Tracker } from './cmi5-tracker.js';

/** cmi5 package: an AU launched by a cmi5 LMS, or standalone mode when opened on its own. */
export function createTracker(lesson: Lesson): Tracker {
  const launch = parseCmi5Launch(location.search);
  const fallback = `course:${lesson.id}:progress`;
  if (launch.ok === 'absent') return new LocalTracker(fallback);
  if (!launch.ok) return new LocalTracker(fallback, `The cmi5 launch was incomplete: ${launch.reason}.`);
  return new Cmi5Tracker(lesson, launch.launch, storageOf('sessionStorage'));
}
