/**
 * Closing an xAPI course's tab as a learner does who reads the result first.
 *
 * On pagehide the course hands what is left to the LRS with keepalive, and sends `terminated` in
 * that same request only when no statement request is still on its way: sent apart, `terminated`
 * could be stored before the statements it ends. A tab closed while a request is in flight thus
 * leaves the session without `terminated` (what an LRS sees of any abandoned session), and loses
 * nothing. A test that expects `terminated` after closing waits until the course holds no unsent
 * statement (its queue, kept in sessionStorage until the LRS confirms it, is then empty).
 */
import { expect, type Page } from '@playwright/test';

export async function closeOnceStatementsSent(page: Page): Promise<void> {
  const holdsUnsent = () => page.evaluate(() => Object.keys(sessionStorage).some((key) => key.endsWith(':queue')));
  await expect.poll(holdsUnsent, { message: 'statements the course has not handed to the LRS yet', timeout: 30_000 }).toBe(false);
  await page.close({ runBeforeUnload: false });
}
