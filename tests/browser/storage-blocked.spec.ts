/**
 * A browser that keeps nothing (storage blocked by privacy settings or a sandboxed frame, or full):
 * the standalone lesson still works, and tells the learner the truth — progress lasts only while
 * the page is open — instead of "saved in this browser".
 */
import { CORRECT_QUIZ, CoursePage, PAGE_IDS, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { expect, test } from './fixtures.js';

const CANNOT_SAVE = /progress cannot be saved in this browser/;
const SAVED_HERE = /saved in this browser only/i;

test('storage blocked: the lesson works, says progress cannot be saved, and never claims it is', async ({ page, site }) => {
  // What Chromium does when site data is blocked: touching localStorage throws a SecurityError.
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${PAGE_IDS[0]}`);
  await expect(course.main.getByText(CANNOT_SAVE)).toBeVisible();
  await expect(page.getByText(SAVED_HERE)).toHaveCount(0);
  await course.visitAllPages();
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
  await course.openEndScreen();
  await expect(course.main.getByText(CANNOT_SAVE).first()).toBeVisible();
  await expect(page.getByText(SAVED_HERE)).toHaveCount(0);
});

test('storage full: the first save that fails turns the notice into "cannot be saved"', async ({ page, site }) => {
  await page.addInitScript(() => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${PAGE_IDS[0]}`);
  await course.goToPage(PAGE_TITLES[1] ?? '');
  await expect(course.main.getByText(CANNOT_SAVE)).toBeVisible();
  await expect(course.main.getByText(SAVED_HERE)).toHaveCount(0);
});

test('storage that works: the notice says progress is saved in this browser, on the first page and the end screen', async ({
  page,
  site,
}) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${PAGE_IDS[0]}`);
  await expect(course.main.getByText(SAVED_HERE)).toBeVisible();
  await expect(course.main.getByText(CANNOT_SAVE)).toHaveCount(0);
  // A calm note, said once: not on every page.
  await course.goToPage(PAGE_TITLES[1] ?? '');
  await expect(course.main.getByText(SAVED_HERE)).toHaveCount(0);
  await course.openEndScreen();
  await expect(course.main.getByText(SAVED_HERE).first()).toBeVisible();
});
