/**
 * The reference answers: requests played against ADL's LRS (adlnet/ADL_LRS) and the
 * status codes it gave, kept in reference-answers.json. The same table is played
 * against this harness by tests/unit/lrs-harness.test.ts, so the LRS that CI, the
 * journeys and `npm start` use answers as the reference does (where they differ,
 * the reference is right, unless the table says why not).
 *
 * Each case starts afresh: its own activity, registration and statement ids, so
 * cases never depend on one another or on what the LRS held before.
 */
import { randomUUID } from 'node:crypto';

export interface ReferenceStep {
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  readonly resource: string;
  /** Adds the case's State address: activityId, agent, registration and stateId. */
  readonly state?: boolean;
  /** `$A`, `$B`… stand for the case's statement ids, `$registration` for its registration. */
  readonly params?: Readonly<Record<string, string>>;
  /** `$etag` is the ETag of the last answer that had one; `$etag-unquoted` the same without quotes. */
  readonly headers?: Readonly<Record<string, string>>;
  /** `"$A"` is a valid statement with id $A; `"$A*"` one with the same id and other content; a list is a batch. */
  readonly body?: unknown;
  readonly auth?: 'none' | 'wrong';
  readonly versionHeader?: string | null;
  /** What the reference LRS answered. */
  readonly status: number;
  /** Whether its answer carried an ETag header. */
  readonly etag?: boolean;
  /** Where this harness deliberately answers otherwise, its status and why. */
  readonly harness?: { readonly status: number; readonly why: string };
}

export interface ReferenceCase {
  readonly name: string;
  readonly steps: readonly ReferenceStep[];
}

export interface ReferenceTable {
  readonly observed: { readonly host: string; readonly at: string; readonly how: string };
  readonly cases: readonly ReferenceCase[];
}

export interface StepAnswer {
  readonly status: number;
  readonly etag: boolean;
}

export interface Target {
  /** The xAPI base endpoint, ending with "/". */
  readonly endpoint: string;
  /** `Basic …` for the LRS's credentials. */
  readonly auth: string;
}

const AGENT = { objectType: 'Agent', account: { homePage: 'https://lms.example.com', name: 'reference-learner' } };

/** Plays one case; returns each step's status and whether an ETag came back. */
export async function playCase(target: Target, c: ReferenceCase): Promise<StepAnswer[]> {
  const ids = new Map<string, string>();
  const idFor = (name: string) => ids.get(name) ?? (ids.set(name, randomUUID()), ids.get(name) ?? '');
  const registration = randomUUID();
  const activityId = `https://courses.example.com/reference/${randomUUID()}`;
  const statement = (token: string) => ({
    id: idFor(token.replace(/^\$|\*$/g, '')),
    actor: AGENT,
    verb: { id: `http://adlnet.gov/expapi/verbs/${token.endsWith('*') ? 'answered' : 'experienced'}`, display: { 'en-US': 'verb' } },
    object: { objectType: 'Activity', id: activityId },
    context: { registration },
    timestamp: '2026-11-29T20:00:00.000Z',
  });
  const expand = (text: string) => text.replace(/\$registration/g, registration).replace(/\$([A-Z])\b/g, (_, n: string) => idFor(n));
  let etag = '';
  const answers: StepAnswer[] = [];
  for (const step of c.steps) {
    const params = new URLSearchParams();
    if (step.state) {
      params.set('activityId', activityId);
      params.set('agent', JSON.stringify(AGENT));
      params.set('registration', registration);
      params.set('stateId', 'reference');
    }
    for (const [name, value] of Object.entries(step.params ?? {})) params.set(name, expand(value));
    const headers: Record<string, string> = {};
    if (step.versionHeader !== null) headers['X-Experience-API-Version'] = step.versionHeader ?? '1.0.3';
    if (step.auth === undefined) headers.Authorization = target.auth;
    if (step.auth === 'wrong') headers.Authorization = `Basic ${Buffer.from('nobody:wrong').toString('base64')}`;
    for (const [name, value] of Object.entries(step.headers ?? {}))
      headers[name] = value.replace('$etag-unquoted', etag.replace(/"/g, '')).replace('$etag', etag);
    let body: string | undefined;
    if (typeof step.body === 'string' && /^\$[A-Z]\*?$/.test(step.body)) body = JSON.stringify(statement(step.body));
    else if (Array.isArray(step.body)) body = JSON.stringify(step.body.map((b) => statement(String(b))));
    else if (typeof step.body === 'string') body = step.body;
    else if (step.body !== undefined) body = JSON.stringify(step.body);
    if (body !== undefined) headers['Content-Type'] ??= 'application/json';
    const response = await fetch(`${target.endpoint}${step.resource}${params.size ? `?${params}` : ''}`, {
      method: step.method,
      headers,
      body,
    });
    await response.arrayBuffer();
    const tag = response.headers.get('etag');
    if (tag) etag = tag;
    answers.push({ status: response.status, etag: tag !== null });
  }
  return answers;
}
