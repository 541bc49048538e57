/** One authenticated xAPI request as the resource handlers see it, and how they answer. */
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Cmi5Session, Cmi5Sessions } from './cmi5-sessions.js';
import type { DocumentStore } from './document-store.js';
import { send, sendJson } from './http.js';
import type { JsonObject } from './json.js';
import type { StatementStore } from './statement-store.js';

/** Who is asking: the plain xAPI client (configured Basic credentials) or a cmi5 AU (its session's token). */
export type Principal =
  | { readonly kind: 'basic'; readonly authority: JsonObject }
  | { readonly kind: 'cmi5'; readonly session: Cmi5Session; readonly authority: JsonObject };

export interface Lrs {
  readonly statements: StatementStore;
  readonly documents: DocumentStore;
  readonly sessions: Cmi5Sessions;
  /** Path of the xAPI base endpoint, "/xapi/". */
  readonly base: string;
}

export interface Exchange {
  /** HEAD is answered as GET without a body (xAPI 1.0.3 Communication §1.1). */
  readonly method: 'GET' | 'PUT' | 'POST' | 'DELETE';
  readonly head: boolean;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
  readonly principal: Principal;
  readonly response: ServerResponse;
  /** X-Experience-API-Version for the answer (§3.3: on every response). */
  readonly version: string;
}

export const header = (x: Exchange, name: string): string | undefined => {
  const value = x.headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(', ') : value;
};

export const replyJson = (x: Exchange, status: number, value: unknown, headers: Record<string, string> = {}): void =>
  sendJson(x.response, status, value, { 'x-experience-api-version': x.version, ...headers }, x.head);

export const reply = (x: Exchange, status: number, body?: string | Buffer, headers: Record<string, string> = {}): void =>
  send(x.response, status, body, { 'x-experience-api-version': x.version, ...headers }, x.head);
