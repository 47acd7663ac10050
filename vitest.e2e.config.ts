import { defineConfig } from 'vitest/config';

// Browser tests drive the built app (dist/) in Debian's Chromium with software WebGL: slow but
// real, so generous timeouts and one file at a time on two cores.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
