/**
 * An xAPI or cmi5 package's tracking in Node: the lesson's session and the
 * course's LRS tracker, launched as an LMS launches them (hosts/learner/lrs-launch.ts)
 * against the local strict LRS and cmi5 LMS (hosts/lrs), with a tab's
 * sessionStorage of its own.
 */
import { LessonSession } from '../../../src/app/lesson-session.js';
import type { Lesson } from '../../../src/content/lesson.js';
import type { InteractionRecord } from '../../../src/domain/interaction.js';
import { Cmi5Tracker } from '../../../src/tracking/cmi5/cmi5-tracker.js';
import { xapiTracker } from '../../../src/tracking/xapi/index.js';
import { parseCmi5Launch, parseTinCanLaunch } from '../../../src/tracking/xapi/launch-params.js';
import type { Tracker } from '../../../src/tracking/tracker.js';
import { keepingAnswers } from './recording-tracker.js';
import type { LrsHarness } from '../../../hosts/lrs/index.js';
import { cmi5Launch, xapiLaunch } from '../../../hosts/learner/lrs-launch.js';

/** A tab's sessionStorage. */
export class TabStorage implements Storage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  clear(): void {
    this.items.clear();
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null;
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
}

/** Where the course would be served; the launch URL's query is all the course reads. */
const COURSE_URL = 'http://127.0.0.1:9/index.html';

export interface LrsLaunch {
  readonly session: LessonSession;
  /** Every answer the session handed the tracker, in order. */
  readonly records: InteractionRecord[];
}

/** Launches `lesson` for `registration` in a new tab, as the LMS would, and starts the session. */
export async function launchLrs(standard: 'xapi' | 'cmi5', lesson: Lesson, lrs: LrsHarness, registration: string): Promise<LrsLaunch> {
  const tab = new TabStorage();
  let real: Tracker;
  if (standard === 'xapi') {
    const launch = parseTinCanLaunch(new URL(xapiLaunch(COURSE_URL, lrs, registration)).search);
    if (launch.ok !== true) throw new Error('the xAPI launch URL does not parse');
    real = xapiTracker(lesson, launch.launch, registration, tab);
  } else {
    const launch = parseCmi5Launch(new URL(cmi5Launch(COURSE_URL, lrs, { registration }).url).search);
    if (launch.ok !== true) throw new Error('the cmi5 launch URL does not parse');
    real = new Cmi5Tracker(lesson, launch.launch, tab);
  }
  const { tracker, records } = keepingAnswers(real);
  const session = new LessonSession(lesson, tracker);
  await session.start();
  return { session, records };
}

/** Waits until `condition` holds (polling), or fails saying what did not happen. */
export async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
