/**
 * The resume state in the xAPI State resource (one document per learner,
 * activity and registration).
 *
 * Written with POST, which merges JSON objects key by key (xAPI 1.0.3
 * Communication §2.2, "JSON Procedure with Requirements"): every write carries
 * all of our keys, so the merge is a replacement, in one request that needs no
 * ETag. A PUT over an existing document needs `If-Match` (the ADL LRS answers
 * 409 without it) and the ADL LRS sends no ETag after a PUT, so a PUT would
 * need a GET before every write; a POST is one request, sent with `keepalive`
 * so that it still arrives when the tab closes. Only when the LRS holds a document it cannot merge into
 * (not a JSON object) is it replaced by a PUT with the ETag of a fresh GET.
 */
import type { Agent } from './launch-params.js';
import { classify, LrsError, type LrsClient } from './lrs-client.js';

/** What the document holds: the course's resume state plus what the adapter must remember per registration. */
export interface ResumeDocument {
  readonly state?: string;
  readonly location?: string;
  /** Verbs already sent for this registration (completed and passed are sent at most once). */
  readonly sent?: readonly string[];
}

export interface ResumeTarget {
  readonly agent: Agent;
  readonly activityId: string;
  readonly registration: string;
  readonly stateId: string;
}

export class ResumeStore {
  constructor(
    private readonly client: LrsClient,
    private readonly target: ResumeTarget,
  ) {}

  async read(): Promise<ResumeDocument | undefined> {
    return (await this.fetch()).document;
  }

  /**
   * Writes the whole document, with keepalive (a write in flight when the tab closes still arrives);
   * `closing`: the page is going away, so there is no time for the GET + PUT of the rare fallback.
   */
  async write(document: ResumeDocument, closing = false): Promise<void> {
    const body = { state: document.state, location: document.location, sent: document.sent ?? [] };
    try {
      await this.client.request('activities/state', { method: 'POST', params: this.target, body, keepalive: true });
    } catch (error) {
      if (classify(error) !== 'rejected' || closing) throw error;
      // The LRS holds something it cannot merge into: replace it, naming the version we replace.
      const { etag } = await this.fetch();
      await this.client.request('activities/state', {
        method: 'PUT',
        params: this.target,
        body,
        headers: etag ? { 'If-Match': etag } : { 'If-None-Match': '*' },
      });
    }
  }

  private async fetch(): Promise<{ document: ResumeDocument | undefined; etag: string | undefined }> {
    try {
      const response = await this.client.request('activities/state', { params: this.target });
      const data = response.data;
      const document = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as ResumeDocument) : undefined;
      return { document, etag: response.headers.get('etag') ?? undefined };
    } catch (error) {
      if (error instanceof LrsError && error.status === 404) return { document: undefined, etag: undefined };
      throw error;
    }
  }
}
