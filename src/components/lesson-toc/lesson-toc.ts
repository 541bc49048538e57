import { css, html, LitElement } from 'lit';
import type { Page } from '../../content/lesson.js';
import type { PageStatus } from '../../domain/completion.js';
import { NavigateEvent } from '../events.js';
import { baseStyles } from '../shared/base-styles.js';
import { ui } from '../strings.js';

/**
 * The end screen's place in the contents and its address. Not "#/…" like a page: no page id can
 * take it, and tools that look for skip links do not take it for a page route.
 */
export const FINISH_ID = '#finish';

/** The address of a page (#/<id>), or of the end screen (#finish). */
export function hrefOf(id: string): string {
  return id === FINISH_ID ? FINISH_ID : `#/${id}`;
}

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
      /* Not started, in progress, done: a shape for each (never colour alone), and words for screen readers. */
      .mark {
        flex: none;
        width: 0.9em;
        height: 0.9em;
        margin-top: 0.2em;
        border-radius: 50%;
        border: 2px solid var(--border-strong);
      }
      .in-progress .mark {
        background: linear-gradient(90deg, var(--accent) 50%, transparent 50%);
        border-color: var(--accent);
      }
      .done .mark {
        background: var(--success);
        border-color: var(--success);
      }
      @media (forced-colors: active) {
        .mark {
          forced-color-adjust: none;
          border-color: CanvasText;
        }
        .in-progress .mark {
          background: linear-gradient(90deg, CanvasText 50%, Canvas 50%);
        }
        .done .mark {
          background: CanvasText;
        }
      }
      .finish {
        border-top: 1px solid var(--border);
        margin-top: var(--space-2);
        padding-top: var(--space-2);
      }
    `,
  ];

  static override properties = { pages: { attribute: false }, current: {}, statuses: { attribute: false }, finished: { type: Boolean } };

  pages: readonly Page[] = [];
  /** Page id on screen, or "finish" for the end screen. */
  current = '';
  /** Each page's progress by id. */
  statuses: Readonly<Record<string, PageStatus>> = {};
  /** The lesson is finished (the end screen's entry shows done). */
  finished = false;

  private handleClick(event: MouseEvent, pageId: string) {
    if (event.ctrlKey || event.metaKey || event.shiftKey) return; // let the browser open a new tab
    event.preventDefault();
    this.dispatchEvent(new NavigateEvent(pageId));
  }

  private renderEntry(id: string, title: string, status: PageStatus, extraClass = '') {
    const isCurrent = id === this.current;
    return html`<li class=${extraClass}>
      <a
        href=${hrefOf(id)}
        class=${status}
        aria-current=${isCurrent ? 'page' : 'false'}
        @click=${(e: MouseEvent) => this.handleClick(e, id)}
      >
        <span class="mark" aria-hidden="true"></span>
        <span>${title}<span class="visually-hidden"> (${ui.pageStatus[status]})</span></span>
      </a>
    </li>`;
  }

  override render() {
    return html`<nav aria-labelledby="toc-heading">
      <h2 id="toc-heading">${ui.contents}</h2>
      <ol>
        ${this.pages.map((page) => this.renderEntry(page.id, pageTitle(page), this.statuses[page.id] ?? 'not-started'))}
        ${this.renderEntry(FINISH_ID, ui.finish, this.finished ? 'done' : 'not-started', 'finish')}
      </ol>
    </nav>`;
  }
}

customElements.define('lesson-toc', LessonToc);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-toc': LessonToc;
  }
}
