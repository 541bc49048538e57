/**
 * Finds a Chromium for the browser tests. Playwright cannot download its own
 * browsers here, so we look, in order, at: $CHROMIUM_PATH, Debian's
 * /usr/bin/chromium, other usual system paths, and Playwright's own cache.
 */
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const SYSTEM_PATHS = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable'];

function playwrightCache(): string[] {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => d.startsWith('chromium'))
    .flatMap((d) => [join(root, d, 'chrome-linux', 'chrome'), join(root, d, 'chrome-linux64', 'chrome')]);
}

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  return [...SYSTEM_PATHS, ...playwrightCache()].find((p) => existsSync(p));
}

export const INSTALL_HINT =
  'No Chromium found for the browser tests. Install one (Debian/Ubuntu: `apt-get install chromium`) ' +
  'or set CHROMIUM_PATH to a Chromium or Chrome executable.';

/** Flags for a headless Chromium in a sandboxed CI box with no outside network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--disable-quic',
];
