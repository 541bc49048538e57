/**
 * The standalone lesson (dist/web) as someone gets it without an LMS: opened
 * straight from disk (file://, where browsers refuse module scripts), and
 * served by `npm run preview:web`.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CoursePage, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect, test } from './fixtures.js';

const WEB_INDEX = join(process.cwd(), 'dist', 'web', 'index.html');

test('dist/web/index.html opened from disk shows the lesson, and the learner can move on and answer', async ({ page, errors }) => {
  const course = new CoursePage(page);
  await course.open(pathToFileURL(WEB_INDEX).href);
  await expect(page).toHaveURL(/^file:\/\//);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(LESSON.lesson.title);
  await expect(course.pageHeading()).toHaveText(LESSON.lesson.title);
  await course.next();
  await expect(course.pageHeading()).toHaveText(PAGE_TITLES[1] ?? '');
  await course.goToPage(LESSON.pageWith('choice-activity'));
  const group = await course.answerCase(0, LESSON.caseAnswers[0] ?? '');
  await expect(group).toContainText('Correct.');
  // Progress is kept in the browser, from disk too.
  await page.reload();
  await expect(course.pageHeading()).toHaveText(LESSON.pageWith('choice-activity'));
  expect(errors).toEqual([]);
});

test('npm run preview:web serves dist/web on 127.0.0.1', async ({ page }) => {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const server = spawn(process.execPath, ['--import', 'tsx', 'scripts/preview-web.ts', '--port', String(port)], { stdio: 'pipe' });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        const found = /(http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (found?.[1]) resolve(found[1]);
      });
      server.on('exit', (code) => reject(new Error(`preview:web exited (${code}): ${out}`)));
    });
    expect(url).toBe(`http://127.0.0.1:${port}`);
    const course = new CoursePage(page);
    await course.open(`${url}/`);
    await expect(course.pageHeading()).toHaveText(LESSON.lesson.title);
  } finally {
    server.kill('SIGTERM');
  }
});
