import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Finds the PostgreSQL server once; without one, its tests are skipped with one line saying so.
    globalSetup: ['tests/support/postgres-global-setup.ts'],
    // Most of the suite's time is spent waiting on the bot processes it starts, not on the CPU: two files at
    // once even on two cores (vitest's default there is one) halves the run, and every timing still holds.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
