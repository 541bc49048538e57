import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { QuizQuestion, RichLine, WrittenQuestion } from '../../content/lesson.js';
import { optionLetter } from '../lesson-quiz-question/lesson-quiz-question.js';
import { baseStyles } from '../shared/base-styles.js';
import { renderLine } from '../shared/rich-text.js';
import { ui } from '../strings.js';

interface KeyEntry {
  readonly label: string;
  readonly question: string;
  readonly answer: RichLine;
  readonly letter?: string;
  readonly open: boolean;
  readonly lockedText: string;
}

/**
 * The lesson's answer key (A1–A10), in its own numbering. Quiz answers open
 * once the quiz has been submitted, reflection answers once answered.
 */
@customElement('lesson-answer-key')
export class LessonAnswerKey extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .key {
        list-style: none;
        padding: 0;
      }
      .key li {
        margin-bottom: var(--space-3);
      }
      .key p {
        margin: 0;
      }
      .question {
        font-weight: 600;
      }
      .locked {
        color: var(--muted);
        font-style: italic;
      }
    `,
  ];

  @property({ attribute: false }) quizQuestions: readonly QuizQuestion[] = [];
  @property({ attribute: false }) reflections: readonly WrittenQuestion[] = [];
  @property({ type: Boolean }) quizSubmitted = false;
  /** Reflection question ids already answered. */
  @property({ attribute: false }) answeredReflections: readonly string[] = [];

  private entries(): KeyEntry[] {
    const quiz = this.quizQuestions.map((q) => ({
      label: q.answerKey,
      question: q.stem,
      letter: optionLetter(q.options.findIndex((o) => o.id === q.correct)),
      answer: q.explanation,
      open: this.quizSubmitted,
      lockedText: ui.answerKeyLocked,
    }));
    const reflections = this.reflections.map((q) => ({
      label: q.answerKey ?? '',
      question: q.text,
      answer: q.modelAnswer,
      open: this.answeredReflections.includes(q.id),
      lockedText: ui.reflectionLocked,
    }));
    const number = (e: KeyEntry) => Number(e.label.slice(1));
    return [...quiz, ...reflections].sort((a, b) => number(a) - number(b));
  }

  override render() {
    // Each answer reads as in the lesson ("A7: B. …"), under the question it answers.
    return html`<ul class="key">
      ${this.entries().map(
        (e) =>
          html`<li>
            <p class="question">${e.question}</p>
            <p>
              ${e.label}:
              ${e.open ? html`${e.letter ? `${e.letter}. ` : ''}${renderLine(e.answer)}` : html`<span class="locked">${e.lockedText}</span>`}
            </p>
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-answer-key': LessonAnswerKey;
  }
}
