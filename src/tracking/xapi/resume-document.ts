/**
 * The resume state in the xAPI State resource (one document per learner,
 * activity and registration), written with ETags: `If-None-Match: *` to
 * create, `If-Match` to replace, as an xAPI 2.0 LRS requires (it answers 409
 * to an unconditional overwrite). On 412/409 (another tab wrote in between)
 * the current ETag is read again and the write repeated: the newest state wins.
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
  private etag: string | undefined;

  constructor(
    private readonly client: LrsClient,
    private readonly target: ResumeTarget,
  ) {}

  async read(): Promise<ResumeDocument | undefined> {
    try {
      const response = await this.client.xapi.getState({ ...this.params(), useCacheBuster: true });
      this.etag = etagOf(response.headers);
      const data: unknown = response.data;
      return typeof data === 'object' && data !== null ? (data as ResumeDocument) : undefined;
    } catch (error) {
      if (error instanceof LrsError && error.status === 404) {
        this.etag = undefined;
        return undefined;
      }
      throw error;
    }
  }

  async write(document: ResumeDocument): Promise<void> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      try {
        const response = await this.client.xapi.setState({
          ...this.params(),
          state: document,
          contentType: 'application/json',
          ...(this.etag ? { etag: this.etag, matchHeader: 'If-Match' as const } : { etag: '*', matchHeader: 'If-None-Match' as const }),
        });
        this.etag = etagOf(response.headers) ?? this.etag;
        if (!etagOf(response.headers)) await this.read(); // the LRS gave no ETag: fetch it for the next write
        return;
      } catch (error) {
        if (classify(error) !== 'conflict') throw error;
        await this.read(); // someone else wrote: take their ETag and write ours over it
      }
    }
    throw new LrsError(409, 'The resume state kept changing under us');
  }

  private params() {
    return {
      agent: this.target.agent,
      activityId: this.target.activityId,
      registration: this.target.registration,
      stateId: this.target.stateId,
    };
  }
}

function etagOf(headers: Record<string, unknown>): string | undefined {
  const value = headers['etag'] ?? headers['ETag'];
  return typeof value === 'string' && value ? value : undefined;
}
