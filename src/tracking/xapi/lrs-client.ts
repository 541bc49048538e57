/**
 * The LRS connection: @xapi/xapi does the xAPI resources; our adapter function
 * does the HTTP with fetch so we can set a timeout, never send cookies, never
 * cache, and use `keepalive` while the page is being hidden (a request then
 * outlives the page, which is how the last statements still arrive).
 */
import XAPI from '@xapi/xapi';
import type { AdapterFunction } from '@xapi/xapi/dist/types/adapters/index.js';

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

/** What to do about a failed request. */
export function classify(error: unknown): FailureKind {
  const status = error instanceof LrsError ? error.status : 0;
  if (status === 401 || status === 403) return 'unauthorized';
  if (status === 409 || status === 412) return 'conflict';
  if (status === 0 || status === 408 || status === 429 || status >= 500) return 'retry';
  return 'rejected';
}

export interface LrsClient {
  readonly xapi: XAPI;
  /** While true, requests use keepalive and no timeout (the page is going away). */
  unloading: boolean;
}

export function createLrsClient(endpoint: string, auth: string, timeoutMs = 10_000): LrsClient {
  const client: { xapi?: XAPI; unloading: boolean } = { unloading: false };
  const adapter: AdapterFunction = async ({ url, method, headers, data }) => {
    const body = data === undefined || data === null ? undefined : typeof data === 'string' ? data : JSON.stringify(data);
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers,
        body,
        credentials: 'omit',
        cache: 'no-store',
        keepalive: client.unloading,
        signal: client.unloading ? undefined : AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      throw new LrsError(0, `The LRS did not answer (${error instanceof Error ? error.name : 'network error'})`);
    }
    const text = await response.text().catch(() => '');
    if (!response.ok) throw new LrsError(response.status, `The LRS answered ${response.status}`);
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : text;
    } catch {
      // Not JSON: keep the text.
    }
    return { data: parsed as never, headers: Object.fromEntries(response.headers.entries()), status: response.status };
  };
  client.xapi = new XAPI({ endpoint, auth, version: '1.0.3', adapter });
  return client as LrsClient;
}
