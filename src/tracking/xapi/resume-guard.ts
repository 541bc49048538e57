/**
 * Guards the resume document the LRS holds. A read that fails at launch
 * (5xx, timeout, dropped connection) is not "nothing saved": a session that
 * took it for that would start fresh and, at its first save, replace the
 * learner's progress with its own. So the read is tried again, and if the LRS
 * still cannot give the document, nothing is written until it can; if it then
 * turns out to hold progress, that progress is kept for the rest of the
 * session (this session's answers still reach the LRS as statements).
 */
import { classify } from './lrs-client.js';
import type { ResumeDocument, ResumeStore } from './resume-document.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class ResumeGuard {
  private unread = false;
  private kept: ResumeDocument | undefined;

  constructor(
    private readonly store: ResumeStore,
    private readonly retryDelaysMs: readonly number[] = [300, 1_000],
  ) {}

  /** The document at launch, asked again after a passing failure; throws when the LRS still cannot give it. */
  async readAtLaunch(): Promise<ResumeDocument | undefined> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.store.read();
      } catch (error) {
        const delay = this.retryDelaysMs[attempt];
        if (delay === undefined || classify(error) !== 'retry') {
          this.unread = true;
          throw error;
        }
        await sleep(delay);
      }
    }
  }

  /** What may be written now; reads the LRS's document first while it is unread (throws while the LRS still fails). */
  async writable(document: ResumeDocument): Promise<ResumeDocument> {
    if (this.unread) {
      const stored = await this.store.read();
      this.unread = false;
      if (stored?.state) this.kept = stored;
    }
    return this.writableNow(document) ?? document;
  }

  /** For a write that cannot wait (the page is going away): undefined while the LRS's document is unread. */
  writableNow(document: ResumeDocument): ResumeDocument | undefined {
    if (this.unread) return undefined;
    if (!this.kept) return document;
    // The learner's earlier progress stays; what was sent once per registration is remembered from both.
    return { ...this.kept, sent: [...new Set([...(this.kept.sent ?? []), ...(document.sent ?? [])])] };
  }
}
