import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { IDLE_PANEL, type PanelView, type Problem } from '../../lib/panel-view.js';
import { PreviewElement } from '../shared/preview-element.js';
import { factRow } from '../shared/parts.js';
import '../preview-log/preview-log.js';
import '../preview-resume-state/preview-resume-state.js';

/**
 * The LMS panel beside the course: one layout for every standard — status, a
 * live log, problems (only when there are some) and the resume state. What
 * goes in it comes from the player's source for the standard.
 */
@customElement('preview-panel')
export class PreviewPanel extends PreviewElement {
  @property({ attribute: false }) view: PanelView = IDLE_PANEL;

  protected override updated(changed: PropertyValues<this>) {
    // New problems are the ones to read: show the end of the list.
    const previous = changed.get('view');
    if (previous && previous.problems !== this.view.problems) {
      const list = this.querySelector('.problems-section .scroll');
      if (list) list.scrollTop = list.scrollHeight;
    }
  }

  override render() {
    const v = this.view;
    return html`<aside id="panel" class="panel" tabindex="-1" aria-labelledby="panel-title">
      <div class="panel-head">
        <h2 id="panel-title">${v.heading}</h2>
        <p class="muted">${v.sub}</p>
      </div>
      <section class="panel-section status-section" aria-labelledby="status-title">
        <h3 id="status-title">Status</h3>
        <dl class="status-grid">${v.status.map(factRow)}</dl>
      </section>
      <preview-log
        .name=${v.logName}
        .kind=${v.logKind}
        .columns=${v.columns}
        .entries=${v.entries}
        .total=${v.entryTotal}
        .filterable=${v.filterable}
        .emptyText=${v.emptyText}
        .session=${v.session}
      ></preview-log>
      ${v.problems.length ? this.renderProblems(v.problemsName, v.problems) : nothing}
      <preview-resume-state .view=${v.resume}></preview-resume-state>
    </aside>`;
  }

  private renderProblems(name: string, problems: readonly Problem[]) {
    return html`<section class="panel-section problems-section">
      <h3 id="problems-title">${name} <span class="count bad">${problems.length}</span></h3>
      <div class="scroll" tabindex="0" role="region" aria-labelledby="problems-title">
        <ol class="problems">
          ${problems.map(
            (p) =>
              html`<li>
                <strong>${p.title}</strong
                >${p.code !== undefined ? html`<code class="value">${p.code}</code>` : nothing}${p.suffix ?? nothing}
                ${p.lines.map((line) => html`<div class=${line.muted ? 'muted' : nothing}>${line.text}</div>`)}
              </li>`,
          )}
        </ol>
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'preview-panel': PreviewPanel;
  }
}
