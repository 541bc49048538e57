/**
 * A cmi5 Assignable Unit. start() runs the cmi5 launch sequence; afterwards
 * every call goes to an LrsTracker with the cmi5 profile, or, when the launch
 * cannot complete (no token, no launch data), to standalone mode with a notice
 * that says what went wrong — never a blank page.
 */
import type { Lesson } from '../../content/lesson.js';
import type { InteractionRecord } from '../../domain/interaction.js';
import { activityIris } from '../../packaging/identifiers.js';
import { courseActivityText } from '../../packaging/tincan-activities.js';
import { LocalTracker } from '../local/local-tracker.js';
import type { ConnectionStatus, FinishReason, Outcome, Tracker, TrackerStart } from '../tracker.js';
import type { Cmi5Launch } from '../xapi/launch-params.js';
import { LrsTracker } from '../xapi/lrs-tracker.js';
import { ResumeStore } from '../xapi/resume-document.js';
import { StatementQueue } from '../xapi/statement-queue.js';
import { ACTIVITY_TYPES } from '../xapi/statements.js';
import { uuid } from '../xapi/uuid.js';
import { Cmi5LaunchError, connectCmi5, markSessionEnded } from './cmi5-launch.js';
import { cmi5Profile } from './cmi5-profile.js';

const SESSION_ID_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/sessionid';

export class Cmi5Tracker implements Tracker {
  readonly standard = 'cmi5' as const;
  private delegate: Tracker | undefined;
  private statusListeners: ((status: ConnectionStatus) => void)[] = [];

  constructor(
    private readonly lesson: Lesson,
    private readonly launch: Cmi5Launch,
    private readonly session: Storage | undefined,
  ) {}

  async start(): Promise<TrackerStart> {
    try {
      this.delegate = await this.connect();
    } catch (error) {
      const reason = error instanceof Cmi5LaunchError ? error.message : 'the LMS could not be reached';
      this.delegate = new LocalTracker(`course:${this.lesson.id}:progress`, `The cmi5 launch could not be completed: ${reason}.`);
    }
    for (const listener of this.statusListeners) this.delegate.onStatus(listener);
    return this.delegate.start();
  }

  visit(pageId: string): Promise<void> {
    return this.delegate?.visit(pageId) ?? Promise.resolve();
  }

  record(interaction: InteractionRecord): Promise<void> {
    return this.delegate?.record(interaction) ?? Promise.resolve();
  }

  save(state: string, location: string): Promise<void> {
    return this.delegate?.save(state, location) ?? Promise.resolve();
  }

  conclude(outcome: Outcome): Promise<void | 'pass-deferred'> {
    return this.delegate?.conclude(outcome) ?? Promise.resolve();
  }

  flush(): void {
    this.delegate?.flush();
  }

  finish(reason: FinishReason): Promise<void> {
    const delegate = this.delegate;
    if (!delegate) return Promise.resolve();
    const ended = () => {
      // cmi5 8.1.2.0-2: the token dies with `terminated`; a reload of this tab says the session has ended.
      if (delegate instanceof LrsTracker && delegate.ended) markSessionEnded(this.launch, this.session);
    };
    const finishing = delegate.finish(reason);
    ended(); // on pagehide `terminated` is on its way already, and nothing after this is sure to run
    return finishing.then(ended);
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    if (this.delegate) return this.delegate.onStatus(listener);
    this.statusListeners.push(listener);
    return () => (this.statusListeners = this.statusListeners.filter((l) => l !== listener));
  }

  private async connect(): Promise<LrsTracker> {
    const { launch, lesson } = this;
    const { client, launchData } = await connectCmi5(launch, this.session);
    const extensions = launchData.contextTemplate.extensions;
    const sessionId =
      typeof extensions === 'object' && extensions !== null
        ? String((extensions as Record<string, unknown>)[SESSION_ID_EXTENSION] ?? '')
        : '';
    // Queue and flags belong to this LMS session: a new launch (new session id) starts clean.
    const key = `cmi5:${launch.registration}:${sessionId}`;
    const mode = launchData.launchMode === 'Normal' ? 'normal' : launchData.launchMode === 'Browse' ? 'browse' : 'review';
    return new LrsTracker({
      standard: 'cmi5',
      lesson,
      queue: new StatementQueue(client, { storageKey: `${key}:queue`, storage: this.session }),
      resume: new ResumeStore(client, {
        agent: launch.actor,
        activityId: launch.activityId,
        registration: launch.registration,
        stateId: `${lesson.id}.resume`,
      }),
      context: {
        actor: launch.actor,
        registration: launch.registration,
        language: lesson.language,
        // cmi5 §8.1.5: the launch activityId is the object of every cmi5-defined statement.
        lesson: { id: launch.activityId, name: lesson.title, description: lesson.description, type: ACTIVITY_TYPES.lesson },
        course: { id: activityIris(lesson).course, ...courseActivityText(lesson), type: ACTIVITY_TYPES.course },
        revision: lesson.version,
        newId: uuid,
        now: () => new Date(),
      },
      profile: cmi5Profile(
        launchData.contextTemplate,
        launchData.masteryScore,
        // The LMS names the AU by its cmi5.xml id in grouping (§9.6.2.3): described as cmi5.xml describes it.
        new Map([
          [
            activityIris(lesson).au,
            {
              type: ACTIVITY_TYPES.lesson,
              name: { [lesson.language]: lesson.title },
              description: { [lesson.language]: lesson.description },
            },
          ],
        ]),
      ),
      session: this.session,
      sessionKey: `${key}:session`,
      mode,
      // cmi5 §10.2.4: the LMS's mastery score overrides the course's passing score.
      masteryScore: launchData.masteryScore,
      exitUrl: launchData.returnURL,
    });
  }
}
