/**
 * The panel for xAPI and cmi5: polls the preview server every 500 ms for what
 * its LRS holds for this launch (/api/packages/<id>/activity) — each statement
 * with its verb, object and result, every request the LRS refused and why,
 * the standing derived from the registration's statements, and the State
 * document the course writes.
 */
import type { ReactiveControllerHost } from 'lit';
import type { RejectionRow } from '../../learner-records.js';
import type { ScoreView, StatementRow } from '../../statement-summary.js';
import { lrsActivity, type LaunchView, type LrsActivity, type PackageView } from '../lib/api.js';
import { formatClock, formatMs, isoDurationMs, plural } from '../lib/format.js';
import {
  badge,
  code,
  emptyPanel,
  fact,
  muted,
  type Chip,
  type Fact,
  type PanelView,
  type Problem,
  type ResumeView,
  type StatementEntry,
  type Tone,
} from '../lib/panel-view.js';
import { PanelSource } from './panel-source.js';

const VERB_TONES: Readonly<Record<string, Tone>> = {
  passed: 'good',
  completed: 'good',
  failed: 'bad',
  initialized: 'info',
  terminated: 'info',
};

export class LrsSource extends PanelSource {
  private launch: Pick<LaunchView, 'startedAt'> | undefined;
  private busy = false;
  private entries: StatementEntry[] = [];
  private problems: Problem[] = [];
  private shownKey = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly pkg: PackageView,
  ) {
    super(host, emptyView(pkg, ''));
  }

  start(launch: LaunchView): void {
    this.launch = launch;
    this.restart(launch.startedAt);
    this.poll(() => void this.tick());
    void this.tick();
  }

  private restart(session: string): void {
    this.entries = [];
    this.problems = [];
    this.shownKey = '';
    this.show(emptyView(this.pkg, session));
  }

  private async tick(): Promise<void> {
    if (this.busy || !this.launch) return;
    this.busy = true;
    try {
      const activity = await lrsActivity(this.pkg.id);
      if (!activity) return;
      // Another tab relaunched: follow the server's current launch.
      if (activity.launch.startedAt !== this.launch.startedAt) {
        this.launch = activity.launch;
        this.restart(activity.launch.startedAt);
      }
      this.render(activity);
    } catch {
      // The preview server is gone or restarting; the next tick tries again.
    } finally {
      this.busy = false;
    }
  }

  private render(activity: LrsActivity): void {
    const { statements, rejections, status, launch } = activity;
    // The running session's clock ticks: the key includes whole seconds only while it runs.
    const elapsed = status.terminated ? 0 : Math.floor((Date.now() - Date.parse(launch.startedAt)) / 1000);
    const key = JSON.stringify([
      status,
      statements.length,
      activity.earlierStatements,
      activity.requests,
      rejections.length,
      elapsed,
      activity.resume ?? null,
    ]);
    if (key === this.shownKey) return;
    this.shownKey = key;
    if (statements.length > this.entries.length)
      this.entries = [
        ...this.entries,
        ...statements.slice(this.entries.length).map((s, i) => statementEntry(s, this.entries.length + i + 1)),
      ];
    if (rejections.length > this.problems.length)
      this.problems = [...this.problems, ...rejections.slice(this.problems.length).map(rejectionProblem)];
    const session = launch.sessionId ? ` · session ${launch.sessionId.slice(0, 8)}` : '';
    const mode = launch.launchMode ? ` · ${launch.launchMode} mode` : '';
    this.show({
      ...emptyView(this.pkg, launch.startedAt),
      sub: `Registration ${launch.registration.slice(0, 8)}${session}${mode}`,
      entries: this.entries,
      entryTotal: statements.length,
      problems: this.problems,
      status: statusFacts(activity, elapsed),
      resume: resumeView(activity.resume),
    });
  }
}

function emptyView(pkg: PackageView, session: string): PanelView {
  return emptyPanel(
    {
      heading: pkg.id === 'cmi5' ? 'cmi5 LMS and LRS' : 'xAPI LRS',
      sub: 'Strict local LRS (hosts/lrs)',
      logName: 'Statements',
      logKind: 'statements',
      columns: ['#', 'Verb', 'Object', 'Result'],
      filterable: false,
      emptyText: 'No statements yet.',
      problemsName: 'Refused requests',
    },
    session,
  );
}

function statusFacts(activity: LrsActivity, elapsedSeconds: number): Fact[] {
  const { status, statements, rejections } = activity;
  const last = status.lastSessionDuration;
  return [
    fact('Completion', status.completedAt !== undefined ? badge('completed', 'good') : badge('not completed')),
    fact('Success', status.outcome ? badge(status.outcome, status.outcome === 'passed' ? 'good' : 'bad') : badge('unknown')),
    fact('Score', status.score ? scoreText(status.score) : muted('—')),
    fact(
      'Duration',
      last ? `${formatMs(isoDurationMs(last))} (${last}) last reported` : muted('none reported yet'),
      status.sessions > 1 ? ` · ${formatMs(status.totalDurationMs)} over ${status.sessions} sessions` : '',
    ),
    fact('This launch', status.terminated ? badge('terminated', 'info') : `open for ${formatMs(elapsedSeconds * 1000)}`),
    fact(
      'Traffic',
      plural(statements.length, 'statement'),
      activity.earlierStatements ? ` (+${activity.earlierStatements} earlier)` : '',
      ` · ${activity.requests} requests · `,
      rejections.length ? badge(`${rejections.length} refused`, 'bad') : 'none refused',
    ),
  ];
}

/** The State document: its resume string decoded, and what else the course keeps beside it. */
export function resumeView(resume: LrsActivity['resume']): ResumeView {
  if (!resume) return { kind: 'none', note: 'No State document yet.' };
  const doc = resume.document;
  const fields = typeof doc === 'object' && doc !== null ? (doc as Readonly<Record<string, unknown>>) : undefined;
  const facts: Fact[] = [];
  if (typeof fields?.location === 'string' && fields.location) facts.push(fact('location', code(fields.location)));
  if (Array.isArray(fields?.sent)) facts.push(fact('sent', fields.sent.length ? fields.sent.join(', ') : 'none'));
  const state = fields ? fields.state : doc;
  return {
    kind: 'state',
    text: typeof state === 'string' ? state : state === undefined ? '' : JSON.stringify(state),
    source: `State ${resume.stateId} → state`,
    facts,
  };
}

function scoreText(score: ScoreView): string {
  const parts: string[] = [];
  if (typeof score.scaled === 'number') parts.push(`${Math.round(score.scaled * 100)} %`);
  if (typeof score.raw === 'number')
    parts.push(`raw ${score.raw}${typeof score.max === 'number' ? ` (${score.min ?? 0}–${score.max})` : ''}`);
  return parts.join(' · ');
}

/** The last two segments of an IRI: enough to tell the course's activities apart. */
const tail = (iri: string): string => iri.split('/').slice(-2).join('/');

export function statementEntry(s: StatementRow, number: number): StatementEntry {
  const verbKey = s.verbId.split('/').pop() ?? s.verbId;
  const chips: Chip[] = [];
  if (s.success !== undefined) chips.push({ badge: s.success ? 'success' : 'no success', tone: s.success ? 'good' : 'bad' });
  if (s.completion !== undefined) chips.push({ badge: s.completion ? 'complete' : 'incomplete', tone: s.completion ? 'good' : 'warn' });
  if (s.score) chips.push({ text: `score ${scoreText(s.score)}` });
  if (s.response !== undefined) chips.push({ text: 'response ', code: s.response, title: s.response });
  if (s.duration) chips.push({ text: formatMs(isoDurationMs(s.duration)) || s.duration, title: s.duration });
  return {
    kind: 'statement',
    number,
    verb: s.verb,
    verbKey,
    tone: VERB_TONES[verbKey] ?? 'neutral',
    time: formatClock(s.timestamp),
    objectName: s.objectName ?? tail(s.objectId),
    objectId: s.objectId,
    objectTail: tail(s.objectId),
    chips,
  };
}

export function rejectionProblem(r: RejectionRow): Problem {
  return {
    title: `${r.method} ${r.path} → ${r.status}`,
    ...(r.verbs.length ? { suffix: ` (${r.verbs.join(', ')})` } : {}),
    lines: [{ text: r.reason }, ...(r.requirement ? [{ text: `cmi5 requirement ${r.requirement}`, muted: true }] : [])],
  };
}
