/**
 * The player page (/play.html?pkg=<id>): the course as its LMS would show it,
 * with the LMS panel beside it. `attempt=new|resume` (from the launcher's
 * form) launches once; afterwards the address is just ?pkg=<id>, so a reload
 * reopens the current launch instead of starting another attempt.
 */
import { formatClock, getJson, h, postJson } from './dom.js';
import { lrsPanel } from './lrs-panel.js';
import { panelUi } from './panel-ui.js';
import { scormPanel } from './scorm-panel.js';
import { webPanel } from './web-panel.js';

const params = new URLSearchParams(location.search);
const pane = document.getElementById('course-pane');
const closedNote = document.getElementById('course-closed');
const message = document.getElementById('message');
const info = document.getElementById('launch-info');
const modeControl = document.getElementById('mode-control');
const modeSelect = document.getElementById('launch-mode');
const buttons = {
  relaunch: document.getElementById('relaunch'),
  newAttempt: document.getElementById('new-attempt'),
  close: document.getElementById('close-course'),
  reset: document.getElementById('reset'),
};

let pkg;
let panel;
let frame;
let courseOpen = false;
let messageTimer;

function say(text) {
  message.textContent = text;
  clearTimeout(messageTimer);
  messageTimer = setTimeout(() => (message.textContent = ''), 6000);
}

function describe(launch) {
  const parts = [launch.attempt === 'new' ? 'New attempt' : 'Relaunch (resume)'];
  if (launch.launchMode) parts.push(`${launch.launchMode} mode`);
  parts.push(`started ${formatClock(launch.startedAt)}`);
  return parts.join(' · ');
}

/** Opens a launch: a fresh frame (the strict host page for SCORM, the course itself otherwise). */
function open(launch) {
  frame?.remove();
  frame = h('iframe', { id: 'course-frame', title: `${pkg.standard} course: ${pkg.title}`, src: launch.courseUrl });
  pane.append(frame);
  closedNote.hidden = true;
  courseOpen = true;
  buttons.close.disabled = false;
  info.textContent = describe(launch);
  panel.start(launch, frame);
}

/** The LMS closes the course window: the course sees pagehide and ends or suspends its session. */
async function closeCourse({ beacon = false, note } = {}) {
  if (!frame || !courseOpen) return;
  courseOpen = false;
  await panel.closeCourse({ beacon });
  // SCORM keeps the host page (its record stays readable); the course frame inside it is gone.
  if (pkg.id === 'scorm12' || pkg.id === 'scorm2004') frame.hidden = true;
  else {
    frame.remove();
    frame = undefined;
  }
  buttons.close.disabled = true;
  closedNote.textContent = note ?? 'The course is closed. Relaunch to continue where the learner left off, or start a new attempt.';
  closedNote.hidden = false;
}

async function launch(attempt) {
  await closeCourse();
  if (pkg.id === 'web' && attempt === 'new') localStorage.removeItem(pkg.storageKey);
  const launched = await postJson(`/api/packages/${pkg.id}/launch`, { attempt, launchMode: modeSelect.value });
  open(launched);
  say(attempt === 'new' ? 'A new attempt was launched.' : 'The course was relaunched: it resumes the saved attempt.');
}

async function reset() {
  await closeCourse();
  await postJson(`/api/packages/${pkg.id}/reset`);
  if (pkg.storageKey) localStorage.removeItem(pkg.storageKey);
  panel.stop();
  frame?.remove();
  frame = undefined;
  closedNote.textContent = `The learner was reset: nothing is kept for ${pkg.standard} any more. Start a new attempt to begin again.`;
  closedNote.hidden = false;
  info.textContent = 'Not launched';
  say(`${pkg.standard}: the learner's attempt was forgotten.`);
}

function guard(action) {
  return async () => {
    const all = Object.values(buttons);
    all.forEach((b) => (b.disabled = true));
    try {
      await action();
    } catch (error) {
      say(`That did not work: ${error.message}`);
    } finally {
      all.forEach((b) => (b.disabled = false));
      buttons.close.disabled = !courseOpen;
    }
  };
}

async function main() {
  const { packages } = await getJson('/api/packages');
  pkg = packages.find((p) => p.id === params.get('pkg'));
  if (!pkg) {
    document.getElementById('launch-title').textContent = 'Unknown package';
    closedNote.replaceChildren('No such package. ', h('a', { href: '/', text: 'Back to the packages' }));
    closedNote.hidden = false;
    return;
  }
  document.title = `${pkg.standard} · Preview LMS`;
  document.getElementById('launch-title').textContent = pkg.standard;
  if (pkg.launchModes) {
    modeControl.hidden = false;
    modeSelect.value = pkg.launchModes.includes(params.get('mode')) ? params.get('mode') : 'Normal';
  }
  const ui = panelUi();
  panel = pkg.id === 'scorm12' || pkg.id === 'scorm2004' ? scormPanel(pkg, ui) : pkg.id === 'web' ? webPanel(pkg, ui) : lrsPanel(pkg, ui);

  buttons.relaunch.addEventListener(
    'click',
    guard(() => launch('resume')),
  );
  buttons.newAttempt.addEventListener(
    'click',
    guard(() => launch('new')),
  );
  buttons.close.addEventListener(
    'click',
    guard(() => closeCourse()),
  );
  buttons.reset.addEventListener('click', guard(reset));
  // Leaving the player closes the course as an LMS would, and saves what SCORM committed.
  addEventListener('pagehide', () => void closeCourse({ beacon: true }));

  const attempt = params.get('attempt');
  if (attempt === 'new' || attempt === 'resume') {
    history.replaceState(null, '', `/play.html?pkg=${encodeURIComponent(pkg.id)}`);
    await launch(attempt);
  } else {
    const current = await getJson(`/api/packages/${pkg.id}/launch`);
    if (current) open(current);
    else await launch('resume');
  }
}

main().catch((error) => say(`The course could not be launched: ${error.message}`));
