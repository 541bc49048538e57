import { css, html, LitElement, nothing } from 'lit';
import type { WrittenQuestion } from '../../content/lesson.js';
import { DraftEvent, QuestionShownEvent, WrittenAnswerEvent } from '../events.js';
import { baseStyles } from '../shared/base-styles.js';
import { renderLine } from '../shared/rich-text.js';
import { ui } from '../strings.js';

/**
 * Questions answered in writing; the model answer is revealed once the learner
 * has written and submitted their own. Used for micro-activity 2 and for the
 * reflection questions (each reflection question under its own heading).
 *
 * @fires lesson-written-answer - the learner submitted an answer
 * @fires lesson-question-shown - a question was rendered for the first time
 */
export class LessonWrittenActivity extends LitElement {
  static override styles = [
    baseStyles,
    css`
      ol.questions {
        list-style: none;
        padding: 0;
        max-width: none;
      }
      label {
        display: block;
        font-weight: 600;
        margin-bottom: var(--space-2);
      }
      textarea {
        display: block;
        width: 100%;
        max-width: var(--measure);
        min-height: 6rem;
        font: inherit;
        padding: var(--space-2);
        border: 2px solid var(--border-strong);
        border-radius: var(--radius);
        background: var(--surface);
        color: var(--text);
      }
      textarea[readonly] {
        background: var(--surface-2);
      }
      .count {
        font-size: 0.9rem;
        color: var(--muted);
        margin: var(--space-1) 0 var(--space-2);
      }
      .hint {
        color: var(--danger-text);
      }
      .model h4 {
        margin: 0 0 var(--space-1);
        font-size: 1rem;
      }
      /* A reflection: its number and the lesson's "Think about it" above the question, which is the heading. */
      .eyebrow {
        margin: 0 0 var(--space-1);
        font-size: 0.9rem;
        font-weight: 600;
        color: var(--muted);
      }
      h3.question {
        font-size: 1.15rem;
        margin: 0 0 var(--space-2);
      }
      .item {
        margin-bottom: var(--space-4);
      }
    `,
  ];

  static override properties = {
    missing: { state: true },
    activityId: {},
    heading: {},
    prompt: {},
    perQuestionHeading: { type: Boolean },
    questions: { attribute: false },
    answers: { attribute: false },
    drafts: { attribute: false },
    maxLength: { type: Number },
    readonly: { type: Boolean },
  };

  private missing: string | undefined;
  /** Question just submitted: its model answer takes focus once the host confirms the answer. */
  private focusModelOf: string | undefined;

  /** Activity id, for the events. */
  activityId = '';
  /** Heading above the questions ("Think about it"); with `perQuestionHeading` it is repeated above each question. */
  heading = '';
  /** Instruction shown once under the heading. */
  prompt = '';
  perQuestionHeading = false;
  questions: readonly WrittenQuestion[] = [];
  /** Submitted answers: question id → text. */
  answers: Readonly<Record<string, string>> = {};
  /** Typed but not submitted yet (kept with the learner's progress): question id → text. */
  drafts: Readonly<Record<string, string>> = {};
  maxLength = 250;
  readonly = false;

  override firstUpdated() {
    for (const q of this.questions) this.dispatchEvent(new QuestionShownEvent(`${this.activityId}.${q.id}`));
  }

  private handleInput(id: string, event: Event) {
    this.dispatchEvent(new DraftEvent(this.activityId, id, (event.target as HTMLTextAreaElement).value));
    if (this.missing === id) this.missing = undefined;
  }

  override updated() {
    const model = this.focusModelOf && this.renderRoot.querySelector<HTMLElement>(`#model-${this.focusModelOf}`);
    if (model) {
      this.focusModelOf = undefined;
      model.focus();
    }
  }

  private handleSubmit(id: string) {
    const text = (this.renderRoot.querySelector<HTMLTextAreaElement>(`#answer-${id}`)?.value ?? '').trim();
    if (!text) {
      this.missing = id;
      this.renderRoot.querySelector<HTMLTextAreaElement>(`#answer-${id}`)?.focus();
      return;
    }
    this.focusModelOf = id;
    this.dispatchEvent(new WrittenAnswerEvent(this.activityId, id, text));
  }

  private renderQuestion(q: WrittenQuestion, index: number) {
    const answer = this.answers[q.id];
    const value = answer ?? this.drafts[q.id] ?? '';
    // UTF-16 code units, as the textarea's maxlength counts them.
    const left = this.maxLength - value.length;
    // Reflections: each question is its own heading (numbered to match the answer key's entries).
    const label = this.perQuestionHeading
      ? html`<p class="eyebrow">${ui.reflectionNumber(index + 1)} · ${this.heading}</p>
          <h3 class="question" id="label-${q.id}">${q.text}</h3>`
      : html`<label for="answer-${q.id}">${index + 1}. ${q.text}</label>`;
    return html`<li class="item">
      ${label}
      <textarea
        aria-labelledby=${this.perQuestionHeading ? `label-${q.id}` : nothing}
        id="answer-${q.id}"
        maxlength=${this.maxLength}
        aria-describedby=${answer === undefined ? `count-${q.id}${this.missing === q.id ? ` hint-${q.id}` : ''}` : nothing}
        ?readonly=${answer !== undefined || this.readonly}
        .value=${value}
        @input=${(e: Event) => this.handleInput(q.id, e)}
      ></textarea>
      ${answer === undefined ? html`<p class="count screen-only" id="count-${q.id}">${ui.charactersLeft(left, this.maxLength)}</p>` : nothing}
      ${
        answer === undefined
          ? html`<button type="button" ?disabled=${this.readonly} @click=${() => this.handleSubmit(q.id)}>${ui.showModel}</button>
              ${this.missing === q.id ? html`<p class="hint" id="hint-${q.id}" role="alert">${ui.writeFirst}</p>` : nothing}`
          : nothing
      }
      <div aria-live="polite">
        ${
          answer !== undefined
            ? html`<div class="feedback model" id="model-${q.id}" tabindex="-1">
                <h4>${ui.modelAnswer}</h4>
                <p>${renderLine(q.modelAnswer)}</p>
              </div>`
            : nothing
        }
      </div>
    </li>`;
  }

  override render() {
    return html`
      ${this.perQuestionHeading ? nothing : html`<h3>${this.heading}</h3>`} ${this.prompt ? html`<p>${this.prompt}</p>` : nothing}
      <slot></slot>
      <ol class="questions">
        ${this.questions.map((q, i) => this.renderQuestion(q, i))}
      </ol>
    `;
  }
}

customElements.define('lesson-written-activity', LessonWrittenActivity);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-written-activity': LessonWrittenActivity;
  }
}
