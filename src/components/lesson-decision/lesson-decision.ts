import { css, html, LitElement, nothing } from 'lit';
import type { Block } from '../../content/lesson.js';
import { baseStyles, figureStyles } from '../shared/base-styles.js';
import { cardIcon } from '../shared/icons.js';
import { renderLine } from '../shared/rich-text.js';
import { ui } from '../strings.js';

type DecisionBlock = Extract<Block, { kind: 'decision' }>;

/**
 * A decision drawn as a diagram: the question at the top, a line down to one branch per answer
 * (side by side; stacked on a phone), each branch leading to the pattern it calls for. Built of
 * lists and headings, so a screen reader reads it in order as question → branches; the lines and
 * arrows are drawing only.
 */
export class LessonDecision extends LitElement {
  static override styles = [
    baseStyles,
    figureStyles,
    css`
      .question {
        display: block;
        width: fit-content;
        max-width: 100%;
        margin: 0 auto;
        padding: var(--space-2) var(--space-3);
        border: 2px solid var(--accent);
        border-radius: 999px;
        font-weight: 700;
        text-align: center;
      }
      /* The trunk from the question down to the branches. */
      .trunk {
        width: 2px;
        height: var(--space-4);
        margin: 0 auto;
        background: var(--border-strong);
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
        max-width: none;
        display: grid;
        gap: var(--space-3);
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr));
        border-top: 2px solid var(--border-strong);
        padding-top: var(--space-4);
        position: relative;
      }
      li.branch {
        /* API names such as AssumeRoleWithWebIdentity are long single words: they break rather than overflow. */
        overflow-wrap: anywhere;
        position: relative;
        display: flex;
        flex-direction: column;
        margin: 0;
        border: 1px solid var(--border);
        border-radius: var(--radius);
        background: var(--surface-2);
        padding: var(--space-3);
      }
      /* The arrow into each branch. */
      li.branch::before {
        content: '';
        position: absolute;
        top: calc(-1 * var(--space-4) - 2px);
        left: 50%;
        width: 2px;
        height: var(--space-4);
        background: var(--border-strong);
      }
      li.branch::after {
        content: '';
        position: absolute;
        top: -0.55rem;
        left: calc(50% - 0.45rem + 1px);
        border: 0.45rem solid transparent;
        border-top-color: var(--border-strong);
        border-bottom: 0;
      }
      h4 {
        display: flex;
        align-items: center;
        gap: var(--space-2);
        margin: 0 0 var(--space-2);
        font-size: 1.05rem;
      }
      .icon {
        width: 1.8rem;
        height: 1.8rem;
        flex: none;
        color: var(--accent-text);
      }
      .pattern {
        font-weight: 700;
        border-left: 4px solid var(--success);
        padding-left: var(--space-2);
      }
      .branch ul {
        padding-left: 1.1rem;
      }
      .branch li,
      .branch li + li {
        margin: var(--space-1) 0 0;
      }
      li.branch,
      li.branch + li.branch {
        margin: 0;
      }
      .branch a {
        margin-top: auto;
      }
      .otherwise {
        margin-top: var(--space-3);
        padding: var(--space-2) var(--space-3);
        border: 1px dashed var(--border-strong);
        border-radius: var(--radius);
        max-width: none;
      }
      @media (max-width: 40rem) {
        /* Stacked: one line runs down the left edge into each branch. */
        ol {
          border-top: 0;
          border-left: 2px solid var(--border-strong);
          padding: 0 0 0 var(--space-3);
          margin-left: var(--space-2);
        }
        .trunk {
          margin-left: var(--space-2);
        }
        li.branch::before {
          top: 1.2rem;
          left: calc(-1 * var(--space-3) - 2px);
          width: var(--space-3);
          height: 2px;
        }
        li.branch::after {
          top: calc(1.2rem - 0.45rem + 1px);
          left: -0.55rem;
          border: 0.45rem solid transparent;
          border-left-color: var(--border-strong);
          border-right: 0;
        }
      }
      @media (forced-colors: active) {
        .trunk,
        li.branch::before {
          background: CanvasText;
        }
      }
      @media print {
        li.branch {
          break-inside: avoid;
        }
      }
    `,
  ];

  static override properties = { decision: { attribute: false }, pageTitles: { attribute: false }, currentPage: {} };

  decision!: DecisionBlock;
  /** Page titles by id, for the branches' links. */
  pageTitles: Readonly<Record<string, string>> = {};
  /** The page this diagram is on (a branch about it needs no link). */
  currentPage = '';

  private link(page: string | undefined) {
    const title = page && page !== this.currentPage ? this.pageTitles[page] : undefined;
    return title ? html`<a href="#/${page}">${ui.goToPage(title)}</a>` : nothing;
  }

  override render() {
    const { title, question, branches, otherwise } = this.decision;
    return html`<figure aria-labelledby="decision-title">
      <h3 id="decision-title">${title}</h3>
      <p class="question" id="decision-question">${question}</p>
      <div class="trunk" aria-hidden="true"></div>
      <ol aria-labelledby="decision-question">
        ${branches.map(
          (b) =>
            html`<li class="branch">
              <h4>${cardIcon(b.icon)}${b.who}</h4>
              <p class="pattern"><span class="visually-hidden">${ui.decisionLeadsTo} </span>${renderLine(b.pattern)}</p>
              <ul>
                ${b.points.map((point) => html`<li>${renderLine(point)}</li>`)}
              </ul>
              ${this.link(b.page)}
            </li>`,
        )}
      </ol>
      ${
        otherwise
          ? html`<p class="otherwise">
              <strong>${ui.decisionOtherwise}</strong> ${otherwise.when}: ${renderLine(otherwise.pattern)}. ${this.link(otherwise.page)}
            </p>`
          : nothing
      }
    </figure>`;
  }
}

customElements.define('lesson-decision', LessonDecision);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-decision': LessonDecision;
  }
}
