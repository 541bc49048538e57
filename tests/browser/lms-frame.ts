/**
 * The course as an LMS shows it: a host page with the LMS's own chrome above
 * and the course in a fixed-size iframe below (Moodle 4.5's SCORM player gives
 * 1280 × 666 on a 1280 × 800 screen; a phone gets about 390 × 600).
 */
import type { Browser, BrowserContext, Frame, Page } from '@playwright/test';
import { CoursePage } from '../../hosts/learner/course-page.js';

export interface FrameSize {
  readonly name: string;
  /** The browser window. */
  readonly viewport: { readonly width: number; readonly height: number };
  /** The course's frame inside it. */
  readonly frame: { readonly width: number; readonly height: number };
  readonly mobile: boolean;
}

export const FRAME_SIZES: readonly FrameSize[] = [
  { name: 'desktop', viewport: { width: 1280, height: 800 }, frame: { width: 1280, height: 666 }, mobile: false },
  { name: 'phone', viewport: { width: 390, height: 844 }, frame: { width: 390, height: 600 }, mobile: true },
];

export interface Framed {
  readonly context: BrowserContext;
  readonly host: Page;
  readonly frame: Frame;
  readonly course: CoursePage;
}

/** Opens `url` in an LMS-like host page at `size`; the course's first heading is shown when it returns. */
export async function openFramed(browser: Browser, url: string, size: FrameSize, colorScheme: 'light' | 'dark' = 'light'): Promise<Framed> {
  const context = await browser.newContext({ viewport: size.viewport, isMobile: size.mobile, hasTouch: size.mobile, colorScheme });
  const host = await context.newPage();
  const chrome = size.viewport.height - size.frame.height;
  // The player page comes from the same origin as the course, as an LMS serves its SCORM player and
  // the unpacked package (a page with no origin around it would make the course a third-party frame,
  // where the browser may refuse it storage).
  const hostUrl = new URL('/__lms-player.html', url).href;
  await context.route(hostUrl, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width, initial-scale=1" /><title>LMS</title></head>
    <body style="margin:0;overflow:hidden;background:#3b4250">
      <div style="height:${chrome}px;color:#fff;font:16px sans-serif;padding:12px;box-sizing:border-box">LMS course player</div>
      <iframe title="Course" src="${url}" style="display:block;border:0;width:${size.frame.width}px;height:${size.frame.height}px"></iframe>
    </body></html>`,
    }),
  );
  await host.goto(hostUrl);
  const frame = await (await host.locator('iframe').elementHandle())?.contentFrame();
  if (!frame) throw new Error('the course frame did not load');
  const course = new CoursePage(frame);
  await course.pageHeading().waitFor();
  return { context, host, frame, course };
}

/** Where the current page's heading starts, in px from the top of the frame. */
export function headingTop(frame: Frame): Promise<number> {
  return frame
    .getByRole('main')
    .getByRole('heading', { level: 2 })
    .first()
    .evaluate((h) => h.getBoundingClientRect().top);
}

/** Lets the frame grow to the height of its content, for a screenshot of the whole page. */
export async function growFrame(framed: Framed): Promise<void> {
  const height = await framed.frame.evaluate(() => document.documentElement.scrollHeight);
  await framed.host.locator('iframe').evaluate((f, h) => ((f as HTMLIFrameElement).style.height = `${h}px`), height);
}
