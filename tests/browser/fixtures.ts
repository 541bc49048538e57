/**
 * Shared browser-test fixtures: one static server per worker that serves the
 * standalone web build at /web/ and each unpacked package at /packages/<id>/,
 * plus a page that fails the test on any uncaught error.
 */
import { join } from 'node:path';
import { test as base, expect } from '@playwright/test';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server.js';

export const PACKAGES_DIR = join(process.cwd(), 'tests', '.packages');

export const test = base.extend<{ errors: string[] }, { site: StaticServer }>({
  site: [
    async ({}, use) => {
      const server = await startStaticServer({ '/web': join(process.cwd(), 'dist', 'web'), '/packages': PACKAGES_DIR });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],
  // Every test fails if the page throws or logs an error the learner would never see.
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // Chromium itself logs HTTP errors ("Failed to load resource"); tests about failing servers expect those.
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(`console: ${m.text()}`);
    });
    await use(errors);
    expect(errors, 'errors in the page').toEqual([]);
  },
});

export { expect };
