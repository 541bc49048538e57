/**
 * Reads every statement about an activity from any conformant LRS, page by
 * page (xAPI 1.0.3 Communication §2.1.3): GET statements with `activity`,
 * `related_activities=true` (the activity and everything under it),
 * `ascending=true` and `limit=0` (as many a page as the LRS allows), then each
 * `more` link until it is empty. The next page is asked for while the current
 * one is counted; no page is kept once counted.
 *
 * Fail closed: a read that cannot finish ends with a ReportError saying why
 * (no partial report is ever made). Passing failures (no answer, 5xx, 429) are
 * tried again a few times; credentials go only to the endpoint's own origin.
 */

/** Why a report could not be made, and the exit status that says so. */
export class ReportError extends Error {
  constructor(
    readonly kind: 'usage' | 'unreachable' | 'credentials' | 'malformed' | 'refused' | 'nothing',
    message: string,
  ) {
    super(message);
    this.name = 'ReportError';
  }

  get exitCode(): number {
    return EXIT_CODES[this.kind];
  }
}

export const EXIT_CODES = { usage: 2, unreachable: 3, credentials: 4, malformed: 5, refused: 5, nothing: 6 } as const;

export interface ReadOptions {
  /** The LRS's xAPI endpoint, e.g. https://lrs.example.com/xapi/ */
  readonly endpoint: string;
  readonly activity: string;
  readonly since?: string;
  readonly until?: string;
  readonly username: string;
  readonly password: string;
  readonly timeoutMs?: number;
  /** Waits before each new try of a request that failed in passing. */
  readonly retryDelaysMs?: readonly number[];
  /** A page larger than this is refused (bounded input). */
  readonly maxPageBytes?: number;
}

export interface Page {
  readonly statements: readonly unknown[];
  /** 1-based. */
  readonly number: number;
}

const MAX_PAGE_BYTES = 64 * 1024 * 1024;

/** The endpoint with one trailing slash, refused when it is not an http(s) URL or carries credentials. */
export function normalEndpoint(endpoint: string): URL {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new ReportError('usage', `--endpoint ${endpoint} is not a URL; give the LRS's xAPI endpoint, e.g. https://lrs.example.com/xapi/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new ReportError('usage', `--endpoint must be an http(s) URL, not ${url.protocol}`);
  if (url.username || url.password)
    throw new ReportError(
      'usage',
      '--endpoint carries credentials: give them in LRS_USERNAME and LRS_PASSWORD instead, so they are never written anywhere',
    );
  if (url.search || url.hash) throw new ReportError('usage', '--endpoint must not have a query or fragment');
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url;
}

export async function* readStatements(o: ReadOptions): AsyncGenerator<Page> {
  const endpoint = normalEndpoint(o.endpoint);
  const first = new URL('statements', endpoint);
  first.searchParams.set('activity', o.activity);
  first.searchParams.set('related_activities', 'true');
  first.searchParams.set('ascending', 'true');
  first.searchParams.set('limit', '0');
  if (o.since) first.searchParams.set('since', o.since);
  if (o.until) first.searchParams.set('until', o.until);
  const auth = `Basic ${Buffer.from(`${o.username}:${o.password}`).toString('base64')}`;
  let number = 1;
  let pending: Promise<{ statements: unknown[]; more: string }> | undefined = fetchPage(first, 1, auth, o);
  while (pending) {
    const page: { statements: unknown[]; more: string } = await pending;
    const current = number;
    number += 1;
    pending = page.more ? fetchPage(moreUrl(page.more, endpoint, current), number, auth, o) : undefined;
    // A failed prefetch is awaited (and thrown) on the next turn; until then it must not go unhandled.
    pending?.catch(() => undefined);
    yield { statements: page.statements, number: current };
  }
}

/** §2.1.3: "more" is relative to the server root (an absolute URL is taken too, on the endpoint's origin only). */
function moreUrl(more: string, endpoint: URL, page: number): URL {
  let url: URL;
  try {
    url = new URL(more, endpoint);
  } catch {
    throw new ReportError('malformed', `The LRS's "more" link after page ${page} is not a URL: ${more.slice(0, 200)}`);
  }
  if (url.origin !== endpoint.origin)
    throw new ReportError(
      'malformed',
      `The LRS's "more" link after page ${page} points to another host (${url.origin}); the credentials are not sent there.`,
    );
  return url;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function fetchPage(url: URL, number: number, auth: string, o: ReadOptions): Promise<{ statements: unknown[]; more: string }> {
  const delays = o.retryDelaysMs ?? [1_000, 3_000, 10_000];
  for (let attempt = 0; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, {
        headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3', Accept: 'application/json' },
        signal: AbortSignal.timeout(o.timeoutMs ?? 60_000),
        redirect: 'error',
      });
    } catch (error) {
      const delay = delays[attempt];
      if (delay !== undefined) {
        await sleep(delay);
        continue;
      }
      throw new ReportError('unreachable', `The LRS at ${o.endpoint} could not be reached (page ${number}): ${reason(error)}.`);
    }
    if (response.status === 401 || response.status === 403)
      throw new ReportError(
        'credentials',
        `The LRS refused the credentials (HTTP ${response.status}). Check LRS_USERNAME and LRS_PASSWORD, and that this key may read statements.`,
      );
    if ((response.status >= 500 || response.status === 429 || response.status === 408) && delays[attempt] !== undefined) {
      await response.body?.cancel();
      await sleep(delays[attempt] ?? 0);
      continue;
    }
    const body = await readBounded(response, o.maxPageBytes ?? MAX_PAGE_BYTES, number);
    if (response.status === 404 && number === 1)
      throw new ReportError(
        'refused',
        `The LRS has no statements resource at ${url.origin}${url.pathname} (HTTP 404): is ${o.endpoint} its xAPI endpoint?`,
      );
    if (response.status !== 200)
      throw new ReportError('refused', `The LRS answered HTTP ${response.status} to page ${number}: ${lrsMessage(body)}`);
    let data: unknown;
    try {
      data = JSON.parse(body);
    } catch {
      throw new ReportError('malformed', `The LRS's answer to page ${number} is not JSON: ${JSON.stringify(body.slice(0, 120))}…`);
    }
    if (typeof data !== 'object' || data === null || !Array.isArray((data as { statements?: unknown }).statements))
      throw new ReportError('malformed', `The LRS's answer to page ${number} is not a StatementResult (no "statements" list).`);
    const { statements, more } = data as { statements: unknown[]; more?: unknown };
    if (more !== undefined && typeof more !== 'string')
      throw new ReportError('malformed', `The LRS's answer to page ${number} has a "more" that is not a string.`);
    return { statements, more: more ?? '' };
  }
}

async function readBounded(response: Response, limit: number, page: number): Promise<string> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (response.body) {
    for await (const chunk of response.body) {
      size += chunk.byteLength;
      if (size > limit) {
        await response.body.cancel().catch(() => undefined);
        throw new ReportError('malformed', `The LRS's answer to page ${page} is larger than ${limit / 1024 / 1024} MB.`);
      }
      chunks.push(chunk);
    }
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** What the LRS said, short (an error object's message, else the start of the body). */
function lrsMessage(body: string): string {
  try {
    const data: unknown = JSON.parse(body);
    if (typeof data === 'object' && data !== null) {
      const message = (data as Record<string, unknown>).message ?? (data as Record<string, unknown>).error;
      if (typeof message === 'string') return message.slice(0, 300);
    }
  } catch {
    // not JSON: the text itself
  }
  return body.slice(0, 300) || '(no body)';
}

function reason(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: unknown }).cause;
    const code = typeof cause === 'object' && cause !== null ? (cause as { code?: unknown }).code : undefined;
    if (error.name === 'TimeoutError') return 'no answer in time';
    return typeof code === 'string' ? `${code} (${error.message})` : error.message;
  }
  return String(error);
}
