/**
 * A scripted cmi5 AU for tests of the harness (and of anything that needs a
 * well-behaved AU): it launches as §8 says, builds statements that meet every
 * rule by default, and sends them with plain fetch(). Tests then break one
 * rule at a time with a `mutate` callback.
 */
import { randomUUID } from 'node:crypto';
import { CMI5_CATEGORY, CMI5_VERBS, MASTERY_SCORE_EXTENSION, MOVEON_CATEGORY, type Cmi5Verb } from './cmi5-rules.js';
import type { Cmi5SessionOptions } from './cmi5-sessions.js';
import { isObject, type JsonObject } from './json.js';
import type { LrsHarness } from './lrs-server.js';

export interface Activity {
  objectType?: string;
  id: string;
  definition?: JsonObject;
}

/** A statement with the fields tests reach into typed; anything else stays open. */
export interface AuStatement {
  [key: string]: unknown;
  id?: string;
  actor: JsonObject;
  verb: { id: string; display?: Record<string, string> };
  object: { objectType?: string; id: string; definition?: JsonObject };
  result?: {
    score?: { scaled?: number; raw?: number; min?: number; max?: number };
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
    extensions?: JsonObject;
  };
  context?: {
    [key: string]: unknown;
    registration?: string;
    contextActivities?: Partial<Record<'parent' | 'grouping' | 'category' | 'other', Activity[]>>;
    extensions?: JsonObject;
  };
  timestamp?: string;
}

export const LEARNER = { objectType: 'Agent', name: 'Test Learner', account: { homePage: 'https://lms.example.com', name: 'learner-1' } };

export interface FakeAu {
  readonly sessionId: string;
  readonly token: string;
  readonly launchData: JsonObject;
  readonly options: Cmi5SessionOptions;
  /** A cmi5 defined statement that meets every rule, then `mutate`d. */
  defined(verb: Cmi5Verb, mutate?: (s: AuStatement) => void): AuStatement;
  /** A cmi5 allowed statement (any verb, context template, no cmi5 category). */
  allowed(verbId: string, mutate?: (s: AuStatement) => void): AuStatement;
  /** POST /statements with the session token. */
  send(statements: AuStatement | AuStatement[]): Promise<Response>;
  /** Any xAPI request with the session token and version header. */
  xapi(
    method: string,
    resource: string,
    init?: { query?: Record<string, string>; body?: string; headers?: Record<string, string> },
  ): Promise<Response>;
}

export interface LaunchOptions extends Partial<Cmi5SessionOptions> {
  /** Read cmi5LearnerPreferences as §11 requires (default true). */
  readonly readPreferences?: boolean;
}

/** Creates a session on the harness and runs the AU's start-up: fetch (POST), LMS.LaunchData, learner preferences. */
export async function launchAu(lrs: LrsHarness, launchOptions: LaunchOptions = {}): Promise<FakeAu> {
  const { readPreferences = true, ...rest } = launchOptions;
  const options: Cmi5SessionOptions = {
    actor: LEARNER,
    registration: randomUUID(),
    activityId: `https://lms.example.com/au/${randomUUID()}`,
    publisherId: 'https://course.example.com/iam/lesson-5-6',
    ...rest,
  };
  const launch = lrs.createCmi5Session(options);
  const params = new URLSearchParams(launch.launchUrlQuery);
  const endpoint = params.get('endpoint') ?? '';
  const fetched: unknown = await (await fetch(params.get('fetch') ?? '', { method: 'POST' })).json();
  const token = isObject(fetched) && typeof fetched['auth-token'] === 'string' ? fetched['auth-token'] : '';
  const actor = JSON.parse(params.get('actor') ?? '{}') as JsonObject; // the harness's own launch URL

  const xapi: FakeAu['xapi'] = (method, resource, init = {}) => {
    const query = init.query ? `?${new URLSearchParams(init.query).toString()}` : '';
    return fetch(`${endpoint}${resource}${query}`, {
      method,
      headers: {
        Authorization: `Basic ${token}`,
        'X-Experience-API-Version': '1.0.3',
        'Content-Type': 'application/json',
        ...init.headers,
      },
      body: init.body,
    });
  };
  const stateQuery = {
    activityId: options.activityId,
    agent: JSON.stringify(actor),
    registration: options.registration,
    stateId: 'LMS.LaunchData',
  };
  const launchData = (await (await xapi('GET', 'activities/state', { query: stateQuery })).json()) as JsonObject;
  if (readPreferences)
    await xapi('GET', 'agents/profile', { query: { agent: JSON.stringify(actor), profileId: 'cmi5LearnerPreferences' } });
  const template = isObject(launchData.contextTemplate) ? launchData.contextTemplate : {};

  const templateActivities = isObject(template.contextActivities) ? template.contextActivities : {};
  const templateCategory = Array.isArray(templateActivities.category) ? templateActivities.category : [];

  const base = (verbId: string, categories: string[]): AuStatement => {
    const category = [...templateCategory, ...categories.map((id) => ({ objectType: 'Activity', id }))];
    return {
      id: randomUUID(),
      actor,
      verb: { id: verbId, display: { 'en-US': verbId.split('/').pop() ?? verbId } },
      object: { objectType: 'Activity', id: options.activityId },
      context: {
        ...structuredClone(template),
        registration: options.registration,
        contextActivities: { ...structuredClone(templateActivities), ...(category.length ? { category } : {}) },
      },
      timestamp: new Date().toISOString(),
    };
  };

  return {
    sessionId: launch.sessionId,
    token,
    launchData,
    options,
    defined(verb, mutate) {
      const judged = verb === 'completed' || verb === 'passed' || verb === 'failed';
      const s = base(CMI5_VERBS[verb], judged ? [CMI5_CATEGORY, MOVEON_CATEGORY] : [CMI5_CATEGORY]);
      if (verb === 'completed') s.result = { completion: true, duration: 'PT1M' };
      if (verb === 'passed') s.result = { success: true, duration: 'PT1M' };
      if (verb === 'failed') s.result = { success: false, duration: 'PT1M' };
      if (verb === 'terminated') s.result = { duration: 'PT2M' };
      if ((verb === 'passed' || verb === 'failed') && options.masteryScore !== undefined)
        s.context = { ...s.context, extensions: { ...s.context?.extensions, [MASTERY_SCORE_EXTENSION]: options.masteryScore } };
      mutate?.(s);
      return s;
    },
    allowed(verbId, mutate) {
      const s = base(verbId, []);
      mutate?.(s);
      return s;
    },
    send: (statements) => xapi('POST', 'statements', { body: JSON.stringify(statements) }),
    xapi,
  };
}
