import { css, html, LitElement, nothing } from 'lit';
import type { Block, Card, Lesson, Page, RichLine } from '../../content/lesson.js';
import { answerKey, blocksOf, quizOf } from '../../domain/lesson-queries.js';
import { canRetakeQuiz, type ProgressState } from '../../domain/progress.js';
import { quizAnswersRevealed } from '../../domain/reveal.js';
import { pageTitle } from '../lesson-toc/lesson-toc.js';
import { baseStyles, pageHeadingStyles } from '../shared/base-styles.js';
import { cardIcon } from '../shared/icons.js';
import { renderLine, renderRich } from '../shared/rich-text.js';
import { ui } from '../strings.js';
import '../lesson-table/lesson-table.js';
import '../lesson-choice-activity/lesson-choice-activity.js';
import '../lesson-written-activity/lesson-written-activity.js';
import '../lesson-quiz/lesson-quiz.js';
import '../lesson-answer-key/lesson-answer-key.js';
import '../lesson-decision/lesson-decision.js';
import '../lesson-flow/lesson-flow.js';

/** Answers of one activity, keyed by question id, from the state's "<activity>.<question>" keys. */
function answersOf(all: Readonly<Record<string, string>>, activityId: string): Record<string, string> {
  const prefix = `${activityId}.`;
  return Object.fromEntries(Object.entries(all).flatMap(([k, v]) => (k.startsWith(prefix) ? [[k.slice(prefix.length), v]] : [])));
}

/** "root = rare": the name before " = " becomes a tile; the words stay as written. */
function memoryLine(line: RichLine) {
  const [first, ...rest] = line;
  const at = first?.t === 'text' ? first.v.indexOf(' = ') : -1;
  if (first?.t !== 'text' || at < 1) return renderLine(line);
  return html`<strong class="term">${first.v.slice(0, at)}</strong>${renderLine([{ t: 'text', v: first.v.slice(at) }, ...rest])}`;
}

/** One page of the lesson: its title and its blocks, each rendered by its component. */
export class LessonPage extends LitElement {
  static override styles = [
    baseStyles,
    pageHeadingStyles,
    css`
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
      .subtitle {
        font-size: 1.4rem;
        margin: var(--space-4) 0 var(--space-3);
      }
      details.cards > summary {
        cursor: pointer;
        padding: var(--space-2) 0;
        font-weight: 700;
        font-size: 1.2rem;
      }
      .cards.compact > ul {
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr));
        gap: var(--space-2);
      }
      .cards.compact > ul > li {
        border-top-width: 3px;
        padding: var(--space-2) var(--space-3);
      }
      .cards.compact h4 {
        font-size: 1rem;
      }
      /* The memory rule: each identity's name on a tile, its rule beside it. */
      .memory ul {
        list-style: none;
        padding: 0;
      }
      .memory li {
        margin-bottom: var(--space-2);
      }
      .term {
        display: inline-block;
        margin-right: var(--space-1);
        min-width: 4.5rem;
        text-align: center;
        padding: 0.1rem var(--space-2);
        border-radius: var(--radius);
        background: var(--accent);
        color: var(--on-accent);
        font-size: 1.1rem;
      }
      .cards > ul {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr));
        gap: var(--space-3);
        list-style: none;
        padding: 0;
        max-width: none;
      }
      .column > ul {
        grid-template-columns: 1fr;
      }
      .cards > ul > li {
        display: flex;
        flex-direction: column;
        margin: 0;
        border: 1px solid var(--border);
        border-top: 6px solid var(--accent);
        border-radius: var(--radius);
        padding: var(--space-3);
        background: var(--surface-2);
      }
      .cards h4 {
        display: flex;
        align-items: center;
        gap: var(--space-2);
        margin: 0 0 var(--space-2);
        font-size: 1.1rem;
      }
      .icon {
        width: 2rem;
        height: 2rem;
        flex: none;
        color: var(--accent-text);
      }
      .cards li li {
        margin-top: var(--space-1);
      }
      /* Links on one line at the foot of the cards: a keyboard meets them in reading order. */
      .cards li > a {
        margin-top: auto;
      }
      .cards ul ul {
        padding-left: 1.1rem;
        margin-bottom: var(--space-2);
      }
      @media (forced-colors: active) {
        .term {
          border: 1px solid CanvasText;
          background: Canvas;
          color: CanvasText;
        }
      }
      @media print {
        .callout,
        .cards li {
          break-inside: avoid;
        }
      }
    `,
  ];

  static override properties = {
    lesson: { attribute: false },
    page: { attribute: false },
    progress: { attribute: false },
    passingScore: { type: Number },
    readonly: { type: Boolean },
    print: { type: Boolean },
    heading: {},
  };

  lesson!: Lesson;
  page!: Page;
  progress!: ProgressState;
  passingScore = 0.8;
  readonly = false;
  /** Part of the printed lesson: the quiz shows every question at once. */
  print = false;
  /**
   * The page's visible heading when it is not the page's own title: the first page opens with the
   * lesson's title, and its own title ("Learning outcomes") becomes the heading under it.
   */
  heading = '';

  /** Focus the page heading: done by the shell after navigation. */
  focusHeading() {
    this.renderRoot.querySelector<HTMLElement>('h2')?.focus();
  }

  /** Page titles by id (as the contents show them), for links to pages. */
  private get pageTitles(): Record<string, string> {
    return Object.fromEntries(this.lesson.pages.map((p) => [p.id, pageTitle(p)]));
  }

  /** Cards side by side (one column on a phone); a card about a page links to it. */
  private renderCards(title: string, items: readonly Card[]) {
    return html`<section class="cards" aria-label=${title}>
      <h3>${title}</h3>
      ${this.renderCardList(items)}
    </section>`;
  }

  /**
   * The takeaways of every numbered page (or its summary points), in the lesson's page order with
   * its own numbers: compact, and folded away until the learner opens them (they repeat what the
   * pages said).
   */
  private renderTakeawaySummary(title: string) {
    const items = this.lesson.pages.flatMap((page) => {
      const takeaways = page.blocks.flatMap((b) => (b.kind === 'takeaway' ? b.items : []));
      const points = takeaways.length ? takeaways : (page.summary ?? []);
      return points.length ? [{ title: pageTitle(page), page: page.id, points }] : [];
    });
    return html`<details class="cards compact" ?open=${this.print}>
      <summary>${title}</summary>
      ${this.renderCardList(items)}
    </details>`;
  }

  private renderCardList(items: readonly Card[]) {
    const pages = this.lesson.pages;
    return html`<ul>
      ${items.map((item) => {
        const page = pages.find((p) => p.id === item.page);
        return html`<li>
          <h4>${cardIcon(item.icon)}${item.title}</h4>
          <ul>
            ${item.points.map((point) => html`<li>${renderLine(point)}</li>`)}
          </ul>
          ${page && page !== this.page ? html`<a href="#/${page.id}">${ui.goToPage(pageTitle(page))}</a>` : nothing}
        </li>`;
      })}
    </ul>`;
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
        return html`<aside class="callout memory" aria-label=${block.title}>
          <h3>${block.title}</h3>
          <ul>
            ${block.items.map((item) => html`<li>${memoryLine(item)}</li>`)}
          </ul>
        </aside>`;
      case 'cards':
        return this.renderCards(block.title, block.items);
      case 'takeaway-summary':
        return this.renderTakeawaySummary(block.title);
      case 'decision':
        return html`<lesson-decision .decision=${block} .pageTitles=${this.pageTitles} .currentPage=${this.page.id}></lesson-decision>`;
      case 'flow':
        return html`<lesson-flow .flow=${block}></lesson-flow>`;
      case 'table':
        return html`<lesson-table .table=${block}></lesson-table>`;
      case 'choice-activity':
        return html`<lesson-choice-activity
          .activity=${block}
          .answers=${answersOf(this.progress.choices, block.id)}
          .retries=${answersOf(this.progress.retries, block.id)}
          .revealed=${this.progress.revealed.flatMap((key) => (key.startsWith(`${block.id}.`) ? [key.slice(block.id.length + 1)] : []))}
          .picks=${answersOf(this.progress.picks, block.id)}
          .pageTitles=${this.pageTitles}
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
          .drafts=${answersOf(this.progress.drafts, block.id)}
          .maxLength=${this.lesson.settings.writtenAnswerMaxLength}
          ?readonly=${this.readonly}
          >${block.kind === 'written-activity' ? html`<p>${renderLine(block.note)}</p>` : nothing}</lesson-written-activity
        >`;
      case 'quiz': {
        const { maxQuizAttempts, revealAnswers } = this.lesson.settings;
        return html`<lesson-quiz
          .quiz=${block}
          .progress=${this.progress.quiz}
          .passingScore=${this.passingScore}
          ?readonly=${this.readonly}
          ?all=${this.print}
          ?revealed=${quizAnswersRevealed(this.lesson, this.progress.quiz)}
          .canRetake=${canRetakeQuiz(this.lesson, this.progress.quiz)}
          .attemptsLeft=${maxQuizAttempts === undefined ? undefined : maxQuizAttempts - this.progress.quiz.attemptCount}
          .revealAfterAttempts=${typeof revealAnswers === 'object' ? revealAnswers['after-attempts'] : undefined}
          .pageTitles=${this.pageTitles}
        ></lesson-quiz>`;
      }
      case 'answer-key': {
        const reflections = blocksOf(this.lesson, 'reflection');
        return html`<lesson-answer-key
          .quizQuestions=${quizOf(this.lesson).questions}
          .reflections=${reflections.flatMap((r) => r.questions)}
          ?quizRevealed=${quizAnswersRevealed(this.lesson, this.progress.quiz)}
          .revealAfterAttempts=${typeof this.lesson.settings.revealAnswers === 'object' ? this.lesson.settings.revealAnswers['after-attempts'] : undefined}
          .answeredReflections=${reflections.flatMap((r) => r.questions.filter((q) => answerKey(r.id, q.id) in this.progress.written).map((q) => q.id))}
        ></lesson-answer-key>`;
      }
      case 'next-lesson':
        return html`<p class="next-lesson">${ui.nextLesson}: ${block.title}</p>`;
    }
  }

  override render() {
    const { blocks } = this.page;
    return html`<h2 tabindex="-1">${this.heading || pageTitle(this.page)}</h2>
      <slot name="intro"></slot>
      ${this.heading ? html`<h3 class="subtitle">${pageTitle(this.page)}</h3>` : nothing} ${blocks.map((b) => this.renderBlock(b))}`;
  }
}

customElements.define('lesson-page', LessonPage);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-page': LessonPage;
  }
}
