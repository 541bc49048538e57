/**
 * The SCORM 1.2 data model (RTE12 3.4), in one place. Element limits and
 * vocabularies are those of the spec, not of lenient LMSs (STYLE rule 9).
 */
import type { InteractionRecord } from '../../domain/interaction.js';
import { toPercent } from '../../domain/scoring.js';
import { attemptFinished } from '../scorm/exit.js';
import { InteractionLayout, splitSavedState, type QuestionSlot } from '../scorm/interaction-slots.js';
import { SCORM12 } from '../scorm/limits.js';
import { scorm12CorrectPatterns, scorm12InteractionType, scorm12Response, scorm12Result } from '../scorm/responses.js';
import { SavedStateGuard } from '../scorm/saved-state.js';
import type { ScormConnection } from '../scorm/scorm-connection.js';
import { toCmiTime, toCmiTimespan } from '../scorm/time.js';
import type { ConnectionStatus, FinishReason, Outcome, Tracker, TrackerStart } from '../tracker.js';

type LessonStatus = 'passed' | 'completed' | 'failed' | 'incomplete' | 'browsed' | 'not attempted';

export class Scorm12Tracker implements Tracker {
  readonly standard = 'scorm12' as const;
  private startedAt = 0;
  private readonly savedState: SavedStateGuard;
  /** Which question each interaction holds; new ones are created in order after those the LMS holds. */
  private layout: InteractionLayout;
  private status: LessonStatus = 'not attempted';
  private score = '';
  private finished = false;
  /** Status or score changed since the last commit: commit at once, they matter to admins. */
  private statusChanged = false;
  /** Interactions this session created: only these get their question fields (again) on a retake. */
  private readonly createdThisSession = new Set<number>();

  constructor(
    private readonly lms: ScormConnection,
    private readonly slots: readonly QuestionSlot[],
    private readonly clock: () => number = () => performance.now(),
  ) {
    // RTE12 3.4 cmi.core.session_time (CMITimespan): this session so far, written with every commit,
    // so a window closed without LMSFinish still leaves the time in the LMS.
    lms.beforeCommit = () => [['cmi.core.session_time', toCmiTimespan(this.clock() - this.startedAt)]];
    // RTE12 3.3 has no "not initialized" error for an element never set: an LMS answers "".
    this.savedState = new SavedStateGuard(lms, 'cmi.suspend_data', []);
    this.layout = InteractionLayout.fresh(slots);
  }

  async start(): Promise<TrackerStart> {
    this.startedAt = this.clock();
    this.lms.open();
    // Only what the course needs, and GetLastError only where "" is ambiguous (the saved state):
    // a first launch (entry ab-initio) has no status, score or interactions to read.
    const entry = this.lms.peek('cmi.core.entry');
    const mode = this.lms.peek('cmi.core.lesson_mode');
    const mastery = Number.parseFloat(this.lms.peek('cmi.student_data.mastery_score'));
    let lmsCount = 0;
    if (entry !== 'ab-initio') {
      const status = this.lms.peek('cmi.core.lesson_status');
      if (isLessonStatus(status)) this.status = status;
      this.score = this.lms.peek('cmi.core.score.raw');
      lmsCount = Number(this.lms.peek('cmi.interactions._count')) || 0;
    }
    const review = mode === 'browse' || mode === 'review';
    // A review visit changes nothing in the record, not even the total time.
    this.lms.readOnly = review;
    if (!review) {
      if (this.status === 'not attempted') {
        this.setStatus('incomplete');
        this.statusChanged = false;
        this.lms.commitNow();
      } else {
        // A relaunch that ends before any save still keeps its suspend_data for the next one.
        this.lms.write([['cmi.core.exit', exitFor(this.status)]]);
      }
    }
    // RTE12 3.4 cmi.core.entry: "resume" means the LMS kept the last session's suspend_data.
    const saved = this.savedState.read(entry);
    const { marks, state } = splitSavedState(saved.state ?? '');
    // RTE12 3.4: cmi.interactions.n.id is write-only, so the saved layout is all there is to name places.
    this.layout = InteractionLayout.resumed(this.slots, { marks, lmsCount, stateUnreadable: saved.unreadable });
    return {
      savedState: state || undefined,
      savedStateUnreadable: saved.unreadable,
      location: (state && this.lms.peek('cmi.core.lesson_location')) || undefined,
      masteryScore: Number.isFinite(mastery) && mastery >= 0 && mastery <= 100 ? mastery / 100 : undefined,
      mode: review ? mode : 'normal',
      learnerName: undefined,
    };
  }

  async visit(_pageId: string): Promise<void> {
    // The location and suspend_data carry what was seen.
  }

  async record(i: InteractionRecord): Promise<void> {
    const { n, slot, created } = this.layout.place(i);
    // RTE12 3.4: interactions are created in order (n ≤ _count); questions before this one that
    // are still unanswered are listed first, without an answer, so every question keeps its place.
    for (const place of created) if (place.n !== n) this.lms.write(this.question(place.n, place.slot));
    this.lms.write([
      // An interaction created in an earlier session already holds its id, type and pattern.
      ...(created.length > 0 || this.createdThisSession.has(n) ? this.question(n, slot) : []),
      [`cmi.interactions.${n}.time`, toCmiTime(new Date(i.answeredAt))],
      [`cmi.interactions.${n}.student_response`, scorm12Response(i)],
      [`cmi.interactions.${n}.result`, scorm12Result(i.success)],
      [`cmi.interactions.${n}.latency`, toCmiTimespan(i.latencyMs)],
    ]);
    this.lms.commitSoon();
  }

  async save(state: string, location: string): Promise<void> {
    // Never write more than the spec's limit: an LMS may truncate (corrupting the state) or refuse.
    const values: [string, string][] = [['cmi.core.lesson_location', location.slice(0, SCORM12.lessonLocation)]];
    const saved = this.layout.withState(state);
    if (saved.length > SCORM12.suspendData)
      console.warn(`Resume state of ${saved.length} characters exceeds SCORM 1.2's ${SCORM12.suspendData}; not written.`);
    else if (this.savedState.mayWrite()) values.push(['cmi.suspend_data', saved]);
    values.push(['cmi.core.exit', exitFor(this.status)]);
    this.lms.write(values);
    this.lms.commitSoon();
  }

  async conclude(outcome: Outcome): Promise<void> {
    const status = lessonStatusOf(outcome);
    // A pass is final: never replace "passed" by anything else (a weaker retake, a relaunch).
    if (status !== this.status && this.status !== 'passed') {
      this.setStatus(status);
    }
    // The score goes with a verdict: an LMS that applies a mastery score (Moodle at LMSFinish)
    // turns any raw score into passed/failed, so writing it while the lesson is still incomplete
    // would make that LMS report a status the course does not. The best score is kept.
    const score = outcome.scaledScore === undefined ? '' : String(toPercent(outcome.scaledScore));
    const verdict = this.status === 'passed' || this.status === 'failed';
    if (verdict && score !== '' && (this.score === '' || Number(score) > Number(this.score))) {
      this.score = score;
      this.statusChanged = true;
      this.lms.write([
        ['cmi.core.score.min', '0'],
        ['cmi.core.score.max', '100'],
        ['cmi.core.score.raw', score],
      ]);
    }
    if (this.statusChanged) {
      this.statusChanged = false;
      this.lms.commitNow();
    }
  }

  flush(): void {
    this.lms.commitNow();
  }

  async finish(reason: FinishReason): Promise<void> {
    if (this.finished) return;
    this.finished = true;
    this.lms.write([['cmi.core.exit', exitFor(this.status)]]);
    // The learner chose to leave: they are told it is saved only once the LMS has stored it all.
    if (reason === 'exit') await this.lms.end();
    else this.lms.close();
  }

  onStatus(listener: (status: ConnectionStatus) => void): () => void {
    return this.lms.onStatus(listener);
  }

  /** The fields that say what interaction `n` is: id first (RTE12 3.4), then its type and right answer. */
  private question(n: number, slot: QuestionSlot): [string, string][] {
    this.createdThisSession.add(n);
    const patterns = scorm12CorrectPatterns(slot);
    const values: [string, string][] = [
      [`cmi.interactions.${n}.id`, slot.lmsId],
      [`cmi.interactions.${n}.type`, scorm12InteractionType(slot.kind)],
      [`cmi.interactions.${n}.weighting`, String(slot.weighting)],
    ];
    patterns.forEach((pattern, k) => values.push([`cmi.interactions.${n}.correct_responses.${k}.pattern`, pattern]));
    return values;
  }

  private setStatus(status: LessonStatus): void {
    this.status = status;
    this.statusChanged = true;
    this.lms.write([
      ['cmi.core.lesson_status', status],
      ['cmi.core.exit', exitFor(status)],
    ]);
  }
}

/**
 * RTE12 3.4 cmi.core.lesson_status holds completion and success in one value:
 * incomplete until the lesson's completion rule is met, then passed or failed
 * once the quiz has been submitted (completed when there is no verdict yet).
 */
export function lessonStatusOf(outcome: Outcome): LessonStatus {
  if (!outcome.completed) return 'incomplete';
  if (outcome.passed === undefined) return 'completed';
  return outcome.passed ? 'passed' : 'failed';
}

/**
 * RTE12 3.4 cmi.core.exit: "" (the normal exit) once the attempt is finished, "suspend" otherwise
 * (../scorm/exit.ts). Passed, completed and failed all say the learner completed the lesson.
 */
function exitFor(status: LessonStatus): '' | 'suspend' {
  const completed = status === 'passed' || status === 'completed' || status === 'failed';
  return attemptFinished(completed, status === 'passed') ? '' : 'suspend';
}

function isLessonStatus(x: string | undefined): x is LessonStatus {
  return x === 'passed' || x === 'completed' || x === 'failed' || x === 'incomplete' || x === 'browsed' || x === 'not attempted';
}
