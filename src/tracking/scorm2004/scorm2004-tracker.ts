/**
 * The SCORM 2004 4th Edition data model (RTE 4.2), in one place: completion
 * and success are separate, the score is scaled, time is ISO 8601.
 */
import type { InteractionKind, InteractionRecord } from '../../domain/interaction.js';
import { toPercent } from '../../domain/scoring.js';
import { toScorm2004InteractionId } from '../scorm/identifiers.js';
import { SCORM2004 } from '../scorm/limits.js';
import {
  scorm2004CorrectPattern,
  scorm2004Description,
  scorm2004InteractionType,
  scorm2004Response,
  scorm2004Result,
} from '../scorm/responses.js';
import { SavedStateGuard } from '../scorm/saved-state.js';
import type { ScormConnection } from '../scorm/scorm-connection.js';
import { toIsoDuration, toIsoTimestamp } from '../scorm/time.js';
import type { ConnectionStatus, FinishReason, Outcome, Tracker, TrackerStart } from '../tracker.js';

type Completion = 'completed' | 'incomplete' | 'not attempted' | 'unknown';
type Success = 'passed' | 'failed' | 'unknown';

export class Scorm2004Tracker implements Tracker {
  readonly standard = 'scorm2004' as const;
  private startedAt = 0;
  private readonly savedState: SavedStateGuard;
  private nextInteraction = 0;
  private completion: Completion = 'unknown';
  private success: Success = 'unknown';
  private scaled: number | undefined;
  private progress = -1;
  private finished = false;

  constructor(
    private readonly lms: ScormConnection,
    private readonly language: string,
    private readonly clock: () => number = () => performance.now(),
  ) {
    // RTE 4.2.20 cmi.session_time: written with every commit, so closing the window without
    // Terminate still leaves this session's time in the LMS.
    lms.beforeCommit = () => [['cmi.session_time', toIsoDuration(this.clock() - this.startedAt)]];
    this.savedState = new SavedStateGuard(lms, 'cmi.suspend_data');
  }

  async start(): Promise<TrackerStart> {
    this.startedAt = this.clock();
    this.lms.open();
    const entry = this.lms.read('cmi.entry');
    const completion = this.lms.read('cmi.completion_status');
    const success = this.lms.read('cmi.success_status');
    if (completion === 'completed' || completion === 'incomplete') this.completion = completion;
    if (success === 'passed' || success === 'failed') this.success = success;
    const scaled = Number.parseFloat(this.lms.read('cmi.score.scaled') ?? '');
    if (Number.isFinite(scaled)) this.scaled = scaled;
    this.nextInteraction = Number(this.lms.read('cmi.interactions._count') ?? 0) || 0;
    const mode = this.lms.read('cmi.mode');
    const passing = Number.parseFloat(this.lms.read('cmi.scaled_passing_score') ?? '');
    if (mode !== 'browse' && mode !== 'review') {
      // Every session suspends unless told otherwise: a relaunch that ends before any save must
      // not end the attempt (an exit of "" lets the LMS start a fresh one next time).
      this.lms.write([['cmi.exit', 'suspend']]);
      if (this.completion === 'unknown') {
        this.completion = 'incomplete';
        this.lms.write([['cmi.completion_status', 'incomplete']]);
        this.lms.commitNow();
      }
    }
    // RTE 4.2.6 cmi.entry: "resume" after an exit of "suspend"; "" may also carry data in some LMSs.
    const saved = this.savedState.read(entry === 'ab-initio');
    return {
      savedState: saved.state,
      savedStateUnreadable: saved.unreadable,
      location: this.lms.read('cmi.location') || undefined,
      // RTE 4.2.18 cmi.scaled_passing_score: the LMS's passing score overrides the course's.
      masteryScore: Number.isFinite(passing) && passing >= 0 && passing <= 1 ? passing : undefined,
      mode: mode === 'browse' || mode === 'review' ? mode : 'normal',
      learnerName: this.lms.read('cmi.learner_name') || undefined,
    };
  }

  async visit(_pageId: string): Promise<void> {
    // The location and suspend_data carry what was seen.
  }

  async record(i: InteractionRecord): Promise<void> {
    if (this.nextInteraction >= SCORM2004.interactions) return; // RTE 4.2.8: SPM 250; the status still reaches the LMS.
    const n = `cmi.interactions.${this.nextInteraction}`;
    this.nextInteraction += 1;
    const type = this.typeOf(i);
    const facts = { ...i, kind: type };
    const pattern = scorm2004CorrectPattern(facts);
    this.lms.write([
      // RTE 4.2.8: the id must be set before any other element of the interaction (error 408 otherwise).
      [`${n}.id`, toScorm2004InteractionId(i.attempt > 0 ? `${i.id}.attempt-${i.attempt}` : i.id)],
      [`${n}.type`, type],
      [`${n}.description`, scorm2004Description(i.question, this.language)],
      [`${n}.timestamp`, toIsoTimestamp(new Date(i.answeredAt))],
      [`${n}.weighting`, String(i.weighting)],
      ...(pattern === undefined ? [] : ([[`${n}.correct_responses.0.pattern`, pattern]] as [string, string][])),
      [`${n}.learner_response`, scorm2004Response(facts, this.language)],
      [`${n}.result`, scorm2004Result(i.success)],
      [`${n}.latency`, toIsoDuration(i.latencyMs)],
    ]);
    this.lms.commitSoon();
  }

  async save(state: string, location: string): Promise<void> {
    const values: [string, string][] = [['cmi.location', location.slice(0, SCORM2004.location)]];
    if (state.length <= SCORM2004.suspendData && this.savedState.mayWrite()) values.push(['cmi.suspend_data', state]);
    // SPEC NOTE: always "suspend", also once completed and passed. With "normal" the LMS ends the
    // attempt and the next launch starts a fresh one (no suspend_data, status unknown), which LMS
    // reports can show as a downgrade; suspending keeps the results and lets the learner come back.
    values.push(['cmi.exit', 'suspend']);
    this.lms.write(values);
    this.lms.commitSoon();
  }

  async conclude(outcome: Outcome): Promise<void> {
    const values: [string, string][] = [];
    let important = false;
    const completion: Completion = outcome.completed ? 'completed' : 'incomplete';
    // Completion and a pass are never taken back (a relaunch or weaker retake cannot undo them).
    if (completion !== this.completion && this.completion !== 'completed') {
      this.completion = completion;
      values.push(['cmi.completion_status', completion]);
      important = true;
    }
    const success: Success = outcome.passed === undefined ? 'unknown' : outcome.passed ? 'passed' : 'failed';
    if (success !== 'unknown' && success !== this.success && this.success !== 'passed') {
      this.success = success;
      values.push(['cmi.success_status', success]);
      important = true;
    }
    if (outcome.scaledScore !== undefined && (this.scaled === undefined || outcome.scaledScore > this.scaled)) {
      this.scaled = outcome.scaledScore;
      // RTE 4.2.19: scaled in -1..1; raw/min/max as a percentage for LMS gradebooks.
      values.push(
        ['cmi.score.scaled', String(Math.round(outcome.scaledScore * 10000) / 10000)],
        ['cmi.score.raw', String(toPercent(outcome.scaledScore))],
        ['cmi.score.min', '0'],
        ['cmi.score.max', '100'],
      );
      important = true;
    }
    const progress = Math.round(outcome.progress * 1000) / 1000;
    if (progress !== this.progress) {
      this.progress = progress;
      values.push(['cmi.progress_measure', String(progress)]); // RTE 4.2.17: 0..1
    }
    this.lms.write(values);
    if (important) this.lms.commitNow();
    else this.lms.commitSoon();
  }

  flush(): void {
    this.lms.commitNow();
  }

  async finish(_reason: FinishReason): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.lms.close();
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    return this.lms.onStatus(listener);
  }

  /**
   * Written answers are fill-in when the whole value fits fill-in's 250
   * characters (RTE 4.2.8), long-fill-in otherwise, so no answer is ever cut.
   */
  private typeOf(i: InteractionRecord): InteractionKind {
    const type = scorm2004InteractionType(i.kind);
    if (type !== 'fill-in') return type;
    const formatted = scorm2004Response({ ...i, kind: 'long-fill-in' }, this.language);
    return formatted.length <= SCORM2004.fillInItemLength ? 'fill-in' : 'long-fill-in';
  }
}
