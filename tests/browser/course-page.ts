/**
 * How a learner works the course, as reusable steps for browser tests.
 * Locators use roles and visible text (Playwright pierces shadow roots), the
 * way a learner or a screen reader finds things.
 */
import { expect, type Locator, type Page } from '@playwright/test';

export const CASE_ANSWERS = ['root user', 'IAM role', 'IAM role', 'IAM user', 'federated or role-based human access'] as const;
/** Option letters of the correct quiz answers (answer key A1, A2, A3, A5, A7). */
export const CORRECT_QUIZ = ['B', 'C', 'C', 'C', 'B'] as const;

export class CoursePage {
  constructor(readonly page: Page) {}

  get main(): Locator {
    return this.page.getByRole('main');
  }

  get toc(): Locator {
    return this.page.getByRole('navigation', { name: 'Contents' });
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
    await expect(this.pageHeading()).toHaveText(title);
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

  /** Answers the quiz question on screen by letter (A–D). */
  async chooseQuizOption(letter: string) {
    await this.main.getByRole('radio', { name: new RegExp(`^${letter}\\. `) }).check();
  }

  async takeQuiz(letters: readonly string[]) {
    for (const [i, letter] of letters.entries()) {
      await expect(this.main.getByText(`${i + 1} / ${letters.length}`, { exact: true })).toBeVisible();
      await this.chooseQuizOption(letter);
      const last = i === letters.length - 1;
      await this.main.getByRole('button', { name: last ? 'Submit quiz' : 'Next question' }).click();
    }
    await expect(this.main.getByRole('heading', { name: 'Your result' })).toBeVisible();
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
