/**
 * Inside an LMS frame the lesson fits: one scroll container (the frame's
 * document), a slim bar instead of a repeated header, the page's heading near
 * the top of every page, and nothing scrolling sideways even at 320 px.
 */
import { PAGE_IDS, PAGE_TITLES } from '../../hosts/learner/course-page.js';
import { LESSON } from '../../hosts/learner/lesson-facts.js';
import { expect, test } from './fixtures.js';
import { FRAME_SIZES, headingTop, openFramed } from './lms-frame.js';

const HEADING_LIMIT = 120;

for (const size of FRAME_SIZES) {
  test(`in a ${size.frame.width} × ${size.frame.height} frame every page's heading starts within ${HEADING_LIMIT} px`, async ({
    browser,
    site,
  }) => {
    test.setTimeout(120_000);
    const framed = await openFramed(browser, `${site.url}/web/#/${PAGE_IDS[0]}`, size);
    const { course, frame } = framed;
    const tops: string[] = [];
    for (const [i, id] of PAGE_IDS.entries()) {
      await frame.evaluate((hash) => (location.hash = hash), `#/${id}`);
      await expect(course.pageHeading()).toHaveText(LESSON.headingFor(PAGE_TITLES[i] ?? ''));
      const top = await headingTop(frame);
      tops.push(`${id}: ${Math.round(top)}`);
      expect(top, `heading of ${id}`).toBeLessThanOrEqual(HEADING_LIMIT);
      expect(top, `heading of ${id} is below the bar, not under it`).toBeGreaterThan(0);
    }
    console.log(`${size.name} ${size.frame.width}×${size.frame.height}: heading top per page (px) ${tops.join(', ')}`);
    // The lesson's title is said once in the bar on every page; its description only on the first page.
    await expect(frame.getByRole('heading', { level: 1 })).toHaveCount(1);
    await expect(
      frame.getByText((await frame.evaluate(() => document.title)) ?? '', { exact: true }).filter({ visible: true }),
    ).toHaveCount(1);
    await framed.context.close();
  });
}

test('the full title and description appear once, on the first page only', async ({ browser, site }) => {
  const framed = await openFramed(browser, `${site.url}/web/#/${PAGE_IDS[0]}`, FRAME_SIZES[1] ?? FRAME_SIZES[0]!);
  const about = framed.course.main.getByRole('group', { name: 'About this lesson' });
  await expect(about).toBeVisible();
  const description = await about.locator('p').last().textContent();
  expect(description?.length).toBeGreaterThan(20);
  await framed.course.next();
  await expect(framed.course.main.getByRole('group', { name: 'About this lesson' })).toHaveCount(0);
  await expect(framed.frame.getByText(description ?? '', { exact: true })).toHaveCount(0);
  await framed.context.close();
});

test('one scroll container: the frame’s document scrolls, nothing around the page content does, and the bar stays', async ({
  browser,
  site,
}) => {
  const size = FRAME_SIZES[0]!;
  const framed = await openFramed(browser, `${site.url}/web/#/summary`, size);
  const { frame, host } = framed;
  const scrollers = await frame.getByRole('main').evaluate((main) => {
    const found: string[] = [];
    for (let node: Node | null = main; node; node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null)) {
      if (!(node instanceof HTMLElement) || node === document.documentElement || node === document.body) continue;
      const { overflowY } = getComputedStyle(node);
      if (overflowY === 'auto' || overflowY === 'scroll') found.push(node.tagName);
    }
    return found;
  });
  expect(scrollers, 'scroll boxes around the page content').toEqual([]);
  const sizes = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, view: innerHeight }));
  expect(sizes.scroll, 'the summary page is longer than the frame').toBeGreaterThan(sizes.view);
  // The learner scrolls the frame's document; the bar with the progress and the title stays at the top.
  await frame.evaluate(() => scrollTo(0, document.documentElement.scrollHeight));
  const banner = frame.getByRole('banner');
  expect(await banner.evaluate((b) => Math.round(b.getBoundingClientRect().top))).toBe(0);
  expect(await banner.evaluate((b) => b.getBoundingClientRect().height)).toBeLessThanOrEqual(64);
  await expect(banner.getByRole('progressbar', { name: 'Lesson progress' })).toBeAttached();
  // The LMS page itself does not scroll because of the course.
  expect(await host.evaluate(() => document.documentElement.scrollHeight - innerHeight)).toBeLessThanOrEqual(0);
  await framed.context.close();
});

test('at 320 px nothing on any page scrolls sideways', async ({ browser, site }) => {
  test.setTimeout(120_000);
  const framed = await openFramed(browser, `${site.url}/web/#/${PAGE_IDS[0]}`, {
    name: 'narrow',
    viewport: { width: 320, height: 800 },
    frame: { width: 320, height: 600 },
    mobile: true,
  });
  for (const [i, id] of PAGE_IDS.entries()) {
    await framed.frame.evaluate((hash) => (location.hash = hash), `#/${id}`);
    await expect(framed.course.pageHeading()).toHaveText(LESSON.headingFor(PAGE_TITLES[i] ?? ''));
    const overflow = await framed.frame.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${id} scrolls sideways at 320 px`).toBeLessThanOrEqual(0);
  }
  await framed.context.close();
});
