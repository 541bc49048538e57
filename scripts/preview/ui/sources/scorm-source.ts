/**
 * The panel for SCORM 1.2 / 2004: reads the strict host's record on the host
 * page (`window.__lms`, hosts/scorm/strict-scorm.ts) every 500 ms — every
 * call with its result and error code, violations of the strict profile, the
 * data the LMS holds — and reports each newly committed state to the preview
 * server, which keeps it for the next launch.
 */
import type { ReactiveControllerHost } from 'lit';
import type { CallRecord, StrictHost, Violation } from '../../../../hosts/scorm/strict-scorm.js';
import { scormDataUrl, type LaunchView, type PackageView } from '../lib/api.js';
import { plural } from '../lib/format.js';
import {
  badge,
  code,
  emptyPanel,
  fact,
  muted,
  type CallRow,
  type Fact,
  type Part,
  type PanelView,
  type Problem,
  type Tone,
} from '../lib/panel-view.js';
import { PanelSource } from './panel-source.js';

const READS = /GetValue|GetLastError|GetErrorString|GetDiagnostic/;
const ERROR_CHECKS = /GetLastError|GetErrorString|GetDiagnostic/;

type Version = '1.2' | '2004';

/** Element names per version (SCORM 1.2 RTE 3.4; SCORM 2004 RTE 4.2). */
const ELEMENTS = {
  '1.2': {
    location: 'cmi.core.lesson_location',
    entry: 'cmi.core.entry',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    totalTime: 'cmi.core.total_time',
    learnerId: 'cmi.core.student_id',
    learnerName: 'cmi.core.student_name',
    suspendLimit: 4096, // CMIString4096
  },
  '2004': {
    location: 'cmi.location',
    entry: 'cmi.entry',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    totalTime: 'cmi.total_time',
    learnerId: 'cmi.learner_id',
    learnerName: 'cmi.learner_name',
    suspendLimit: 64000, // characterstring SPM 64000
  },
} as const;

const TONES: Readonly<Record<string, Tone>> = {
  passed: 'good',
  completed: 'good',
  failed: 'bad',
  incomplete: 'warn',
  browsed: 'info',
  'not attempted': 'neutral',
  unknown: 'neutral',
};

/** The host page's window, where host.js installs the strict LMS. */
type HostWindow = Window & { readonly __lms?: StrictHost };

export class ScormSource extends PanelSource {
  private readonly version: Version;
  private frame: HTMLIFrameElement | undefined;
  private rows: CallRow[] = [];
  private problems: Problem[] = [];
  private violationCursor = 0;
  private shownKey = '';
  private committedSent = '';
  private sending: Promise<void> = Promise.resolve();
  private launchId = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly pkg: PackageView,
  ) {
    const version: Version = pkg.id === 'scorm12' ? '1.2' : '2004';
    super(host, emptyView(version, ''));
    this.version = version;
  }

  start(launch: LaunchView, frame: HTMLIFrameElement): void {
    this.stop();
    this.frame = frame;
    this.rows = [];
    this.problems = [];
    this.violationCursor = 0;
    this.shownKey = '';
    this.committedSent = '';
    this.launchId = launch.startedAt;
    this.show(emptyView(this.version, launch.startedAt));
    frame.addEventListener('load', () => this.tick());
    this.poll(() => this.tick());
  }

  /**
   * The LMS closes the course's window: the course frame inside the host goes, the course
   * terminates in its pagehide, and what it committed is saved. The host stays readable.
   */
  override async closeCourse({ beacon }: { readonly beacon: boolean }): Promise<void> {
    const host = this.lms();
    this.frame?.contentDocument?.getElementById('course')?.remove();
    if (!host) return;
    this.tick();
    await this.persist(host, beacon);
  }

  /** The host page's record, once host.js has run in it. */
  private lms(): StrictHost | undefined {
    try {
      return (this.frame?.contentWindow as HostWindow | null | undefined)?.__lms;
    } catch {
      return undefined; // the frame is on its way to another origin
    }
  }

  private tick(): void {
    const host = this.lms();
    if (!host) return;
    const data = host.data();
    this.collect(host);
    const key = JSON.stringify([host.log.length, data, host.state, host.commits, host.violations.length]);
    if (key !== this.shownKey) {
      this.shownKey = key;
      this.show(this.viewOf(host, data));
    }
    void this.persist(host, false);
  }

  /** Turns the calls and violations logged since the last tick into rows. */
  private collect(host: StrictHost): void {
    if (host.log.length > this.rows.length) {
      const fresh = host.log.slice(this.rows.length).map((call, i) => {
        const violation = call.outcome === 'violation' ? host.violations[this.violationCursor++] : undefined;
        return callRow(call, this.rows.length + i + 1, violation);
      });
      this.rows = [...this.rows, ...fresh];
    }
    if (host.violations.length > this.problems.length)
      this.problems = [...this.problems, ...host.violations.slice(this.problems.length).map(violationProblem)];
  }

  private viewOf(host: StrictHost, data: Readonly<Record<string, string>>): PanelView {
    const names = ELEMENTS[this.version];
    const value = (element: string) => data[element] ?? '';
    const name = value(names.learnerName);
    const id = value(names.learnerId);
    return {
      ...emptyView(this.version, this.launchId),
      sub: `Strict scorm-again host · learner ${name ? `${name} (${id})` : id || '—'}`,
      entries: this.rows,
      entryTotal: host.log.length,
      problems: this.problems,
      status: statusFacts(this.version, host, value),
      resume: { kind: 'state', text: value('cmi.suspend_data'), source: 'cmi.suspend_data', limit: names.suspendLimit },
    };
  }

  /**
   * Sends the committed data when it changed: that is what this LMS keeps for the next launch.
   * Resolves when the server has it (also when an earlier tick already sent the same data).
   * The launch is named so the server can drop data of an attempt that was reset meanwhile.
   */
  private persist(host: StrictHost, beacon: boolean): Promise<void> {
    const committed = host.committedData();
    if (!committed) return this.sending;
    const json = JSON.stringify(committed);
    if (json === this.committedSent) return this.sending;
    this.committedSent = json;
    const url = scormDataUrl(this.pkg.id, this.launchId);
    if (beacon) navigator.sendBeacon(url, new Blob([json], { type: 'application/json' }));
    else
      this.sending = fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json, keepalive: true }).then(
        () => undefined,
        () => undefined, // the server is gone: nothing to keep it in
      );
    return this.sending;
  }
}

function emptyView(version: Version, session: string): PanelView {
  return emptyPanel(
    {
      heading: `SCORM ${version} LMS`,
      sub: 'Strict scorm-again host, strict profile always on',
      logName: 'LMS calls',
      logKind: 'calls',
      columns: ['#', 'Call', 'Element / value', 'Result', 'Error'],
      filterable: true,
      emptyText: 'No calls yet: the course has not found the API.',
      problemsName: 'Strict-profile violations',
    },
    session,
  );
}

function statusFacts(version: Version, host: StrictHost, value: (element: string) => string): Fact[] {
  const names = ELEMENTS[version];
  const shown = (element: string): Part => (value(element) ? code(value(element)) : muted('—'));
  const percent = (element: string) => `${Math.round(Number(value(element)) * 100)} %`;
  const facts =
    version === '1.2'
      ? [
          fact('lesson_status', statusBadge(value('cmi.core.lesson_status'))),
          fact('Score', scoreText(value('cmi.core.score.raw'), value('cmi.core.score.min'), value('cmi.core.score.max'))),
        ]
      : [
          fact(
            'Completion',
            statusBadge(value('cmi.completion_status')),
            value('cmi.progress_measure') ? ` ${percent('cmi.progress_measure')} of pages` : '',
          ),
          fact('Success', statusBadge(value('cmi.success_status'))),
          fact(
            'Score',
            value('cmi.score.scaled') ? `${percent('cmi.score.scaled')} ` : '',
            scoreText(value('cmi.score.raw'), value('cmi.score.min'), value('cmi.score.max')),
          ),
        ];
  const violations = host.violations.length;
  return [
    ...facts,
    fact('Session time', shown(names.sessionTime)),
    fact('Total time', shown(names.totalTime)),
    fact('Location', shown(names.location)),
    fact('Entry / exit', shown(names.entry), ' / ', shown(names.exit)),
    fact(
      'Session',
      badge(host.state, host.state === 'running' ? 'info' : host.state === 'terminated' ? 'neutral' : 'warn'),
      ` ${plural(host.commits, 'commit')} · `,
      violations ? badge(plural(violations, 'violation'), 'bad') : 'no violations',
    ),
  ];
}

function statusBadge(value: string): Part {
  return value ? badge(value, TONES[value] ?? 'neutral') : muted('not set');
}

function scoreText(raw: string, min: string, max: string): Part {
  if (!raw) return muted('—');
  return `raw ${raw}${min || max ? ` (${min || '?'}–${max || '?'})` : ''}`;
}

export function callRow(call: CallRecord, number: number, violation: Violation | undefined): CallRow {
  const setting = call.method.endsWith('SetValue');
  // Getters answer with a value: it is shown under what was asked, the Result column says whether it worked.
  const read = READS.test(call.method);
  const errorCheck = ERROR_CHECKS.test(call.method);
  const detail = setting ? call.value : read ? call.returned : undefined;
  return {
    kind: 'call',
    number,
    method: call.method,
    element: call.element,
    argument: call.element ? undefined : call.value,
    detail: detail === '' ? undefined : detail,
    result: read ? (call.errorCode === 0 || errorCheck ? 'ok' : 'error') : call.returned,
    errorCode: call.errorCode,
    benign: call.method.endsWith('GetValue') && call.errorCode === 403 && call.outcome === 'ok',
    read,
    errorCheck,
    violation: violation && { rule: violation.rule, section: violation.section },
  };
}

export function violationProblem(v: Violation): Problem {
  return {
    title: `${v.method}${v.element ? ` ${v.element}` : ''}`,
    ...(v.value !== undefined ? { code: ` = ${v.value}` } : {}),
    lines: [{ text: `${v.rule} (${v.section}); error ${v.errorCode}` }],
  };
}
