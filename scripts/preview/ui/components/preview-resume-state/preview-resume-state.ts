import { html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { NOTHING_SAVED, type ResumeView } from '../../lib/panel-view.js';
import { decodeResumeState } from '../../lib/resume-state.js';
import { PreviewElement } from '../shared/preview-element.js';
import { factRow } from '../shared/parts.js';

/**
 * The course's resume state as the LMS or LRS holds it, decoded: where it was
 * read from, its length against the standard's limit, the JSON part
 * pretty-printed and the written answers as the learner typed them.
 */
@customElement('preview-resume-state')
export class PreviewResumeState extends PreviewElement {
  @property({ attribute: false }) view: ResumeView = NOTHING_SAVED;

  override render() {
    return html`<section class="panel-section resume-section">
      <h3 id="resume-title">Resume state</h3>
      <div class="scroll resume" tabindex="0" role="region" aria-labelledby="resume-title">${this.renderState()}</div>
    </section>`;
  }

  private renderState() {
    const view = this.view;
    if (view.kind === 'none') return html`<p class="muted">${view.note}</p>`;
    const { text, source, limit, facts = [] } = view;
    const decoded = decodeResumeState(text);
    const size = limit ? `${text.length} of ${limit} characters` : `${text.length} characters`;
    const meta = html`<p class="meta">
        <code>${source}</code> ·
        ${size}${limit && text.length > limit ? html`<strong class="bad-text"> · over the limit</strong>` : nothing}
      </p>
      ${facts.length ? html`<dl class="mini-facts">${facts.map(factRow)}</dl>` : nothing}`;
    if (!decoded.ok)
      return decoded.reason === 'empty'
        ? html`${meta}
            <p class="muted">Nothing saved yet.</p>`
        : html`${meta}
            <p class="muted">Cannot decode: ${decoded.reason}.</p>
            <pre class="json">${text}</pre>`;
    return html`${meta}
      <p class="muted">
        ${decoded.places === undefined ? nothing : `Interaction layout: ${decoded.places} place(s) the LMS holds. `}Format
        ${decoded.version}: JSON part, then ${decoded.answers.length} written answer(s).
      </p>
      <pre class="json" tabindex="0" aria-label="Resume state JSON">${JSON.stringify(decoded.json, null, 2)}</pre>
      ${
        decoded.answers.length
          ? html`<dl class="answers" aria-label="Written answers">
              ${decoded.answers.map(
                ([key, answer]) =>
                  html`<div>
                    <dt>${key}</dt>
                    <dd>${answer}</dd>
                  </div>`,
              )}
            </dl>`
          : nothing
      }`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'preview-resume-state': PreviewResumeState;
  }
}
