import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import type { LessonSession } from '../../app/lesson-session.js';
import type { ProgressState } from '../../domain/progress.js';
import type { ConnectionStatus } from '../../tracking/tracker.js';
import {
  CaseAnswerEvent,
  NavigateEvent,
  QuestionShownEvent,
  QuizChooseEvent,
  QuizGoToEvent,
  QuizRetakeEvent,
  QuizSubmitEvent,
  WrittenAnswerEvent,
} from '../events.js';
import type { LessonPage } from '../lesson-page/lesson-page.js';
import { pageTitle } from '../lesson-toc/lesson-toc.js';
import { baseStyles } from '../shared/base-styles.js';
import { ui } from '../strings.js';
import '../lesson-notice/lesson-notice.js';
import '../lesson-page/lesson-page.js';
import '../lesson-toc/lesson-toc.js';

/** Page id from a `#/page-id` URL hash. */
function pageFromHash(hash: string): string | undefined {
  const match = /^#\/([a-z0-9-]+)$/.exec(hash);
  return match?.[1];
}

/**
 * The lesson shell: header, table of contents, the current page and
 * previous/next. It is the only component that talks to the session (and so
 * to the tracker); every other component only renders what it is given and
 * fires events.
 */
@customElement('lesson-app')
export class LessonApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
      :host {
        min-height: 100vh;
      }
      .skip {
        position: absolute;
        left: var(--space-2);
        top: -10rem;
        z-index: 10;
        background: var(--surface);
        padding: var(--space-2) var(--space-3);
        border-radius: var(--radius);
      }
      .skip:focus {
        top: var(--space-2);
      }
      header {
        padding: var(--space-4) var(--space-4) var(--space-3);
        border-bottom: 1px solid var(--border);
        background: var(--surface);
      }
      h1 {
        font-size: clamp(1.5rem, 1.2rem + 1.5vw, 2.2rem);
        line-height: 1.2;
        margin: 0 0 var(--space-2);
        max-width: var(--measure);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-1) var(--space-3);
        color: var(--muted);
        margin: 0 0 var(--space-2);
        padding: 0;
        list-style: none;
      }
      .meta li + li {
        margin: 0;
      }
      .description {
        margin: 0;
      }
      .exit {
        margin-top: var(--space-3);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--space-4);
        padding: var(--space-4);
        max-width: 80rem;
        margin: 0 auto;
      }
      .toc-toggle {
        width: 100%;
        text-align: left;
      }
      .toc[hidden] {
        display: none;
      }
      main {
        min-width: 0;
      }
      .pager {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        gap: var(--space-3);
        margin-top: var(--space-5);
        padding-top: var(--space-3);
        border-top: 1px solid var(--border);
      }
      .pager a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        padding: var(--space-2) var(--space-3);
        border: 2px solid var(--accent);
        border-radius: var(--radius);
        text-decoration: none;
        color: var(--accent-text);
        font-weight: 600;
        max-width: 100%;
      }
      .pager a.next {
        margin-left: auto;
        background: var(--accent);
        color: var(--on-accent);
      }
      @media (forced-colors: active) {
        .pager a.next {
          background: none;
          color: LinkText;
        }
      }
      @media (min-width: 60rem) {
        .layout {
          /* At 200 % text the contents would take half the window: cap them at 30 %. */
          grid-template-columns: min(18rem, 30%) minmax(0, 1fr);
        }
        .toc-toggle {
          display: none;
        }
        .toc[hidden] {
          display: block;
        }
        .toc {
          position: sticky;
          top: var(--space-3);
          align-self: start;
          max-height: calc(100vh - 2 * var(--space-3));
          overflow: auto;
        }
      }
      .print-copy {
        display: none;
      }
      @media print {
        header {
          padding: 0 0 var(--space-3);
        }
        .skip,
        .toc,
        .toc-toggle,
        .pager,
        lesson-notice,
        .print-copy + .layout {
          display: none !important;
        }
        .layout,
        .print-copy {
          display: block;
          padding: 0;
        }
        .print-copy lesson-page {
          margin-top: var(--space-5);
        }
      }
    `,
  ];

  @state() private progress: ProgressState | undefined;
  @state() private status: ConnectionStatus = { kind: 'standalone' };
  @state() private tocOpen = false;
  /** While printing, every page is rendered (see renderPrintCopy). */
  @state() private printing = false;
  @query('lesson-page') private pageElement!: LessonPage | null;

  /** The learner's session (lesson, progress, tracker); set once by main.ts. */
  @property({ attribute: false }) session!: LessonSession;

  private unsubscribe: (() => void)[] = [];
  private readonly printQuery = matchMedia('print');
  // beforeprint/afterprint for the browser's Print; the media query for print emulation and older Safari.
  private readonly handlePrint = () => (this.printing = this.printQuery.matches);
  private readonly handleBeforePrint = () => (this.printing = true);
  private readonly handleAfterPrint = () => (this.printing = false);
  private readonly handleHashChange = () => this.goTo(pageFromHash(location.hash));
  private readonly handleVisibility = () => {
    if (document.visibilityState === 'hidden') this.session.flush();
  };
  // SCORM/xAPI must be closed on pagehide, never on unload/beforeunload (blocked in LMS frames, dropped by Chrome).
  private readonly handlePageHide = () => {
    this.session.flush();
    void this.session.finish();
  };

  override connectedCallback() {
    super.connectedCallback();
    this.addEventListener(NavigateEvent.type, (e) => this.navigate(e.pageId));
    this.addEventListener(CaseAnswerEvent.type, (e) => this.session.answerCase(e.activityId, e.caseId, e.optionId));
    this.addEventListener(WrittenAnswerEvent.type, (e) => this.session.submitWritten(e.activityId, e.questionId, e.text));
    this.addEventListener(QuestionShownEvent.type, (e) => this.session.shown(e.key));
    this.addEventListener(QuizChooseEvent.type, (e) => this.session.chooseQuizOption(e.questionId, e.optionId));
    this.addEventListener(QuizGoToEvent.type, (e) => this.session.goToQuestion(e.index));
    this.addEventListener(QuizSubmitEvent.type, () => this.session.submitQuiz());
    this.addEventListener(QuizRetakeEvent.type, () => this.session.retakeQuiz());
    window.addEventListener('hashchange', this.handleHashChange);
    document.addEventListener('visibilitychange', this.handleVisibility);
    window.addEventListener('pagehide', this.handlePageHide);
    window.addEventListener('beforeprint', this.handleBeforePrint);
    window.addEventListener('afterprint', this.handleAfterPrint);
    this.printQuery.addEventListener('change', this.handlePrint);
    void this.start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
    document.removeEventListener('visibilitychange', this.handleVisibility);
    window.removeEventListener('pagehide', this.handlePageHide);
    window.removeEventListener('beforeprint', this.handleBeforePrint);
    window.removeEventListener('afterprint', this.handleAfterPrint);
    this.printQuery.removeEventListener('change', this.handlePrint);
    for (const off of this.unsubscribe) off();
  }

  private async start() {
    this.unsubscribe.push(this.session.tracker.onStatus((s) => (this.status = s)));
    this.unsubscribe.push(this.session.subscribe((p) => (this.progress = p)));
    await this.session.start(pageFromHash(location.hash));
    this.progress = this.session.state;
    this.syncHash();
  }

  private navigate(pageId: string) {
    if (pageFromHash(location.hash) === pageId) this.goTo(pageId);
    else location.hash = `#/${pageId}`; // hashchange does the rest
  }

  private async goTo(pageId: string | undefined) {
    if (!pageId || !this.progress) return;
    this.session.visit(pageId);
    this.tocOpen = false;
    await this.updateComplete;
    await this.pageElement?.updateComplete;
    // Top of the page first; focusing then scrolls only if the heading is still out of view (narrow or zoomed screens).
    window.scrollTo({ top: 0 });
    this.pageElement?.focusHeading();
  }

  private syncHash() {
    const id = this.session.state.location;
    if (pageFromHash(location.hash) !== id) history.replaceState(null, '', `#/${id}`);
  }

  /** End the session (xAPI/cmi5 send terminated), then hand the window back to the LMS if it said where. */
  private async handleExit() {
    const target = this.session.exitUrl;
    await this.session.exit();
    if (target) window.location.assign(target);
    else this.requestUpdate();
  }

  private handleSkip(event: Event) {
    event.preventDefault();
    this.pageElement?.focusHeading();
  }

  private notice(): { message: string; tone: 'info' | 'warning' } {
    if (this.session.ended) return { message: ui.sessionEnded, tone: 'info' };
    if (this.session.launchProblem) return { message: `${this.session.launchProblem} ${ui.launchFallback}`, tone: 'warning' };
    if (this.session.resumeProblem)
      return { message: this.session.resumeProblem === 'unavailable' ? ui.resumeUnavailable : ui.resumeProblem, tone: 'warning' };
    if (this.session.mode !== 'normal') return { message: ui.reviewMode, tone: 'info' };
    switch (this.status.kind) {
      case 'standalone':
        return { message: ui.notConnected, tone: 'info' };
      case 'retrying':
        return { message: ui.retrying, tone: 'warning' };
      case 'refused':
        return { message: ui.refused(this.status.count), tone: 'info' };
      case 'unauthorized':
        return { message: ui.unauthorized, tone: 'warning' };
      case 'connected':
        return { message: '', tone: 'info' };
    }
  }

  private renderPager(index: number) {
    const pages = this.session.lesson.pages;
    const prev = pages[index - 1];
    const next = pages[index + 1];
    return html`<nav class="pager" aria-label="${ui.previous} / ${ui.next}">
      ${prev ? html`<a href="#/${prev.id}" rel="prev" aria-label=${ui.previousPage(pageTitle(prev))}>← ${ui.previous}</a>` : nothing}
      ${next ? html`<a class="next" href="#/${next.id}" rel="next" aria-label=${ui.nextPage(pageTitle(next))}>${ui.next} →</a>` : nothing}
    </nav>`;
  }

  /**
   * The whole lesson for print (the screen shows one page at a time): every page,
   * read as it stands, with no navigation. A separate copy, so the page on screen
   * keeps its unsent drafts; its question-shown events are not the learner's and
   * stop here.
   */
  private renderPrintCopy(progress: ProgressState) {
    return html`<div class="print-copy" @lesson-question-shown=${(e: Event) => e.stopPropagation()}>
      ${this.session.lesson.pages.map(
        (page) =>
          html`<lesson-page
            .lesson=${this.session.lesson}
            .page=${page}
            .progress=${progress}
            .passingScore=${this.session.passingScore}
            ?readonly=${this.session.mode !== 'normal'}
            print
          ></lesson-page>`,
      )}
    </div>`;
  }

  override render() {
    const lesson = this.session.lesson;
    const progress = this.progress;
    const notice = this.notice();
    const index = progress ? lesson.pages.findIndex((p) => p.id === progress.location) : -1;
    const page = lesson.pages[index];
    return html`
      <header>
        <a class="skip" href="#main" @click=${this.handleSkip}>${ui.skipToContent}</a>
        <h1>${lesson.title}</h1>
        <ul class="meta">
          <li>${ui.lessonLabel(lesson.lessonNumber)}</li>
          <li>${ui.minutes(lesson.durationMinutes)}</li>
          <li>${lesson.level}</li>
        </ul>
        <p class="description">${lesson.description}</p>
        ${
          this.session.canExit && !this.session.ended
            ? html`<button type="button" class="secondary exit" @click=${this.handleExit}>
                ${this.session.exitUrl ? ui.exit : ui.endSession}
              </button>`
            : nothing
        }
      </header>
      ${this.printing && progress ? this.renderPrintCopy(progress) : nothing}
      <div class="layout">
        <div>
          <button
            type="button"
            class="toc-toggle secondary"
            aria-expanded=${this.tocOpen ? 'true' : 'false'}
            aria-controls="toc"
            @click=${() => (this.tocOpen = !this.tocOpen)}
          >
            ${ui.contents}${progress ? ` (${ui.progressValue(progress.visited.length, lesson.pages.length)})` : ''}
          </button>
          <div class="toc" id="toc" ?hidden=${!this.tocOpen}>
            <lesson-toc .pages=${lesson.pages} .current=${progress?.location ?? ''} .visited=${progress?.visited ?? []}></lesson-toc>
          </div>
        </div>
        <main id="main">
          <lesson-notice .message=${notice.message} .tone=${notice.tone}></lesson-notice>
          ${
            page && progress
              ? html`${keyed(
                  page.id,
                  html`<lesson-page
                    .lesson=${lesson}
                    .page=${page}
                    .progress=${progress}
                    .passingScore=${this.session.passingScore}
                    ?readonly=${this.session.mode !== 'normal'}
                  ></lesson-page>`,
                )}
                ${this.renderPager(index)}`
              : html`<p>${ui.loading}</p>`
          }
        </main>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-app': LessonApp;
  }
}
