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
    // expect.poll waits for the page (a comparison in a worker, a frame drawn on the CPU by
    // SwiftShader); its 1 s default fails on a busy two-core machine, not on a broken app.
    expect: { poll: { timeout: 20_000 } },
  },
});
