/**
 * The whole course with the keyboard alone: Tab, Shift+Tab, Enter, Space and
 * the arrow keys, text typed with keyboard.type, never a click or a fill.
 *
 * At every stop the focused element must show a focus indicator (WCAG 2.4.7)
 * and be on screen, not covered by anything (2.4.11); inside the lesson the
 * stops come in reading order (2.4.3). Focus moves to the new page's heading
 * after navigation and to the feedback or the result when it appears, and
 * Tab always leads out of the page and back (2.1.2, no keyboard trap).
 */
import type { Page } from '@playwright/test';
import { CASE_ANSWERS, CORRECT_QUIZ, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { plainText } from '../../src/content/rich-text-plain.js';
import { blocksOf } from '../../src/domain/lesson-queries.js';
import { expect, test } from './fixtures.js';

/** What a sighted keyboard user and a screen reader would notice about the focused element. */
interface Stop {
  /** Role and name, e.g. `link "Next: What this review covers"`, `radio "IAM role" checked`. */
  readonly label: string;
  readonly inMain: boolean;
  /** Page coordinates, for reading order. */
  readonly top: number;
  readonly left: number;
  readonly height: number;
  readonly outline: string;
  readonly outlineWidth: number;
  /** Some of the element is in the viewport and the top-most thing there is the element itself. */
  readonly onScreen: boolean;
  readonly uncovered: boolean;
}

/** The focused element, found through shadow roots; undefined when focus has left the document. */
async function focused(page: Page): Promise<Stop | undefined> {
  return page.evaluate(() => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body || !(el instanceof HTMLElement)) return undefined;

    const text = (node: Element) => {
      const copy = node.cloneNode(true) as Element;
      for (const hidden of copy.querySelectorAll('[aria-hidden="true"], input, textarea')) hidden.remove();
      return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
    };
    const roles: Record<string, string> = { A: 'link', BUTTON: 'button', TEXTAREA: 'textbox', SUMMARY: 'summary' };
    const input = el instanceof HTMLInputElement ? el : undefined;
    const role =
      el.getAttribute('role') ?? (/^H\d$/.test(el.tagName) ? 'heading' : (roles[el.tagName] ?? input?.type ?? el.tagName.toLowerCase()));
    const labelled = input ?? (el instanceof HTMLTextAreaElement ? el : undefined);
    const root = el.getRootNode() as Document | ShadowRoot;
    const byRef = el
      .getAttribute('aria-labelledby')
      ?.split(' ')
      .map((id) => root.getElementById(id))
      .filter((x): x is HTMLElement => x !== null);
    const name =
      el.getAttribute('aria-label') ??
      (byRef?.length ? byRef.map(text).join(' ') : labelled?.labels?.[0] ? text(labelled.labels[0]) : text(el));
    const state = input?.checked ? ' checked' : '';

    let inMain = false;
    for (let node: Node | null = el; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null))
      if (node instanceof HTMLElement && node.tagName === 'MAIN') inMain = true;

    const rect = el.getBoundingClientRect();
    // A link that wraps has one box per line: hit-test the first.
    const box = el.getClientRects()[0] ?? rect;
    const top = Math.max(rect.top, 0);
    const bottom = Math.min(rect.bottom, innerHeight);
    const onScreen = bottom > top && rect.right > 0 && rect.left < innerWidth;
    // Hit-test the middle of the visible part, descending through shadow roots.
    const x = box.left + Math.min(box.width, 40) / 2;
    const y = box.height < rect.height ? box.top + box.height / 2 : (top + bottom) / 2;
    let hit = document.elementFromPoint(x, y);
    while (hit?.shadowRoot) {
      const inner = hit.shadowRoot.elementFromPoint(x, y);
      if (!inner || inner === hit) break;
      hit = inner;
    }
    const uncovered =
      !!hit && (hit === el || el.contains(hit) || (!!labelled && [...(labelled.labels ?? [])].some((l) => l.contains(hit))));
    const style = getComputedStyle(el);
    return {
      label: `${role} "${name.slice(0, 160)}"${state}`,
      inMain,
      top: rect.top + scrollY,
      left: rect.left,
      height: rect.height,
      outline: style.outlineStyle,
      outlineWidth: parseFloat(style.outlineWidth),
      onScreen,
      uncovered,
    };
  });
}

/** Asserts what every focus stop owes a keyboard user: a visible indicator, on screen, not covered. */
function expectUsable(stop: Stop) {
  expect(stop.outline, `focus indicator of ${stop.label}`).not.toBe('none');
  expect(stop.outlineWidth, `focus indicator width of ${stop.label}`).toBeGreaterThanOrEqual(2);
  expect(stop.onScreen, `${stop.label} is scrolled into view`).toBe(true);
  expect(stop.uncovered, `${stop.label} is not covered by other content`).toBe(true);
}

/** Each stop in the lesson comes after the previous one: further down, or to the right on the same line. */
function expectReadingOrder(stops: readonly Stop[]) {
  const lesson = stops.filter((s) => s.inMain);
  for (let i = 1; i < lesson.length; i += 1) {
    const [a, b] = [lesson[i - 1], lesson[i]] as [Stop, Stop];
    const sameLine = Math.abs(a.top - b.top) < Math.min(a.height, b.height);
    expect(b.top > a.top || (sameLine && b.left > a.left), `${b.label} comes after ${a.label} in reading order`).toBe(true);
  }
}

class Keyboard {
  readonly stops: Stop[] = [];
  constructor(readonly page: Page) {}

  async now(): Promise<Stop> {
    const stop = await focused(this.page);
    if (!stop) throw new Error('nothing has focus');
    return stop;
  }

  async press(key: string): Promise<Stop | undefined> {
    await this.page.keyboard.press(key);
    const stop = await focused(this.page);
    if (stop) expectUsable(stop);
    return stop;
  }

  /** Tabs (or Shift+Tabs) until the focused element's label matches; returns the stops on the way, in order. */
  async tabTo(target: RegExp, { back = false, max = 60 } = {}): Promise<Stop> {
    const run: Stop[] = [];
    for (let i = 0; i < max; i += 1) {
      const stop = await this.press(back ? 'Shift+Tab' : 'Tab');
      if (!stop) continue;
      run.push(stop);
      if (target.test(stop.label)) {
        if (!back) expectReadingOrder(run);
        this.stops.push(...run);
        return stop;
      }
    }
    throw new Error(`${target} not reached with ${back ? 'Shift+Tab' : 'Tab'}; stops: ${run.map((s) => s.label).join(' → ')}`);
  }

  async expectFocus(label: RegExp) {
    await expect.poll(async () => (await focused(this.page))?.label ?? '(nothing)').toMatch(label);
    expectUsable(await this.now());
  }

  /** In a radio group (focus on its first radio, none checked yet) picks the option at `index` with Space or arrows. */
  async pickRadio(index: number, name: string | RegExp) {
    if (index === 0) await this.press('Space');
    for (let i = 0; i < index; i += 1) await this.press('ArrowDown');
    const stop = await this.now();
    expect(stop.label).toMatch(typeof name === 'string' ? `radio "${name}" checked` : name);
  }

  /** Goes on to the next page with the pager link and checks focus lands on its heading. */
  async nextPage(title: string) {
    await this.tabTo(/^link "Next: /);
    await this.press('Enter');
    await this.expectFocus(new RegExp(`^heading "${escape(title)}"$`));
  }

  /** Answers a written question: Tab to its box, type, Tab to the button, Enter; the model answer takes focus. */
  async write(question: string, answer: string) {
    await this.tabTo(new RegExp(`^textbox "(\\d+\\. )?${escape(question)}"$`));
    await this.page.keyboard.type(answer);
    await this.tabTo(/^button "Submit and show the model answer"$/);
    await this.press('Enter');
    await this.expectFocus(/^div "Model answer/);
  }

  /** Takes the quiz from question 1: Tab to each group, pick the letter, Tab to Next/Submit, Enter. */
  /** `letters` in the lesson's question order; each attempt may ask them in another order: the one on screen is answered. */
  async takeQuiz(letters: readonly string[]) {
    for (let i = 0; i < letters.length; i++) {
      if (i > 0) await this.expectFocus(new RegExp(`^heading "Question ${i + 1} of ${letters.length}"$`));
      const stem = (await this.page.getByRole('main').getByRole('group').first().locator('legend').textContent()) ?? '';
      const letter = letters[LESSON.quizQuestionByStem(stem).index] ?? 'A';
      await this.tabTo(/^radio "A\. /);
      await this.pickRadio(letter.charCodeAt(0) - 65, new RegExp(`^radio "${letter}\\. .*" checked$`));
      const last = i === letters.length - 1;
      await this.tabTo(last ? /^button "Submit quiz"$/ : /^button "Next question"$/);
      await this.press(last ? 'Space' : 'Enter');
    }
    await this.expectFocus(/^heading "Your result"$/);
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first micro-activity's options, as its radios read. */
const OPTIONS = (blocksOf(LESSON.lesson, 'choice-activity')[0]?.options ?? []).map((o) => o.text);
const FIRST_OPTION = new RegExp(`^radio "${escape(OPTIONS[0] ?? '')}"$`);
const [TABLE] = blocksOf(LESSON.lesson, 'table');
const QUESTIONS = LESSON.quiz.questions.length;

test('the whole course with the keyboard alone: pages, both activities, a failed quiz, the retake, reflections', async ({ page, site }) => {
  test.setTimeout(120_000);
  const keys = new Keyboard(page);
  const main = page.getByRole('main');
  await page.goto(`${site.url}/web/`);
  await expect(main.getByRole('heading', { level: 2 })).toHaveText(LESSON.lesson.title);

  // The first Tab reaches the skip link, which takes the learner to the page heading (the lesson's title on the first page).
  await keys.tabTo(/^link "Skip to main content"$/, { max: 1 });
  await keys.press('Enter');
  await keys.expectFocus(new RegExp(`^heading "${escape(LESSON.lesson.title)}"$`));

  for (const [i, title] of PAGE_TITLES.entries()) {
    if (i > 0) await keys.nextPage(title);

    if (TABLE && title === LESSON.pageWith('table')) {
      // The table's scroll box is focusable (its arrow keys scroll it); the CSV version opens with Enter.
      await keys.tabTo(new RegExp(`^region "${escape(TABLE.caption)}"$`));
      await keys.tabTo(/^summary "CSV version"$/);
      await keys.press('Enter');
      await expect(main.getByText(TABLE.csv.split('\r\n')[0] ?? '')).toBeVisible();
    }

    if (title === LESSON.choiceActivityTitle) {
      // Checking without a choice says what to do, and leaves focus where it was.
      await keys.tabTo(FIRST_OPTION);
      await keys.tabTo(/^button "Check answer"$/);
      await keys.press('Enter');
      await expect(main.getByRole('alert')).toHaveText('Choose an answer first.');
      await keys.expectFocus(/^button "Check answer"$/);
      await keys.tabTo(FIRST_OPTION, { back: true });
      for (const [c, answer] of CASE_ANSWERS.entries()) {
        if (c > 0) await keys.tabTo(FIRST_OPTION);
        await keys.pickRadio(OPTIONS.indexOf(answer), answer);
        await keys.tabTo(/^button "Check answer"$/);
        await keys.press(c % 2 ? 'Space' : 'Enter');
        await keys.expectFocus(/^div "Correct\./);
      }
    }

    if (title === LESSON.writtenActivityTitle) {
      for (const [q, question] of LESSON.writtenQuestions.entries())
        await keys.write(question, `My answer to question ${q + 1}, in my own words.`);
      await expect(main.getByRole('heading', { name: 'Model answer' })).toHaveCount(LESSON.writtenQuestions.length);
    }

    if (title === LESSON.pageWith('quiz')) {
      await keys.takeQuiz(LESSON.answersWithCorrect(LESSON.fewestToPass - 1));
      await expect(main.getByRole('status').filter({ hasText: 'This attempt' })).toContainText(LESSON.scoreText(LESSON.fewestToPass - 1));
      await keys.tabTo(/^button "Take the quiz again"$/);
      await keys.press('Enter');
      await keys.expectFocus(new RegExp(`^heading "Question 1 of ${QUESTIONS}"$`));
      await keys.takeQuiz(CORRECT_QUIZ);
      await expect(main.getByRole('status').filter({ hasText: 'This attempt' })).toContainText(
        LESSON.scoreText(LESSON.quiz.questions.length),
      );
      await expect(main).toContainText(`Passed. The passing score is ${LESSON.passPercent} %.`);
    }

    if (title === LESSON.pageWith('reflection')) {
      for (const [q, question] of LESSON.reflectionQuestions.entries()) await keys.write(question, `My reflection ${q + 1}.`);
    }

    if (title === LESSON.pageWith('answer-key')) {
      // Every reflection answered: the key shows each one's model answer under its label.
      for (const question of blocksOf(LESSON.lesson, 'reflection').flatMap((b) => b.questions))
        if (question.answerKey) await expect(main).toContainText(`${question.answerKey}: ${plainText(question.modelAnswer)}`);
      await expect(main.getByText(/^Shown (after|once)/)).toHaveCount(0);
      await expect(main.getByRole('link', { name: /^Next: / })).toHaveAccessibleName('Next: Finish');
    }
  }

  // Back to the quiz through the contents, with Shift+Tab from the heading: the pass is there.
  await keys.tabTo(new RegExp(`^link "${escape(LESSON.quizTitle)}`), { back: true });
  await keys.press('Enter');
  await keys.expectFocus(new RegExp(`^heading "${escape(LESSON.quizTitle)}"$`));
  await expect(main).toContainText(`Passed. The passing score is ${LESSON.passPercent} %.`);
  const pages = LESSON.pageTitles.length;
  await expect(page.getByRole('progressbar', { name: 'Lesson progress' })).toHaveAttribute(
    'aria-valuetext',
    `${pages} of ${pages} pages done`,
  );
  expect(keys.stops.length).toBeGreaterThan(100);
});

test('Tab and Shift+Tab go through every page and out of it: nothing traps focus', async ({ page, site }) => {
  const quizPath = `#/${LESSON.pageIdWith('quiz')}`;
  const kinds = ['choice-activity', 'written-activity', 'quiz', 'table'] as const;
  for (const path of kinds.map((kind) => `#/${LESSON.pageIdWith(kind)}`)) {
    await page.goto('about:blank');
    await page.goto(`${site.url}/web/${path}`);
    await expect(page.getByRole('main').getByRole('heading', { level: 2 })).toBeVisible();
    const keys = new Keyboard(page);
    const first = await keys.tabTo(/^link "Skip to main content"$/, { max: 1 });
    // Forward: through everything, out of the document, and round to the skip link again.
    let left = false;
    for (let i = 0; i < 120; i += 1) {
      const stop = await keys.press('Tab');
      if (!stop) left = true;
      else if (stop.label === first.label) break;
    }
    expect(left, `${path}: Tab leaves the page after its last control`).toBe(true);
    await keys.expectFocus(/^link "Skip to main content"$/);
    // Backward: Shift+Tab from the skip link leaves the page (or the browser wraps round at once) to its last control
    // (on the quiz, an open attempt ends with its own button: page links give way to a note).
    const last = (await keys.press('Shift+Tab')) ?? (await keys.press('Shift+Tab'));
    expect(last?.label, `${path}: Shift+Tab re-enters at the last control`).toMatch(
      path === quizPath ? /^button "Next question"$/ : /^link "Next: /,
    );
  }
});

test('on a 375 px phone the contents open and close with the keyboard, and choosing a page focuses its heading', async ({
  browser,
  site,
}) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 } });
  const page = await context.newPage();
  await page.goto(`${site.url}/web/#/${LESSON.pageIds[0]}`);
  const toggle = page.getByRole('button', { name: /^Contents/ });
  await expect(toggle).toBeVisible();
  const keys = new Keyboard(page);
  await keys.tabTo(/^button "Contents/);
  await keys.press('Enter');
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await keys.tabTo(/^link "Quick comparison table \(not started\)"$/);
  await keys.press('Enter');
  await keys.expectFocus(/^heading "Quick comparison table"$/);
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('navigation', { name: 'Contents' })).toBeHidden();
  await context.close();
});
