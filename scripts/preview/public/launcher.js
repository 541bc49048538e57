/**
 * The launcher page (/): one card per built package with what it is, what the
 * preview LMS holds for the learner, and Launch / Relaunch / Reset. Launching
 * is a plain GET form to /play.html, so it works by keyboard and in a new tab.
 */
import { formatBytes, formatClock, getJson, h, postJson } from './dom.js';

const list = document.getElementById('packages');
const message = document.getElementById('message');

async function load() {
  const { packages } = await getJson('/api/packages');
  const title = packages[0]?.title;
  if (title) document.getElementById('course-title').textContent = title;
  list.replaceChildren(...packages.map(card));
}

/** The standalone build keeps progress in this browser only; the page can see it, the server cannot. */
function webSaved(pkg) {
  const raw = pkg.storageKey ? localStorage.getItem(pkg.storageKey) : null;
  if (!raw) return null;
  try {
    const { location } = JSON.parse(raw);
    return { summary: `Saved in this browser${location ? `, at ${location}` : ''}` };
  } catch {
    return { summary: 'Saved in this browser' };
  }
}

function card(pkg) {
  const saved = pkg.id === 'web' ? webSaved(pkg) : pkg.saved;
  const headingId = `pkg-${pkg.id}-title`;
  const size = pkg.zipBytes
    ? `${formatBytes(pkg.zipBytes)} zip · ${formatBytes(pkg.unpackedBytes)} in ${pkg.files} files`
    : `${formatBytes(pkg.unpackedBytes)} in ${pkg.files} files`;
  const modes = pkg.launchModes
    ? h(
        'fieldset',
        { class: 'modes' },
        h('legend', { text: 'Launch mode' }),
        pkg.launchModes.map((mode) =>
          h('label', {}, h('input', { type: 'radio', name: 'mode', value: mode, checked: mode === 'Normal' }), ` ${mode}`),
        ),
      )
    : null;
  return h(
    'li',
    { class: `card card-${pkg.id}` },
    h(
      'article',
      { 'aria-labelledby': headingId },
      h('h2', { id: headingId, text: pkg.standard }),
      h('p', { class: 'card-title', text: pkg.title }),
      h(
        'dl',
        { class: 'facts' },
        h('div', {}, h('dt', { text: 'Version' }), h('dd', { text: pkg.version ?? '—' })),
        h('div', {}, h('dt', { text: 'Size' }), h('dd', { text: size })),
        h('div', {}, h('dt', { text: 'Built' }), h('dd', { text: formatClock(pkg.builtAt) })),
        h('div', {}, h('dt', { text: pkg.zipFile ? 'File' : 'Folder' }), h('dd', {}, h('code', { text: pkg.zipFile ?? 'dist/web/' }))),
      ),
      h('p', {
        class: saved ? 'saved' : 'saved none',
        text: saved ? `${saved.summary}${saved.at ? ` (${formatClock(saved.at)})` : ''}` : 'No saved attempt.',
      }),
      h(
        'form',
        { class: 'actions', action: '/play.html', method: 'get', 'aria-label': `${pkg.standard} launch` },
        h('input', { type: 'hidden', name: 'pkg', value: pkg.id }),
        modes,
        h(
          'div',
          { class: 'buttons' },
          h('button', { type: 'submit', name: 'attempt', value: 'new', class: 'primary', text: 'Launch' }),
          h('button', { type: 'submit', name: 'attempt', value: 'resume', disabled: !saved, text: 'Relaunch (resume)' }),
          h('button', { type: 'button', class: 'danger', disabled: !saved, text: 'Reset learner', onclick: () => reset(pkg) }),
        ),
      ),
    ),
  );
}

async function reset(pkg) {
  try {
    await postJson(`/api/packages/${pkg.id}/reset`);
    if (pkg.storageKey) localStorage.removeItem(pkg.storageKey);
    message.textContent = `${pkg.standard}: the learner's attempt was forgotten.`;
    await load();
    // The card was rebuilt: put the keyboard back where it was, on that card's first button.
    document.querySelector(`.card-${pkg.id} button`)?.focus();
  } catch (error) {
    message.textContent = `${pkg.standard}: reset failed (${error.message}).`;
  }
}

load().catch((error) => {
  list.replaceChildren(h('li', { class: 'bad-text', text: `The packages could not be listed: ${error.message}` }));
});
