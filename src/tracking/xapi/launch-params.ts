/**
 * Launch parameters from the query string, checked before anything is sent.
 * Malformed input never throws at the learner: it gives a reason, and the
 * lesson runs standalone with a notice saying what was wrong.
 *
 * - xAPI "TinCan" launch (Rustici launch guidelines): endpoint, auth, actor, registration, activity_id.
 * - cmi5 launch (cmi5 §8.1): endpoint, fetch, actor, registration, activityId.
 */
import { UUID_PATTERN } from './uuid.js';

export interface Agent {
  readonly objectType?: 'Agent';
  readonly name?: string;
  readonly mbox?: string;
  readonly mbox_sha1sum?: string;
  readonly openid?: string;
  readonly account?: { readonly homePage: string; readonly name: string };
}

export type LaunchResult<T> =
  { readonly ok: true; readonly launch: T } | { readonly ok: false; readonly reason: string } | { readonly ok: 'absent' };

export interface TinCanLaunch {
  readonly endpoint: string;
  readonly auth: string | undefined;
  readonly actor: Agent;
  readonly registration: string | undefined;
  readonly activityId: string | undefined;
}

export interface Cmi5Launch {
  readonly endpoint: string;
  readonly fetchUrl: string;
  readonly actor: Agent;
  readonly registration: string;
  readonly activityId: string;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export function isHttpUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}

export function isAbsoluteIri(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(value) && !/^(javascript|data|vbscript):/i.test(value);
}

/** xAPI 1.0.3 §2.4.2.1: an Agent needs exactly one inverse functional identifier. */
export function parseAgent(raw: string): Agent | string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return 'the actor is not valid JSON';
  }
  if (!isObject(parsed)) return 'the actor is not a JSON object';
  const first = (x: unknown) => (Array.isArray(x) ? x[0] : x);
  // Legacy TinCan launchers send arrays (mbox: ["mailto:…"], account: [{accountServiceHomePage, accountName}]).
  const mbox = first(parsed.mbox);
  const account = first(parsed.account);
  const name = first(parsed.name);
  const agent: { -readonly [K in keyof Agent]: Agent[K] } = { objectType: 'Agent' };
  if (typeof name === 'string' && name) agent.name = name;
  const ifis: string[] = [];
  if (typeof mbox === 'string') {
    if (!/^mailto:[^@\s]+@[^@\s]+$/.test(mbox)) return 'the actor’s mbox is not a mailto: address';
    agent.mbox = mbox;
    ifis.push('mbox');
  }
  if (typeof parsed.mbox_sha1sum === 'string') {
    agent.mbox_sha1sum = parsed.mbox_sha1sum;
    ifis.push('mbox_sha1sum');
  }
  if (typeof parsed.openid === 'string') {
    agent.openid = parsed.openid;
    ifis.push('openid');
  }
  if (isObject(account)) {
    const homePage = account.homePage ?? account.accountServiceHomePage;
    const accountName = account.name ?? account.accountName;
    // Any absolute IRI: the CATAPULT cmi5 test suite, for one, launches learners with `urn:` home pages.
    if (typeof homePage !== 'string' || typeof accountName !== 'string' || !isAbsoluteIri(homePage) || !accountName) {
      return 'the actor’s account needs a homePage IRI and a name';
    }
    agent.account = { homePage, name: accountName };
    ifis.push('account');
  }
  if (ifis.length !== 1) return 'the actor needs exactly one identifier (mbox, mbox_sha1sum, openid or account)';
  return agent;
}

function withSlash(endpoint: string): string {
  return endpoint.endsWith('/') ? endpoint : `${endpoint}/`;
}

export function parseTinCanLaunch(search: string): LaunchResult<TinCanLaunch> {
  const q = new URLSearchParams(search);
  if (!q.has('endpoint') && !q.has('actor')) return { ok: 'absent' };
  const endpoint = q.get('endpoint') ?? '';
  if (!isHttpUrl(endpoint)) return { ok: false, reason: 'the LRS endpoint is missing or is not an http(s) address' };
  const actor = parseAgent(q.get('actor') ?? '');
  if (typeof actor === 'string') return { ok: false, reason: actor };
  const registration = q.get('registration') || undefined;
  if (registration && !UUID_PATTERN.test(registration)) return { ok: false, reason: 'the registration is not a UUID' };
  const activityId = q.get('activity_id') || undefined;
  if (activityId && !isAbsoluteIri(activityId)) return { ok: false, reason: 'the activity_id is not an absolute IRI' };
  return { ok: true, launch: { endpoint: withSlash(endpoint), auth: q.get('auth') || undefined, actor, registration, activityId } };
}

export function parseCmi5Launch(search: string): LaunchResult<Cmi5Launch> {
  const q = new URLSearchParams(search);
  if (!q.has('endpoint') && !q.has('fetch')) return { ok: 'absent' };
  const endpoint = q.get('endpoint') ?? '';
  if (!isHttpUrl(endpoint)) return { ok: false, reason: 'the LRS endpoint is missing or is not an http(s) address' };
  const fetchUrl = q.get('fetch') ?? '';
  if (!isHttpUrl(fetchUrl)) return { ok: false, reason: 'the fetch URL is missing or is not an http(s) address' };
  const actor = parseAgent(q.get('actor') ?? '');
  if (typeof actor === 'string') return { ok: false, reason: actor };
  const registration = q.get('registration') ?? '';
  if (!UUID_PATTERN.test(registration)) return { ok: false, reason: 'the registration is missing or is not a UUID' };
  const activityId = q.get('activityId') ?? '';
  if (!isAbsoluteIri(activityId)) return { ok: false, reason: 'the activityId is missing or is not an absolute IRI' };
  return { ok: true, launch: { endpoint: withSlash(endpoint), fetchUrl, actor, registration, activityId } };
}
