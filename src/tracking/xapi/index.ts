import type { Lesson } from '../../content/lesson.js';
import { activityIris } from '../../packaging/identifiers.js';
import { courseActivityText } from '../../packaging/tincan-activities.js';
import { LocalTracker } from '../local/local-tracker.js';
import { storageOf } from '../local/storage.js';
import type { Tracker } from '../tracker.js';
import { parseTinCanLaunch, type TinCanLaunch } from './launch-params.js';
import { createLrsClient } from './lrs-client.js';
import { LrsTracker } from './lrs-tracker.js';
import { ResumeStore } from './resume-document.js';
import { StatementQueue } from './statement-queue.js';
import { ACTIVITY_TYPES } from './statements.js';
import { uuid } from './uuid.js';

/** A TinCan launch may omit the registration: one is made once per browser, so resume still works. */
function localRegistration(lesson: Lesson): string {
  const storage = storageOf('localStorage');
  const key = `course:${lesson.id}:registration`;
  const known = storage?.getItem(key);
  if (known) return known;
  const made = uuid();
  storage?.setItem(key, made);
  return made;
}

/** xAPI package, launched the TinCan way (endpoint, auth, actor, registration, activity_id). */
export function createTracker(lesson: Lesson): Tracker {
  const launch = parseTinCanLaunch(location.search);
  const fallback = `course:${lesson.id}:progress`;
  if (launch.ok === 'absent') return new LocalTracker(fallback);
  if (!launch.ok) return new LocalTracker(fallback, `The learning record store launch was incomplete: ${launch.reason}.`);
  return xapiTracker(lesson, launch.launch, launch.launch.registration ?? localRegistration(lesson), storageOf('sessionStorage'));
}

/** The tracker of one TinCan launch (apart from the page, so tests run it in Node). */
export function xapiTracker(lesson: Lesson, launch: TinCanLaunch, registration: string, session: Storage | undefined): LrsTracker {
  const { endpoint, auth, actor, activityId } = launch;
  const iris = activityIris(lesson);
  const lessonId = activityId ?? iris.lesson;
  const client = createLrsClient(endpoint, auth ?? '');
  return new LrsTracker({
    standard: 'xapi',
    lesson,
    queue: new StatementQueue(client, { storageKey: `xapi:${registration}:queue`, storage: session }),
    resume: new ResumeStore(client, { agent: actor, activityId: lessonId, registration, stateId: `${lesson.id}.resume` }),
    context: {
      actor,
      registration,
      language: lesson.language,
      lesson: { id: lessonId, name: lesson.title, description: lesson.description, type: ACTIVITY_TYPES.lesson },
      course: { id: iris.course, ...courseActivityText(lesson), type: ACTIVITY_TYPES.course },
      revision: lesson.version,
      newId: uuid,
      now: () => new Date(),
    },
    profile: { decorate: (statement) => statement },
    session,
    sessionKey: `xapi:${registration}:session`,
  });
}
