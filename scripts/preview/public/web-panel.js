/**
 * The panel for the standalone web build: there is no LMS, so nothing is
 * reported; the course keeps its progress in this browser's localStorage,
 * which the panel reads every 500 ms (same origin).
 */
import { fact, h } from './dom.js';
import { renderResumeState } from './resume-state.js';

const POLL_MS = 500;

export function webPanel(pkg, ui) {
  let timer;
  let shown;

  ui.setup({
    title: 'No LMS (standalone)',
    sub: 'The web build runs on its own and reports to nobody.',
    logName: 'LMS traffic',
    columns: [],
    filter: false,
    emptyText: 'None: the standalone build has no LMS to talk to. Its progress stays in this browser.',
  });

  function tick() {
    const raw = localStorage.getItem(pkg.storageKey);
    if (raw === shown) return;
    shown = raw;
    let saved;
    try {
      saved = raw ? JSON.parse(raw) : undefined;
    } catch {
      saved = undefined;
    }
    ui.setStatus([
      fact('Tracking', 'none (no LMS)'),
      fact('Kept in', h('code', { text: `localStorage["${pkg.storageKey}"]` })),
      fact('Location', saved?.location ? h('code', { text: saved.location }) : h('span', { class: 'muted', text: '—' })),
    ]);
    ui.renderResume((container) =>
      renderResumeState(container, { text: typeof saved?.state === 'string' ? saved.state : '', source: 'localStorage → state' }),
    );
  }

  return {
    start() {
      this.stop();
      shown = undefined;
      ui.clear();
      timer = setInterval(tick, POLL_MS);
      tick();
    },
    async closeCourse() {},
    stop() {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
