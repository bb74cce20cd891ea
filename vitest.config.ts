import { defineConfig } from 'vitest/config';

// One runner for every suite: core unit and property tests, repository tests on SQLite and
// PostgreSQL (started by the global setup), server route tests, and Chromium flows (e2e).
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'packages/web/e2e/**/*.test.ts'],
    globalSetup: ['scripts/test-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2 } },
    reporters: ['default'],
  },
});
