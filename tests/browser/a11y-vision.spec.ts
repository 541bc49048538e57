/**
 * Vision and motion: contrast of the interface's own parts (axe checks text),
 * forced colours, reflow at 320 px, text at 200 %, reduced motion, and right or
 * wrong never told by colour alone. Screenshots of each view go to
 * tests/.screenshots/ for a person to look at.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, Locator, Page } from '@playwright/test';
import { CASE_ANSWERS, CoursePage, PAGE_IDS } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect, test } from './fixtures.js';

const SHOTS = join(process.cwd(), 'tests', '.screenshots');
mkdirSync(SHOTS, { recursive: true });

type Rgb = readonly [number, number, number];

function parseRgb(css: string): Rgb {
  const [r = 0, g = 0, b = 0] = (css.match(/[\d.]+/g) ?? []).map(Number);
  return [r, g, b];
}

/** WCAG 2.2 relative luminance and contrast ratio. */
function contrast(a: Rgb, b: Rgb): number {
  const lum = ([r, g, b]: Rgb) => {
    const c = [r, g, b].map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** A computed colour of the element, and the background it sits on (the first opaque one up the composed tree). */
async function colourOn(locator: Locator, property: string, of: 'self' | 'parent' = 'parent'): Promise<{ colour: Rgb; behind: Rgb }> {
  const found = await locator.evaluate(
    (el, [prop, start]) => {
      const up = (node: Element): Element | null =>
        node.parentElement ?? (node.parentNode instanceof ShadowRoot ? node.parentNode.host : null);
      let behind = 'rgb(255, 255, 255)';
      for (let node: Element | null = start === 'self' ? el : up(el); node; node = up(node)) {
        const bg = getComputedStyle(node).backgroundColor;
        if (bg !== 'transparent' && !/rgba\(.*, 0\)$/.test(bg)) {
          behind = bg;
          break;
        }
      }
      return { colour: getComputedStyle(el).getPropertyValue(prop), behind };
    },
    [property, of] as const,
  );
  return { colour: parseRgb(found.colour), behind: parseRgb(found.behind) };
}

/** Focus the element from the keyboard (Shift+Tab, Tab), so it shows the ring a keyboard user sees. */
async function keyboardFocus(page: Page, locator: Locator) {
  await locator.focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(locator).toBeFocused();
  expect(await locator.evaluate((el) => el.matches(':focus-visible') && getComputedStyle(el).outlineStyle)).toBe('solid');
}

async function expectUiContrast(what: string, locator: Locator, property: string, of: 'self' | 'parent' = 'parent') {
  const { colour, behind } = await colourOn(locator, property, of);
  expect(contrast(colour, behind), `${what}: ${property} rgb(${colour.join(',')}) on rgb(${behind.join(',')})`).toBeGreaterThanOrEqual(3);
}

/**
 * Native radios are drawn by the browser, so their border is not in any computed
 * style: take a screenshot of one and measure its strongest pixel against the page.
 */
async function radioContrast(page: Page, radio: Locator, surface: Rgb): Promise<number> {
  const png = (await radio.screenshot({ animations: 'disabled' })).toString('base64');
  const darkest = await page.evaluate(
    async ([data, bg]) => {
      const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${data}`)).blob());
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d');
      if (!context) return [0, 0, 0];
      context.drawImage(bitmap, 0, 0);
      const pixels = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      const away = (i: number) => Math.abs(pixels[i]! - bg[0]) + Math.abs(pixels[i + 1]! - bg[1]) + Math.abs(pixels[i + 2]! - bg[2]);
      let best = 0;
      for (let i = 0; i < pixels.length; i += 4) if (away(i) > away(best)) best = i;
      return [pixels[best], pixels[best + 1], pixels[best + 2]];
    },
    [png, surface] as const,
  );
  return contrast(darkest as unknown as Rgb, surface);
}

/** A full-page screenshot from the top, the mouse out of the way (no hover styles). */
async function shoot(page: Page, name: string) {
  await page.mouse.move(0, 0);
  // The contents scroll on their own on a short window; Playwright's clicks leave them scrolled to the last link clicked.
  await page.evaluate(() => {
    scrollTo(0, 0);
    document.querySelector('lesson-app')?.shadowRoot?.querySelector('.toc')?.scrollTo(0, 0);
  });
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

async function newPage(browser: Browser, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

/** Puts the lesson in a state worth looking at: activity 1 with a right and a wrong answer, a failed quiz. */
/** Right answers in the quiz taken by answerSome: the first ones right, the rest wrong. */
const QUIZ_RIGHT = Math.max(1, LESSON.fewestToPass - 1);

async function answerSome(course: CoursePage, base: string) {
  await course.open(`${base}/web/`);
  await course.goToPage(LESSON.pageWith('choice-activity'));
  // The first case right, the second wrong.
  await course.answerCase(0, CASE_ANSWERS[0]);
  await course.answerCase(1, CASE_ANSWERS.find((answer) => answer !== CASE_ANSWERS[1]) ?? CASE_ANSWERS[0]);
  await course.goToPage(LESSON.pageWith('quiz'));
  await course.takeQuiz(LESSON.answersWithCorrect(QUIZ_RIGHT));
}

for (const colorScheme of ['light', 'dark'] as const) {
  test(`${colorScheme} theme: focus ring, buttons, text boxes, radios, progress bar and feedback marks reach 3:1`, async ({
    page,
    site,
  }) => {
    await page.emulateMedia({ colorScheme });
    const course = new CoursePage(page);
    await answerSome(course, site.url);
    const surface = (await colourOn(page.locator('html'), 'color', 'self')).behind;

    const retake = course.main.getByRole('button', { name: 'Take the quiz again' });
    await expectUiContrast('primary button border', retake, 'border-top-color');
    await keyboardFocus(page, retake);
    await expectUiContrast('focus ring', retake, 'outline-color');
    await expectUiContrast('secondary link border', course.main.getByRole('link', { name: /^Previous: / }), 'border-top-color');
    await expectUiContrast('wrong-answer mark', course.main.locator('.feedback.wrong').first(), 'border-left-color', 'self');
    await expectUiContrast('right-answer mark', course.main.locator('.feedback.right').first(), 'border-left-color', 'self');
    await expectUiContrast('result border', course.main.locator('.summary'), 'border-top-color');

    const bar = page.getByRole('progressbar', { name: 'Lesson progress' });
    await expectUiContrast('progress bar outline', bar, 'border-top-color');
    await expectUiContrast('progress bar fill', bar.locator('.fill'), 'background-color');

    await course.goToPage(LESSON.writtenActivityTitle);
    await expectUiContrast('text box border', course.main.getByRole('textbox').first(), 'border-top-color');
    await course.goToPage(LESSON.choiceActivityTitle);
    const radio = course.main.getByRole('group', { name: /^3\. / }).getByRole('radio').first();
    expect(await radioContrast(page, radio, surface), 'unchecked radio against the page').toBeGreaterThanOrEqual(3);
    await radio.check();
    expect(await radioContrast(page, radio, surface), 'checked radio against the page').toBeGreaterThanOrEqual(3);

    await shoot(page, `${colorScheme}-micro-activity-1`);
    await keyboardFocus(page, course.main.getByRole('link', { name: /^Next: / }));
    await page.screenshot({ path: join(SHOTS, `${colorScheme}-focus-ring.png`) });
    await course.goToPage(LESSON.quizTitle);
    await shoot(page, `${colorScheme}-quiz-results`);
    await course.goToPage(LESSON.pageWith('table'));
    await shoot(page, `${colorScheme}-comparison-table`);
  });
}

test('forced colours (Windows high contrast): the progress bar, focus ring and right/wrong marks stay visible', async ({ page, site }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  const course = new CoursePage(page);
  await answerSome(course, site.url);
  const bar = page.getByRole('progressbar', { name: 'Lesson progress' });
  const fill = await colourOn(bar.locator('.fill'), 'background-color', 'self');
  expect(
    contrast(fill.colour, (await colourOn(bar, 'background-color', 'self')).behind),
    'progress fill against its track',
  ).toBeGreaterThanOrEqual(3);
  const retake = course.main.getByRole('button', { name: 'Take the quiz again' });
  await keyboardFocus(page, retake);
  await expectUiContrast('focus ring', retake, 'outline-color');
  await expect(course.main.locator('.feedback.wrong .verdict svg').first()).toBeVisible();
  // Forced colours paint a Canvas backplate behind text: labels must read against Canvas, whatever the author's background.
  const canvas = (await colourOn(page.locator('html'), 'color', 'self')).behind;
  for (const label of [
    retake,
    course.main.getByRole('link', { name: /^Next: / }),
    course.main.getByRole('link', { name: /^Previous: / }),
  ]) {
    const { colour } = await colourOn(label, 'color', 'self');
    expect(contrast(colour, canvas), `text of ${await label.textContent()} on the backplate`).toBeGreaterThanOrEqual(4.5);
  }
  await shoot(page, 'forced-colors-quiz-results');
  await course.goToPage(LESSON.choiceActivityTitle);
  await shoot(page, 'forced-colors-micro-activity-1');
});

test('right and wrong are said in words and shown with an icon, not by colour alone', async ({ page, site }) => {
  const course = new CoursePage(page);
  await answerSome(course, site.url);
  const verdicts = course.main.locator('.feedback .verdict');
  await expect(verdicts).toHaveText(LESSON.quiz.questions.map((_, i) => (i < QUIZ_RIGHT ? 'Correct.' : 'Not quite.')));
  for (const verdict of await verdicts.all()) await expect(verdict.locator('svg')).toHaveCount(1);
  await course.goToPage(LESSON.pageWith('choice-activity'));
  await expect(course.main.locator('.feedback .verdict')).toHaveText([/^Correct\./, /^Not quite\./]);
  for (const verdict of await course.main.locator('.feedback .verdict').all()) await expect(verdict.locator('svg')).toHaveCount(1);
});

/** Anything wider than the window: the document scrolls sideways, or a box pokes out past the right edge or clips its text. */
async function overflowing(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) problems.push(`document scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    const walk = (node: Element | ShadowRoot) => {
      for (const el of Array.from(node.children)) {
        const style = getComputedStyle(el);
        if (style.display === 'none' || el.classList.contains('visually-hidden') || el.classList.contains('skip')) continue;
        const rect = el.getBoundingClientRect();
        const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;
        if (rect.width > 0 && rect.right > root.clientWidth + 1) problems.push(`${name} ends at ${Math.round(rect.right)} px`);
        const clips = ['hidden', 'clip'].includes(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
        if (clips) problems.push(`${name} clips its content (${el.scrollWidth} > ${el.clientWidth})`);
        if (el.shadowRoot) walk(el.shadowRoot);
        walk(el);
      }
    };
    walk(document.body);
    return problems;
  });
}

const LAYOUTS: { name: string; options: BrowserContextOptions; rootStyle?: string }[] = [
  { name: '320 px wide (reflow)', options: { viewport: { width: 320, height: 640 } } },
  // Browser zoom at 200 % on a 1280 px window lays out exactly like this.
  { name: '200 % zoom', options: { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 } },
  { name: '200 % text size', options: { viewport: { width: 1280, height: 900 } }, rootStyle: 'font-size: 200%' },
  // WCAG 1.4.12 text spacing (the inherited part: line height, letter and word spacing reach into every shadow root).
  {
    name: 'text spacing on a phone',
    options: { viewport: { width: 375, height: 740 } },
    rootStyle: 'line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important',
  },
];

for (const { name, options, rootStyle } of LAYOUTS) {
  test(`${name}: every page, answered or not, fits without sideways scrolling or clipped text`, async ({ browser, site }) => {
    test.setTimeout(90_000);
    const page = await newPage(browser, options);
    if (rootStyle)
      await page.addInitScript(
        (css) => document.addEventListener('DOMContentLoaded', () => document.documentElement.setAttribute('style', css)),
        rootStyle,
      );
    const course = new CoursePage(page);
    await answerSome(course, site.url);
    const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '');
    for (const id of PAGE_IDS) {
      await page.goto(`${site.url}/web/#/${id}`);
      await expect(course.pageHeading()).toBeVisible();
      expect(await overflowing(page), `${name}, page ${id}`).toEqual([]);
      if ((['table', 'choice-activity', 'quiz'] as const).some((kind) => LESSON.pageIdWith(kind) === id))
        await shoot(page, `${slug}-${id}`);
    }
    await page.context().close();
  });
}

test('reduced motion turns transitions off; without the preference they stay short', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${LESSON.pageIdWith('choice-activity')}`);
  const button = course.main.getByRole('button', { name: 'Check answer' }).first();
  const duration = () => button.evaluate((el) => getComputedStyle(el).transitionDuration);
  expect(await duration()).toBe('0.12s');
  await page.emulateMedia({ reducedMotion: 'reduce' });
  expect(await duration()).toBe('0s');
});
