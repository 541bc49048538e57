/**
 * Nothing typed is lost: a written answer typed but not submitted, an option
 * picked but not checked and a quiz answer chosen mid-attempt come back after
 * a reload (standalone) and after closing and relaunching in a SCORM 1.2 LMS,
 * whose 4096-character suspend_data carries them.
 */
import { join } from 'node:path';
import { HARNESS_DIST } from '../../hosts/scorm/harness-paths.js';
import { CoursePage, PAGE_IDS } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { blocksOf } from '../../src/domain/lesson-queries.js';
import { expect as expectPage, test as pageTest } from './fixtures.js';
import { expect, test } from './playwright-fixtures.js';

const ACTIVITY_1 = LESSON.pageWith('choice-activity');
const ACTIVITY_2 = LESSON.pageWith('written-activity');
/** The first written question's text, as its text box is named. */
const WRITTEN = blocksOf(LESSON.lesson, 'written-activity')[0]?.questions[0]?.text ?? '';
const DRAFT = 'Roles hand out "temporary" credentials,\nso a leak = short exposure';

/** Leaves a draft in micro-activity 2, a pick in micro-activity 1 and a quiz answer; returns the option picked. */
async function leaveDrafts(course: CoursePage): Promise<string> {
  await course.goToPage(ACTIVITY_2);
  await course.main.getByRole('textbox', { name: WRITTEN }).fill(DRAFT);
  await course.goToPage(ACTIVITY_1);
  const group = course.main.getByRole('group', { name: /^2\. / });
  const option = group.getByRole('radio').nth(2);
  const name = (await option.evaluate((r) => (r as HTMLInputElement).labels?.[0]?.textContent ?? '')).trim();
  await option.check();
  return name;
}

async function expectDrafts(course: CoursePage, picked: string) {
  await course.goToPage(ACTIVITY_1);
  const group = course.main.getByRole('group', { name: /^2\. / });
  await expect(group.getByRole('radio', { name: picked, exact: true })).toBeChecked();
  // Still a pick, not an answer: nothing was checked, no feedback shown, the radios still work.
  await expect(group.getByRole('button', { name: 'Check answer' })).toBeEnabled();
  await expect(group.getByRole('radio', { name: picked, exact: true })).toBeEnabled();
  await course.goToPage(ACTIVITY_2);
  const box = course.main.getByRole('textbox', { name: WRITTEN });
  await expect(box).toHaveValue(DRAFT);
  await expect(box).toBeEditable();
  await expect(course.main.getByRole('heading', { name: 'Model answer' })).toHaveCount(0);
}

pageTest('standalone: a reload brings back a typed answer and a picked option that were never submitted', async ({ page, site }) => {
  const course = new CoursePage(page);
  await course.open(`${site.url}/web/#/${PAGE_IDS[0]}`);
  const picked = await leaveDrafts(course);
  await page.reload();
  await expectPage(course.pageHeading()).toHaveText(ACTIVITY_1);
  await expectDrafts(course, picked);
  // Submitting the draft turns it into the answer, and the draft is gone for good.
  await course.main.getByRole('button', { name: 'Submit and show the model answer' }).first().click();
  await page.reload();
  await course.goToPage(ACTIVITY_2);
  await expectPage(course.main.getByRole('textbox', { name: WRITTEN })).toHaveValue(DRAFT);
  await expectPage(course.main.getByRole('heading', { name: 'Model answer' })).toHaveCount(1);
});

test.use({ staticMounts: { '/scorm12': join(process.cwd(), 'tests', '.packages', 'scorm12'), '/harness': HARNESS_DIST } });

test.describe('SCORM 1.2', () => {
  test('closing the course and relaunching brings the drafts back from suspend_data', async ({ page, lms }) => {
    let frame = await lms.launch({ version: '1.2', coursePath: '/scorm12/index.html' });
    let course = new CoursePage(frame);
    await expect(course.pageHeading()).toBeVisible();
    const picked = await leaveDrafts(course);
    // The LMS closes the course window: pagehide saves what is pending.
    await page.evaluate(() => document.querySelector('iframe#course')?.remove());
    const first = await lms.snapshot();
    expect(first.violations).toEqual([]);
    const saved = (first.committed ?? first.data)['cmi.suspend_data'] ?? '';
    expect(saved).toContain(DRAFT);
    expect(saved.length).toBeLessThanOrEqual(4096);

    frame = await lms.launch({ version: '1.2', coursePath: '/scorm12/index.html', seed: first.committed ?? first.data });
    course = new CoursePage(frame);
    await expect(course.pageHeading()).toHaveText(ACTIVITY_1);
    await expectDrafts(course, picked);
    // A draft is not an answer: the LMS holds no interaction for it.
    const after = await lms.snapshot();
    expect(Object.values(after.data).filter((v) => v === DRAFT)).toEqual([]);
  });
});
