import { css, html, LitElement, nothing } from 'lit';
import type { PageProgress } from '../../domain/completion.js';
import type { Outcome } from '../../domain/outcome.js';
import { toPercent } from '../../domain/scoring.js';
import { FinishEvent } from '../events.js';
import { pageTitle } from '../lesson-toc/lesson-toc.js';
import { baseStyles, pageHeadingStyles } from '../shared/base-styles.js';
import { rightIcon } from '../shared/icons.js';
import { ui } from '../strings.js';

/** One thing left to do, with the page that does it. */
export interface LeftItem {
  readonly page: string;
  readonly text: string;
}

/** Where Finish stands: not pressed, on its way, done (the LMS/LRS confirmed), or not confirmed yet. */
export type FinishState = 'open' | 'finishing' | 'ended' | 'unconfirmed';

/**
 * The end screen, a step of its own (#finish): where the learner stands in plain words — complete
 * in success colours only when the lesson is finished, otherwise what is left, with links —, the
 * best score, the next lesson, and Finish, which ends the session properly in every standard and
 * then says what happens next. What the LMS/LRS was told sits in a disclosure for the curious.
 *
 * @fires lesson-finish - the learner chose Finish
 */
export class LessonEnd extends LitElement {
  static override styles = [
    baseStyles,
    pageHeadingStyles,
    css`
      .state {
        border: 2px solid var(--border);
        border-radius: var(--radius);
        padding: var(--space-3) var(--space-3) var(--space-1);
        margin: 0 0 var(--space-4);
        max-width: var(--measure);
      }
      .state.done {
        border-color: var(--success);
        border-top-width: 8px;
      }
      .state.done .verdict svg {
        color: var(--success-text);
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0 0 var(--space-2);
      }
      details {
        margin: var(--space-3) 0;
        max-width: var(--measure);
      }
      summary {
        cursor: pointer;
        padding: var(--space-2) 0;
      }
      .after {
        font-weight: 600;
      }
    `,
  ];

  static override properties = {
    finished: { type: Boolean },
    recorded: { type: Boolean },
    left: { attribute: false },
    outcome: { attribute: false },
    reported: { attribute: false },
    passDeferred: { type: Boolean },
    standard: {},
    kept: { type: Boolean },
    nextLesson: {},
    notice: {},
    finishState: {},
  };

  /**
   * The lesson is finished: every page done (read, its activity done) and, where the course asks
   * for one, the quiz passed. Only then does the screen say "complete" in success colours.
   */
  finished = false;
  /** The learning record already holds the lesson as complete (the LMS's completion rule), though pages are still open. */
  recorded = false;
  /** Left before the lesson is complete (empty once finished). */
  left: readonly LeftItem[] = [];
  outcome!: Outcome;
  /** What the tracker last accepted, if anything. */
  reported: Outcome | undefined;
  /** The pass could not be reported in this session; it goes to the LMS at the next launch. */
  passDeferred = false;
  /** Which standard the lesson reports to ("web": none). */
  standard: keyof typeof ui.standards = 'web';
  /** Whether the browser keeps the progress (standalone only: storage may be blocked or full). */
  kept = true;
  nextLesson = '';
  /** A calm notice to show here (e.g. "not connected to an LMS"), if any. */
  notice = '';
  finishState: FinishState = 'open';

  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private renderItems(items: readonly LeftItem[]) {
    return html`<ul>
      ${items.map((item) => html`<li><a href="#/${item.page}">${item.text}</a></li>`)}
    </ul>`;
  }

  private renderTold() {
    if (this.standard === 'web') return this.kept ? ui.savedHere : ui.noStorage;
    const r = this.reported;
    if (!r) return ui.toldPending;
    const score = r.scaledScore === undefined ? '' : ui.percent(toPercent(r.scaledScore));
    const told = `${ui.told(ui.standards[this.standard], r.completed, r.passed, score)} ${ui.toldProgress(toPercent(r.progress))}`;
    return this.passDeferred ? `${told} ${ui.passAtNextLaunch}` : told;
  }

  private renderFinish() {
    switch (this.finishState) {
      case 'ended':
        return html`<p class="after" role="status">${this.standard === 'web' ? ui.finished.web : ui.finished.lms}</p>`;
      case 'finishing':
        return html`<p role="status">${ui.finishing}</p>`;
      case 'unconfirmed':
        return html`<p role="status">${ui.finishFailed}</p>`;
      case 'open':
        return html`<p>${ui.finishIntro(this.finished)}</p>
          <button type="button" @click=${() => this.dispatchEvent(new FinishEvent())}>${ui.finishButton(this.finished)}</button>
          <p role="status"></p>`;
    }
  }

  override render() {
    const { passed, scaledScore } = this.outcome;
    return html`<h2 tabindex="-1">${ui.endTitle(this.finished)}</h2>
      <section class="state ${this.finished ? 'done' : ''}" aria-label=${ui.statusLabel}>
        ${
          this.finished
            ? html`<p class="verdict">${rightIcon}${ui.endDone(passed === true)}</p>`
            : html`<p>
                  ${
                    this.recorded
                      ? ui.alreadyRecorded(passed === true, this.standard === 'web', this.left.length)
                      : ui.endLeft(this.left.length)
                  }
                </p>
                ${this.renderItems(this.left)}`
        }
        <dl>
          ${
            scaledScore === undefined
              ? nothing
              : html`<dt>${ui.bestScoreLabel}</dt>
                  <dd>${ui.percent(toPercent(scaledScore))}</dd>`
          }
          ${
            this.nextLesson
              ? html`<dt>${ui.nextLesson}</dt>
                  <dd>${this.nextLesson}</dd>`
              : nothing
          }
        </dl>
      </section>
      ${this.renderFinish()} ${this.notice ? html`<p>${this.notice}</p>` : nothing}
      <details>
        <summary>${ui.lmsDetails}</summary>
        <p>${this.renderTold()}</p>
      </details>`;
  }
}

/** What is left, in plain words with links to where it is done: every page not done yet. */
export function leftItems(pages: readonly PageProgress[], quizTitle: string): LeftItem[] {
  return pages
    .filter((p) => p.status !== 'done')
    .map((p) => {
      const title = pageTitle(p.page);
      const isQuiz = p.page.blocks.some((b) => b.kind === 'quiz');
      const text = isQuiz
        ? p.quizNotPassed
          ? ui.quizNotPassed(quizTitle)
          : ui.quizNotTaken(quizTitle)
        : p.answered && p.answered.done < p.answered.total
          ? ui.activityLeft(title, p.answered.total - p.answered.done)
          : ui.pageNotRead(title);
      return { page: p.page.id, text };
    });
}

customElements.define('lesson-end', LessonEnd);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-end': LessonEnd;
  }
}
