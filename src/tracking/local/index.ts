import type { Lesson } from '../../content/lesson.js';
import type { Tracker } from '../tracker.js';
import { LocalTracker } from './local-tracker.js';

/** The standalone web build: progress in this browser only. */
export function createTracker(lesson: Lesson): Tracker {
  return new LocalTracker(`course:${lesson.id}:progress`);
}
