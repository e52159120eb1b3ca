import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // Finds the PostgreSQL server once; without one, its tests are skipped with one line saying so.
    globalSetup: ['tests/support/postgres-global-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
