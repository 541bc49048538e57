import { css, html, LitElement, nothing } from 'lit';
import type { QuizQuestion } from '../../content/lesson.js';
import type { QuizAttempt } from '../../domain/progress.js';
import { meetsPassingScore, toPercent } from '../../domain/scoring.js';
import { QuizRetakeEvent, ReviewEvent } from '../events.js';
import { baseStyles } from '../shared/base-styles.js';
import { rightIcon, wrongIcon } from '../shared/icons.js';
import { renderLine } from '../shared/rich-text.js';
import { optionLetter } from '../lesson-quiz-question/lesson-quiz-question.js';
import { ui } from '../strings.js';

/**
 * The result of a quiz attempt: score, pass/fail against the passing score, and for every
 * question the feedback of the option the learner chose (why it is right, or the belief it shows
 * and the page that settles it). The right option and the answer key's line are shown only once
 * the answers are earned (`revealed`): before that, a missed question is marked, never answered.
 *
 * The quiz keeps this element on screen while questions are answered, with no
 * attempt: its status region then exists, empty, before the score arrives, so
 * screen readers announce the score when it is written into it (a live region
 * inserted together with its text is often not announced).
 *
 * @fires lesson-quiz-retake - the learner asked to take the quiz again
 */
export class LessonQuizResults extends LitElement {
  static override styles = [
    baseStyles,
    css`
      h4 {
        font-size: 1.1rem;
        margin: var(--space-4) 0 var(--space-2);
      }
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
      .summary > :last-child {
        margin-bottom: 0;
      }
      .summary.empty {
        padding: 0;
        border: 0;
        margin: 0;
      }
      ol {
        padding-left: 1.25rem;
        max-width: none;
      }
      li {
        margin-bottom: var(--space-3);
        break-inside: avoid;
      }
      .stem {
        font-weight: 600;
      }
    `,
  ];

  static override properties = {
    questions: { attribute: false },
    attempt: { attribute: false },
    attemptNumber: { type: Number },
    passingScore: { type: Number },
    bestScore: { type: Number },
    passed: { type: Boolean },
    readonly: { type: Boolean },
    revealed: { type: Boolean },
    canRetake: { type: Boolean },
    attemptsLeft: { attribute: false },
    revealAfterAttempts: { attribute: false },
    pageTitles: { attribute: false },
  };

  questions: readonly QuizQuestion[] = [];
  /** The attempt to show; none while the learner is answering (only the empty status region is rendered). */
  attempt: QuizAttempt | undefined;
  attemptNumber = 1;
  passingScore = 0.8;
  bestScore = 0;
  /** Passed now or in an earlier attempt (a pass is never taken back). */
  passed = false;
  readonly = false;
  /** The right answers may be shown. */
  revealed = false;
  canRetake = true;
  attemptsLeft: number | undefined;
  revealAfterAttempts: number | undefined;
  /** Page titles by id, for the feedback's "Review …" links. */
  pageTitles: Readonly<Record<string, string>> = {};

  /** Focus the result so it is read first after submitting. */
  override focus() {
    this.renderRoot.querySelector<HTMLElement>('#result-heading')?.focus();
  }

  private answerText(q: QuizQuestion, optionId: string | undefined) {
    const i = q.options.findIndex((o) => o.id === optionId);
    const option = q.options[i];
    return option ? `${optionLetter(i)}. ${option.text}` : '—';
  }

  /** In the tone of this attempt (`good`: it reached the passing score); an earlier pass is said, not shown as this one's. */
  private renderSummary({ correct, total }: QuizAttempt, good: boolean) {
    const passMark = toPercent(this.passingScore);
    const verdict = good ? ui.passed(passMark) : this.passed ? ui.passedEarlier(passMark, toPercent(this.bestScore)) : ui.failed(passMark);
    return html`<p class="verdict">${good ? rightIcon : wrongIcon}${ui.score(correct, total, toPercent(total ? correct / total : 0))}</p>
      <p>${verdict}</p>
      <p>${ui.attempts(this.attemptNumber)} ${ui.bestScore(toPercent(this.bestScore))}</p>`;
  }

  private renderReview(review: string | undefined) {
    const title = review && this.pageTitles[review];
    return title && review
      ? html`<p><a href="#/${review}" @click=${() => this.dispatchEvent(new ReviewEvent(review))}>${ui.review(title)}</a></p>`
      : nothing;
  }

  private renderFeedback(attempt: QuizAttempt) {
    const missed = this.questions.filter((q) => attempt.answers[q.id] !== q.correct).length;
    return html`<p>${ui.missed(missed, this.questions.length)}</p>
      ${this.revealed ? html`<p>${ui.keyLabels}</p>` : missed ? html`<p>${ui.answersHeld(this.revealAfterAttempts)}</p>` : nothing}
      <ol>
        ${this.questions.map((q) => {
          const answer = attempt.answers[q.id];
          const right = answer === q.correct;
          const chosen = q.options.find((o) => o.id === answer);
          return html`<li>
            <p class="stem">${q.stem}</p>
            <div class="feedback ${right ? 'right' : 'wrong'}">
              <p class="verdict">${right ? rightIcon : wrongIcon}${right ? ui.correct : ui.incorrect}</p>
              <p>${ui.youAnswered(this.answerText(q, answer))}</p>
              <p>${chosen ? renderLine(chosen.feedback) : nothing}</p>
              ${right ? nothing : this.renderReview(chosen?.review)}
              ${
                this.revealed
                  ? html`${right ? nothing : html`<p>${ui.rightAnswer(this.answerText(q, q.correct))}</p>`}
                      <p>
                        ${ui.keyEntry(q.answerKey)} ${optionLetter(q.options.findIndex((o) => o.id === q.correct))}.
                        ${renderLine(q.explanation)}
                      </p>`
                  : nothing
              }
            </div>
          </li>`;
        })}
      </ol>
      ${
        this.canRetake
          ? html`${this.attemptsLeft === undefined ? nothing : html`<p>${ui.attemptsLeft(this.attemptsLeft)}</p>`}
              <button type="button" ?disabled=${this.readonly} @click=${() => this.dispatchEvent(new QuizRetakeEvent())}>
                ${ui.retake}
              </button>`
          : html`<p>${ui.noAttemptsLeft}</p>`
      }`;
  }

  override render() {
    const attempt = this.attempt;
    const { correct = 0, total = 0 } = attempt ?? {};
    const good = total > 0 && meetsPassingScore(correct / total, this.passingScore);
    // One template whatever the state, so the status element below is the same node before and after the score.
    return html`
      ${attempt ? html`<h4 id="result-heading" tabindex="-1">${ui.results}</h4>` : nothing}
      <div class="summary ${attempt ? (good ? 'right' : 'wrong') : 'empty'}" role="status">
        ${attempt ? this.renderSummary(attempt, good) : nothing}
      </div>
      ${attempt ? this.renderFeedback(attempt) : nothing}
    `;
  }
}

customElements.define('lesson-quiz-results', LessonQuizResults);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-quiz-results': LessonQuizResults;
  }
}
