/**
 * A local LRS and cmi5 LMS for tests: a real HTTP peer on 127.0.0.1 that
 * speaks xAPI 1.0.3 (with the xAPI 2.0 ETag rule on State) and the LMS side
 * of cmi5 (Quartz), and is strict: every request the course should not have
 * made is refused as a conformant LMS would, and recorded with why.
 *
 *   const lrs = await startLrs();
 *   const { launchUrlQuery } = lrs.createCmi5Session({ actor, registration, activityId });
 *   // open `${courseUrl}?${launchUrlQuery}` … then assert on lrs.statements() / lrs.rejections()
 *   await lrs.close();
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Statement } from '@xapi/xapi';
import { Cmi5Sessions, cmi5Refusal, type Cmi5SessionOptions } from './cmi5-sessions.js';
import {
  agentProfileResource,
  activityProfileResource,
  agentProfileScope,
  LAUNCH_DATA,
  stateResource,
  stateScope,
} from './document-resources.js';
import { DocumentStore } from './document-store.js';
import type { Exchange, Lrs, Principal } from './exchange.js';
import { CORS_HEADERS, readBody, Refusal, send, sendJson } from './http.js';
import { agentKey, isObject, parseJson, type JsonObject } from './json.js';
import { loadSnapshot, saveSnapshot } from './persistence.js';
import { StatementStore } from './statement-store.js';
import { moreStatements, statementsResource } from './statements-resource.js';

export interface LrsHarnessOptions {
  /** JSON file that keeps statements, documents and cmi5 sessions across restarts. */
  persistFile?: string;
  /** Credentials for plain xAPI launches (`Authorization: Basic base64(key:secret)`). */
  basicAuth?: { key: string; secret: string };
  /** Fixed port (e.g. to restart on the same endpoint); default: a free one. */
  port?: number;
  /**
   * The only origins whose pages may call this LRS (CORS), e.g. the preview's
   * http://127.0.0.1:4173; read on every request. A request from any other
   * origin is refused with 403 and no CORS header. Without it (the test
   * harness, whose course pages come from servers on any port) every origin may.
   */
  allowedOrigins?: () => readonly string[];
  /** Statements per page of GET /statements at most; default 100, the ADL LRS's SERVER_STMT_LIMIT. */
  statementLimit?: number;
}

/** A request refused, with why; `requirement` is the cmi5 requirement number when a cmi5 rule refused it. */
export interface Rejection {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly reason: string;
  /** The request body: parsed JSON when it parses, else text, else undefined. */
  readonly body: unknown;
  readonly requirement?: string;
}

export interface RequestRecord {
  readonly method: string;
  readonly path: string;
  readonly query: string;
  /** 0 when the connection was dropped. */
  status: number;
  /** Date.now() when the request arrived. */
  readonly at: number;
  /** Set when a test's fault switch decided the answer. */
  fault?: 'status' | 'drop';
  /** Ids of the statements in a POST/PUT to /statements (what the client sent, stored or not). */
  statementIds?: string[];
}

export interface FaultRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
}

/** Switches a test flips; read on every request. */
export interface Faults {
  /** Answer with this status (body `{"error":"fault injected by the test"}`) instead of handling. Not asked for CORS preflights. */
  statusFor?: (request: FaultRequest) => number | undefined;
  /** Wait this long before handling each request. */
  delayMs?: number;
  /** Close the connection without an answer. */
  dropConnection?: boolean;
}

export interface Cmi5SessionLaunch {
  /** `endpoint=…&fetch=…&actor=…&registration=…&activityId=…`, each value URL-encoded (cmi5 §8.1). */
  readonly launchUrlQuery: string;
  readonly sessionId: string;
  readonly fetchUrl: string;
}

export interface StateAddress {
  readonly activityId: string;
  readonly agent: JsonObject;
  readonly registration?: string;
  readonly stateId: string;
}

export interface LrsHarness {
  /** e.g. http://127.0.0.1:41234 */
  readonly url: string;
  /** The xAPI base endpoint, `${url}/xapi/`. */
  readonly endpoint: string;
  /** Accepted statements, in the order stored, with `stored` and `authority` set. */
  statements(): Statement[];
  /**
   * Stores statements as if a plain xAPI client had posted them, without the request's checks: a bulk
   * load for a bench (the statements come from the course's own builders, which the tests validate).
   */
  load(statements: readonly Statement[]): void;
  rejections(): Rejection[];
  /** Every request, CORS preflights included. */
  requests(): RequestRecord[];
  createCmi5Session(options: Cmi5SessionOptions): Cmi5SessionLaunch;
  /** Put an Agent Profile document as the LMS would (e.g. cmi5LearnerPreferences, §11). */
  setAgentProfile(agent: JsonObject, profileId: string, document: unknown): void;
  /** A State document as stored, for assertions. */
  stateDocument(address: StateAddress): { content: string; contentType: string; etag: string } | undefined;
  readonly faults: Faults;
  close(): Promise<void>;
}

const XAPI_BASE = '/xapi/';
const FETCH_BASE = '/cmi5/fetch/';

export async function startLrs(options: LrsHarnessOptions = {}): Promise<LrsHarness> {
  const persist = () => {
    if (options.persistFile)
      saveSnapshot(options.persistFile, {
        statements: statements.held(),
        documents: documents.serialize(),
        sessions: sessions.serialize(),
      });
  };
  const statements = new StatementStore(persist, options.statementLimit);
  const documents = new DocumentStore(persist);
  const sessions = new Cmi5Sessions(persist);
  const lrs: Lrs = { statements, documents, sessions, base: XAPI_BASE };
  const snapshot = options.persistFile ? loadSnapshot(options.persistFile) : undefined;
  if (snapshot) {
    statements.restore(snapshot.statements);
    documents.restore(snapshot.documents);
    sessions.restore(snapshot.sessions);
  }
  const faults: Faults = {};
  const log: RequestRecord[] = [];
  const rejections: Rejection[] = [];
  let url = '';
  let port = 0;

  const server = createServer((request, response) => {
    void handle(request, response).catch(() => {
      if (!response.headersSent) response.writeHead(500, CORS_HEADERS);
      response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const address = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const record: RequestRecord = { method, path: address.pathname, query: address.search, status: 0, at: Date.now() };
    log.push(record);
    // DNS rebinding: a page of another site whose name resolves to 127.0.0.1 sends its own Host.
    const host = request.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      refuseUnread(request, response, record, 403, `requests for Host "${host}" are not answered: this LRS is 127.0.0.1:${port}`);
      return;
    }
    const origin = request.headers.origin;
    const allowed = options.allowedOrigins?.();
    if (allowed && origin !== undefined && !allowed.includes(origin)) {
      refuseUnread(request, response, record, 403, `requests from pages of ${origin} are not answered`);
      return;
    }
    if (!allowed) response.setHeader('access-control-allow-origin', '*');
    else {
      if (origin !== undefined) response.setHeader('access-control-allow-origin', origin);
      response.setHeader('vary', 'Origin');
    }
    if (faults.delayMs) await new Promise((resolve) => setTimeout(resolve, faults.delayMs));
    if (faults.dropConnection) {
      record.fault = 'drop';
      request.socket.destroy();
      return;
    }
    if (method === 'OPTIONS') {
      send(response, 204, undefined, { 'access-control-max-age': '600' });
      record.status = 204;
      return;
    }
    const injected = faults.statusFor?.({ method, path: address.pathname, query: address.searchParams, headers: request.headers });
    if (injected !== undefined) {
      record.fault = 'status';
      sendJson(response, injected, { error: 'fault injected by the test' }, { 'x-experience-api-version': '1.0.3' });
      record.status = injected;
      return;
    }
    let body: Buffer = Buffer.alloc(0);
    try {
      body = await readBody(request);
      if (address.pathname === `${XAPI_BASE}statements` && (method === 'POST' || method === 'PUT')) record.statementIds = idsIn(body);
      route(method, address, request.headers, body, response);
    } catch (error) {
      const refusal =
        error instanceof Refusal ? error : new Refusal(500, `harness error: ${error instanceof Error ? error.message : String(error)}`);
      const allow: Record<string, string> =
        refusal.status === 405 ? { allow: address.pathname.startsWith(FETCH_BASE) ? 'POST' : 'GET, HEAD, PUT, POST, DELETE' } : {};
      const answer = { error: refusal.reason, ...(refusal.requirement ? { requirement: refusal.requirement } : {}) };
      sendJson(response, refusal.status, answer, { 'x-experience-api-version': '1.0.3', ...allow }, method === 'HEAD');
      // A document or statement that does not exist is an answer, not a refusal.
      if (!(refusal.status === 404 && (method === 'GET' || method === 'HEAD')))
        rejections.push({
          method,
          path: address.pathname,
          status: refusal.status,
          reason: refusal.reason,
          body: describe(body),
          ...(refusal.requirement ? { requirement: refusal.requirement } : {}),
        });
    }
    record.status = response.statusCode;
  }

  /** Answers without reading the body or handling the request, and records why. */
  function refuseUnread(request: IncomingMessage, response: ServerResponse, record: RequestRecord, status: number, reason: string): void {
    response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    response.end(JSON.stringify({ error: reason }));
    record.status = status;
    rejections.push({ method: record.method, path: record.path, status, reason, body: undefined });
    request.resume();
  }

  function route(method: string, address: URL, headers: IncomingHttpHeaders, body: Buffer, response: ServerResponse): void {
    const path = address.pathname;
    if (path.startsWith(FETCH_BASE)) return cmi5Fetch(method, path.slice(FETCH_BASE.length), body, response);
    if (!path.startsWith(XAPI_BASE)) throw new Refusal(404, `nothing at ${path}`);
    const resource = path.slice(XAPI_BASE.length);
    const head = method === 'HEAD';
    if (resource === 'about') {
      // §2.8 (2.8.s5.b3, b4): open to anyone, whatever the version header.
      if (method !== 'GET' && !head) throw new Refusal(405, `${method} is not allowed on /about`);
      return sendJson(response, 200, { version: ['1.0.3', '2.0.0'] }, { 'x-experience-api-version': '1.0.3' }, head);
    }
    const version = checkVersion(headers['x-experience-api-version']);
    const principal = authenticate(headers.authorization);
    if (!['GET', 'HEAD', 'PUT', 'POST', 'DELETE'].includes(method)) throw new Refusal(405, `${method} is not an xAPI method`);
    const x: Exchange = {
      method: head ? 'GET' : (method as Exchange['method']), // checked just above
      head,
      query: address.searchParams,
      headers,
      body,
      principal,
      response,
      version,
    };
    if (resource === 'statements') return statementsResource(lrs, x);
    if (resource.startsWith('statements/more/')) return moreStatements(lrs, x, resource.slice('statements/more/'.length));
    if (resource === 'activities/state') return stateResource(lrs, x);
    if (resource === 'agents/profile') return agentProfileResource(lrs, x);
    if (resource === 'activities/profile') return activityProfileResource(lrs, x);
    throw new Refusal(404, `this LRS has no resource "${resource}"`);
  }

  /** xAPI 1.0.3 Communication §3.3 (3.3.s3): 1.0 / 1.0.x accepted; 2.0.x too, as a 2.0 LRS; anything else or none is 400. */
  function checkVersion(value: string | string[] | undefined): string {
    if (typeof value !== 'string') throw new Refusal(400, 'the X-Experience-API-Version header is required');
    if (/^1\.0(\.\d+)?$/.test(value)) return '1.0.3';
    if (/^2\.0\.\d+$/.test(value)) return '2.0.0';
    throw new Refusal(400, `X-Experience-API-Version ${value} is not supported (1.0.x or 2.0.x)`);
  }

  /** Basic credentials: the configured key/secret, or a cmi5 auth token as `Basic <token>` (cmi5 §8.2.1). */
  function authenticate(value: string | undefined): Principal {
    const match = /^Basic\s+(\S+)\s*$/i.exec(value ?? '');
    const credential = match?.[1];
    // The ADL LRS answers a request without credentials with 400, wrong ones with 401 (reference-answers.json).
    if (value === undefined) throw new Refusal(400, 'the request has no Authorization header');
    if (!credential) throw new Refusal(401, 'an Authorization: Basic header is required');
    const session = sessions.byToken(credential);
    // 8.1.2.0-2: the token lives as long as the session, which "terminated" ends. Like the CATAPULT
    // CTS, any request with it afterwards (a statement, a State read or write) breaks the rule.
    if (session?.progress.terminated)
      throw cmi5Refusal(401, '8.1.2.0-2', `the session ${session.launch.sessionId} has been terminated: its token is no longer valid`);
    if (session)
      return {
        kind: 'cmi5',
        session,
        authority: {
          objectType: 'Agent',
          name: 'cmi5 AU session',
          account: { homePage: url, name: `cmi5-session-${session.launch.sessionId}` },
        },
      };
    const basic = options.basicAuth;
    if (basic && Buffer.from(credential, 'base64').toString('utf8') === `${basic.key}:${basic.secret}`)
      return { kind: 'basic', authority: { objectType: 'Agent', name: 'xAPI client', account: { homePage: url, name: basic.key } } };
    throw new Refusal(401, 'the credentials are neither the configured Basic key/secret nor a cmi5 auth token');
  }

  /** cmi5 §8.2: POST only; the token once; afterwards error-code 1, still HTTP 200. */
  function cmi5Fetch(method: string, sessionId: string, body: Buffer, response: ServerResponse): void {
    if (method !== 'POST') throw cmi5Refusal(405, '8.2.1.0-2', `the fetch URL must be POSTed, not ${method}`);
    const answer = sessions.fetch(decodeURIComponent(sessionId));
    if ('token' in answer) return sendJson(response, 200, { 'auth-token': answer.token });
    sendJson(response, 200, { 'error-code': answer.errorCode, 'error-text': answer.errorText });
    rejections.push({
      method,
      path: `${FETCH_BASE}${sessionId}`,
      status: 200,
      reason: `fetch answered error-code ${answer.errorCode}: ${answer.errorText}`,
      body: describe(body),
      ...(answer.errorCode === '1' ? { requirement: '8.2.3.0-1' } : {}),
    });
  }

  await new Promise<void>((ready, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', ready);
  });
  ({ port } = server.address() as AddressInfo); // a TCP listen() always yields AddressInfo
  url = `http://127.0.0.1:${port}`;
  const endpoint = `${url}${XAPI_BASE}`;

  return {
    url,
    endpoint,
    faults,
    statements: () => statements.all(),
    load(list) {
      const stored = new Date().toISOString();
      const authority = {
        objectType: 'Agent',
        name: 'xAPI client',
        account: { homePage: url, name: options.basicAuth?.key ?? 'bulk-load' },
      };
      statements.add(list.map((s) => ({ ...s, stored, authority, version: s.version ?? '1.0.0' }) as Statement));
    },
    rejections: () => [...rejections],
    requests: () => log.map((r) => ({ ...r })),
    createCmi5Session(sessionOptions) {
      const session = sessions.create(sessionOptions);
      const { launch, launchData } = session;
      // cmi5 §10.1: the LMS writes LMS.LaunchData before it launches the AU.
      documents.put(
        stateScope(launch.activityId, agentKey(launch.actor) ?? '', launch.registration),
        LAUNCH_DATA,
        Buffer.from(JSON.stringify(launchData)),
        'application/json',
      );
      const fetchUrl = `${url}${FETCH_BASE}${launch.sessionId}`;
      const launchUrlQuery = new URLSearchParams({
        endpoint,
        fetch: fetchUrl,
        actor: JSON.stringify(launch.actor),
        registration: launch.registration,
        activityId: launch.activityId,
      })
        .toString()
        .replace(/\+/g, '%20'); // URL-encoded as RFC 3986 (§8.1), not form-encoded
      return { launchUrlQuery, sessionId: launch.sessionId, fetchUrl };
    },
    setAgentProfile(agent, profileId, document) {
      const key = agentKey(agent);
      if (!key) throw new TypeError('setAgentProfile: agent has no IFI');
      documents.put(agentProfileScope(key), profileId, Buffer.from(JSON.stringify(document)), 'application/json');
    },
    stateDocument({ activityId, agent, registration, stateId }) {
      const doc = documents.get(stateScope(activityId, agentKey(agent) ?? '', registration), stateId);
      return doc && { content: doc.content.toString('utf8'), contentType: doc.contentType, etag: doc.etag };
    },
    close: () =>
      new Promise<void>((closed, fail) => {
        server.closeAllConnections();
        server.close((error) => (error ? fail(error) : closed()));
      }),
  };
}

function idsIn(body: Buffer): string[] {
  const parsed = describe(body);
  return (Array.isArray(parsed) ? parsed : [parsed]).flatMap((s) => (isObject(s) && typeof s.id === 'string' ? [s.id] : []));
}

function describe(body: Buffer): unknown {
  if (!body.length) return undefined;
  const text = body.toString('utf8');
  const parsed = parseJson(text);
  return parsed.ok ? parsed.value : text;
}
