/** Templates for the pieces of a fact (lib/panel-view.ts Part): text, badge, code, quiet note. */
import { html, type TemplateResult } from 'lit';
import type { Fact, Part, Tone } from '../../lib/panel-view.js';

export const badge = (text: string, tone: Tone): TemplateResult => html`<span class="badge ${tone}">${text}</span>`;

export function part(piece: Part): TemplateResult | string {
  if (typeof piece === 'string') return piece;
  if ('badge' in piece) return badge(piece.badge, piece.tone);
  if ('code' in piece) return html`<code>${piece.code}</code>`;
  return html`<span class="muted">${piece.muted}</span>`;
}

/** One row of a description list: <div><dt>term</dt><dd>…</dd></div>. */
export const factRow = ({ term, value }: Fact): TemplateResult =>
  html`<div>
    <dt>${term}</dt>
    <dd>${value.map(part)}</dd>
  </div>`;
