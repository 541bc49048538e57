import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Page } from '../../content/lesson.js';
import { NavigateEvent } from '../events.js';
import { baseStyles } from '../shared/base-styles.js';
import { ui } from '../strings.js';

/** Display title of a page: "1) Root user". */
export function pageTitle(page: Page): string {
  return page.number ? `${page.number}) ${page.title}` : page.title;
}

/**
 * Table of contents (the lesson progress indicator is in the shell's bar). Links are real
 * `#/page` links, so they work without script and show the place in the URL.
 *
 * @fires lesson-navigate - the learner chose a page
 */
@customElement('lesson-toc')
export class LessonToc extends LitElement {
  static override styles = [
    baseStyles,
    css`
      h2 {
        font-size: 1rem;
        margin: 0 0 var(--space-2);
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li + li {
        margin: 0;
      }
      a {
        display: flex;
        gap: var(--space-2);
        align-items: baseline;
        padding: var(--space-2);
        min-height: 44px;
        border-radius: var(--radius);
        text-decoration: none;
        color: var(--text);
      }
      a:hover {
        background: var(--surface-2);
        text-decoration: underline;
      }
      a[aria-current='page'] {
        background: var(--surface-2);
        font-weight: 700;
        box-shadow: inset 4px 0 0 var(--accent);
      }
      .mark {
        flex: none;
        width: 1.2em;
        text-align: center;
        color: var(--success-text);
      }
    `,
  ];

  @property({ attribute: false }) pages: readonly Page[] = [];
  @property() current = '';
  @property({ attribute: false }) visited: readonly string[] = [];

  private handleClick(event: MouseEvent, pageId: string) {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return; // let the browser open a new tab
    event.preventDefault();
    this.dispatchEvent(new NavigateEvent(pageId));
  }

  override render() {
    return html`<nav aria-labelledby="toc-heading">
      <h2 id="toc-heading">${ui.contents}</h2>
      <ol>
        ${this.pages.map((page) => {
          const isVisited = this.visited.includes(page.id);
          const isCurrent = page.id === this.current;
          return html`<li>
            <a href="#/${page.id}" aria-current=${isCurrent ? 'page' : 'false'} @click=${(e: MouseEvent) => this.handleClick(e, page.id)}>
              <span class="mark" aria-hidden="true">${isVisited ? '✓' : ''}</span>
              <span>${pageTitle(page)}${isVisited && !isCurrent ? html`<span class="visually-hidden"> (${ui.visited})</span>` : ''}</span>
            </a>
          </li>`;
        })}
      </ol>
    </nav>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-toc': LessonToc;
  }
}
