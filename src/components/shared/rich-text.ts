/**
 * Renders compiled lesson text (../../content/lesson.ts) with Lit templates.
 * Text always goes through Lit's text bindings, never innerHTML, so nothing in
 * course/ or typed by a learner can become markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Inline, RichLine, RichText } from '../../content/lesson.js';
import { ui } from '../strings.js';

function inline(node: Inline): TemplateResult | string {
  switch (node.t) {
    case 'text':
      return node.v;
    case 'strong':
      return html`<strong>${node.c.map(inline)}</strong>`;
    case 'em':
      return html`<em>${node.c.map(inline)}</em>`;
    case 'code':
      return html`<code>${node.v}</code>`;
    case 'link':
      // Cited pages open in a new tab so the learner never leaves the LMS's frame.
      return html`<a
        href=${node.href}
        target="_blank"
        rel="noopener noreferrer"
        aria-label=${`${ui.sourceLink(node.title)} (${ui.opensNewTab})`}
        >${node.c.map(inline)}</a
      >`;
  }
}

export function renderLine(line: RichLine): TemplateResult {
  return html`${line.map(inline)}`;
}

export function renderRich(text: RichText): TemplateResult {
  return html`${text.map((block) => {
    switch (block.t) {
      case 'p':
        return html`<p>${renderLine(block.c)}</p>`;
      case 'ul':
        return html`<ul>
          ${block.items.map((item) => html`<li>${renderLine(item)}</li>`)}
        </ul>`;
      case 'ol':
        return html`<ol start=${block.start === 1 ? nothing : block.start}>
          ${block.items.map((item) => html`<li>${renderLine(item)}</li>`)}
        </ol>`;
    }
  })}`;
}
