import { css, html, LitElement, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { LessonSession } from '../../app/lesson-session.js';
import type { ProgressState } from '../../domain/progress.js';
import type { ConnectionStatus } from '../../tracking/tracker.js';
import { isFinished, learningProgress, outcomeOf } from '../../domain/completion.js';
import { quizOf } from '../../domain/lesson-queries.js';
import { toPercent } from '../../domain/scoring.js';
import { lessonSources } from '../../domain/sources.js';
import {
  CaseAnswerEvent,
  CasePickEvent,
  CaseRevealEvent,
  DraftEvent,
  FinishEvent,
  NavigateEvent,
  ReviewEvent,
  QuestionShownEvent,
  QuizChooseEvent,
  QuizGoToEvent,
  QuizRetakeEvent,
  QuizSubmitEvent,
  WrittenAnswerEvent,
} from '../events.js';
import { leftItems, type FinishState, type LessonEnd } from '../lesson-end/lesson-end.js';
import type { LessonPage } from '../lesson-page/lesson-page.js';
import { FINISH_ID, hrefOf, pageTitle } from '../lesson-toc/lesson-toc.js';
import { baseStyles } from '../shared/base-styles.js';
import { ui } from '../strings.js';
import '../lesson-notice/lesson-notice.js';
import '../lesson-page/lesson-page.js';
import '../lesson-toc/lesson-toc.js';
import '../lesson-end/lesson-end.js';

/** How long Finish waits for the LMS/LRS to confirm before saying it has not yet. */
const FINISH_PATIENCE_MS = 10_000;

/** Page id from a `#/page-id` URL hash, or FINISH_ID for the end screen's. */
function pageFromHash(hash: string): string | undefined {
  if (hash === FINISH_ID) return FINISH_ID;
  const match = /^#\/([a-z0-9-]+)$/.exec(hash);
  return match?.[1];
}

/**
 * The lesson shell: header, table of contents, the current page and
 * previous/next. It is the only component that talks to the session (and so
 * to the tracker); every other component only renders what it is given and
 * fires events.
 */
export class LessonApp extends LitElement {
  static override styles = [
    baseStyles,
    css`
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
      /* The slim bar: the one thing repeated on every page, sticky in the lesson's one scroll container (the document). */
      header {
        position: sticky;
        top: 0;
        z-index: 5;
        display: flex;
        align-items: center;
        gap: var(--space-2) var(--space-3);
        min-height: 3.25rem;
        padding: var(--space-1) var(--space-3);
        background: var(--surface);
        border-bottom: 1px solid var(--border);
      }
      /* Small, and wrapping rather than cut off: at 320 px or 200 % text it takes two or three short lines. */
      h1 {
        flex: 1;
        min-width: 0;
        margin: 0;
        font-size: 0.875rem;
        line-height: 1.25;
      }
      /* The percentage leads to the end screen: progress, what is left and Finish. */
      .pct {
        font-weight: 700;
        white-space: nowrap;
        min-height: 40px;
        display: inline-flex;
        align-items: center;
        padding: 0 var(--space-2);
      }
      .bar {
        position: absolute;
        left: 0;
        right: 0;
        bottom: -1px;
        height: 4px;
        background: var(--surface-2);
      }
      .fill {
        height: 100%;
        background: var(--accent);
        forced-color-adjust: none;
      }
      @media (forced-colors: active) {
        .fill {
          background: Highlight;
        }
      }
      header button {
        min-height: 40px;
        padding: 0.25rem 0.75rem;
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        gap: var(--space-4);
        padding: var(--space-3) var(--space-4) var(--space-4);
        max-width: 80rem;
        margin: 0 auto;
      }
      .toc {
        position: fixed;
        z-index: 4;
        top: var(--bar, 3.25rem);
        left: 0;
        right: 0;
        max-height: calc(100vh - var(--bar, 3.25rem));
        overflow: auto;
        background: var(--surface);
        border-bottom: 2px solid var(--border);
        padding: var(--space-2) var(--space-3);
      }
      .toc[hidden] {
        display: none;
      }
      main {
        min-width: 0;
      }
      .cover {
        border-radius: var(--radius);
        background: var(--surface-2);
        border-left: 6px solid var(--accent);
        padding: var(--space-3);
        margin: 0 0 var(--space-4);
        max-width: var(--measure);
      }
      .meta {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-1) var(--space-3);
        color: var(--muted);
        padding: 0;
        list-style: none;
      }
      .meta li + li {
        margin: 0;
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
      .pager p {
        color: var(--muted);
      }
      .back {
        margin: 0 0 var(--space-3);
      }
      .back a {
        display: inline-flex;
        align-items: center;
        min-height: 44px;
        font-weight: 600;
      }
      .pager + lesson-notice {
        margin-top: var(--space-3);
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
        .toggle {
          display: none;
        }
        h1 {
          font-size: 1rem;
        }
        .toc,
        .toc[hidden] {
          display: block;
          position: sticky;
          top: calc(var(--bar, 3.25rem) + var(--space-3));
          align-self: start;
          max-height: calc(100vh - var(--bar, 3.25rem) - 2 * var(--space-3));
          padding: 0;
          border: 0;
        }
      }
      /* The whole lesson for print, rendered ahead of time (see renderPrintCopy). */
      .print-copy {
        display: none;
      }
      .sources {
        margin-top: var(--space-5);
      }
      @media print {
        header {
          position: static;
        }
        h1 {
          font-size: 1.6rem;
        }
        .skip,
        .toc,
        .toggle,
        .bar,
        .pct,
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

  static override properties = {
    progress: { state: true },
    status: { state: true },
    tocOpen: { state: true },
    onEnd: { state: true },
    finishState: { state: true },
    review: { state: true },
    printReady: { state: true },
    session: { attribute: false },
  };

  private progress: ProgressState | undefined;
  private status: ConnectionStatus = { kind: 'standalone' };
  private tocOpen = false;
  /** The end screen is on screen (#finish) instead of a page. */
  private onEnd = false;
  private finishState: FinishState = 'open';
  /** Feedback sent the learner to review a page (`to`): that page offers the way back to `from`. */
  private review: { readonly from: string; readonly to: string } | undefined;
  /** The print copy is rendered once the first page is on screen (see renderPrintCopy). */
  private printReady = false;
  private get pageElement(): LessonPage | null {
    return this.renderRoot.querySelector<LessonPage>('main lesson-page');
  }
  private get endElement(): LessonEnd | null {
    return this.renderRoot.querySelector<LessonEnd>('main lesson-end');
  }

  /** The learner's session (lesson, progress, tracker); set once by main.ts. */
  session!: LessonSession;

  private unsubscribe: (() => void)[] = [];
  private readonly handleHashChange = () => this.goTo(pageFromHash(location.hash));
  private readonly handleVisibility = () => {
    if (document.visibilityState === 'hidden') this.session.flush();
  };
  // SCORM/xAPI must be closed on pagehide, never on unload/beforeunload (blocked in LMS frames, dropped by Chrome).
  // Finishing sends everything pending itself, in the same request as the end (xAPI/cmi5 `terminated`).
  private readonly handlePageHide = () => {
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
    this.addEventListener(DraftEvent.type, (e) => this.session.saveDraft(e.activityId, e.questionId, e.text));
    this.addEventListener(CasePickEvent.type, (e) => this.session.pickCase(e.activityId, e.caseId, e.optionId));
    this.addEventListener(CaseRevealEvent.type, (e) => this.session.revealCase(e.activityId, e.caseId));
    this.addEventListener(FinishEvent.type, () => void this.handleFinish());
    this.addEventListener(ReviewEvent.type, (e) => {
      if (this.progress) this.review = { from: this.progress.location, to: e.pageId };
    });
    this.addEventListener('keydown', (e) => {
      if (e.key === 'Escape' && this.tocOpen) {
        this.tocOpen = false;
        this.renderRoot.querySelector<HTMLElement>('.toggle')?.focus();
      }
    });
    window.addEventListener('hashchange', this.handleHashChange);
    document.addEventListener('visibilitychange', this.handleVisibility);
    window.addEventListener('pagehide', this.handlePageHide);
    void this.start();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.handleHashChange);
    document.removeEventListener('visibilitychange', this.handleVisibility);
    window.removeEventListener('pagehide', this.handlePageHide);
    for (const off of this.unsubscribe) off();
  }

  private async start() {
    this.unsubscribe.push(this.session.tracker.onStatus((s) => (this.status = s)));
    this.unsubscribe.push(this.session.subscribe((p) => (this.progress = p)));
    const requested = pageFromHash(location.hash);
    await this.session.start(requested === FINISH_ID ? undefined : requested);
    this.progress = this.session.state;
    this.onEnd = requested === FINISH_ID;
    this.syncHash();
    // Printing must not depend on how fast the page re-renders once the browser asks to print
    // (a browser may lay out the print before a re-render): the whole lesson is rendered ahead of
    // time, out of sight, once the first page is on screen.
    await this.updateComplete;
    setTimeout(() => (this.printReady = true), 0);
  }

  private navigate(pageId: string) {
    if (pageFromHash(location.hash) === pageId) this.goTo(pageId);
    else location.hash = hrefOf(pageId); // hashchange does the rest
  }

  private async goTo(pageId: string | undefined) {
    if (!pageId || !this.progress) return;
    this.onEnd = pageId === FINISH_ID;
    if (this.review && pageId !== this.review.to) this.review = undefined;
    if (!this.onEnd) this.session.visit(pageId);
    this.tocOpen = false;
    await this.updateComplete;
    const target = this.onEnd ? this.endElement : this.pageElement;
    await target?.updateComplete;
    // Top of the page first; focusing then scrolls only if the heading is still out of view (narrow or zoomed screens).
    window.scrollTo({ top: 0 });
    target?.focusHeading();
  }

  override updated() {
    // Set through the CSSOM, not a style attribute: the course runs under a CSP without 'unsafe-inline'.
    // The contents open just under the bar, however many lines its title wraps to.
    const bar = `${this.renderRoot.querySelector('header')?.offsetHeight ?? 52}px`;
    this.style.setProperty('--bar', bar);
    document.documentElement.style.setProperty('--bar', bar);
    const meter = this.renderRoot.querySelector<HTMLElement>('.bar');
    const fill = meter?.firstElementChild as HTMLElement | null | undefined;
    fill?.style.setProperty(
      'width',
      `${(100 * Number(meter?.getAttribute('aria-valuenow'))) / Number(meter?.getAttribute('aria-valuemax'))}%`,
    );
    void this.revealCurrentInContents();
  }

  /**
   * Keep the current page in view inside the contents (their own scroll box, so the document and
   * an LMS page around the frame never move: scrollIntoView would scroll those too).
   */
  private async revealCurrentInContents() {
    const box = this.renderRoot.querySelector<HTMLElement>('.toc');
    const toc = box?.querySelector('lesson-toc');
    await toc?.updateComplete; // the contents mark the new page in their own update, after this one
    const link = toc?.renderRoot.querySelector<HTMLElement>('[aria-current="page"]');
    if (!box || !link || box.clientHeight === 0) return;
    const b = box.getBoundingClientRect();
    const l = link.getBoundingClientRect();
    if (l.top < b.top || l.bottom > b.bottom) box.scrollTop += l.top - b.top - (b.height - l.height) / 2;
  }

  private syncHash() {
    const id = this.onEnd ? FINISH_ID : this.session.state.location;
    if (pageFromHash(location.hash) !== id) history.replaceState(null, '', hrefOf(id));
  }

  /**
   * Finish: end the session properly (SCORM: the last commit and Terminate; xAPI/cmi5: every
   * statement, then `terminated`), say so only once the LMS/LRS confirmed it, then hand the window
   * back to the LMS if it said where.
   */
  private async handleFinish() {
    if (this.finishState === 'finishing' || this.finishState === 'ended') return;
    this.finishState = 'finishing';
    const target = this.session.exitUrl;
    // An LMS/LRS that does not answer keeps the end waiting: after a while the learner is told so
    // (their results are kept and still being sent), and told it ended once it has.
    const slow = setTimeout(() => (this.finishState = 'unconfirmed'), FINISH_PATIENCE_MS);
    await this.session.exit();
    clearTimeout(slow);
    this.finishState = this.session.ended ? 'ended' : 'unconfirmed';
    if (target && this.session.ended) window.location.assign(target);
  }

  private handleSkip(event: Event) {
    event.preventDefault();
    this.pageElement?.focusHeading();
  }

  /** Nothing the learner does can change the record: a browse or review launch, or a session ended with Finish. */
  private get locked(): boolean {
    return this.session.mode !== 'normal' || this.finishState === 'ended';
  }

  private notice(): { message: string; tone: 'info' | 'warning' } {
    // Said on every page: answers given now would not be recorded.
    if (this.finishState === 'ended' && !this.onEnd)
      return { message: ui.sessionOver(this.session.tracker.standard === 'web'), tone: 'warning' };
    if (this.session.launchProblem)
      return {
        message: `${this.session.launchProblem} ${this.status.kind === 'unsaved' ? ui.noStorage : ui.launchFallback}`,
        tone: 'warning',
      };
    if (this.session.resumeProblem)
      return { message: this.session.resumeProblem === 'unavailable' ? ui.resumeUnavailable : ui.resumeProblem, tone: 'warning' };
    if (this.session.mode === 'browse') return { message: ui.browseMode, tone: 'info' };
    // Only a SCORM LMS reopens a finished attempt for review; there, a new attempt is the way to retake.
    if (this.session.mode === 'review')
      return { message: this.session.tracker.standard.startsWith('scorm') ? ui.reviewMode : ui.reviewModeLrs, tone: 'info' };
    switch (this.status.kind) {
      case 'standalone':
        return { message: ui.notConnected, tone: 'info' };
      case 'unsaved':
        return { message: ui.noStorage, tone: 'warning' };
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

  private renderPager(index: number, progress: ProgressState) {
    const pages = this.session.lesson.pages;
    const page = pages[index];
    // While a quiz attempt is open, page links under "Next question" would take the learner out of it unawares.
    if (page?.blocks.some((b) => b.kind === 'quiz') && !progress.quiz.showingResults && this.session.mode === 'normal')
      return html`<div class="pager"><p>${ui.quizOpen}</p></div>`;
    const prev = pages[index - 1];
    const next = pages[index + 1];
    // After the last page comes the end screen: where the learner stands, and Finish.
    const nextHref = next ? next.id : FINISH_ID;
    const nextTitle = next ? pageTitle(next) : ui.finish;
    return html`<nav class="pager" aria-label="${ui.previous} / ${ui.next}">
      ${prev ? html`<a href="#/${prev.id}" rel="prev" aria-label=${ui.previousPage(pageTitle(prev))}>← ${ui.previous}</a>` : nothing}
      <a class="next" href=${hrefOf(nextHref)} rel="next" aria-label=${ui.nextPage(nextTitle)}>${next ? ui.next : ui.finish} →</a>
    </nav>`;
  }

  /** On a page the learner reached from feedback's "Review …" link: the way back to where they were. */
  private renderBackLink(pageId: string) {
    const from = this.review?.to === pageId ? this.session.lesson.pages.find((p) => p.id === this.review?.from) : undefined;
    return from ? html`<p class="back"><a href=${hrefOf(from.id)}>← ${ui.backTo(pageTitle(from))}</a></p>` : nothing;
  }

  /** The lesson's length, level and description, under its title on the first page. */
  private renderCover() {
    const lesson = this.session.lesson;
    return html`<div class="cover" slot="intro" role="group" aria-label=${ui.aboutLesson}>
      <ul class="meta">
        <li>${ui.lessonLabel(lesson.lessonNumber)}</li>
        <li>${ui.minutes(lesson.durationMinutes)}</li>
        <li>${lesson.level}</li>
      </ul>
      <p>${lesson.description}</p>
    </div>`;
  }

  /** The end screen (#finish): where the learner stands, what is left, the next lesson and Finish. */
  private renderEnd(progress: ProgressState, learning: ReturnType<typeof learningProgress>, notice: string) {
    const lesson = this.session.lesson;
    const quizPage = lesson.pages.find((p) => p.blocks.includes(quizOf(lesson)));
    const next = lesson.pages.flatMap((p) => p.blocks).find((b) => b.kind === 'next-lesson');
    return html`<lesson-end
      ?finished=${learning.lessonDone}
      ?recorded=${isFinished(lesson, progress)}
      .left=${leftItems(learning.pages, quizPage ? pageTitle(quizPage) : '')}
      .outcome=${outcomeOf(lesson, progress)}
      .reported=${this.session.reported}
      ?passDeferred=${this.session.passDeferred}
      .standard=${this.session.tracker.standard}
      .kept=${this.status.kind !== 'unsaved'}
      .nextLesson=${next?.kind === 'next-lesson' ? next.title : ''}
      .notice=${notice}
      .finishState=${this.finishState}
    ></lesson-end>`;
  }

  /**
   * The whole lesson for print (the screen shows one page at a time): every page, read as it
   * stands, with no navigation, then the sources it cites. Always present once rendered (print CSS
   * shows it), so a print never waits for a re-render. A separate copy, so the page on screen
   * keeps its unsent drafts; its question-shown events are not the learner's and stop here.
   */
  private renderPrintCopy(progress: ProgressState) {
    const lesson = this.session.lesson;
    return html`<div class="print-copy" @lesson-question-shown=${(e: Event) => e.stopPropagation()}>
      ${lesson.pages.map(
        (page, i) =>
          html`<lesson-page
            .lesson=${lesson}
            .page=${page}
            .progress=${progress}
            .passingScore=${this.session.passingScore}
            .heading=${i === 0 ? lesson.title : ''}
            ?readonly=${this.locked}
            print
          ></lesson-page>`,
      )}
      <section class="sources" aria-label=${ui.sources}>
        <h2>${ui.sources}</h2>
        <ul>
          ${lessonSources(lesson).map((source) => html`<li>${source.title}: ${source.href}</li>`)}
        </ul>
      </section>
    </div>`;
  }

  override render() {
    const lesson = this.session.lesson;
    const progress = this.progress;
    const notice = this.notice();
    const index = progress ? lesson.pages.findIndex((p) => p.id === progress.location) : -1;
    const page = lesson.pages[index];
    const learning = progress
      ? learningProgress(lesson, progress)
      : { pages: [], done: 0, total: lesson.pages.length, measure: 0, lessonDone: false };
    const percent = toPercent(learning.measure);
    const statuses = Object.fromEntries(learning.pages.map((p) => [p.page.id, p.status]));
    // The calm "not connected" note belongs on the first page and the end screen; other notices (a
    // refused value, review or browse mode) and warnings go everywhere.
    const showInfo = notice.message !== '' && notice.tone === 'info' && (this.status.kind !== 'standalone' || index === 0 || this.onEnd);
    const noticeEl = html`<lesson-notice .message=${notice.message} .tone=${notice.tone}></lesson-notice>`;
    return html`
      <header>
        <a class="skip" href="#main" @click=${this.handleSkip}>${ui.skipToContent}</a>
        <h1>${lesson.title}</h1>
        <a class="pct" href=${FINISH_ID} aria-label=${ui.progressLink(percent)}>${ui.percent(percent)}</a>
        <button
          type="button"
          class="toggle secondary"
          aria-expanded=${this.tocOpen ? 'true' : 'false'}
          aria-controls="toc"
          @click=${() => (this.tocOpen = !this.tocOpen)}
        >
          ${ui.contents}
        </button>
        <div
          class="bar"
          role="progressbar"
          aria-label=${ui.lessonProgress}
          aria-valuemin="0"
          aria-valuemax=${learning.total}
          aria-valuenow=${learning.done}
          aria-valuetext=${ui.progressPages(learning.done, learning.total)}
        >
          <div class="fill"></div>
        </div>
      </header>
      ${this.printReady && progress ? this.renderPrintCopy(progress) : nothing}
      <div class="layout">
        <div class="toc" id="toc" ?hidden=${!this.tocOpen}>
          <lesson-toc
            .pages=${lesson.pages}
            .current=${this.onEnd ? FINISH_ID : (progress?.location ?? '')}
            .statuses=${statuses}
            ?finished=${learning.lessonDone}
          ></lesson-toc>
        </div>
        <main id="main">
          ${notice.tone === 'warning' ? noticeEl : nothing}
          ${
            !progress
              ? html`<p>${ui.loading}</p>`
              : this.onEnd
                ? this.renderEnd(progress, learning, showInfo ? notice.message : '')
                : page
                  ? html`${this.renderBackLink(page.id)}${keyed(
                      page.id,
                      html`<lesson-page
                        .lesson=${lesson}
                        .page=${page}
                        .progress=${progress}
                        .passingScore=${this.session.passingScore}
                        .heading=${index === 0 ? lesson.title : ''}
                        ?readonly=${this.locked}
                        >${index === 0 ? this.renderCover() : nothing}</lesson-page
                      >`,
                    )}
                    ${this.renderPager(index, progress)} ${showInfo && !this.onEnd ? noticeEl : nothing}`
                  : nothing
          }
        </main>
      </div>
    `;
  }
}

customElements.define('lesson-app', LessonApp);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-app': LessonApp;
  }
}
