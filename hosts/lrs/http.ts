/** HTTP plumbing shared by the resources: refusals, bodies, parameters, CORS. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseJson } from './json.js';

/** A request the harness refuses, with the reason a person can act on and, for cmi5 rules, the requirement number. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly reason: string,
    readonly requirement?: string,
  ) {
    super(reason);
    this.name = 'Refusal';
  }
}

/**
 * Course pages are served from another origin (the static server, the preview), so answers must be
 * readable cross-origin. Which origin may read them is set per request (lrs-server.ts: the allowed
 * origins, or any for the test harness); these are the rest of the CORS headers.
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'access-control-allow-methods': 'GET, HEAD, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match',
  'access-control-expose-headers': 'ETag, Last-Modified, Content-Type, X-Experience-API-Version, X-Experience-API-Consistent-Through',
};

const MAX_BODY = 10 * 1024 * 1024;

export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    // xAPI 1.0.3 Communication §3.2 (3.2.s3.b11): too large is 413.
    if (size > MAX_BODY) throw new Refusal(413, `the request body is larger than ${MAX_BODY} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

/** The media type without parameters, lower-cased ("application/json; charset=utf-8" → "application/json"). */
export const mediaType = (contentType: string | undefined): string => (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';

/** xAPI 1.0.3 Communication §1.5.1 / §3.2 (3.2.s3.b6): JSON content must say so, and parse. */
export function jsonBody(body: Buffer, contentType: string | undefined): unknown {
  if (mediaType(contentType) !== 'application/json')
    throw new Refusal(400, `Content-Type must be application/json, not "${contentType ?? '(none)'}"`);
  const parsed = parseJson(body.toString('utf8'));
  if (!parsed.ok) throw new Refusal(400, 'the request body is not valid JSON');
  return parsed.value;
}

/**
 * xAPI 1.0.3 Communication §3.2 (3.2.s3.b7, b8): parameters the resource does not define, or
 * defined ones in another case, are refused with 400; so are repeated parameters. No exception for
 * a `cachebuster`: the ADL LRS answers it with 400 too (hosts/lrs/reference-answers.json).
 */
export function checkParams(query: URLSearchParams, allowed: readonly string[], required: readonly string[] = []): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, value] of query) {
    if (!allowed.includes(name)) {
      const near = allowed.find((a) => a.toLowerCase() === name.toLowerCase());
      throw new Refusal(400, `unknown parameter "${name}"${near ? ` (parameters are case-sensitive: "${near}")` : ''}`);
    }
    if (name in params) throw new Refusal(400, `parameter "${name}" is given more than once`);
    params[name] = value;
  }
  for (const name of required) if (!(name in params)) throw new Refusal(400, `parameter "${name}" is required`);
  return params;
}

export function send(
  response: ServerResponse,
  status: number,
  body: string | Buffer | undefined,
  headers: Record<string, string> = {},
  headOnly = false,
): void {
  response.writeHead(status, { ...CORS_HEADERS, 'cache-control': 'no-store', ...headers });
  response.end(headOnly ? undefined : body);
}

export const sendJson = (
  response: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
  headOnly = false,
) => send(response, status, JSON.stringify(value), { 'content-type': 'application/json; charset=utf-8', ...headers }, headOnly);
