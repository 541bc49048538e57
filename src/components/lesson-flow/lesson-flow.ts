import { css, html, LitElement } from 'lit';
import type { Block } from '../../content/lesson.js';
import { baseStyles, figureStyles } from '../shared/base-styles.js';
import { renderLine } from '../shared/rich-text.js';

type FlowBlock = Extract<Block, { kind: 'flow' }>;

/**
 * Steps in order, drawn as a flow: numbered boxes joined by arrows (across on a wide screen, down
 * on a phone). An ordered list underneath, so it reads as steps without the drawing.
 */
export class LessonFlow extends LitElement {
  static override styles = [
    baseStyles,
    figureStyles,
    css`
      ol {
        list-style: none;
        counter-reset: step;
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-4);
        padding: 0;
        margin: 0;
        max-width: none;
      }
      li,
      li + li {
        counter-increment: step;
        position: relative;
        flex: 1 1 12rem;
        margin: 0;
        padding: var(--space-3);
        border: 1px solid var(--border);
        border-top: 6px solid var(--accent);
        border-radius: var(--radius);
        background: var(--surface-2);
      }
      h4 {
        margin: 0 0 var(--space-2);
        font-size: 1.05rem;
      }
      h4::before {
        content: counter(step);
        display: inline-grid;
        place-items: center;
        width: 1.6rem;
        height: 1.6rem;
        margin-right: var(--space-2);
        border-radius: 50%;
        background: var(--accent);
        color: var(--on-accent);
        font-size: 0.9rem;
      }
      /* The arrow to the next step: across on a wide screen… */
      li:not(:last-child)::after {
        content: '';
        position: absolute;
        top: 50%;
        right: calc(-1 * var(--space-4) + 0.2rem);
        border: 0.5rem solid transparent;
        border-left: 0.7rem solid var(--border-strong);
        border-right: 0;
        transform: translateY(-50%);
      }
      li p {
        margin: 0;
      }
      /* …and down on a phone, where the steps stack. */
      @media (max-width: 40rem) {
        ol {
          flex-direction: column;
        }
        li {
          flex-basis: auto;
        }
        li:not(:last-child)::after {
          top: auto;
          bottom: calc(-1 * var(--space-4) + 0.2rem);
          right: auto;
          left: 50%;
          border: 0.5rem solid transparent;
          border-top: 0.7rem solid var(--border-strong);
          border-bottom: 0;
          transform: translateX(-50%);
        }
      }
      @media (forced-colors: active) {
        h4::before {
          forced-color-adjust: none;
          background: Canvas;
          color: CanvasText;
          border: 1px solid CanvasText;
        }
      }
      @media print {
        li {
          break-inside: avoid;
        }
      }
    `,
  ];

  static override properties = { flow: { attribute: false } };

  flow!: FlowBlock;

  override render() {
    return html`<figure aria-labelledby="flow-title">
      <h3 id="flow-title">${this.flow.title}</h3>
      <ol>
        ${this.flow.steps.map(
          (step) =>
            html`<li>
              <h4>${step.title}</h4>
              <p>${renderLine(step.text)}</p>
            </li>`,
        )}
      </ol>
    </figure>`;
  }
}

customElements.define('lesson-flow', LessonFlow);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-flow': LessonFlow;
  }
}
