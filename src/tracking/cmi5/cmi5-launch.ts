/**
 * The cmi5 launch sequence (cmi5 §8.2, §10, §11): get the auth token from the
 * fetch URL exactly once per session, read LMS.LaunchData (never write it),
 * and read the learner preferences before the first statement.
 */
import type { Agent, Cmi5Launch } from '../xapi/launch-params.js';
import { isHttpUrl } from '../xapi/launch-params.js';
import { createLrsClient, LrsError, type LrsClient } from '../xapi/lrs-client.js';

export type LaunchMode = 'Normal' | 'Browse' | 'Review';

/** cmi5 §10.2: the LMS.LaunchData state document, checked field by field. */
export interface LaunchData {
  readonly contextTemplate: Record<string, unknown>;
  readonly launchMode: LaunchMode;
  readonly masteryScore: number | undefined;
  readonly moveOn: string | undefined;
  /** Only an http(s) address: a javascript: or data: URL from the LMS is ignored. */
  readonly returnURL: string | undefined;
}

export class Cmi5LaunchError extends Error {}

export interface Cmi5Connection {
  readonly client: LrsClient;
  readonly launchData: LaunchData;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** cmi5 §8.2.1: POST (never GET) the fetch URL; §8.2.3: an error-code answer means no token. */
async function fetchToken(fetchUrl: string): Promise<string> {
  let response: Response;
  try {
    response = await fetch(fetchUrl, { method: 'POST', credentials: 'omit', cache: 'no-store', signal: AbortSignal.timeout(10_000) });
  } catch {
    throw new Cmi5LaunchError('the LMS did not answer the request for a session token');
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok || !isObject(body)) throw new Cmi5LaunchError(`the LMS refused a session token (HTTP ${response.status})`);
  const token = body['auth-token'];
  if (typeof token === 'string' && token) return token;
  const text = typeof body['error-text'] === 'string' ? `: ${body['error-text']}` : '';
  throw new Cmi5LaunchError(`the LMS gave no session token${text}`);
}

/** Where this launch's token is kept in the tab (sessionStorage), or the mark that its session ended. */
const tokenKey = (launch: Cmi5Launch) => `cmi5:${launch.registration}:${launch.fetchUrl}:token`;
/** Kept instead of the token once the session has ended: a token is never "-". */
const ENDED = '-';

/**
 * This launch's session has ended (`terminated` sent): its token died with it (cmi5 8.1.2.0-2), so a
 * reload of the tab must not use it, nor ask the one-time fetch URL again.
 */
export function markSessionEnded(launch: Cmi5Launch, session: Storage | undefined): void {
  try {
    session?.setItem(tokenKey(launch), ENDED);
  } catch {
    // Without sessionStorage a reload asks the fetch URL again, and the LMS refuses it.
  }
}

/** The token, fetched once per browser session: a reload reuses it rather than POSTing fetch again (§8.2.1). */
async function sessionToken(launch: Cmi5Launch, session: Storage | undefined): Promise<string> {
  const key = tokenKey(launch);
  const kept = session?.getItem(key);
  if (kept === ENDED)
    throw new Cmi5LaunchError(
      'this session with your learning system has already ended (its window was closed or reloaded); open the lesson again from your learning system to go on where you left off',
    );
  if (kept) return kept;
  const token = await fetchToken(launch.fetchUrl);
  try {
    session?.setItem(key, token);
  } catch {
    // Without sessionStorage a reload cannot resume this session; the token still serves this page.
  }
  return token;
}

export function parseLaunchData(data: unknown): LaunchData {
  if (!isObject(data)) throw new Cmi5LaunchError('the LMS launch data is missing');
  const template = data.contextTemplate;
  if (!isObject(template)) throw new Cmi5LaunchError('the LMS launch data has no context template');
  const mode = data.launchMode;
  if (mode !== 'Normal' && mode !== 'Browse' && mode !== 'Review')
    throw new Cmi5LaunchError('the LMS launch data has no valid launch mode');
  const mastery = data.masteryScore;
  const returnURL = typeof data.returnURL === 'string' && isHttpUrl(data.returnURL) ? data.returnURL : undefined;
  return {
    contextTemplate: template,
    launchMode: mode,
    masteryScore: typeof mastery === 'number' && mastery >= 0 && mastery <= 1 ? mastery : undefined,
    moveOn: typeof data.moveOn === 'string' ? data.moveOn : undefined,
    returnURL,
  };
}

export async function connectCmi5(launch: Cmi5Launch, session: Storage | undefined): Promise<Cmi5Connection> {
  const token = await sessionToken(launch, session);
  const client = createLrsClient(launch.endpoint, `Basic ${token}`);
  const agent: Agent = launch.actor;
  // cmi5 §11: read the learner preferences on startup (before `initialized`); 404 (none set) is normal.
  // This lesson has no audio and one language, so nothing in them changes what it shows. Read at the
  // same time as the launch data: an LMS in front of its LRS answers each request slowly.
  const preferences = client.request('agents/profile', { params: { agent, profileId: 'cmi5LearnerPreferences' } }).catch(() => undefined);
  let launchData: LaunchData;
  try {
    const params = { agent, activityId: launch.activityId, registration: launch.registration, stateId: 'LMS.LaunchData' };
    const response = await client.request('activities/state', { params });
    launchData = parseLaunchData(response.data);
  } catch (error) {
    if (error instanceof Cmi5LaunchError) throw error;
    throw new Cmi5LaunchError(
      `the LMS launch data could not be read (${error instanceof LrsError ? `HTTP ${error.status}` : 'no answer'})`,
    );
  } finally {
    await preferences;
  }
  return { client, launchData };
}
