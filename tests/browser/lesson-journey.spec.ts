/**
 * A learner takes the whole lesson in the standalone web build: every page,
 * both micro-activities, the quiz (pass; fail and retake) and the reflections.
 * What is checked is what the learner sees.
 */
import { readFileSync } from 'node:fs';
import { CASE_ANSWERS, CORRECT_QUIZ, CoursePage, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { expect, test } from './fixtures.js';

test('a learner reads every page, does both activities and the reflections, and passes the quiz', async ({ page, site, errors }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Root User, IAM Users, IAM Roles, and Access Patterns Review');
  await expect(page.getByText('Not connected to an LMS: your progress is saved in this browser only.')).toBeVisible();
  // The full title, length, level and description once, on the first page; the bar keeps the title.
  const about = course.main.getByRole('group', { name: 'About this lesson' });
  await expect(about).toContainText('Root User, IAM Users, IAM Roles, and Access Patterns Review');
  await expect(about).toContainText('15 min');
  await expect(about).toContainText('Introductory');

  for (const [i, title] of PAGE_TITLES.entries()) {
    await expect(course.pageHeading()).toHaveText(title);
    await expect(page).toHaveURL(/#\/[a-z0-9-]+$/);
    // Focus moves to the new page's heading, so keyboard and screen-reader users start there.
    if (i > 0) await expect(course.pageHeading()).toBeFocused();

    if (title === 'Micro-activity 1: Choose the identity pattern') {
      for (const [c, answer] of CASE_ANSWERS.entries()) {
        const group = await course.answerCase(c, answer);
        await expect(group.getByText(`Correct. The best answer is: ${answer}.`)).toBeVisible();
      }
    }
    if (title === 'Micro-activity 2: Explain it in your own words') {
      const item = await course.writeAnswer(
        /Why does AWS prefer roles/,
        'Temporary credentials expire, so a leaked key is useful only briefly.',
      );
      await expect(item.getByRole('heading', { name: 'Model answer' })).toBeVisible();
      await expect(item).toContainText('reduce long-term credential exposure');
      await course.writeAnswer(
        /Why is the root user different/,
        'Root is the account owner identity; an admin user is still governed within IAM.',
      );
      await course.writeAnswer(/Why are IAM users still present/, 'Some workloads and third-party tools cannot use roles or federation.');
      await expect(course.main.getByRole('heading', { name: 'Model answer' })).toHaveCount(3);
    }
    if (title === 'Quiz 5.6') {
      await expect(course.main.getByRole('heading', { name: 'Knowledge Check' })).toBeVisible();
      await expect(course.main.getByRole('group', { name: 'What is the AWS account root user?' })).toBeVisible();
      await course.takeQuiz(CORRECT_QUIZ);
      await expect(course.main.getByRole('status').filter({ hasText: 'This attempt' })).toContainText(
        'This attempt: 100 % (5 of 5 correct).',
      );
      await expect(course.main).toContainText('Passed. The passing score is 80 %.');
      await expect(course.main).toContainText('Labels such as A5 are the numbers of the lesson’s answer key');
      await expect(course.main).toContainText('Answer key A1: B. AWS says the root user is the default account-owner identity');
    }
    if (title === 'Reflection questions') {
      await expect(course.main.getByRole('heading', { name: 'Think about it' })).toHaveCount(5);
      await course.writeAnswer(
        'Why does AWS recommend avoiding routine use of the root user?',
        'It has complete access; use it only when a task needs it.',
      );
      await course.writeAnswer(
        'What is the difference between an IAM user and an IAM role?',
        'A user has long-term credentials; a role gives temporary ones.',
      );
      await course.writeAnswer('Name one case where AWS says IAM users may still be used.', 'A third-party client that cannot use roles.');
      await course.writeAnswer(/A team has an application on EC2/, 'An IAM role attached to the instance.');
      await course.writeAnswer(
        'What is the simplest memory rule for root user, IAM user, and IAM role?',
        'root = rare, user = named long-term, role = temporary.',
      );
      await expect(course.main).toContainText('An IAM role attached to the EC2 workload is the strongest first pattern');
    }
    if (title === 'Answer key') {
      for (const label of ['A1', 'A2', 'A3', 'A4', 'A5', 'A6', 'A7', 'A8', 'A9', 'A10'])
        await expect(course.main.getByText(`${label}:`, { exact: false }).first()).toBeVisible();
      await expect(course.main).toContainText(
        'A7: B. AWS explicitly says an IAM user with administrator permissions is not the same thing as the root user.',
      );
      await expect(course.main).toContainText('A10: root = rare, user = named long-term identity, role = temporary access pattern.');
      await expect(course.main).toContainText('Next lesson: Lesson 5.7: Security Services Recognition Review');
      await expect(course.main.getByText('Shown after')).toHaveCount(0);
    }
    if (i < PAGE_TITLES.length - 1) await course.next();
  }

  const progress = page.getByRole('progressbar', { name: 'Lesson progress' });
  await expect(progress).toHaveAttribute('aria-valuenow', '20');
  await expect(progress).toHaveAttribute('aria-valuetext', '20 of 20 steps done: 19 of 19 pages visited, quiz submitted');
  await expect(course.main.getByRole('heading', { name: 'Lesson complete' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a learner who fails the quiz sees why, retakes it and passes; the pass is kept', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/quiz`);
  await course.takeQuiz(['A', 'C', 'C', 'A', 'D']);
  const summary = course.main.getByRole('status').filter({ hasText: 'This attempt' });
  await expect(summary).toContainText('This attempt: 40 % (2 of 5 correct).');
  await expect(course.main).toContainText('Not passed yet. The passing score is 80 %.');
  // Feedback names the learner's answer, the right one and the answer key's explanation.
  await expect(course.main).toContainText('Your answer: A. An IAM user with administrator permissions, created for everyday work');
  await expect(course.main).toContainText('Correct answer: B. The default account-owner identity with complete access');
  await expect(course.main.getByRole('heading', { name: 'Your result' })).toBeFocused();

  await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
  await expect(course.main.getByText('1 / 5', { exact: true })).toBeFocused();
  await course.takeQuiz(['B', 'C', 'C', 'C', 'A']);
  await expect(summary).toContainText('This attempt: 80 % (4 of 5 correct).');
  await expect(course.main).toContainText('Passed. The passing score is 80 %.');
  await expect(course.main).toContainText('Attempt 2.');

  await course.main.getByRole('button', { name: 'Take the quiz again' }).click();
  await course.takeQuiz(['A', 'A', 'A', 'A', 'A']);
  // Results speak of this attempt; the earlier pass is said, not shown as this one's.
  await expect(summary).toContainText('This attempt: 0 %');
  await expect(summary).toContainText('You passed earlier with 80 %, and that pass stands.');
  await expect(summary).not.toContainText('Passed. The passing score');
  await expect(summary).toHaveClass(/wrong/);
  await expect(course.main).toContainText('Best score so far: 80 %.');
});

test('the quiz will not submit with a question left unanswered', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/quiz`);
  await course.chooseQuizOption('B');
  for (let i = 0; i < 4; i += 1) await course.main.getByRole('button', { name: /Next question|Submit quiz/ }).click();
  await course.main.getByRole('button', { name: 'Submit quiz' }).click();
  await expect(course.main.getByRole('alert')).toHaveText('Answer every question before submitting. Not answered yet: 2, 3, 4, 5.');
  await expect(course.main.getByRole('heading', { name: 'Your result' })).toHaveCount(0);
});

test('a wrong activity answer says so, names the right answer and explains why', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/micro-activity-1`);
  const group = await course.answerCase(1, 'IAM user');
  await expect(group).toContainText('Not quite. The best answer is: IAM role.');
  await expect(group).toContainText('EC2 instances should usually use an attached role');
  await expect(group.getByRole('radio')).toHaveCount(4);
  for (const radio of await group.getByRole('radio').all()) await expect(radio).toBeDisabled();
});

test('reloading returns to the same page with every answer kept', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/micro-activity-2`);
  await course.writeAnswer(/Why does AWS prefer roles/, 'Because "temporary" keys expire: 100% safer = less exposure.');
  await course.goToPage('Micro-activity 1: Choose the identity pattern');
  await course.answerCase(0, 'root user');
  await page.reload();
  await expect(course.pageHeading()).toHaveText('Micro-activity 1: Choose the identity pattern');
  await expect(course.main).toContainText('Correct. The best answer is: root user.');
  await course.goToPage('Micro-activity 2: Explain it in your own words');
  await expect(course.main.getByRole('textbox', { name: /Why does AWS prefer roles/ })).toHaveValue(
    'Because "temporary" keys expire: 100% safer = less exposure.',
  );
  // Opening the lesson without a page in the URL resumes where the learner was.
  await page.goto(`${site.url}/web/`);
  await expect(course.pageHeading()).toHaveText('Micro-activity 2: Explain it in your own words');
});

test('the comparison table is a real table and its CSV version downloads', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/comparison-table`);
  const table = course.main.getByRole('table', { name: 'Identity types and their mental models' });
  await expect(table.getByRole('columnheader')).toHaveText(['Identity type', 'Mental model']);
  await expect(table.getByRole('rowheader')).toHaveText(['Root user', 'IAM user', 'IAM group', 'IAM role']);
  await expect(table.getByRole('cell').first()).toHaveText('Account-owner identity with full access, used rarely');
  const download = page.waitForEvent('download');
  await course.main.getByRole('link', { name: /Download the table as CSV/ }).click();
  const file = await (await download).path();
  expect(readFileSync(file, 'utf8')).toBe(
    'Identity type,Mental model\r\nRoot user,"Account-owner identity with full access, used rarely"\r\n' +
      'IAM user,Named identity with long-term credentials\r\nIAM group,Shared permissions for multiple IAM users\r\n' +
      'IAM role,Assumable identity with temporary credentials\r\n',
  );
});

test('every "(AWS Documentation)" reference links to the AWS IAM User Guide page it comes from', async ({ page, site }) => {
  const course = new CoursePage(page);
  const hrefs = new Set<string>();
  await course.open(`${site.url}/web/`);
  for (const title of PAGE_TITLES.slice(0, 16)) {
    await course.goToPage(title);
    for (const link of await course.main.getByRole('link', { name: /^AWS Documentation: / }).all()) {
      await expect(link).toHaveText('AWS Documentation');
      await expect(link).toHaveAttribute('target', '_blank');
      hrefs.add((await link.getAttribute('href')) ?? '');
    }
  }
  expect([...hrefs].sort()).toEqual([
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_root-user.html',
    'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_users.html',
  ]);
});

test('on a 375 px phone the contents open from a button and nothing scrolls sideways', async ({ browser, site }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/`);
  const toggle = page.getByRole('button', { name: /^Contents/ });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(course.toc).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await course.toc.getByRole('link', { name: 'Quick comparison table' }).click();
  await expect(course.pageHeading()).toHaveText('Quick comparison table');
  await expect(course.toc).toBeHidden();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await context.close();
});

test('before the script has run (or without JavaScript) the page already shows the lesson header', async ({ browser, site }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${site.url}/web/`);
  await expect(page).toHaveTitle('Root User, IAM Users, IAM Roles, and Access Patterns Review');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Root User, IAM Users, IAM Roles, and Access Patterns Review');
  await expect(page.getByRole('banner')).toContainText('Lesson 5.6');
  await expect(page.getByRole('banner')).toContainText('15 min');
  await expect(page.locator('noscript p')).toHaveText(/^This lesson needs JavaScript\./);
  await expect(page.locator('noscript p')).toBeVisible();
  await context.close();
});
