import { defineConfig } from 'vitest/config';

// Native inference and SQLite live in worker processes (forks), not threads.
// Two workers match the two cores; each model load uses one inference thread.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    restoreMocks: true,
    setupFiles: ['test/setup/fail-on-console-error.ts'],
  },
});
