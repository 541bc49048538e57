/**
 * The panel for xAPI and cmi5: polls the preview server every 500 ms for what
 * its LRS holds for this launch (/api/packages/<id>/activity) — each statement
 * with its verb, object and result, every request the LRS refused and why,
 * the standing derived from the registration's statements, and the State
 * document the course writes.
 */
import { badge, fact, formatClock, formatMs, getJson, h, isoDurationMs } from './dom.js';
import { renderResumeState } from './resume-state.js';

const POLL_MS = 500;
const VERB_TONES = { passed: 'good', completed: 'good', failed: 'bad', initialized: 'info', terminated: 'info' };

export function lrsPanel(pkg, ui) {
  let launch;
  let timer;
  let busy = false;
  let shownStatements = 0;
  let shownRejections = 0;
  let statusKey = '';
  let resumeKey;
  let latest;

  ui.setup({
    title: pkg.id === 'cmi5' ? 'cmi5 LMS and LRS' : 'xAPI LRS',
    sub: 'Strict local LRS (hosts/lrs)',
    logName: 'Statements',
    problemsName: 'Refused requests',
    columns: ['#', 'Verb', 'Object', 'Result'],
    filter: false,
    kind: 'statements',
    emptyText: 'No statements yet.',
  });

  async function tick() {
    if (busy || !launch) return;
    busy = true;
    try {
      const activity = await getJson(`/api/packages/${pkg.id}/activity`);
      if (!activity) return;
      // Another tab relaunched: follow the server's current launch.
      if (activity.launch.startedAt !== launch.startedAt) {
        launch = activity.launch;
        restart();
      }
      latest = activity;
      render(activity);
    } catch {
      // The preview server is gone or restarting; the next tick tries again.
    } finally {
      busy = false;
    }
  }

  function restart() {
    shownStatements = 0;
    shownRejections = 0;
    statusKey = '';
    resumeKey = undefined;
    ui.clear();
  }

  function render(activity) {
    const fresh = activity.statements.slice(shownStatements);
    const rows = fresh.map((s, i) => statementRow(s, shownStatements + i + 1));
    shownStatements = activity.statements.length;
    ui.appendRows(rows, activity.statements.length);
    const refused = activity.rejections.slice(shownRejections);
    shownRejections = activity.rejections.length;
    ui.appendProblems(refused.map(rejectionItem), activity.rejections.length);
    renderStatus(activity);
    renderResume(activity.resume);
  }

  function renderStatus(activity) {
    const { status } = activity;
    const running = !status.terminated;
    // The running session's clock ticks: the key includes whole seconds only while it runs.
    const elapsed = running ? Math.floor((Date.now() - Date.parse(activity.launch.startedAt)) / 1000) : 0;
    const key = JSON.stringify([
      status,
      activity.statements.length,
      activity.earlierStatements,
      activity.requests,
      activity.rejections.length,
      elapsed,
    ]);
    if (key === statusKey) return;
    statusKey = key;
    const last = status.lastSessionDuration;
    const score = status.score;
    const facts = [
      fact('Completion', status.completedAt !== undefined ? badge('completed', 'good') : badge('not completed', 'neutral')),
      fact('Success', status.outcome ? badge(status.outcome, status.outcome === 'passed' ? 'good' : 'bad') : badge('unknown', 'neutral')),
      fact('Score', score ? scoreText(score) : h('span', { class: 'muted', text: '—' })),
      fact(
        'Duration',
        last ? `${formatMs(isoDurationMs(last))} (${last}) last reported` : h('span', { class: 'muted', text: 'none reported yet' }),
        status.sessions > 1 ? ` · ${formatMs(status.totalDurationMs)} over ${status.sessions} sessions` : '',
      ),
      fact('This launch', running ? `open for ${formatMs(elapsed * 1000)}` : badge('terminated', 'info')),
      fact(
        'Traffic',
        `${activity.statements.length} statement${activity.statements.length === 1 ? '' : 's'}`,
        activity.earlierStatements ? ` (+${activity.earlierStatements} earlier)` : '',
        ` · ${activity.requests} requests · `,
        activity.rejections.length ? badge(`${activity.rejections.length} refused`, 'bad') : 'none refused',
      ),
    ];
    ui.setStatus(facts);
    const session = activity.launch.sessionId ? ` · session ${activity.launch.sessionId.slice(0, 8)}` : '';
    const mode = activity.launch.launchMode ? ` · ${activity.launch.launchMode} mode` : '';
    ui.setSub(`Registration ${activity.launch.registration.slice(0, 8)}${session}${mode}`);
  }

  function renderResume(resume) {
    const key = JSON.stringify(resume ?? null);
    if (key === resumeKey) return;
    resumeKey = key;
    ui.renderResume((container) => {
      if (!resume) {
        container.replaceChildren(h('p', { class: 'muted', text: 'No State document yet.' }));
        return;
      }
      const doc = resume.document;
      const structured = doc && typeof doc === 'object';
      const facts = [];
      if (structured && doc.location) facts.push(fact('location', h('code', { text: doc.location })));
      if (structured && Array.isArray(doc.sent)) facts.push(fact('sent', doc.sent.length ? doc.sent.join(', ') : 'none'));
      renderResumeState(container, {
        text: structured ? doc.state : String(doc),
        source: `State ${resume.stateId} → state`,
        facts,
      });
    });
  }

  return {
    start(newLaunch) {
      this.stop();
      launch = newLaunch;
      latest = undefined;
      restart();
      timer = setInterval(tick, POLL_MS);
      void tick();
    },
    /** The LRS keeps listening after the course closes: its last statements arrive after. */
    async closeCourse() {},
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
    get activity() {
      return latest;
    },
  };
}

function scoreText(score) {
  const parts = [];
  if (typeof score.scaled === 'number') parts.push(`${Math.round(score.scaled * 100)} %`);
  if (typeof score.raw === 'number')
    parts.push(`raw ${score.raw}${typeof score.max === 'number' ? ` (${score.min ?? 0}–${score.max})` : ''}`);
  return parts.join(' · ');
}

function verbTone(verb) {
  return VERB_TONES[verb] ?? 'neutral';
}

function tail(iri) {
  const parts = iri.split('/');
  return parts.slice(-2).join('/');
}

function statementRow(s, number) {
  const verbKey = s.verbId.split('/').pop();
  const chips = [];
  if (s.success !== undefined) chips.push(badge(s.success ? 'success' : 'no success', s.success ? 'good' : 'bad'));
  if (s.completion !== undefined) chips.push(badge(s.completion ? 'complete' : 'incomplete', s.completion ? 'good' : 'warn'));
  if (s.score) chips.push(h('span', { class: 'chip', text: `score ${scoreText(s.score)}` }));
  if (s.response !== undefined) chips.push(h('span', { class: 'chip', title: s.response }, 'response ', h('code', { text: s.response })));
  if (s.duration) chips.push(h('span', { class: 'chip', title: s.duration, text: formatMs(isoDurationMs(s.duration)) || s.duration }));
  return h(
    'tr',
    { class: `verb-${verbKey}` },
    h('td', { class: 'num', text: number }),
    h('td', { class: 'verb' }, badge(s.verb, verbTone(verbKey)), h('div', { class: 'time muted', text: formatClock(s.timestamp) })),
    h(
      'td',
      { class: 'object' },
      h('div', { class: 'object-name', text: s.objectName ?? tail(s.objectId) }),
      h('code', { class: 'value', title: s.objectId, text: tail(s.objectId) }),
    ),
    h('td', { class: 'result' }, chips.length ? chips : h('span', { class: 'muted', text: '—' })),
  );
}

function rejectionItem(r) {
  return h(
    'li',
    {},
    h('strong', { text: `${r.method} ${r.path} → ${r.status}` }),
    r.verbs.length ? ` (${r.verbs.join(', ')})` : '',
    h('div', { text: r.reason }),
    r.requirement ? h('div', { class: 'muted', text: `cmi5 requirement ${r.requirement}` }) : null,
  );
}
