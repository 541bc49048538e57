import { defineConfig } from 'vitest/config';

// Unit tests run in Node (pure logic, build scripts); browser tests are Playwright's (tests/browser).
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    environment: 'node',
  },
});
