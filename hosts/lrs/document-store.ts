/**
 * The document resources (State, Agent Profile, Activity Profile): documents of
 * any content type, addressed by a scope (activity/agent/registration or
 * agent or activity) and an id, with optimistic concurrency by ETag.
 * xAPI 1.0.3 Communication §2.2 (documents, JSON merge) and §3.1 (concurrency).
 */
import { createHash } from 'node:crypto';
import { Refusal, mediaType } from './http.js';
import { isObject, parseJson } from './json.js';

export interface StoredDocument {
  readonly content: Buffer;
  readonly contentType: string;
  /** Quoted, as sent in the ETag header. */
  readonly etag: string;
  /** ISO 8601, for Last-Modified and `since`. */
  readonly updated: string;
}

export interface Preconditions {
  readonly ifMatch?: string;
  readonly ifNoneMatch?: string;
}

export interface SerializedDocument {
  readonly scope: string;
  readonly id: string;
  readonly content: string; // base64
  readonly contentType: string;
  readonly updated: string;
}

/** §3.1 (3.1.s4.b2, b4): the SHA-1 of the contents, hex, lower case, in quotes. */
export const etagOf = (content: Buffer): string => `"${createHash('sha1').update(content).digest('hex')}"`;

/**
 * Whether a condition header names this ETag. SPEC NOTE: as the ADL LRS does, any header that contains
 * the quoted ETag matches (`W/"…"` and lists included); an unquoted ETag does not (reference-answers.json).
 */
const names = (header: string, etag: string): boolean => header.includes(etag);

export class DocumentStore {
  private readonly scopes = new Map<string, Map<string, StoredDocument>>();

  constructor(private readonly changed: () => void = () => undefined) {}

  get(scope: string, id: string): StoredDocument | undefined {
    return this.scopes.get(scope)?.get(id);
  }

  /** §2.3 multiple-document GET: ids in the scope, optionally only those updated after `since` (exclusive). */
  ids(scope: string, since?: string): string[] {
    const after = since === undefined ? -Infinity : Date.parse(since);
    return [...(this.scopes.get(scope) ?? [])].filter(([, doc]) => Date.parse(doc.updated) > after).map(([id]) => id);
  }

  /**
   * PUT replaces, POST merges JSON objects (§2.2 "JSON Procedure"). A PUT over an existing
   * document without If-Match / If-None-Match is refused with 409 (§3.1, 3.1.s4.b13–b15).
   * SPEC NOTE: 1.0.3 exempts the State resource from that rule (3.1.s3); this harness applies it
   * to State as well, as an xAPI 2.0 LRS does, so the course must prove it sends ETags.
   */
  write(method: 'PUT' | 'POST', scope: string, id: string, body: Buffer, contentType: string, conditions: Preconditions): StoredDocument {
    const existing = this.get(scope, id);
    checkPreconditions(existing, conditions);
    if (method === 'PUT' && existing && conditions.ifMatch === undefined && conditions.ifNoneMatch === undefined)
      throw new Refusal(
        409,
        'the document already exists and the PUT has neither If-Match nor If-None-Match: GET the document and send If-Match with its ETag',
      );
    const content = method === 'POST' && existing ? merged(existing, body, contentType) : body;
    const type = method === 'POST' && existing ? 'application/json' : contentType;
    return this.put(scope, id, content, type);
  }

  /** Writes without HTTP checks: the LMS's own documents (LMS.LaunchData) and test fixtures. */
  put(scope: string, id: string, content: Buffer, contentType: string): StoredDocument {
    const doc: StoredDocument = { content, contentType, etag: etagOf(content), updated: new Date().toISOString() };
    let documents = this.scopes.get(scope);
    if (!documents) this.scopes.set(scope, (documents = new Map()));
    documents.set(id, doc);
    this.changed();
    return doc;
  }

  delete(scope: string, id: string, conditions: Preconditions): void {
    checkPreconditions(this.get(scope, id), conditions);
    if (this.scopes.get(scope)?.delete(id)) this.changed();
  }

  deleteAll(scope: string): void {
    if (this.scopes.delete(scope)) this.changed();
  }

  serialize(): SerializedDocument[] {
    return [...this.scopes].flatMap(([scope, documents]) =>
      [...documents].map(([id, d]) => ({
        scope,
        id,
        content: d.content.toString('base64'),
        contentType: d.contentType,
        updated: d.updated,
      })),
    );
  }

  restore(documents: readonly SerializedDocument[]): void {
    for (const d of documents) {
      const content = Buffer.from(d.content, 'base64');
      let scoped = this.scopes.get(d.scope);
      if (!scoped) this.scopes.set(d.scope, (scoped = new Map()));
      scoped.set(d.id, { content, contentType: d.contentType, etag: etagOf(content), updated: d.updated });
    }
  }
}

/** RFC 2616 §14.24 / §14.26 as xAPI §3.1 requires (3.1.s4.b5–b12): a failed precondition is 412, nothing changes. */
function checkPreconditions(existing: StoredDocument | undefined, { ifMatch, ifNoneMatch }: Preconditions): void {
  if (ifMatch !== undefined) {
    const ok = existing !== undefined && (ifMatch.trim() === '*' || names(ifMatch, existing.etag));
    if (!ok)
      throw new Refusal(
        412,
        existing
          ? `If-Match ${ifMatch} does not match the current ETag ${existing.etag}`
          : `If-Match ${ifMatch} was sent but the document does not exist`,
      );
  }
  if (ifNoneMatch !== undefined && existing !== undefined) {
    if (ifNoneMatch.trim() === '*' || names(ifNoneMatch, existing.etag))
      throw new Refusal(412, `If-None-Match ${ifNoneMatch} was sent but the document exists (ETag ${existing.etag})`);
  }
}

/** §2.2 (2.2.s7, 2.2.s8.b1): top-level properties of the posted object replace the existing ones. */
function merged(existing: StoredDocument, body: Buffer, contentType: string): Buffer {
  const before =
    mediaType(existing.contentType) === 'application/json' ? parseJson(existing.content.toString('utf8')) : { ok: false as const };
  const after = mediaType(contentType) === 'application/json' ? parseJson(body.toString('utf8')) : { ok: false as const };
  if (!before.ok || !after.ok || !isObject(before.value) || !isObject(after.value))
    throw new Refusal(400, 'POST merges JSON objects only: both the stored and the posted document must be application/json objects');
  return Buffer.from(JSON.stringify({ ...before.value, ...after.value }));
}
