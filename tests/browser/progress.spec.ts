/**
 * The learner always knows where they stand: progress counts what the
 * completion rule counts (every page and the quiz), and after the quiz the
 * lesson lists what is left, with links, until the lesson is complete.
 */
import { CORRECT_QUIZ, CoursePage, PAGE_IDS, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect, test } from './fixtures.js';

test('passing the quiz early says what is left, the links lead there, and the list empties as the learner goes', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${PAGE_IDS[0]}`);
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
  const progress = page.getByRole('progressbar', { name: 'Lesson progress' });
  const total = PAGE_TITLES.length + 1; // every page and the quiz
  await expect(progress).toHaveAttribute('aria-valuemax', String(total));
  await expect(progress).toHaveAttribute('aria-valuenow', '3');

  const left = course.main.getByRole('region', { name: 'What’s left to complete this lesson' });
  const unvisited = PAGE_TITLES.filter((t) => t !== PAGE_TITLES[0] && t !== LESSON.quizTitle);
  await expect(left).toContainText(`${unvisited.length} steps left`);
  await expect(left.getByRole('link')).toHaveText(unvisited.map((t) => `Visit “${t}”`));

  await left.getByRole('link', { name: `Visit “${unvisited[0]}”` }).click();
  await expect(course.pageHeading()).toHaveText(unvisited[0] ?? '');
  await expect(progress).toHaveAttribute('aria-valuenow', '4');
  await course.goToPage(LESSON.quizTitle);
  await expect(left.getByRole('link')).toHaveCount(unvisited.length - 1);
  await expect(course.main.getByRole('heading', { name: 'Lesson complete' })).toHaveCount(0);
});

test('every page visited but no quiz yet: one step left, the quiz, named on the last page', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${PAGE_IDS[0]}`);
  // Through the contents (the quiz page's own links give way while an attempt is open).
  for (const title of PAGE_TITLES) await course.goToPage(title);
  const progress = page.getByRole('progressbar', { name: 'Lesson progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', String(PAGE_TITLES.length));
  await expect(progress).toHaveAttribute(
    'aria-valuetext',
    new RegExp(`${PAGE_TITLES.length} of ${PAGE_TITLES.length} pages visited, quiz not submitted yet`),
  );
  const left = course.main.getByRole('region', { name: 'What’s left to complete this lesson' });
  await expect(left).toContainText('1 step left');
  await left.getByRole('link', { name: `Submit the quiz on “${LESSON.quizTitle}”` }).click();
  await expect(course.pageHeading()).toHaveText(LESSON.quizTitle);
});

test('while a quiz attempt is open there is no page "Next" under the quiz buttons; after submitting it is back', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${LESSON.pageIdWith('quiz')}`);
  await expect(course.main.getByRole('button', { name: 'Next question' })).toBeVisible();
  await expect(course.main.getByRole('link', { name: /^Next: / })).toHaveCount(0);
  await expect(course.main).toContainText('Your answers are kept if you leave');
  await course.takeQuiz(CORRECT_QUIZ);
  await expect(course.main.getByRole('link', { name: /^Next: / })).toBeVisible();
  await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
  await expect(course.main.getByRole('link', { name: /^Next: / })).toHaveCount(0);
});
