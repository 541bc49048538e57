/**
 * The LRS connection: one function that speaks the few xAPI resources the
 * course uses (statements, State, Agent Profile) with fetch.
 *
 * - Only the parameters a resource defines are sent (xAPI 1.0.3 Communication
 *   §3.2, 3.2.s3.b7: an LRS answers 400 to any other, and the ADL LRS does).
 *   Caches are defeated with `cache: 'no-store'` (which sends `Cache-Control:
 *   no-cache`), never with a query parameter.
 * - No cookies; a timeout while the page lives.
 * - `keepalive` when asked: such a request outlives the page, which is how a
 *   batch in flight, the last statements and the last resume state still
 *   arrive when the learner closes the tab.
 *
 * (@xapi/xapi's client was replaced by this: it adds a `cachebuster` parameter
 * to reads and brings an HTTP library the packages have no use for.)
 */

/** A request the LRS did not accept; status 0 = no answer (offline, timeout, dropped). */
export class LrsError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'LrsError';
  }
}

export type FailureKind = 'retry' | 'unauthorized' | 'conflict' | 'rejected';

/** What to do about a failed request (STYLE rule 14: a 400 is dropped, a 5xx or no answer is retried). */
export function classify(error: unknown): FailureKind {
  const status = error instanceof LrsError ? error.status : 0;
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 0 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

export type XapiResource = 'statements' | 'activities/state' | 'agents/profile';

export interface XapiRequest {
  readonly method?: 'GET' | 'PUT' | 'POST';
  /** Values that are objects (an agent) are sent as JSON. */
  readonly params?: object;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  /** Let the request outlive the page (the body must stay under the browser's 64 KiB keepalive budget). */
  readonly keepalive?: boolean;
}

export interface XapiResponse {
  readonly status: number;
  readonly data: unknown;
  readonly headers: Headers;
}

export interface LrsClient {
  request(resource: XapiResource, request?: XapiRequest): Promise<XapiResponse>;
}

/** Chromium refuses a keepalive request once 64 KiB of keepalive bodies are in flight: stay well under it. */
export const KEEPALIVE_BODY_LIMIT = 28_000;

export function createLrsClient(endpoint: string, auth: string, timeoutMs = 10_000): LrsClient {
  return {
    async request(resource, { method = 'GET', params = {}, body, headers = {}, keepalive = false } = {}) {
      const query = new URLSearchParams();
      for (const [name, value] of Object.entries(params) as [string, unknown][])
        if (value !== undefined) query.set(name, typeof value === 'string' ? value : JSON.stringify(value));
      const text = body === undefined ? undefined : JSON.stringify(body);
      let response: Response;
      try {
        response = await fetch(`${endpoint}${resource}${query.size ? `?${query}` : ''}`, {
          method,
          headers: {
            'X-Experience-API-Version': '1.0.3',
            Authorization: auth,
            ...(text === undefined ? {} : { 'Content-Type': 'application/json' }),
            ...headers,
          },
          body: text,
          credentials: 'omit',
          cache: 'no-store',
          keepalive: keepalive && (text?.length ?? 0) < KEEPALIVE_BODY_LIMIT,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (error) {
        throw new LrsError(0, `The LRS did not answer (${error instanceof Error ? error.name : 'network error'})`);
      }
      const answer = await response.text().catch(() => '');
      if (!response.ok) throw new LrsError(response.status, `The LRS answered ${response.status}`);
      let data: unknown = answer;
      try {
        data = answer ? JSON.parse(answer) : undefined;
      } catch {
        // Not JSON: keep the text.
      }
      return { status: response.status, data, headers: response.headers };
    },
  };
}
