/** Launch URLs for the xAPI (TinCan) and cmi5 packages, as an LMS would build them. */
import { randomUUID } from 'node:crypto';
import type { Statement } from '@xapi/xapi';
import type { LrsHarness } from '../lrs/index.js';
import { LESSON } from './lesson-facts.js';
import type { LrsBackend } from './lrs-journeys.js';

export const LESSON_IRI = 'https://courses.example.com/xapi/iam-access-patterns-5-6/lesson/iam-access-patterns-5-6';
export const AU_ID = 'https://lms.example.com/course/77/au/1';
export const ACTOR = { objectType: 'Agent' as const, name: 'Ann Learner', account: { homePage: 'https://lms.example.com', name: 'ann' } };
export const XAPI_AUTH = { key: 'course', secret: 's3cret-key' };

/** xAPI "TinCan" launch: endpoint, auth, actor, registration, activity_id. */
export function xapiLaunch(courseUrl: string, lrs: LrsHarness, registration: string = randomUUID()): string {
  const auth = `Basic ${Buffer.from(`${XAPI_AUTH.key}:${XAPI_AUTH.secret}`).toString('base64')}`;
  const query = new URLSearchParams({ endpoint: lrs.endpoint, auth, actor: JSON.stringify(ACTOR), registration, activity_id: LESSON_IRI });
  return `${courseUrl}?${query}`;
}

export interface Cmi5LaunchOptions {
  launchMode?: 'Normal' | 'Browse' | 'Review';
  masteryScore?: number;
  returnURL?: string;
  registration?: string;
}

/** cmi5 launch: the LMS writes LMS.LaunchData, then opens the AU with endpoint, fetch, actor, registration, activityId. */
export function cmi5Launch(courseUrl: string, lrs: LrsHarness, options: Cmi5LaunchOptions = {}) {
  const registration = options.registration ?? randomUUID();
  const session = lrs.createCmi5Session({
    actor: ACTOR,
    registration,
    activityId: AU_ID,
    publisherId: 'https://courses.example.com/xapi/iam-access-patterns-5-6/au/iam-access-patterns-5-6',
    launchMode: options.launchMode ?? 'Normal',
    // As the LMS reads them from cmi5.xml, i.e. from course/.
    masteryScore: options.masteryScore ?? LESSON.lesson.settings.passingScore,
    moveOn: LESSON.lesson.settings.moveOn,
    ...(options.returnURL ? { returnURL: options.returnURL } : {}),
  });
  return { url: `${courseUrl}?${session.launchUrlQuery}`, registration, sessionId: session.sessionId };
}

/** Verb names of stored statements, in order. */
export function verbs(lrs: LrsHarness): string[] {
  return lrs.statements().map((s) => s.verb.id.split('/').pop() ?? '');
}

export function countBy(items: readonly string[]): Record<string, number> {
  return items.reduce<Record<string, number>>((out, x) => ({ ...out, [x]: (out[x] ?? 0) + 1 }), {});
}

/** The local strict LRS as a journey backend: launches as an LMS would, reads what the LRS holds. */
export function harnessBackend(lrs: LrsHarness, standard: 'xapi' | 'cmi5', courseUrl: string, options: Cmi5LaunchOptions = {}): LrsBackend {
  return {
    standard,
    async launch(registration: string = randomUUID()) {
      if (standard === 'xapi') return { url: xapiLaunch(courseUrl, lrs, registration), registration };
      return cmi5Launch(courseUrl, lrs, { ...options, registration });
    },
    async statements(registration: string): Promise<Statement[]> {
      return lrs.statements().filter((s) => s.context?.registration === registration);
    },
    async sentIds() {
      return lrs.requests().flatMap((r) => r.statementIds ?? []);
    },
    async state({ activityId, agent, registration, stateId }) {
      const doc = lrs.stateDocument({ activityId, agent: agent as Record<string, unknown>, registration, stateId });
      return doc ? (JSON.parse(doc.content) as unknown) : undefined;
    },
  };
}
