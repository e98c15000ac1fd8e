import { defineConfig } from 'vitest/config';

/** Browser tests: the built extension in Debian's Chromium and Firefox ESR, one file at a time. */
export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
