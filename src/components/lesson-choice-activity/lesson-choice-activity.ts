import { css, html, LitElement, nothing } from 'lit';
import type { ActivityCase, ActivityOption, OptionFeedback } from '../../content/lesson.js';
import { rightOptions, type ChoiceActivityBlock } from '../../domain/lesson-queries.js';
import { CaseAnswerEvent, CasePickEvent, CaseRevealEvent, QuestionShownEvent, ReviewEvent } from '../events.js';
import { baseStyles } from '../shared/base-styles.js';
import { rightIcon, wrongIcon } from '../shared/icons.js';
import { renderLine } from '../shared/rich-text.js';
import { ui } from '../strings.js';

/**
 * Micro-activity with cases, each answered by choosing one of a shared set of options. Checking
 * an answer shows that option's own feedback. After a wrong answer the learner may try again, or
 * ask to see the best answer; the first answer is the one the LMS records, and the tally counts
 * first tries.
 *
 * @fires lesson-case-pick - the learner picked an option (not checked yet)
 * @fires lesson-case-answer - the learner checked an answer (a first answer or a try again)
 * @fires lesson-case-reveal - the learner asked to see the best answer
 * @fires lesson-question-shown - a case was rendered for the first time
 */
export class LessonChoiceActivity extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ol.cases {
        list-style: none;
        padding: 0;
        max-width: none;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-2);
        margin-top: var(--space-2);
      }
      .hint {
        color: var(--danger-text);
        margin: var(--space-2) 0 0;
      }
      .option-hint {
        display: block;
        font-size: 0.9rem;
        color: var(--muted);
        font-weight: 400;
      }
      .best {
        box-shadow: inset 0 0 0 2px var(--success);
      }
      .mark svg {
        width: 1em;
        height: 1em;
        vertical-align: -0.15em;
      }
      .mark {
        margin-left: var(--space-2);
        font-size: 0.85rem;
        font-weight: 700;
        color: var(--success-text);
        white-space: nowrap;
      }
      .tally {
        font-weight: 600;
      }
    `,
  ];

  static override properties = {
    missing: { state: true },
    trying: { state: true },
    activity: { attribute: false },
    answers: { attribute: false },
    retries: { attribute: false },
    revealed: { attribute: false },
    picks: { attribute: false },
    pageTitles: { attribute: false },
    readonly: { type: Boolean },
  };

  /** Case whose "Check" was pressed without a choice. */
  private missing: string | undefined;
  /** Cases the learner chose to try again (their options are open once more). */
  private trying: ReadonlySet<string> = new Set();
  /** Case just checked: its feedback takes focus once the new answer arrives from the host. */
  private focusFeedbackOf: string | undefined;

  /** The activity from the lesson. */
  activity!: ChoiceActivityBlock;
  /** First checked answers (what the LMS records): case id → option id. */
  answers: Readonly<Record<string, string>> = {};
  /** Later tries after a wrong first answer: case id → the option checked last. */
  retries: Readonly<Record<string, string>> = {};
  /** Case ids whose best answer the learner asked to see. */
  revealed: readonly string[] = [];
  /** Picked but not yet checked (kept with the learner's progress): case id → option id. */
  picks: Readonly<Record<string, string>> = {};
  /** Page titles by id, for the feedback's "Review …" links. */
  pageTitles: Readonly<Record<string, string>> = {};
  /** Read-only (review mode). */
  readonly = false;

  override firstUpdated() {
    for (const c of this.activity.cases) this.dispatchEvent(new QuestionShownEvent(`${this.activity.id}.${c.id}`));
  }

  override updated() {
    // Move focus to the feedback so keyboard and screen-reader users meet it next.
    const feedback = this.focusFeedbackOf && this.renderRoot.querySelector<HTMLElement>(`#feedback-${this.focusFeedbackOf}`);
    if (feedback) {
      this.focusFeedbackOf = undefined;
      feedback.focus();
    }
  }

  private handlePick(caseId: string, optionId: string) {
    this.dispatchEvent(new CasePickEvent(this.activity.id, caseId, optionId));
    if (this.missing === caseId) this.missing = undefined;
  }

  private handleCheck(caseId: string) {
    const optionId = this.picks[caseId];
    if (!optionId) {
      this.missing = caseId;
      return;
    }
    this.focusFeedbackOf = caseId;
    this.setTrying(caseId, false);
    this.dispatchEvent(new CaseAnswerEvent(this.activity.id, caseId, optionId));
  }

  private handleTryAgain(caseId: string) {
    this.setTrying(caseId, true);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>(`input[name="${caseId}"]:not(:checked)`)?.focus());
  }

  private handleReveal(caseId: string) {
    this.focusFeedbackOf = caseId;
    this.setTrying(caseId, false);
    this.dispatchEvent(new CaseRevealEvent(this.activity.id, caseId));
  }

  private setTrying(caseId: string, on: boolean) {
    const next = new Set(this.trying);
    if (on) next.add(caseId);
    else next.delete(caseId);
    this.trying = next;
  }

  private optionText(id: string) {
    return this.activity.options.find((o) => o.id === id)?.text ?? id;
  }

  private renderReview(f: OptionFeedback | undefined) {
    const title = f?.review && this.pageTitles[f.review];
    const page = f?.review;
    return title && page
      ? html`<p class="review"><a href="#/${page}" @click=${() => this.dispatchEvent(new ReviewEvent(page))}>${ui.review(title)}</a></p>`
      : nothing;
  }

  /** What the learner's latest answer means: that option's own feedback, and once settled the best answer. */
  private renderFeedback(item: ActivityCase, latest: string, settled: boolean) {
    const right = rightOptions(item).includes(latest);
    const feedbackOf = (id: string) => item.feedback.find((f) => f.option === id);
    const first = this.answers[item.id];
    const shown = feedbackOf(latest);
    return html`<div class="feedback ${right ? 'right' : 'wrong'}" id="feedback-${item.id}" tabindex="-1">
      <p class="verdict">${right ? rightIcon : wrongIcon}${right ? ui.correct : ui.incorrect}</p>
      ${right ? nothing : html`<p>${ui.youAnswered(this.optionText(latest))}</p>`}
      <p>${shown ? renderLine(shown.text) : nothing}</p>
      ${right ? nothing : this.renderReview(shown)}
      ${
        settled && !right
          ? html`<p class="verdict">${ui.bestAnswerIs(this.optionText(item.correct))}</p>
              <p>${renderLine(feedbackOf(item.correct)?.text ?? [])}</p>`
          : nothing
      }
      ${first !== undefined && first !== latest ? html`<p>${ui.yourFirstAnswer(this.optionText(first))}</p>` : nothing}
    </div>`;
  }

  private renderOption(item: ActivityCase, option: ActivityOption, chosen: string | undefined, locked: boolean, settled: boolean) {
    const best = settled && option.id === item.correct;
    // Named by the option's own words; its hint (and "best answer") describe it.
    const hintId = option.hint ? `hint-${item.id}-${option.id}` : '';
    return html`<label class="choice ${locked && chosen === option.id ? 'chosen' : ''} ${best ? 'best' : ''}">
      <input
        type="radio"
        aria-label=${option.text}
        aria-describedby=${[hintId, best ? `best-${item.id}` : ''].filter(Boolean).join(' ') || nothing}
        name=${item.id}
        .value=${option.id}
        .checked=${chosen === option.id}
        ?disabled=${locked}
        @change=${() => this.handlePick(item.id, option.id)}
      />
      <span
        >${option.text}${best ? html`<span class="mark" id="best-${item.id}">${rightIcon} ${ui.bestAnswerMark}</span>` : nothing}
        ${option.hint ? html`<span class="option-hint" id=${hintId}>${option.hint}</span>` : nothing}</span
      >
    </label>`;
  }

  private renderCase(item: ActivityCase, index: number) {
    const first = this.answers[item.id];
    const latest = this.retries[item.id] ?? first;
    const settled = latest !== undefined && (rightOptions(item).includes(latest) || this.revealed.includes(item.id));
    const trying = this.trying.has(item.id) && !settled;
    const open = first === undefined || trying;
    const chosen = open ? this.picks[item.id] : latest;
    const locked = !open || this.readonly;
    return html`<li>
      <fieldset>
        <legend>${index + 1}. ${item.text}</legend>
        ${this.activity.options.map((option) => this.renderOption(item, option, chosen, locked, settled))}
        ${trying ? html`<p>${ui.tryAgainPrompt}</p>` : nothing}
        ${
          open
            ? html`<div class="actions">
                  <button type="button" ?disabled=${this.readonly} @click=${() => this.handleCheck(item.id)}>${ui.check}</button>
                </div>
                ${this.missing === item.id ? html`<p class="hint" role="alert">${ui.chooseFirst}</p>` : nothing}`
            : nothing
        }
        <div aria-live="polite">${latest !== undefined && !trying ? this.renderFeedback(item, latest, settled) : nothing}</div>
        ${
          latest !== undefined && !settled && !trying && !this.readonly
            ? html`<div class="actions">
                <button type="button" @click=${() => this.handleTryAgain(item.id)}>${ui.tryAgain}</button>
                <button type="button" class="secondary" @click=${() => this.handleReveal(item.id)}>${ui.showBest}</button>
              </div>`
            : nothing
        }
      </fieldset>
    </li>`;
  }

  override render() {
    const { heading, prompt, note, cases } = this.activity;
    const answered = cases.filter((c) => this.answers[c.id] !== undefined);
    const right = answered.filter((c) => rightOptions(c).includes(this.answers[c.id] ?? '')).length;
    return html`
      <h3>${heading}</h3>
      <p>${prompt}</p>
      <p id="options-label">${ui.possibleAnswers}</p>
      <ul aria-labelledby="options-label">
        ${this.activity.options.map((o) => html`<li>${o.hint ? `${o.text} (${o.hint})` : o.text}</li>`)}
      </ul>
      <p>${renderLine(note)}</p>
      <p class="tally" role="status">${ui.caseTally(answered.length, right, cases.length)}</p>
      <ol class="cases">
        ${cases.map((c, i) => this.renderCase(c, i))}
      </ol>
    `;
  }
}

customElements.define('lesson-choice-activity', LessonChoiceActivity);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-choice-activity': LessonChoiceActivity;
  }
}
