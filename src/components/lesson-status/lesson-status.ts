import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Page } from '../../content/lesson.js';
import type { RemainingSteps } from '../../domain/completion.js';
import type { Outcome } from '../../domain/outcome.js';
import { toPercent } from '../../domain/scoring.js';
import { ExitEvent } from '../events.js';
import { pageTitle } from '../lesson-toc/lesson-toc.js';
import { baseStyles } from '../shared/base-styles.js';
import { ui } from '../strings.js';

/**
 * Where the learner stands against the completion rule: what is left to do
 * (with links), or, once the lesson is complete, the end screen — status, best
 * score, what the LMS/LRS was told, the next lesson and Exit where the standard
 * has one.
 *
 * @fires lesson-exit - the learner chose Exit
 */
@customElement('lesson-status')
export class LessonStatus extends LitElement {
  static override styles = [
    baseStyles,
    css`
      section {
        border: 2px solid var(--border);
        border-radius: var(--radius);
        padding: var(--space-3) var(--space-3) var(--space-1);
        margin: var(--space-5) 0 0;
        max-width: var(--measure);
      }
      .done {
        border-color: var(--success);
        border-top-width: 8px;
      }
      h3 {
        margin: 0 0 var(--space-2);
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0 0 var(--space-2);
      }
      button {
        margin-bottom: var(--space-3);
      }
    `,
  ];

  /** The lesson's pages, for the titles of those left to visit. */
  @property({ attribute: false }) pages: readonly Page[] = [];
  @property({ attribute: false }) remaining!: RemainingSteps;
  /** Page id of the quiz, for its link. */
  @property() quizPage = '';
  @property({ attribute: false }) outcome!: Outcome;
  /** What the tracker last accepted, if anything. */
  @property({ attribute: false }) reported: Outcome | undefined;
  /** The pass could not be reported in this session; it goes to the LMS at the next launch. */
  @property({ type: Boolean }) passDeferred = false;
  /** Which standard the lesson reports to ("web": none). */
  @property() standard: keyof typeof ui.standards = 'web';
  /** Whether the browser keeps the progress (standalone only: storage may be blocked or full). */
  @property({ type: Boolean }) kept = true;
  @property() nextLesson = '';
  /** Label of the Exit button, or empty when the standard has none. */
  @property() exitLabel = '';

  private renderLeft() {
    const { pages, quiz, total, done } = this.remaining;
    const title = (id: string) => pageTitle(this.pages.find((p) => p.id === id) ?? { id, title: id, blocks: [] });
    return html`<section aria-labelledby="left">
      <h3 id="left">${ui.leftTitle}</h3>
      <p>${ui.leftSummary(total - done)}</p>
      <ul>
        ${quiz ? html`<li><a href="#/${this.quizPage}">${ui.submitTheQuiz(title(this.quizPage))}</a></li>` : nothing}
        ${pages.map((id) => html`<li><a href="#/${id}">${ui.visitPage(title(id))}</a></li>`)}
      </ul>
    </section>`;
  }

  private renderTold() {
    if (this.standard === 'web') return this.kept ? ui.savedHere : ui.noStorage;
    const r = this.reported;
    if (!r) return ui.toldPending;
    const score = r.scaledScore === undefined ? '' : ui.percent(toPercent(r.scaledScore));
    const told = ui.told(ui.standards[this.standard], r.completed, r.passed, score);
    return this.passDeferred ? `${told} ${ui.passAtNextLaunch}` : told;
  }

  private renderDone() {
    const { passed, scaledScore } = this.outcome;
    return html`<section class="done" aria-labelledby="done">
      <h3 id="done">${ui.completeTitle}</h3>
      <dl>
        <dt>${ui.statusLabel}</dt>
        <dd>${ui.statusValue(passed)}</dd>
        ${
          scaledScore === undefined
            ? nothing
            : html`<dt>${ui.bestScoreLabel}</dt>
                <dd>${ui.percent(toPercent(scaledScore))}</dd>`
        }
        <dt>${ui.toldLabel}</dt>
        <dd>${this.renderTold()}</dd>
        ${
          this.nextLesson
            ? html`<dt>${ui.nextLesson}</dt>
                <dd>${this.nextLesson}</dd>`
            : nothing
        }
      </dl>
      ${this.exitLabel ? html`<button type="button" @click=${() => this.dispatchEvent(new ExitEvent())}>${this.exitLabel}</button>` : nothing}
    </section>`;
  }

  override render() {
    return this.remaining.done === this.remaining.total ? this.renderDone() : this.renderLeft();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-status': LessonStatus;
  }
}
