import type { TestProject } from 'vitest/node';
import { postgresUrlFromEnv, probePostgres } from './postgres.ts';

/**
 * Runs once per `vitest run`: finds the PostgreSQL server for the store's tests. Without one, those tests
 * are skipped and ONE line says so and how to run them; COURSEBOT_REQUIRE_POSTGRES=1 (CI) makes that a
 * failure instead, so a CI machine that lost its server cannot pass by skipping.
 */
export default async function setup(project: TestProject): Promise<void> {
  const problem = await probePostgres(postgresUrlFromEnv());
  if (problem && process.env.COURSEBOT_REQUIRE_POSTGRES === '1') {
    throw new Error(`COURSEBOT_REQUIRE_POSTGRES=1, but the PostgreSQL tests cannot run. ${problem}`);
  }
  if (problem) {
    console.log(
      `PostgreSQL tests skipped (${problem}); run them with DATABASE_URL=postgres://user@host:5432/db npm test`,
    );
  }
  project.provide('postgresUrl', problem ? '' : postgresUrlFromEnv());
  // The tests reach the server through postgresUrl alone: a command or bot a test spawns with this
  // environment would otherwise read DATABASE_URL and leave the SQLite file the test gave it.
  delete process.env.DATABASE_URL;
}
