import { defineConfig } from 'vitest/config';

// Unit tests run in Node (pure logic, build scripts); browser tests are Playwright's (tests/browser).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
    // Some tests start an LRS or compile the xAPI schema on first use; a busy 2-core machine can take
    // several seconds for that, which is noise, not a failure (budgets live in npm run bench).
    testTimeout: 20_000,
  },
});
