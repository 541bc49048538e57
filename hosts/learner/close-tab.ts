/**
 * Closing an xAPI course's tab once the course has handed every statement to the LRS.
 *
 * On pagehide the course sends what is left, `terminated` last, in one keepalive request, also
 * while a batch is still on its way (that one left earlier and arrives first). What it cannot send
 * then are statements whose fate is unknown after an LRS fault (looked up before any resend, which
 * a closing page cannot wait for). A test of faults that expects every answer stored closes only
 * once the course holds no unsent statement (its queue, kept in sessionStorage until the LRS
 * confirms it, is then empty).
 */
import { expect, type Page } from '@playwright/test';

export async function closeOnceStatementsSent(page: Page): Promise<void> {
  const holdsUnsent = () => page.evaluate(() => Object.keys(sessionStorage).some((key) => key.endsWith(':queue')));
  await expect.poll(holdsUnsent, { message: 'statements the course has not handed to the LRS yet', timeout: 30_000 }).toBe(false);
  await page.close({ runBeforeUnload: false });
}
