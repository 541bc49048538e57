import { css, html, LitElement } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { QuizQuestion } from '../../content/lesson.js';
import type { QuizAttempt } from '../../domain/progress.js';
import { meetsPassingScore, toPercent } from '../../domain/scoring.js';
import { QuizRetakeEvent } from '../events.js';
import { baseStyles } from '../shared/base-styles.js';
import { rightIcon, wrongIcon } from '../shared/icons.js';
import { renderLine } from '../shared/rich-text.js';
import { optionLetter } from '../lesson-quiz-question/lesson-quiz-question.js';
import { ui } from '../strings.js';

/**
 * The result of a quiz attempt: score, pass/fail against the passing score,
 * per-question feedback with the answer key's explanation, and a retake.
 *
 * @fires lesson-quiz-retake - the learner asked to take the quiz again
 */
@customElement('lesson-quiz-results')
export class LessonQuizResults extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .summary {
        font-size: 1.1rem;
        padding: var(--space-3);
        border: 2px solid var(--border);
        border-radius: var(--radius);
        margin-bottom: var(--space-4);
      }
      .summary.right {
        border-color: var(--success);
      }
      .summary.wrong {
        border-color: var(--danger);
      }
      ol {
        padding-left: 1.25rem;
        max-width: none;
      }
      li {
        margin-bottom: var(--space-3);
      }
      .stem {
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) questions: readonly QuizQuestion[] = [];
  @property({ attribute: false }) attempt!: QuizAttempt;
  @property({ type: Number }) attemptNumber = 1;
  @property({ type: Number }) passingScore = 0.8;
  @property({ type: Number }) bestScore = 0;
  /** Passed now or in an earlier attempt (a pass is never taken back). */
  @property({ type: Boolean }) passed = false;
  @property({ type: Boolean }) readonly = false;

  /** Focus the result so it is read first after submitting. */
  override focus() {
    this.renderRoot.querySelector<HTMLElement>('#result-heading')?.focus();
  }

  private answerText(q: QuizQuestion, optionId: string | undefined) {
    const i = q.options.findIndex((o) => o.id === optionId);
    const option = q.options[i];
    return option ? `${optionLetter(i)}. ${option.text}` : '—';
  }

  override render() {
    const { correct, total } = this.attempt;
    const percent = toPercent(total ? correct / total : 0);
    const passMark = toPercent(this.passingScore);
    const thisPassed = total > 0 && meetsPassingScore(correct / total, this.passingScore);
    return html`
      <h3 id="result-heading" tabindex="-1">${ui.results}</h3>
      <div class="summary ${thisPassed || this.passed ? 'right' : 'wrong'}" role="status">
        <p class="verdict">${thisPassed || this.passed ? rightIcon : wrongIcon}${ui.score(correct, total, percent)}</p>
        <p>${this.passed ? ui.passed(passMark) : ui.failed(passMark)}</p>
        <p>${ui.attempts(this.attemptNumber)} ${ui.bestScore(toPercent(this.bestScore))}</p>
      </div>
      <ol>
        ${this.questions.map((q) => {
          const answer = this.attempt.answers[q.id];
          const right = answer === q.correct;
          return html`<li>
            <p class="stem">${q.stem}</p>
            <div class="feedback ${right ? 'right' : 'wrong'}">
              <p class="verdict">${right ? rightIcon : wrongIcon}${right ? ui.correct : ui.incorrect}</p>
              <p>${ui.youAnswered(this.answerText(q, answer))}</p>
              ${right ? '' : html`<p>${ui.correctAnswer(this.answerText(q, q.correct))}</p>`}
              <p>${q.answerKey}: ${optionLetter(q.options.findIndex((o) => o.id === q.correct))}. ${renderLine(q.explanation)}</p>
            </div>
          </li>`;
        })}
      </ol>
      <button type="button" ?disabled=${this.readonly} @click=${() => this.dispatchEvent(new QuizRetakeEvent())}>${ui.retake}</button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-quiz-results': LessonQuizResults;
  }
}
