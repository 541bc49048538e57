/**
 * The learner always knows where they stand: progress counts what was learned (a page with an
 * activity is done when its activity is done, the quiz when it is passed), the contents say of each
 * page whether it is not started, in progress or done (in words, not only a mark), and the end
 * screen lists what is left, with links, until the lesson is complete.
 */
import { CORRECT_QUIZ, CoursePage, PAGE_IDS, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect, test } from './fixtures.js';

test('passing the quiz early: the end screen says what is left, its links lead there, and the list empties as the learner goes', async ({
  page,
  site,
}) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${PAGE_IDS[0]}`);
  await course.openQuiz();
  await course.takeQuiz(CORRECT_QUIZ);
  const progress = page.getByRole('progressbar', { name: 'Lesson progress' });
  await expect(progress).toHaveAttribute('aria-valuemax', String(PAGE_TITLES.length));
  // The first page (read) and the quiz (passed).
  await expect(progress).toHaveAttribute('aria-valuetext', `2 of ${PAGE_TITLES.length} pages done`);

  await course.openEndScreen();
  const unread = PAGE_TITLES.filter((t) => t !== PAGE_TITLES[0] && t !== LESSON.quizTitle);
  await expect(course.main).toContainText(`${unread.length} things are left before this lesson is complete:`);
  const first = course.main.getByRole('link', { name: new RegExp(`“${unread[0]?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}”`) });
  await first.click();
  await expect(course.pageHeading()).toHaveText(unread[0] ?? '');
  await course.openEndScreen();
  await expect(course.main).toContainText(`${unread.length - 1} things are left`);
  await expect(course.main.getByRole('heading', { name: 'Lesson complete' })).toHaveCount(0);
});

test('the contents say not started, in progress and done in words; an opened activity is in progress until answered', async ({
  page,
  site,
}) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${PAGE_IDS[0]}`);
  await course.goToPage(LESSON.choiceActivityTitle);
  const toc = course.toc;
  await expect(toc.getByRole('link', { name: `${PAGE_TITLES[0]} (done)` })).toBeVisible();
  await expect(toc.getByRole('link', { name: `${LESSON.choiceActivityTitle} (in progress)` })).toBeVisible();
  await expect(toc.getByRole('link', { name: `${PAGE_TITLES[1]} (not started)` })).toBeVisible();
  await expect(toc.getByRole('link', { name: `${LESSON.quizTitle} (not started)` })).toBeVisible();
  for (const [i, answer] of LESSON.caseAnswers.entries()) await course.answerCase(i, answer);
  await expect(toc.getByRole('link', { name: `${LESSON.choiceActivityTitle} (done)` })).toBeVisible();

  // A failed quiz is in progress, not done.
  await course.openQuiz();
  await course.takeQuiz(LESSON.answersWithCorrect(LESSON.fewestToPass - 1));
  await expect(toc.getByRole('link', { name: `${LESSON.quizTitle} (in progress)` })).toBeVisible();
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
