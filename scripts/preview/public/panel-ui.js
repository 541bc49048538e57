/**
 * The LMS panel beside the course (play.html): one layout for every standard
 * (status, a live log, problems, resume state). The per-standard modules
 * (scorm-panel.js, lrs-panel.js, web-panel.js) decide what goes in it.
 */
import { h } from './dom.js';

const byId = (id) => document.getElementById(id);

export function panelUi() {
  const sub = byId('panel-sub');
  const title = byId('panel-title');
  const status = byId('status');
  const logName = byId('log-name');
  const logCount = byId('log-count');
  const logFilter = byId('log-filter');
  const hideReads = byId('hide-reads');
  const log = byId('log');
  const logScroll = byId('log-scroll');
  const logEmpty = byId('log-empty');
  const problemsSection = byId('problems-section');
  const problemsName = byId('problems-name');
  const problemsCount = byId('problems-count');
  const problems = byId('problems');
  const resume = byId('resume');
  let emptyText = 'Nothing yet.';
  // The log follows new entries while the reader is at its end. Only the reader scrolling up
  // stops that (new rows or other sections resizing the log move nothing up), and scrolling
  // back to the end starts it again.
  let pinned = true;
  let lastTop = 0;
  const follow = () => {
    if (pinned) logScroll.scrollTop = logScroll.scrollHeight;
    lastTop = logScroll.scrollTop;
  };
  logScroll.addEventListener('scroll', () => {
    const top = logScroll.scrollTop;
    if (logScroll.scrollHeight - top - logScroll.clientHeight < 24) pinned = true;
    else if (top < lastTop) pinned = false;
    lastTop = top;
  });
  new ResizeObserver(follow).observe(logScroll);

  hideReads.addEventListener('change', () => {
    log.classList.toggle('hide-reads', hideReads.checked);
    follow();
  });

  return {
    /** Names and columns for a standard. */
    setup(options) {
      title.textContent = options.title;
      sub.textContent = options.sub ?? '';
      logName.textContent = options.logName;
      problemsName.textContent = options.problemsName ?? 'Problems';
      logFilter.hidden = !options.filter;
      log.className = `log ${options.kind ?? ''}`;
      hideReads.checked = false;
      emptyText = options.emptyText ?? 'Nothing yet.';
      log.tHead.replaceChildren(
        options.columns.length
          ? h(
              'tr',
              {},
              options.columns.map((c) => h('th', { scope: 'col', text: c })),
            )
          : '',
      );
      this.clear();
    },
    setSub(text) {
      sub.textContent = text;
    },
    clear() {
      pinned = true;
      lastTop = 0;
      log.tBodies[0].replaceChildren();
      logCount.textContent = '0';
      logEmpty.textContent = emptyText;
      logEmpty.hidden = false;
      log.hidden = true;
      status.replaceChildren();
      problems.replaceChildren();
      problemsSection.hidden = true;
      resume.replaceChildren(h('p', { class: 'muted', text: 'Nothing saved yet.' }));
    },
    /** Appends rows (tr elements) to the log, keeping it scrolled to the end if the reader is there. */
    appendRows(rows, total) {
      if (rows.length) {
        // Shown first, so the scroll position can follow the new rows.
        log.hidden = false;
        logEmpty.hidden = true;
        log.tBodies[0].append(...rows);
        follow();
      }
      logCount.textContent = String(total);
    },
    setStatus(facts) {
      status.replaceChildren(...facts);
    },
    appendProblems(items, total) {
      if (items.length) {
        problems.append(...items);
        problems.parentElement.scrollTop = problems.parentElement.scrollHeight;
      }
      problemsCount.textContent = String(total);
      problemsSection.hidden = total === 0;
    },
    /** Hands the resume container to a render function. */
    renderResume(render) {
      render(resume);
    },
  };
}
