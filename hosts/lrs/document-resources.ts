/**
 * /xapi/activities/state, /xapi/agents/profile, /xapi/activities/profile
 * (xAPI 1.0.3 Communication §2.3, §2.6, §2.7), plus what cmi5 asks of an LMS
 * about them: LMS.LaunchData is read-only to the AU (§10.2.1), the AU acts for
 * the launch actor and registration only (§8.1.3, §8.1.4, §11), and
 * cmi5LearnerPreferences has a fixed shape (§11).
 */
import { cmi5Refusal } from './cmi5-sessions.js';
import type { StoredDocument } from './document-store.js';
import { header, reply, replyJson, type Exchange, type Lrs } from './exchange.js';
import { checkParams, jsonBody, Refusal } from './http.js';
import { agentKey, isObject, type JsonObject } from './json.js';
import { isAgent, isIri, isLanguageTag, isTimestamp, isUuid } from './statement-validation.js';

export const LAUNCH_DATA = 'LMS.LaunchData';
export const LEARNER_PREFERENCES = 'cmi5LearnerPreferences';

export const stateScope = (activityId: string, agent: string, registration?: string): string =>
  `state|${activityId}|${agent}|${registration?.toLowerCase() ?? ''}`;
export const agentProfileScope = (agent: string): string => `agent-profile|${agent}`;
const activityProfileScope = (activityId: string): string => `activity-profile|${activityId}`;

export function stateResource(lrs: Lrs, x: Exchange): void {
  const single = x.query.has('stateId') || x.method === 'PUT' || x.method === 'POST';
  const allowed = ['activityId', 'agent', 'registration', 'stateId', ...(x.method === 'GET' && !single ? ['since'] : [])];
  const p = checkParams(x.query, allowed, ['activityId', 'agent', ...(single ? ['stateId'] : [])]);
  const activityId = iriParam(p, 'activityId');
  const agent = agentParam(p);
  if (p.registration !== undefined && !isUuid(p.registration)) throw new Refusal(400, 'parameter "registration" must be a UUID');
  const session = auSession(x);
  if (session) {
    if (agentKey(agent) !== agentKey(session.launch.actor)) throw cmi5Refusal(403, '8.1.3.0-3', 'the agent is not the launch actor');
    if (p.registration !== undefined && p.registration.toLowerCase() !== session.launch.registration.toLowerCase())
      throw cmi5Refusal(403, '8.1.4.0-3', 'the registration is not the launch registration');
  }
  const scope = stateScope(activityId, agentKey(agent) ?? '', p.registration);
  if (x.method !== 'GET' && (p.stateId ?? LAUNCH_DATA) === LAUNCH_DATA && lrs.documents.get(scope, LAUNCH_DATA))
    throw cmi5Refusal(403, '10.2.1.0-5', 'LMS.LaunchData belongs to the LMS: it may be read, not written or deleted');
  documentMethods(lrs, x, scope, p.stateId, p.since);
}

export function agentProfileResource(lrs: Lrs, x: Exchange): void {
  const single = x.query.has('profileId') || x.method !== 'GET';
  const allowed = ['agent', 'profileId', ...(x.method === 'GET' && !single ? ['since'] : [])];
  const p = checkParams(x.query, allowed, ['agent', ...(single ? ['profileId'] : [])]);
  const agent = agentParam(p);
  const session = auSession(x);
  if (session && agentKey(agent) !== agentKey(session.launch.actor))
    throw cmi5Refusal(403, '11.0.0.0-1', 'the agent of an Agent Profile request must be the launch actor');
  if (p.profileId === LEARNER_PREFERENCES) {
    if (x.method === 'GET') lrs.sessions.preferencesRead(session, agent);
    if (x.method === 'PUT' || x.method === 'POST') checkLearnerPreferences(x);
  }
  documentMethods(lrs, x, agentProfileScope(agentKey(agent) ?? ''), p.profileId, p.since);
}

export function activityProfileResource(lrs: Lrs, x: Exchange): void {
  const single = x.query.has('profileId') || x.method !== 'GET';
  const allowed = ['activityId', 'profileId', ...(x.method === 'GET' && !single ? ['since'] : [])];
  const p = checkParams(x.query, allowed, ['activityId', ...(single ? ['profileId'] : [])]);
  documentMethods(lrs, x, activityProfileScope(iriParam(p, 'activityId')), p.profileId, p.since);
}

/** GET one / GET ids / PUT / POST / DELETE one / DELETE all, the same for the three resources. */
function documentMethods(lrs: Lrs, x: Exchange, scope: string, id: string | undefined, since: string | undefined): void {
  const conditions = { ifMatch: header(x, 'if-match'), ifNoneMatch: header(x, 'if-none-match') };
  if (x.method === 'GET') {
    if (id === undefined) {
      if (since !== undefined && !isTimestamp(since)) throw new Refusal(400, 'parameter "since" is not an ISO 8601 timestamp');
      return replyJson(x, 200, lrs.documents.ids(scope, since));
    }
    const doc = lrs.documents.get(scope, id);
    if (!doc) throw new Refusal(404, `no document "${id}"`);
    return reply(x, 200, doc.content, documentHeaders(doc));
  }
  if (x.method === 'PUT' || x.method === 'POST') {
    if (id === undefined) throw new Refusal(400, 'a document id is required');
    const contentType = header(x, 'content-type') ?? 'application/octet-stream';
    lrs.documents.write(x.method, scope, id, x.body, contentType, conditions);
    // No ETag on a write: the ADL LRS sends none (reference-answers.json), so the course must not rely on one.
    return reply(x, 204);
  }
  if (id === undefined) lrs.documents.deleteAll(scope);
  else lrs.documents.delete(scope, id, conditions);
  return reply(x, 204);
}

/** §3.1 (3.1.s4.b1–b4) and §2.2 (2.2.s6.b1): ETag and Last-Modified on every document GET. */
const documentHeaders = (doc: StoredDocument): Record<string, string> => ({
  'content-type': doc.contentType,
  etag: doc.etag,
  'last-modified': new Date(doc.updated).toUTCString(),
});

/** cmi5 §11, §11.1: a JSON object with languagePreference (RFC 5646 tags, comma-separated) and audioPreference on/off. */
function checkLearnerPreferences(x: Exchange): void {
  let doc: unknown;
  try {
    doc = jsonBody(x.body, header(x, 'content-type'));
  } catch (error) {
    throw error instanceof Refusal ? cmi5Refusal(400, '11.0.0.0-5', `cmi5LearnerPreferences: ${error.reason}`) : error;
  }
  if (!isObject(doc) || doc.languagePreference === undefined || doc.audioPreference === undefined)
    throw cmi5Refusal(400, '11.0.0.0-5', 'cmi5LearnerPreferences must be a JSON object with languagePreference and audioPreference');
  const tags = typeof doc.languagePreference === 'string' ? doc.languagePreference.split(',') : [];
  if (!tags.length || !tags.every(isLanguageTag))
    throw cmi5Refusal(400, '11.1.0.0-1', 'languagePreference must be a comma-separated list of RFC 5646 language tags');
  if (doc.audioPreference !== 'on' && doc.audioPreference !== 'off')
    throw new Refusal(400, 'audioPreference must be "on" or "off" (cmi5 §11.2)');
}

function auSession(x: Exchange) {
  if (x.principal.kind !== 'cmi5') return undefined;
  return x.principal.session; // a terminated session's token was refused already (8.1.2.0-2)
}

function iriParam(p: Record<string, string>, name: string): string {
  const value = p[name];
  if (value === undefined || !isIri(value)) throw new Refusal(400, `parameter "${name}" must be an IRI`);
  return value;
}

function agentParam(p: Record<string, string>): JsonObject {
  let agent: unknown;
  try {
    agent = JSON.parse(p.agent ?? '');
  } catch {
    throw new Refusal(400, 'parameter "agent" is not JSON');
  }
  if (!isObject(agent) || !isAgent(agent)) throw new Refusal(400, 'parameter "agent" is not a valid Agent (exactly one IFI)');
  return agent;
}
