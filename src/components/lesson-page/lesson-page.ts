import { css, html, LitElement, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { Block, Lesson, Page } from '../../content/lesson.js';
import { answerKey, blocksOf, quizOf } from '../../domain/lesson-queries.js';
import type { ProgressState } from '../../domain/progress.js';
import { baseStyles } from '../shared/base-styles.js';
import { renderLine, renderRich } from '../shared/rich-text.js';
import { ui } from '../strings.js';
import '../lesson-table/lesson-table.js';
import '../lesson-choice-activity/lesson-choice-activity.js';
import '../lesson-written-activity/lesson-written-activity.js';
import '../lesson-quiz/lesson-quiz.js';
import '../lesson-answer-key/lesson-answer-key.js';

/** Answers of one activity, keyed by question id, from the state's "<activity>.<question>" keys. */
function answersOf(all: Readonly<Record<string, string>>, activityId: string): Record<string, string> {
  const prefix = `${activityId}.`;
  return Object.fromEntries(Object.entries(all).flatMap(([k, v]) => (k.startsWith(prefix) ? [[k.slice(prefix.length), v]] : [])));
}

/** One page of the lesson: its title and its blocks, each rendered by its component. */
@customElement('lesson-page')
export class LessonPage extends LitElement {
  static override styles = [
    baseStyles,
    css`
      h2 {
        font-size: clamp(1.4rem, 1.1rem + 1.2vw, 1.9rem);
        line-height: 1.25;
        margin: 0 0 var(--space-4);
      }
      h3 {
        font-size: 1.2rem;
        margin: var(--space-4) 0 var(--space-2);
      }
      .callout {
        border-left: 6px solid var(--accent);
        background: var(--surface-2);
        padding: var(--space-3) var(--space-3) var(--space-1);
        border-radius: 0 var(--radius) var(--radius) 0;
        margin: var(--space-4) 0;
        max-width: var(--measure);
      }
      .callout h3 {
        margin-top: 0;
      }
      .next-lesson {
        margin-top: var(--space-5);
        font-weight: 600;
      }
      @media print {
        .callout {
          break-inside: avoid;
        }
      }
    `,
  ];

  @property({ attribute: false }) lesson!: Lesson;
  @property({ attribute: false }) page!: Page;
  @property({ attribute: false }) progress!: ProgressState;
  @property({ type: Number }) passingScore = 0.8;
  @property({ type: Boolean }) readonly = false;
  /** Part of the printed lesson: the quiz shows every question at once. */
  @property({ type: Boolean }) print = false;

  /** Focus the page heading: done by the shell after navigation. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  private renderBlock(block: Block) {
    switch (block.kind) {
      case 'markdown':
        return renderRich(block.text);
      case 'takeaway':
        return html`<aside class="callout" aria-labelledby="takeaway-${this.page.id}">
          <h3 id="takeaway-${this.page.id}">${ui.keyTakeaway}</h3>
          <ul>
            ${block.items.map((item) => html`<li>${renderLine(item)}</li>`)}
          </ul>
        </aside>`;
      case 'memory-rule':
        return html`<aside class="callout" aria-label=${block.title}>
          <h3>${block.title}</h3>
          <ul>
            ${block.items.map((item) => html`<li>${renderLine(item)}</li>`)}
          </ul>
        </aside>`;
      case 'table':
        return html`<lesson-table .table=${block}></lesson-table>`;
      case 'choice-activity':
        return html`<lesson-choice-activity
          .activity=${block}
          .answers=${answersOf(this.progress.choices, block.id)}
          ?readonly=${this.readonly}
        ></lesson-choice-activity>`;
      case 'written-activity':
      case 'reflection':
        return html`<lesson-written-activity
            .activityId=${block.id}
            .heading=${block.heading}
            .prompt=${block.kind === 'written-activity' ? block.prompt : ''}
            ?perQuestionHeading=${block.kind === 'reflection'}
            .questions=${block.questions}
            .answers=${answersOf(this.progress.written, block.id)}
            .maxLength=${this.lesson.settings.writtenAnswerMaxLength}
            ?readonly=${this.readonly}
          ></lesson-written-activity>
          ${block.kind === 'written-activity' ? html`<p>${renderLine(block.note)}</p>` : nothing}`;
      case 'quiz':
        return html`<lesson-quiz
          .quiz=${block}
          .progress=${this.progress.quiz}
          .passingScore=${this.passingScore}
          ?readonly=${this.readonly}
          ?all=${this.print}
        ></lesson-quiz>`;
      case 'answer-key': {
        const reflections = blocksOf(this.lesson, 'reflection');
        return html`<lesson-answer-key
          .quizQuestions=${quizOf(this.lesson).questions}
          .reflections=${reflections.flatMap((r) => r.questions)}
          ?quizSubmitted=${this.progress.quiz.attemptCount > 0}
          .answeredReflections=${reflections.flatMap((r) => r.questions.filter((q) => answerKey(r.id, q.id) in this.progress.written).map((q) => q.id))}
        ></lesson-answer-key>`;
      }
      case 'next-lesson':
        return html`<p class="next-lesson">${ui.nextLesson}: ${block.title}</p>`;
    }
  }

  override render() {
    const { number, title, blocks } = this.page;
    return html`<h2 tabindex="-1">${number ? `${number}) ` : ''}${title}</h2>
      ${blocks.map((b) => this.renderBlock(b))}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'lesson-page': LessonPage;
  }
}
