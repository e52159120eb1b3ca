import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openSql } from '../../src/storage/sql/open-sql.ts';

/**
 * The PostgreSQL server the store's tests run against: DATABASE_URL, or the server the project's CI
 * machines run. The global setup probes it once; tests read the answer with postgresForTests().
 */
export const DEFAULT_TEST_POSTGRES = 'postgres://postgres@127.0.0.1:5432/test';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The reachable server's URL, or '' when the PostgreSQL tests are skipped. */
    postgresUrl: string;
  }
}

export function postgresUrlFromEnv(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim();
  return url && /^postgres(ql)?:/.test(url) ? url : DEFAULT_TEST_POSTGRES;
}

/** Why the server cannot be used (the store's own one-line message), or undefined when it answers. */
export async function probePostgres(url: string): Promise<string | undefined> {
  try {
    const store = await openSql({ databaseUrl: url, sqlitePath: 'unused.db' }, { connectTimeoutMs: 2_000 });
    await store.close();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

/** The URL the global setup found reachable, or undefined: `describe.skipIf(!postgresForTests())`. */
export function postgresForTests(): string | undefined {
  return inject('postgresUrl') || undefined;
}

export interface TestSchema {
  /** The server's URL with this schema as the search path: everything the test creates lands in it. */
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A schema of its own for one test, so tests run in parallel on one database; drop() removes it. */
export async function createTestSchema(serverUrl: string): Promise<TestSchema> {
  const name = `coursebot_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `create schema ${name}`);
  return {
    name,
    url: withSearchPath(serverUrl, name),
    drop: async () => {
      await adminQuery(serverUrl, `drop schema if exists ${name} cascade`);
    },
  };
}

/** The URL with libpq's `options=-c search_path=…`, which pg sends when it connects. */
export function withSearchPath(url: string, schema: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `-c search_path=${schema}`);
  return parsed.toString();
}

export async function adminQuery(
  serverUrl: string,
  text: string,
  values: unknown[] = [],
): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await client.query(text, values);
  } finally {
    await client.end();
  }
}
