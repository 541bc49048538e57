/**
 * The SCORM 1.2 data model (RTE12 3.4), in one place. Element limits and
 * vocabularies are those of the spec, not of lenient LMSs (STYLE rule 9).
 */
import type { InteractionRecord } from '../../domain/interaction.js';
import { toPercent } from '../../domain/scoring.js';
import { toCmiIdentifier } from '../scorm/identifiers.js';
import { SCORM12 } from '../scorm/limits.js';
import { scorm12CorrectPattern, scorm12InteractionType, scorm12Response, scorm12Result } from '../scorm/responses.js';
import { SavedStateGuard } from '../scorm/saved-state.js';
import type { ScormConnection } from '../scorm/scorm-connection.js';
import { toCmiTime, toCmiTimespan } from '../scorm/time.js';
import type { ConnectionStatus, FinishReason, Outcome, Tracker, TrackerStart } from '../tracker.js';

type LessonStatus = 'passed' | 'completed' | 'failed' | 'incomplete' | 'browsed' | 'not attempted';

export class Scorm12Tracker implements Tracker {
  readonly standard = 'scorm12' as const;
  private startedAt = 0;
  private readonly savedState: SavedStateGuard;
  private nextInteraction = 0;
  private status: LessonStatus = 'not attempted';
  private score = '';
  private finished = false;
  /** Status or score changed since the last commit: commit at once, they matter to admins. */
  private statusChanged = false;

  constructor(
    private readonly lms: ScormConnection,
    private readonly clock: () => number = () => performance.now(),
  ) {
    // RTE12 3.4 cmi.core.session_time (CMITimespan): this session so far, written with every commit,
    // so a window closed without LMSFinish still leaves the time in the LMS.
    lms.beforeCommit = () => [['cmi.core.session_time', toCmiTimespan(this.clock() - this.startedAt)]];
    this.savedState = new SavedStateGuard(lms, 'cmi.suspend_data');
  }

  async start(): Promise<TrackerStart> {
    this.startedAt = this.clock();
    this.lms.open();
    const entry = this.lms.read('cmi.core.entry');
    const status = this.lms.read('cmi.core.lesson_status');
    if (isLessonStatus(status)) this.status = status;
    this.score = this.lms.read('cmi.core.score.raw') ?? '';
    this.nextInteraction = Number(this.lms.read('cmi.interactions._count') ?? 0) || 0;
    const mode = this.lms.read('cmi.core.lesson_mode');
    const mastery = Number.parseFloat(this.lms.read('cmi.student_data.mastery_score') ?? '');
    if (mode !== 'browse' && mode !== 'review') {
      if (this.status === 'not attempted') {
        this.setStatus('incomplete');
        this.lms.commitNow();
      } else {
        // A relaunch that ends before any save still keeps its suspend_data for the next one.
        this.lms.write([['cmi.core.exit', exitFor(this.status)]]);
      }
    }
    // RTE12 3.4 cmi.core.entry: "resume" means the LMS kept the last session's suspend_data.
    const saved = this.savedState.read(entry === 'ab-initio');
    return {
      savedState: saved.state,
      savedStateUnreadable: saved.unreadable,
      location: this.lms.read('cmi.core.lesson_location') || undefined,
      masteryScore: Number.isFinite(mastery) && mastery >= 0 && mastery <= 100 ? mastery / 100 : undefined,
      mode: mode === 'browse' || mode === 'review' ? mode : 'normal',
      learnerName: this.lms.read('cmi.core.student_name') || undefined,
    };
  }

  async visit(_pageId: string): Promise<void> {
    // The location and suspend_data carry what was seen.
  }

  async record(i: InteractionRecord): Promise<void> {
    const n = `cmi.interactions.${this.nextInteraction}`;
    this.nextInteraction += 1;
    const pattern = scorm12CorrectPattern(i);
    const when = new Date(i.answeredAt);
    this.lms.write([
      // RTE12 3.4: the id first, so an LMS that keys interactions by id files the rest under it.
      [`${n}.id`, toCmiIdentifier(i.attempt > 0 ? `${i.id}.attempt-${i.attempt}` : i.id)],
      [`${n}.type`, scorm12InteractionType(i.kind)],
      [`${n}.time`, toCmiTime(when)],
      [`${n}.weighting`, String(i.weighting)],
      [`${n}.student_response`, scorm12Response(i)],
      ...(pattern === undefined ? [] : ([[`${n}.correct_responses.0.pattern`, pattern]] as [string, string][])),
      [`${n}.result`, scorm12Result(i.success)],
      [`${n}.latency`, toCmiTimespan(i.latencyMs)],
    ]);
    this.lms.commitSoon();
  }

  async save(state: string, location: string): Promise<void> {
    // Never write more than the spec's limit: an LMS may truncate (corrupting the state) or refuse.
    const values: [string, string][] = [['cmi.core.lesson_location', location.slice(0, SCORM12.lessonLocation)]];
    if (state.length > SCORM12.suspendData)
      console.warn(`Resume state of ${state.length} characters exceeds SCORM 1.2's ${SCORM12.suspendData}; not written.`);
    else if (this.savedState.mayWrite()) values.push(['cmi.suspend_data', state]);
    values.push(['cmi.core.exit', exitFor(this.status)]);
    this.lms.write(values);
    this.lms.commitSoon();
  }

  async conclude(outcome: Outcome): Promise<void> {
    const status = lessonStatusOf(outcome);
    const score = outcome.scaledScore === undefined ? '' : String(toPercent(outcome.scaledScore));
    const values: [string, string][] = [];
    // A pass is final: never replace "passed" by anything else (a weaker retake, a relaunch).
    if (status !== this.status && this.status !== 'passed') {
      this.setStatus(status);
    }
    if (score !== '' && score !== this.score && (this.score === '' || Number(score) > Number(this.score))) {
      this.score = score;
      values.push(['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', score]);
    }
    this.lms.write(values);
    if (values.length > 0 || this.statusChanged) {
      this.statusChanged = false;
      this.lms.commitNow();
    }
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
 * RTE12 3.4 cmi.core.exit: "suspend" keeps suspend_data for the next launch (entry = resume)
 * while the lesson is unfinished; "" once it is completed or passed.
 */
function exitFor(status: LessonStatus): '' | 'suspend' {
  return status === 'passed' || status === 'completed' ? '' : 'suspend';
}

function isLessonStatus(x: string | undefined): x is LessonStatus {
  return x === 'passed' || x === 'completed' || x === 'failed' || x === 'incomplete' || x === 'browsed' || x === 'not attempted';
}
