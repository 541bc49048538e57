/**
 * How a learner works the course, as reusable steps for browser tests.
 * Locators use roles and visible text (Playwright pierces shadow roots), the
 * way a learner or a screen reader finds things.
 */
import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import { blocksOf } from '../../src/domain/lesson-queries.js';
import { LESSON, type LessonFacts } from './lesson-facts.js';

/** The lesson's pages in reading order, as their headings read (from the course the packages were built from). */
export const PAGE_TITLES: readonly string[] = LESSON.pageTitles;

/** The same pages by id, as the URL hash names them (#/<id>). */
export const PAGE_IDS: readonly string[] = LESSON.pageIds;

/** The right answers of the first micro-activity's cases, as their options read (tests use the first three). */
export const CASE_ANSWERS = atLeastThree(LESSON.caseAnswers);

function atLeastThree(answers: readonly string[]): readonly [string, string, string, ...string[]] {
  const [first, second, third, ...rest] = answers;
  if (first === undefined || second === undefined || third === undefined) throw new Error('the micro-activity has fewer than 3 cases');
  return [first, second, third, ...rest];
}
/** Option letters of the correct quiz answers, question by question. */
export const CORRECT_QUIZ: readonly string[] = LESSON.correctQuiz;

export class CoursePage {
  /** A page (standalone build) or the course's frame inside an LMS host page. */
  constructor(
    readonly page: Page | Frame,
    /** The lesson being worked through: by default the one dist/ was built from. */
    readonly facts: LessonFacts = LESSON,
  ) {}

  get main(): Locator {
    return this.page.getByRole('main');
  }

  get toc(): Locator {
    return this.page.getByRole('navigation', { name: 'Contents' });
  }

  /** The lesson's progress bar (in the sticky bar); its value text counts the pages done. */
  get progress(): Locator {
    return this.page.getByRole('progressbar', { name: 'Lesson progress' });
  }

  /** Waits until the progress bar says `done` of the lesson's pages are done (read, their activity done). */
  async expectPagesDone(done: number) {
    await expect(this.progress).toHaveAttribute('aria-valuetext', `${done} of ${this.facts.pageTitles.length} pages done`);
  }

  /** The end screen (#finish), reached from the progress figure in the bar, as a learner reaches it. */
  async openEndScreen() {
    await this.page
      .getByRole('banner')
      .getByRole('link', { name: /% done: your progress and Finish$/ })
      .click();
    await expect(this.main.getByRole('heading', { level: 2 })).toHaveText(/^(Lesson complete|Your progress)$/);
  }

  /** Finish from the end screen; resolves once the lesson says the session has ended (or handed the window back). */
  async finish() {
    await this.openEndScreen();
    const url = this.page.url();
    await this.main.getByRole('button', { name: /^Finish/ }).click();
    await expect
      .poll(async () => (await this.main.getByText(/^Done/).count()) > 0 || this.page.url() !== url, { timeout: 30_000 })
      .toBe(true);
  }

  pageHeading(): Locator {
    return this.main.getByRole('heading', { level: 2 });
  }

  async open(url: string) {
    await this.page.goto(url);
    await expect(this.pageHeading()).toBeVisible();
  }

  async next() {
    await this.main.getByRole('link', { name: /^Next: / }).click();
  }

  async goToPage(title: string | RegExp) {
    const toggle = this.page.getByRole('button', { name: /^Contents/ });
    if (await toggle.isVisible()) await toggle.click();
    await this.toc.getByRole('link', { name: title }).click();
    await expect(this.pageHeading()).toHaveText(this.facts.headingFor(typeof title === 'string' ? title : ''));
  }

  async answerCase(index: number, option: string) {
    const group = this.main.getByRole('group', { name: new RegExp(`^${index + 1}\\. `) });
    await group.getByRole('radio', { name: option, exact: true }).check();
    await group.getByRole('button', { name: 'Check answer' }).click();
    return group;
  }

  async writeAnswer(question: string | RegExp, text: string) {
    const box = this.main.getByRole('textbox', { name: question });
    await box.fill(text);
    const item = this.main.getByRole('listitem').filter({ has: this.page.getByRole('textbox', { name: question }) });
    await item.getByRole('button', { name: 'Submit and show the model answer' }).click();
    return item;
  }

  /** Visits every page in reading order with "Next", from wherever the learner is; the last page has no "Next". */
  async visitAllPages() {
    const [first = '', ...rest] = this.facts.pageTitles;
    await this.goToPage(first);
    const next = this.main.getByRole('link', { name: /^Next: / });
    for (const title of rest) {
      // An open quiz attempt shows no page links (they would leave it unawares): go on through the contents.
      if (await next.count()) await next.click();
      else await this.goToPage(title);
      await expect(this.pageHeading()).toHaveText(this.facts.headingFor(title));
    }
    // After the last page, "Next" leads to the end screen.
    await expect(next).toHaveAccessibleName('Next: Finish');
  }

  /** Does both micro-activities and the reflections (answers correct where there is a right answer). */
  async doActivitiesAndReflections() {
    await this.goToPage(this.facts.pageWith('choice-activity'));
    for (const [c, answer] of this.facts.caseAnswers.entries()) await this.answerCase(c, answer);
    await this.goToPage(this.facts.pageWith('written-activity'));
    for (const block of blocksOf(this.facts.lesson, 'written-activity'))
      for (const q of block.questions)
        await this.writeAnswer(q.text, 'Roles give temporary credentials, so "long-term" keys are not exposed.');
    await this.goToPage(this.facts.pageWith('reflection'));
    for (const box of await this.main.getByRole('textbox').all()) {
      const name = (await box.getAttribute('id')) ?? '';
      await box.fill(`My answer to ${name}.`);
      await this.main
        .getByRole('listitem')
        .filter({ has: this.page.locator(`#${name}`) })
        .getByRole('button')
        .click();
    }
    const reflections = blocksOf(this.facts.lesson, 'reflection').flatMap((b) => b.questions);
    await expect(this.main.getByRole('heading', { name: 'Model answer' })).toHaveCount(reflections.length);
  }

  async openQuiz() {
    await this.goToPage(this.facts.pageWith('quiz'));
    const retake = this.main.getByRole('button', { name: 'Take the quiz again' });
    if (await retake.count()) await retake.click();
  }

  /** Answers the quiz question on screen by letter (A–D). */
  async chooseQuizOption(letter: string) {
    await this.main.getByRole('radio', { name: new RegExp(`^${letter}\\. `) }).check();
  }

  /** The stem of the quiz question on screen. */
  async questionOnScreen(): Promise<string> {
    return (await this.main.getByRole('group').first().locator('legend').textContent()) ?? '';
  }

  /**
   * Takes the quiz: `letters` are the answers in the lesson's own question order (q1, q2, …). Each
   * attempt may present the questions in another order: the learner answers the one on screen.
   * Returns the stems in the order the attempt showed them.
   */
  async takeQuiz(letters: readonly string[]): Promise<string[]> {
    const shown: string[] = [];
    for (let i = 0; i < letters.length; i++) {
      await expect(this.main.getByText(`${i + 1} / ${letters.length}`, { exact: true })).toBeVisible();
      const stem = await this.questionOnScreen();
      shown.push(stem);
      await this.chooseQuizOption(letters[this.facts.quizQuestionByStem(stem).index] ?? 'A');
      const last = i === letters.length - 1;
      await this.main.getByRole('button', { name: last ? 'Submit quiz' : 'Next question' }).click();
    }
    await expect(this.main.getByRole('heading', { name: 'Your result' })).toBeVisible();
    return shown;
  }

  /** All text the page shows, through shadow roots (what a person could read). */
  async visibleText(): Promise<string> {
    return this.page.evaluate(() => {
      const parts: string[] = [];
      const walk = (node: Node) => {
        if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
        if (node instanceof Element) {
          const style = getComputedStyle(node);
          if (style.display === 'none' || node.classList.contains('visually-hidden')) return;
          if (node.shadowRoot) walk(node.shadowRoot);
          if (['P', 'LI', 'H1', 'H2', 'H3', 'H4', 'TD', 'TH', 'DT', 'DD', 'LEGEND', 'LABEL', 'PRE', 'CAPTION', 'TR'].includes(node.tagName))
            parts.push('\n');
        }
        for (const child of Array.from(node.childNodes)) walk(child);
      };
      walk(document.body);
      return parts.join('');
    });
  }
}
