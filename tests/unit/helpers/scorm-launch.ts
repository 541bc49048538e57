/**
 * A SCORM package's tracking in Node: the lesson's session and the course's
 * SCORM 1.2 or 2004 tracker against the strict test LMS (scorm-again behind
 * the spec's rules, hosts/scorm), as a launch in an LMS would wire them, with
 * the connection's timers in the test's hands.
 */
import { LessonSession } from '../../../src/app/lesson-session.js';
import type { Lesson } from '../../../src/content/lesson.js';
import type { InteractionRecord } from '../../../src/domain/interaction.js';
import { scorm12Calls, scorm2004Calls, type Scorm12Api, type Scorm2004Api } from '../../../src/tracking/scorm/api.js';
import { questionSlots } from '../../../src/tracking/scorm/interaction-slots.js';
import { ScormConnection } from '../../../src/tracking/scorm/scorm-connection.js';
import { Scorm12Tracker } from '../../../src/tracking/scorm12/scorm12-tracker.js';
import { Scorm2004Tracker } from '../../../src/tracking/scorm2004/scorm2004-tracker.js';
import type { Tracker } from '../../../src/tracking/tracker.js';
import { keepingAnswers } from './recording-tracker.js';
import type { FlatCmi, ScormVersion } from '../../../hosts/scorm/session-seed.js';
import { createStrictHost, type FaultPlan, type StrictHost } from '../../../hosts/scorm/strict-scorm.js';

export interface ScormLaunch {
  readonly host: StrictHost;
  readonly tracker: Tracker;
  readonly session: LessonSession;
  /** Every answer the session handed the tracker, in order. */
  readonly records: InteractionRecord[];
  /** Runs the connection's timers (debounced commits, retries) that are due by now. */
  runTimers(): void;
}

/** Launches `lesson` in a strict SCORM LMS holding `seed` (a previous launch's committed data), and starts the session. */
export async function launchScorm(
  version: ScormVersion,
  lesson: Lesson,
  options: { seed?: FlatCmi; faults?: FaultPlan; now?: () => number } = {},
): Promise<ScormLaunch> {
  const host = createStrictHost({ version, seed: options.seed, faults: options.faults });
  let timers: (() => void)[] = [];
  const connectionOptions = {
    setTimer: (fn: () => void) => {
      timers.push(fn);
      return fn;
    },
    clearTimer: (handle: unknown) => {
      timers = timers.filter((t) => t !== handle);
    },
  };
  const real =
    version === '1.2'
      ? new Scorm12Tracker(new ScormConnection(scorm12Calls(host.api as Scorm12Api), connectionOptions), questionSlots(lesson))
      : new Scorm2004Tracker(new ScormConnection(scorm2004Calls(host.api as Scorm2004Api), connectionOptions), {
          language: lesson.language,
          slots: questionSlots(lesson),
          writtenAnswerMaxLength: lesson.settings.writtenAnswerMaxLength,
        });
  const { tracker, records } = keepingAnswers(real);
  const session = new LessonSession(lesson, tracker, { now: options.now });
  await session.start();
  return {
    host,
    tracker,
    session,
    records,
    runTimers: () => {
      const due = timers;
      timers = [];
      for (const fn of due) fn();
    },
  };
}

/** The interactions the LMS holds, by place: each one's fields without the "cmi.interactions.n." prefix. */
export function interactionsOf(data: FlatCmi): Record<string, string>[] {
  const places = Object.keys(data).flatMap((k) => /^cmi\.interactions\.(\d+)\./.exec(k)?.[1] ?? []);
  const count = places.length ? Math.max(...places.map(Number)) + 1 : 0;
  return Array.from({ length: count }, (_, n) =>
    Object.fromEntries(
      Object.entries(data)
        .filter(([k]) => k.startsWith(`cmi.interactions.${n}.`))
        .map(([k, v]) => [k.slice(`cmi.interactions.${n}.`.length), v]),
    ),
  );
}
