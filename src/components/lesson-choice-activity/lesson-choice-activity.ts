import { css, html, LitElement, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ActivityCase, Block } from '../../content/lesson.js';
import { CaseAnswerEvent, CasePickEvent, QuestionShownEvent } from '../events.js';
import { baseStyles } from '../shared/base-styles.js';
import { rightIcon, wrongIcon } from '../shared/icons.js';
import { renderLine } from '../shared/rich-text.js';
import { ui } from '../strings.js';

type ChoiceActivityBlock = Extract<Block, { kind: 'choice-activity' }>;

/**
 * Micro-activity with cases, each answered by choosing one of a shared set of
 * options; feedback (right or not, the right answer, why) appears on checking.
 *
 * @fires lesson-case-answer - the learner checked an answer
 * @fires lesson-question-shown - a case was rendered for the first time
 */
@customElement('lesson-choice-activity')
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
        margin-top: var(--space-2);
      }
      .hint {
        color: var(--danger-text);
        margin: var(--space-2) 0 0;
      }
    `,
  ];

  /** Case whose "Check" was pressed without a choice. */
  @state() private missing: string | undefined;
  /** Case just checked: its feedback takes focus once the new answer arrives from the host. */
  private focusFeedbackOf: string | undefined;

  /** The activity from the lesson. */
  @property({ attribute: false }) activity!: ChoiceActivityBlock;
  /** Checked answers: case id → option id (from the learner's progress). */
  @property({ attribute: false }) answers: Readonly<Record<string, string>> = {};
  /** Picked but not yet checked (kept with the learner's progress): case id → option id. */
  @property({ attribute: false }) picks: Readonly<Record<string, string>> = {};
  /** Read-only (review mode). */
  @property({ type: Boolean }) readonly = false;

  override firstUpdated() {
    for (const c of this.activity.cases) this.dispatchEvent(new QuestionShownEvent(`${this.activity.id}.${c.id}`));
  }

  private handlePick(caseId: string, optionId: string) {
    this.dispatchEvent(new CasePickEvent(this.activity.id, caseId, optionId));
    if (this.missing === caseId) this.missing = undefined;
  }

  override updated() {
    // Move focus to the feedback so keyboard and screen-reader users meet it next.
    const feedback = this.focusFeedbackOf && this.renderRoot.querySelector<HTMLElement>(`#feedback-${this.focusFeedbackOf}`);
    if (feedback) {
      this.focusFeedbackOf = undefined;
      feedback.focus();
    }
  }

  private handleCheck(caseId: string) {
    const optionId = this.picks[caseId];
    if (!optionId) {
      this.missing = caseId;
      return;
    }
    this.focusFeedbackOf = caseId;
    this.dispatchEvent(new CaseAnswerEvent(this.activity.id, caseId, optionId));
  }

  private renderFeedback(item: ActivityCase, answer: string) {
    const right = answer === item.correct;
    const text = (id: string) => this.activity.options.find((o) => o.id === id)?.text ?? id;
    // A disabled radio is faint: a wrong answer is also named in words.
    return html`<div class="feedback ${right ? 'right' : 'wrong'}" id="feedback-${item.id}" tabindex="-1">
      <p class="verdict">${right ? rightIcon : wrongIcon}${right ? ui.correct : ui.incorrect} ${ui.theAnswerIs(text(item.correct))}</p>
      ${right ? nothing : html`<p>${ui.youAnswered(text(answer))}</p>`}
      <p>${renderLine(item.why)}</p>
    </div>`;
  }

  private renderCase(item: ActivityCase, index: number) {
    const answer = this.answers[item.id];
    const chosen = answer ?? this.picks[item.id];
    const locked = answer !== undefined || this.readonly;
    return html`<li>
      <fieldset>
        <legend>${index + 1}. ${item.text}</legend>
        ${this.activity.options.map(
          (option) =>
            html`<label class="choice ${locked && chosen === option.id ? 'chosen' : ''}">
              <input
                type="radio"
                name=${item.id}
                .value=${option.id}
                .checked=${chosen === option.id}
                ?disabled=${locked}
                @change=${() => this.handlePick(item.id, option.id)}
              />
              <span>${option.text}</span>
            </label>`,
        )}
        ${
          answer === undefined
            ? html`<div class="actions">
                <button type="button" ?disabled=${this.readonly} @click=${() => this.handleCheck(item.id)}>${ui.check}</button>
                ${this.missing === item.id ? html`<p class="hint" role="alert">${ui.chooseFirst}</p>` : nothing}
              </div>`
            : nothing
        }
        <div aria-live="polite">${answer !== undefined ? this.renderFeedback(item, answer) : nothing}</div>
      </fieldset>
    </li>`;
  }

  override render() {
    const { heading, prompt, note, cases } = this.activity;
    return html`
      <h3>${heading}</h3>
      <p>${prompt}</p>
      <p id="options-label">${ui.possibleAnswers}</p>
      <ul aria-labelledby="options-label">
        ${this.activity.options.map((o) => html`<li>${o.text}</li>`)}
      </ul>
      <p>${renderLine(note)}</p>
      <ol class="cases">
        ${cases.map((c, i) => this.renderCase(c, i))}
      </ol>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-choice-activity': LessonChoiceActivity;
  }
}
