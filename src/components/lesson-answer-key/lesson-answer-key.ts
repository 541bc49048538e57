import { css, html, LitElement } from 'lit';
import type { QuizQuestion, RichLine, WrittenQuestion } from '../../content/lesson.js';
import { optionLetter } from '../lesson-quiz-question/lesson-quiz-question.js';
import { baseStyles } from '../shared/base-styles.js';
import { renderLine } from '../shared/rich-text.js';
import { ui } from '../strings.js';

interface KeyEntry {
  /** "Quiz question 4, answer key A5". */
  readonly what: string;
  readonly label: string;
  readonly question: string;
  /** "C. Use temporary credentials …" for a quiz entry: the letter and the option's own words. */
  readonly option?: string;
  readonly answer: RichLine;
  readonly open: boolean;
  readonly lockedText: string;
}

/**
 * The lesson's answer key (A1–A10), in its own numbering. Each entry says which question it
 * answers. Quiz entries open once the quiz's answers are earned (the same rule as the results),
 * a reflection's model answer once the learner has answered it.
 */
export class LessonAnswerKey extends LitElement {
  static override styles = [
    baseStyles,
    css`
      .key {
        list-style: none;
        padding: 0;
      }
      .key li {
        margin-bottom: var(--space-4);
      }
      .key p {
        margin: 0 0 var(--space-1);
      }
      h3 {
        font-size: 1rem;
        margin: 0 0 var(--space-1);
        color: var(--muted);
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

  static override properties = {
    quizQuestions: { attribute: false },
    reflections: { attribute: false },
    quizRevealed: { type: Boolean },
    revealAfterAttempts: { attribute: false },
    answeredReflections: { attribute: false },
  };

  quizQuestions: readonly QuizQuestion[] = [];
  reflections: readonly WrittenQuestion[] = [];
  /** The quiz's answers are earned (settings.revealAnswers). */
  quizRevealed = false;
  /** A number of attempts that also earns the answers, if any (for the locked entries' wording). */
  revealAfterAttempts: number | undefined;
  /** Reflection question ids already answered. */
  answeredReflections: readonly string[] = [];

  private entries(): KeyEntry[] {
    const quiz = this.quizQuestions.map((q, i): KeyEntry => {
      const right = q.options.findIndex((o) => o.id === q.correct);
      return {
        what: ui.keyQuizEntry(i + 1, q.answerKey),
        label: q.answerKey,
        question: q.stem,
        option: `${optionLetter(right)}. ${q.options[right]?.text ?? ''}`,
        answer: q.explanation,
        open: this.quizRevealed,
        lockedText: ui.keyLockedQuiz(this.revealAfterAttempts),
      };
    });
    const reflections = this.reflections.map((q, i): KeyEntry => ({
      what: ui.keyReflectionEntry(i + 1, q.answerKey ?? ''),
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
    // Each answer reads as in the lesson ("A7: B. …"), under what it answers.
    return html`<ul class="key">
      ${this.entries().map(
        (e) =>
          html`<li>
            <h3>${e.what}</h3>
            <p class="question">${e.question}</p>
            ${
              e.open
                ? html`${e.option ? html`<p>${e.option}</p>` : ''}
                    <p>${e.label}: ${e.option ? `${e.option.slice(0, 1)}. ` : ''}${renderLine(e.answer)}</p>`
                : html`<p>${e.label}: <span class="locked">${e.lockedText}</span></p>`
            }
          </li>`,
      )}
    </ul>`;
  }
}

customElements.define('lesson-answer-key', LessonAnswerKey);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-answer-key': LessonAnswerKey;
  }
}
