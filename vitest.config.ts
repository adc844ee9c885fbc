import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Web unit tests are pure logic (no DOM); they run beside the server's in both passes.
    include: ['server/**/*.test.ts', 'web/src/**/*.test.ts'],
    globalSetup: ['server/test/global-setup.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ['default'],
  },
});
