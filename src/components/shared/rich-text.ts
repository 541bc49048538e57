/**
 * Renders compiled lesson text (../../content/lesson.ts) with Lit templates.
 * Text always goes through Lit's text bindings, never innerHTML, so nothing in
 * course/ or typed by a learner can become markup.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Inline, RichLine, RichText } from '../../content/lesson.js';
import { ui } from '../strings.js';

/**
 * A citation: a compact marker, named for where it goes. Cited pages open in a new tab so the
 * learner never leaves the LMS's frame.
 */
function cite(node: Extract<Inline, { t: 'cite' }>) {
  return html`<a class="cite" href=${node.href} target="_blank" rel="noopener noreferrer" aria-label=${ui.citation(node.label, node.title)}
    >${node.label.split(' ')[0]}</a
  >`;
}

function inline(node: Inline): TemplateResult | string {
  switch (node.t) {
    case 'text':
      return node.v;
    case 'strong':
      return html`<strong>${renderLine(node.c)}</strong>`;
    case 'em':
      return html`<em>${renderLine(node.c)}</em>`;
    case 'code':
      return html`<code>${node.v}</code>`;
    case 'link':
      return html`<a
        href=${node.href}
        target="_blank"
        rel="noopener noreferrer"
        aria-label=${`${ui.sourceLink(node.title)} (${ui.opensNewTab})`}
        >${node.c.map(inline)}</a
      >`;
    case 'cite':
      return cite(node);
  }
}

/**
 * A line of text. A citation holds on to the word before it (one unbreakable unit), so its
 * marker never wraps alone onto a line of its own.
 */
export function renderLine(line: RichLine): TemplateResult {
  const parts: (TemplateResult | string)[] = [];
  line.forEach((node, i) => {
    const next = line[i + 1];
    if (node.t === 'text' && next?.t === 'cite') {
      const at = node.v.search(/\S+$/);
      parts.push(at < 0 ? node.v : node.v.slice(0, at));
      return;
    }
    if (node.t === 'cite') {
      const before = line[i - 1];
      const word = before?.t === 'text' ? (/\S+$/.exec(before.v)?.[0] ?? '') : '';
      parts.push(html`<span class="nowrap">${word}${cite(node)}</span>`);
      return;
    }
    parts.push(inline(node));
  });
  return html`${parts}`;
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
