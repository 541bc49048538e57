import { css, html, LitElement } from 'lit';
import type { QuizQuestion } from '../../content/lesson.js';
import { QuizChooseEvent } from '../events.js';
import { baseStyles } from '../shared/base-styles.js';

/**
 * One multiple-choice quiz question: a fieldset whose legend is the stem, and
 * one radio per option, lettered A–D as in the lesson's answer key.
 *
 * @fires lesson-quiz-choose - the learner picked an option
 */
export class LessonQuizQuestion extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .letter {
        font-weight: 700;
        min-width: 1.5em;
      }
      .choice:hover {
        background: var(--surface-2);
      }
    `,
  ];

  static override properties = { question: { attribute: false }, chosen: {}, readonly: { type: Boolean } };

  question!: QuizQuestion;
  /** Option id chosen so far, if any. */
  chosen: string | undefined;
  readonly = false;

  override render() {
    const q = this.question;
    return html`<fieldset>
      <legend id="stem">${q.stem}</legend>
      ${q.options.map(
        (option, i) =>
          html`<label class="choice">
            <input
              type="radio"
              name=${q.id}
              .value=${option.id}
              .checked=${this.chosen === option.id}
              ?disabled=${this.readonly}
              @change=${() => this.dispatchEvent(new QuizChooseEvent(q.id, option.id))}
            />
            <span class="letter" aria-hidden="true">${optionLetter(i)}.</span>
            <span><span class="visually-hidden">${optionLetter(i)}. </span>${option.text}</span>
          </label>`,
      )}
    </fieldset>`;
  }
}

/** A, B, C, … as in the answer key. */
export function optionLetter(index: number): string {
  return String.fromCharCode(65 + index);
}

customElements.define('lesson-quiz-question', LessonQuizQuestion);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-quiz-question': LessonQuizQuestion;
  }
}
