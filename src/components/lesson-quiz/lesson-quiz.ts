import { css, html, LitElement, nothing } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import type { QuizProgress } from '../../domain/progress.js';
import type { QuizBlock } from '../../domain/lesson-queries.js';
import { questionOrder } from '../../domain/quiz-order.js';
import { QuestionShownEvent, QuizGoToEvent, QuizSubmitEvent } from '../events.js';
import { baseStyles } from '../shared/base-styles.js';
import { ui } from '../strings.js';
import '../lesson-quiz-question/lesson-quiz-question.js';
import '../lesson-quiz-results/lesson-quiz-results.js';

/**
 * The quiz, one question at a time with "n / total" progress, then the results.
 * State (answers, position, attempts) comes from the learner's progress.
 *
 * @fires lesson-quiz-goto - the learner moved to another question
 * @fires lesson-quiz-submit - the learner submitted the attempt
 * @fires lesson-question-shown - a question was shown
 */
export class LessonQuiz extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .position {
        font-size: 1rem;
        font-weight: 600;
        color: var(--muted);
        margin: 0 0 var(--space-2);
      }
      .nav {
        display: flex;
        flex-wrap: wrap;
        gap: var(--space-2);
      }
      .hint {
        color: var(--danger-text);
      }
    `,
  ];

  static override properties = {
    missing: { state: true },
    quiz: { attribute: false },
    progress: { attribute: false },
    passingScore: { type: Number },
    readonly: { type: Boolean },
    all: { type: Boolean },
    revealed: { type: Boolean },
    canRetake: { type: Boolean },
    attemptsLeft: { attribute: false },
    revealAfterAttempts: { attribute: false },
    pageTitles: { attribute: false },
  };

  private missing: string | undefined;
  /** What takes focus after the host's next update: the results, or the question position. */
  private focusNext: 'results' | 'position' | undefined;

  quiz!: QuizBlock;
  progress!: QuizProgress;
  passingScore = 0.8;
  readonly = false;
  /** Every question at once, without navigation: the printed lesson. */
  all = false;
  /** The right answers may be shown (earned: settings.revealAnswers). */
  revealed = false;
  /** Another attempt may be started (settings.maxQuizAttempts). */
  canRetake = true;
  /** Attempts left, when the course limits them. */
  attemptsLeft: number | undefined;
  /** A number of attempts that also earns the answers (settings.revealAnswers), if any. */
  revealAfterAttempts: number | undefined;
  /** Page titles by id, for the feedback's "Review …" links. */
  pageTitles: Readonly<Record<string, string>> = {};

  /** The questions in the order this attempt presents them (the attempt shown, or the one being taken). */
  private get ordered() {
    const attempt = this.progress.attemptCount + (this.progress.showingResults ? 0 : 1);
    return questionOrder(this.quiz.questions, this.progress.seed, attempt);
  }

  override async updated() {
    if (!this.progress.showingResults) {
      const q = this.ordered[this.progress.index];
      if (q) this.dispatchEvent(new QuestionShownEvent(`${this.quiz.id}.${q.id}`));
    }
    const results = this.renderRoot.querySelector('lesson-quiz-results');
    if (this.focusNext === 'results' && this.progress.showingResults && results) {
      this.focusNext = undefined;
      await results.updateComplete;
      results.focus();
    }
    const position = this.renderRoot.querySelector<HTMLElement>('#position');
    if (this.focusNext === 'position' && position) {
      this.focusNext = undefined;
      position.focus();
    }
  }

  private handleGoTo(index: number) {
    this.missing = undefined;
    this.focusNext = 'position';
    this.dispatchEvent(new QuizGoToEvent(index));
  }

  private handleSubmit() {
    const unanswered = this.ordered.map((q, i) => (q.id in this.progress.answers ? '' : String(i + 1))).filter(Boolean);
    if (unanswered.length) {
      this.missing = unanswered.join(', ');
      return;
    }
    this.focusNext = 'results';
    this.dispatchEvent(new QuizSubmitEvent());
  }

  /** The learner asked for a retake: the first question takes focus once it is shown. */
  private handleRetake() {
    this.focusNext = 'position';
  }

  /**
   * Always rendered, without an attempt while questions are answered: its status region
   * must exist before the score is written into it to be announced.
   */
  private renderResults() {
    const attempt = this.progress.showingResults ? this.progress.attempts[this.progress.attempts.length - 1] : undefined;
    return html`<lesson-quiz-results
      @lesson-quiz-retake=${this.handleRetake}
      .questions=${this.ordered}
      .attempt=${attempt}
      ?revealed=${this.revealed}
      .canRetake=${this.canRetake}
      .attemptsLeft=${this.attemptsLeft}
      .revealAfterAttempts=${this.revealAfterAttempts}
      .pageTitles=${this.pageTitles}
      .attemptNumber=${this.progress.attemptCount}
      .passingScore=${this.passingScore}
      .bestScore=${this.progress.bestScore ?? 0}
      ?passed=${this.progress.passed}
      ?readonly=${this.readonly}
    ></lesson-quiz-results>`;
  }

  private renderQuestion() {
    const ordered = this.ordered;
    const total = ordered.length;
    const index = this.progress.index;
    const question = ordered[index];
    if (!question) return nothing;
    const last = index === total - 1;
    return html`
      <h4 class="position" id="position" tabindex="-1" aria-label=${ui.questionProgress(index + 1, total)}>
        ${ui.questionOf(index + 1, total)}
      </h4>
      ${
        // A fresh element per question: reused radios would carry a checked radio into the next
        // question's group, and the browser would then uncheck that question's own answer.
        keyed(
          question.id,
          html`<lesson-quiz-question
            .question=${question}
            .chosen=${this.progress.answers[question.id]}
            ?readonly=${this.readonly}
          ></lesson-quiz-question>`,
        )
      }
      <div class="nav">
        ${index > 0 ? html`<button type="button" class="secondary" @click=${() => this.handleGoTo(index - 1)}>${ui.previousQuestion}</button>` : nothing}
        ${
          last
            ? html`<button type="button" ?disabled=${this.readonly} @click=${this.handleSubmit}>${ui.submitQuiz}</button>`
            : html`<button type="button" @click=${() => this.handleGoTo(index + 1)}>${ui.nextQuestion}</button>`
        }
      </div>
      ${this.missing ? html`<p class="hint" role="alert">${ui.answerAll(this.missing)}</p>` : nothing}
    `;
  }

  /** The printed quiz: every question with its options (or the results, once submitted). */
  private renderAll() {
    const total = this.quiz.questions.length;
    return this.quiz.questions.map(
      (question, i) =>
        html`<h4 class="position">${ui.questionProgress(i + 1, total)}</h4>
          <lesson-quiz-question
            .question=${question}
            .chosen=${this.progress.answers[question.id]}
            ?readonly=${this.readonly}
          ></lesson-quiz-question>`,
    );
  }

  override render() {
    const answering = !this.progress.showingResults;
    return html`<h3>${this.quiz.heading}</h3>
      ${answering ? (this.all ? this.renderAll() : this.renderQuestion()) : nothing} ${this.renderResults()}`;
  }
}

customElements.define('lesson-quiz', LessonQuiz);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-quiz': LessonQuiz;
  }
}
