/**
 * The panel for SCORM 1.2 / 2004: reads the strict host's record on the host
 * page (`window.__lms`, hosts/scorm/strict-scorm.ts) every 500 ms — every
 * call with its result and error code, violations of the strict profile, the
 * data the LMS holds — and reports each newly committed state to the preview
 * server, which keeps it for the next launch.
 */
import { badge, fact, h } from './dom.js';
import { renderResumeState } from './resume-state.js';

const POLL_MS = 500;
const READS = /GetValue|GetLastError|GetErrorString|GetDiagnostic/;
const ERROR_CHECKS = /GetLastError|GetErrorString|GetDiagnostic/;

/** Element names per version (SCORM 1.2 RTE 3.4; SCORM 2004 RTE 4.2). */
const ELEMENTS = {
  1.2: {
    location: 'cmi.core.lesson_location',
    entry: 'cmi.core.entry',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    totalTime: 'cmi.core.total_time',
    learner: 'cmi.core.student_id',
    suspendLimit: 4096, // CMIString4096
  },
  2004: {
    location: 'cmi.location',
    entry: 'cmi.entry',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    totalTime: 'cmi.total_time',
    learner: 'cmi.learner_id',
    suspendLimit: 64000, // characterstring SPM 64000
  },
};

const TONES = {
  passed: 'good',
  completed: 'good',
  failed: 'bad',
  incomplete: 'warn',
  browsed: 'info',
  'not attempted': 'neutral',
  unknown: 'neutral',
};

export function scormPanel(pkg, ui) {
  const version = pkg.id === 'scorm12' ? '1.2' : '2004';
  const names = ELEMENTS[version];
  let frame;
  let timer;
  let shownCalls = 0;
  let shownViolations = 0;
  let violationCursor = 0;
  let statusKey = '';
  let suspendShown;
  let committedSent = '';
  let sending = Promise.resolve();
  let launchId = '';

  ui.setup({
    title: `SCORM ${version} LMS`,
    sub: `Strict scorm-again host, strict profile always on`,
    logName: 'LMS calls',
    problemsName: 'Strict-profile violations',
    columns: ['#', 'Call', 'Element / value', 'Result', 'Error'],
    filter: true,
    kind: 'calls',
    emptyText: 'No calls yet: the course has not found the API.',
  });

  /** The host page's record, once host.js has run in it. */
  function lms() {
    try {
      return frame?.contentWindow?.__lms;
    } catch {
      return undefined;
    }
  }

  function tick() {
    const host = lms();
    if (!host) return;
    renderCalls(host);
    renderStatus(host);
    renderResume(host.data());
    void persist(host, false);
  }

  function renderCalls(host) {
    const fresh = host.log.slice(shownCalls);
    const rows = [];
    for (const call of fresh) {
      shownCalls += 1;
      const violation = call.outcome === 'violation' ? host.violations[violationCursor++] : undefined;
      rows.push(...callRows(call, shownCalls, violation));
    }
    ui.appendRows(rows, host.log.length);
    const newViolations = host.violations.slice(shownViolations);
    shownViolations = host.violations.length;
    ui.appendProblems(
      newViolations.map((v) =>
        h(
          'li',
          {},
          h('strong', { text: `${v.method}${v.element ? ` ${v.element}` : ''}` }),
          v.value !== undefined ? h('code', { class: 'value', text: ` = ${v.value}` }) : null,
          h('div', { text: `${v.rule} (${v.section}); error ${v.errorCode}` }),
        ),
      ),
      host.violations.length,
    );
  }

  function renderStatus(host) {
    const data = host.data();
    const key = JSON.stringify([data, host.state, host.commits, host.violations.length]);
    if (key === statusKey) return;
    statusKey = key;
    const value = (element) => data[element] || '';
    const shown = (element) => (value(element) ? h('code', { text: value(element) }) : h('span', { class: 'muted', text: '—' }));
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
              value('cmi.progress_measure') ? ` ${Math.round(Number(value('cmi.progress_measure')) * 100)} % of pages` : '',
            ),
            fact('Success', statusBadge(value('cmi.success_status'))),
            fact(
              'Score',
              value('cmi.score.scaled') ? `${Math.round(Number(value('cmi.score.scaled')) * 100)} % ` : '',
              scoreText(value('cmi.score.raw'), value('cmi.score.min'), value('cmi.score.max')),
            ),
          ];
    facts.push(
      fact('Session time', shown(names.sessionTime)),
      fact('Total time', shown(names.totalTime)),
      fact('Location', shown(names.location)),
      fact('Entry / exit', shown(names.entry), ' / ', shown(names.exit)),
      fact(
        'Session',
        badge(host.state, host.state === 'running' ? 'info' : host.state === 'terminated' ? 'neutral' : 'warn'),
        ` ${host.commits} commit${host.commits === 1 ? '' : 's'} · `,
        host.violations.length
          ? badge(`${host.violations.length} violation${host.violations.length === 1 ? '' : 's'}`, 'bad')
          : 'no violations',
      ),
    );
    ui.setStatus(facts);
    const name = value(version === '1.2' ? 'cmi.core.student_name' : 'cmi.learner_name');
    ui.setSub(`Strict scorm-again host · learner ${name ? `${name} (${value(names.learner)})` : value(names.learner) || '—'}`);
  }

  function renderResume(data) {
    const text = data['cmi.suspend_data'] ?? '';
    if (text === suspendShown) return;
    suspendShown = text;
    ui.renderResume((container) =>
      renderResumeState(container, {
        text,
        source: 'cmi.suspend_data',
        limit: names.suspendLimit,
      }),
    );
  }

  /**
   * Sends the committed data when it changed: that is what this LMS keeps for the next launch.
   * Resolves when the server has it (also when an earlier tick already sent the same data).
   * The launch is named so the server can drop data of an attempt that was reset meanwhile.
   */
  function persist(host, beacon) {
    const committed = host.committedData();
    if (!committed) return sending;
    const json = JSON.stringify(committed);
    if (json === committedSent) return sending;
    committedSent = json;
    const url = `/api/packages/${pkg.id}/scorm-data?launch=${encodeURIComponent(launchId)}`;
    if (beacon) navigator.sendBeacon(url, new Blob([json], { type: 'application/json' }));
    else
      sending = fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: json, keepalive: true }).then(
        () => undefined,
        () => undefined, // the server is gone: nothing to keep it in
      );
    return sending;
  }

  return {
    start(launch, courseFrame) {
      this.stop();
      frame = courseFrame;
      shownCalls = 0;
      shownViolations = 0;
      violationCursor = 0;
      statusKey = '';
      suspendShown = undefined;
      committedSent = '';
      launchId = launch.startedAt;
      ui.clear();
      frame.addEventListener('load', tick);
      timer = setInterval(tick, POLL_MS);
    },
    /**
     * The LMS closes the course's window: the course frame inside the host goes, the course
     * terminates in its pagehide, and what it committed is saved. The host stays readable.
     */
    async closeCourse({ beacon = false } = {}) {
      const host = lms();
      frame?.contentDocument?.getElementById('course')?.remove();
      if (!host) return;
      tick();
      await persist(host, beacon);
    },
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}

function statusBadge(value) {
  return value ? badge(value, TONES[value] ?? 'neutral') : h('span', { class: 'muted', text: 'not set' });
}

function scoreText(raw, min, max) {
  if (!raw) return h('span', { class: 'muted', text: '—' });
  return `raw ${raw}${min || max ? ` (${min || '?'}–${max || '?'})` : ''}`;
}

function callRows(call, number, violation) {
  const setting = call.method.endsWith('SetValue');
  // Getters answer with a value: it is shown under what was asked, the Result column says whether it worked.
  const getting = READS.test(call.method);
  const detail = setting ? call.value : getting ? call.returned : undefined;
  const classes = [
    READS.test(call.method) ? 'read' : '',
    ERROR_CHECKS.test(call.method) ? 'error-check' : '',
    call.outcome === 'violation' ? 'violation' : '',
  ]
    .filter(Boolean)
    .join(' ');
  const benign = call.method.endsWith('GetValue') && call.errorCode === 403 && call.outcome === 'ok';
  const row = h(
    'tr',
    { class: classes || undefined },
    h('td', { class: 'num', text: number }),
    h('td', { class: 'method', text: call.method }),
    h(
      'td',
      { class: 'element' },
      call.element ? h('code', { text: call.element }) : h('span', { class: 'muted', text: call.value ?? '' }),
      detail !== undefined && detail !== '' ? h('div', { class: 'value', title: detail, text: `${setting ? '=' : '→'} ${detail}` }) : null,
    ),
    h('td', { class: 'result', text: getting ? (call.errorCode === 0 || ERROR_CHECKS.test(call.method) ? 'ok' : 'error') : call.returned }),
    h(
      'td',
      { class: 'code' },
      call.errorCode === 0 ? h('span', { class: 'muted', text: '0' }) : badge(String(call.errorCode), benign ? 'warn' : 'bad'),
    ),
  );
  if (!violation) return [row];
  return [
    row,
    h(
      'tr',
      { class: 'violation-detail' },
      h('td', { colspan: '5' }, h('strong', { text: 'Violation: ' }), `${violation.rule} (${violation.section})`),
    ),
  ];
}
