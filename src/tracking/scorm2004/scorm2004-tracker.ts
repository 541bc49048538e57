/**
 * The SCORM 2004 4th Edition data model (RTE 4.2), in one place: completion
 * and success are separate, the score is scaled, time is ISO 8601.
 */
import type { InteractionKind, InteractionRecord } from '../../domain/interaction.js';
import { toPercent } from '../../domain/scoring.js';
import { attemptFinished, leaveRequest } from '../scorm/exit.js';
import { InteractionLayout, splitSavedState, type QuestionSlot } from '../scorm/interaction-slots.js';
import { SCORM2004 } from '../scorm/limits.js';
import {
  scorm2004CorrectPatterns,
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
/** RTE 3.1.7 error 403: data model element value not initialized (never set). */
const NOT_INITIALIZED = '403';
type Success = 'passed' | 'failed' | 'unknown';

/** What the 2004 tracker needs to know of the lesson. */
export interface Scorm2004Lesson {
  /** RFC 3066 / BCP 47 tag of the lesson's text (for localized strings). */
  readonly language: string;
  readonly slots: readonly QuestionSlot[];
  /** Longest written answer a learner may type: decides fill-in or long-fill-in once for every written question. */
  readonly writtenAnswerMaxLength: number;
}

export class Scorm2004Tracker implements Tracker {
  readonly standard = 'scorm2004' as const;
  private startedAt = 0;
  private readonly savedState: SavedStateGuard;
  /** Which question each interaction holds; new ones are created in order after those the LMS holds. */
  private layout: InteractionLayout;
  /** Interactions this session created: only these get their question fields (again) on a retake. */
  private readonly createdThisSession = new Set<number>();
  private completion: Completion = 'unknown';
  private success: Success = 'unknown';
  private scaled: number | undefined;
  private finished = false;

  constructor(
    private readonly lms: ScormConnection,
    private readonly lesson: Scorm2004Lesson,
    private readonly clock: () => number = () => performance.now(),
  ) {
    // RTE 4.2.20 cmi.session_time: written with every commit, so closing the window without
    // Terminate still leaves this session's time in the LMS.
    lms.beforeCommit = () => [['cmi.session_time', toIsoDuration(this.clock() - this.startedAt)]];
    // RTE 4.1 / 3.1.7: GetValue of an element never set answers "" with 403 (value not initialized).
    this.savedState = new SavedStateGuard(lms, 'cmi.suspend_data', [NOT_INITIALIZED]);
    this.layout = InteractionLayout.fresh(lesson.slots);
  }

  async start(): Promise<TrackerStart> {
    this.startedAt = this.clock();
    this.lms.open();
    // Only what the course needs, and GetLastError only where "" is ambiguous (the saved state):
    // a new attempt (entry ab-initio) has no status, score or interactions to read.
    const entry = this.lms.peek('cmi.entry');
    const mode = this.lms.peek('cmi.mode');
    // RTE 4.2.18 cmi.scaled_passing_score: the manifest's minNormalizedMeasure, or the LMS's own.
    const passing = Number.parseFloat(this.lms.peek('cmi.scaled_passing_score'));
    let lmsCount = 0;
    if (entry !== 'ab-initio') {
      const completion = this.lms.peek('cmi.completion_status');
      const success = this.lms.peek('cmi.success_status');
      if (completion === 'completed' || completion === 'incomplete') this.completion = completion;
      if (success === 'passed' || success === 'failed') this.success = success;
      const scaled = Number.parseFloat(this.lms.peek('cmi.score.scaled'));
      if (Number.isFinite(scaled)) this.scaled = scaled;
      lmsCount = Number(this.lms.peek('cmi.interactions._count')) || 0;
    }
    const review = mode === 'browse' || mode === 'review';
    // A review visit changes nothing in the record, not even the total time.
    this.lms.readOnly = review;
    if (!review) {
      // Set at once: a relaunch that ends before any save must not end an unfinished attempt.
      this.lms.write([['cmi.exit', this.exit()]]);
      if (this.completion === 'unknown') {
        this.completion = 'incomplete';
        this.lms.write([['cmi.completion_status', 'incomplete']]);
        this.lms.commitNow();
      }
    }
    // RTE 4.2.6 cmi.entry: "resume" after an exit of "suspend"; "" may also carry data in some LMSs.
    const saved = this.savedState.read(entry);
    const { marks, state } = splitSavedState(saved.state ?? '');
    this.layout = InteractionLayout.resumed(this.lesson.slots, {
      marks,
      lmsCount,
      stateUnreadable: saved.unreadable,
      // RTE 4.2.8 cmi.interactions.n.id is readable: asked only for places the saved layout does not name.
      readId: (n) => this.lms.peek(`cmi.interactions.${n}.id`) || undefined,
    });
    return {
      savedState: state || undefined,
      savedStateUnreadable: saved.unreadable,
      location: (state && this.lms.peek('cmi.location')) || undefined,
      masteryScore: Number.isFinite(passing) && passing >= 0 && passing <= 1 ? passing : undefined,
      mode: review ? mode : 'normal',
      learnerName: undefined,
    };
  }

  async visit(_pageId: string): Promise<void> {
    // The location and suspend_data carry what was seen.
  }

  async record(i: InteractionRecord): Promise<void> {
    const { n, slot, created } = this.layout.place(i);
    if (n >= SCORM2004.interactions) return; // RTE 4.2.8: SPM 250; the status still reaches the LMS.
    // RTE 4.2.8: interactions are created in order (error 351 otherwise); questions before this one
    // that are still unanswered are listed first, without an answer, so each keeps its place.
    for (const place of created) if (place.n !== n) this.lms.write(this.question(place.n, place.slot));
    const type = this.typeOf(slot.kind);
    this.lms.write([
      // An interaction created in an earlier session already holds its id, type and pattern (and an
      // LMS may refuse the same choice pattern twice, as Moodle does with error 351).
      ...(created.length > 0 || this.createdThisSession.has(n) ? this.question(n, slot) : []),
      [`cmi.interactions.${n}.timestamp`, toIsoTimestamp(new Date(i.answeredAt))],
      [`cmi.interactions.${n}.learner_response`, scorm2004Response({ ...i, kind: type }, this.lesson.language)],
      [`cmi.interactions.${n}.result`, scorm2004Result(i.success)],
      [`cmi.interactions.${n}.latency`, toIsoDuration(i.latencyMs)],
    ]);
    this.lms.commitSoon();
  }

  async save(state: string, location: string): Promise<void> {
    const values: [string, string][] = [['cmi.location', location.slice(0, SCORM2004.location)]];
    const saved = this.layout.withState(state);
    if (saved.length <= SCORM2004.suspendData && this.savedState.mayWrite()) values.push(['cmi.suspend_data', saved]);
    values.push(['cmi.exit', this.exit()]);
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
    // RTE 4.2.17: 0..1; set now, written at the next save point with the rest.
    values.push(['cmi.progress_measure', String(Math.round(outcome.progress * 1000) / 1000)], ['cmi.exit', this.exit()]);
    this.lms.write(values);
    if (important) this.lms.commitNow();
    else this.lms.commitSoon();
  }

  flush(): void {
    this.lms.commitNow();
  }

  async finish(reason: FinishReason): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.lms.write([['cmi.exit', this.exit()]]);
    if (reason === 'exit') {
      // The learner chose to leave: the LMS may close its player (a request Moodle accepts and ignores).
      this.lms.write([['adl.nav.request', leaveRequest(this.exit() === 'normal')]]);
      // They are told it is saved only once the LMS has stored it all.
      await this.lms.end();
    } else this.lms.close();
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    return this.lms.onStatus(listener);
  }

  /** RTE 4.2.7 cmi.exit for the attempt as it stands (../scorm/exit.ts). */
  private exit(): 'normal' | 'suspend' {
    return attemptFinished(this.completion === 'completed', this.success === 'passed') ? 'normal' : 'suspend';
  }

  /** The fields that say what interaction `n` is: id first (RTE 4.2.8, error 408 otherwise), then type, text and right answer. */
  private question(n: number, slot: QuestionSlot): [string, string][] {
    this.createdThisSession.add(n);
    const type = this.typeOf(slot.kind);
    const patterns = scorm2004CorrectPatterns({ ...slot, kind: type });
    const values: [string, string][] = [
      [`cmi.interactions.${n}.id`, slot.lmsId],
      [`cmi.interactions.${n}.type`, type],
      [`cmi.interactions.${n}.description`, scorm2004Description(slot.question, this.lesson.language)],
      [`cmi.interactions.${n}.weighting`, String(slot.weighting)],
    ];
    patterns.forEach((pattern, k) => values.push([`cmi.interactions.${n}.correct_responses.${k}.pattern`, pattern]));
    return values;
  }

  /**
   * Written answers are fill-in when the longest answer a learner may type fits fill-in's 250
   * characters with its language tag (RTE 4.2.8), long-fill-in otherwise: decided once per
   * lesson, so a question's type never changes between its answers and no answer is ever cut.
   */
  private typeOf(kind: InteractionKind): InteractionKind {
    const type = scorm2004InteractionType(kind);
    if (type !== 'fill-in') return type;
    const longest = scorm2004Response(
      { kind: 'long-fill-in', choices: [], response: ['x'.repeat(this.lesson.writtenAnswerMaxLength)] },
      this.lesson.language,
    );
    return longest.length <= SCORM2004.fillInItemLength ? 'fill-in' : 'long-fill-in';
  }
}
