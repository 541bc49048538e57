/**
 * The panel for the standalone web build: there is no LMS, so nothing is
 * reported; the course keeps its progress in this browser's localStorage,
 * which the panel reads every 500 ms (same origin).
 */
import type { ReactiveControllerHost } from 'lit';
import type { LaunchView, PackageView } from '../lib/api.js';
import { code, emptyPanel, fact, muted, type PanelView } from '../lib/panel-view.js';
import { parseSaved } from '../lib/web-progress.js';
import { PanelSource } from './panel-source.js';

export class WebSource extends PanelSource {
  private shown: string | null | undefined;
  private session = '';

  constructor(
    host: ReactiveControllerHost,
    private readonly pkg: PackageView,
  ) {
    super(host, emptyView(''));
  }

  start(launch: LaunchView): void {
    this.shown = undefined;
    this.session = launch.startedAt;
    this.show(emptyView(launch.startedAt));
    this.poll(() => this.tick());
    this.tick();
  }

  private tick(): void {
    const key = this.pkg.storageKey ?? '';
    const raw = localStorage.getItem(key);
    if (raw === this.shown) return;
    this.shown = raw;
    const saved = parseSaved(raw);
    this.show({
      ...emptyView(this.session),
      status: [
        fact('Tracking', 'none (no LMS)'),
        fact('Kept in', code(`localStorage["${key}"]`)),
        fact('Location', saved.location ? code(saved.location) : muted('—')),
      ],
      resume: { kind: 'state', text: saved.state ?? '', source: 'localStorage → state' },
    });
  }
}

function emptyView(session: string): PanelView {
  return emptyPanel(
    {
      heading: 'No LMS (standalone)',
      sub: 'The web build runs on its own and reports to nobody.',
      logName: 'LMS traffic',
      logKind: 'none',
      columns: [],
      filterable: false,
      emptyText: 'None: the standalone build has no LMS to talk to. Its progress stays in this browser.',
      problemsName: 'Problems',
    },
    session,
  );
}
