import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSql, type OpenSqlOptions } from '../../../src/storage/sql/open-sql.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import type { DatabaseSettings } from '../../../src/storage/sql/database-target.ts';
import { createTestSchema, postgresForTests } from '../../support/postgres.ts';

/**
 * The two stores every store test runs on: a SQLite file of its own, and a schema of its own on the
 * PostgreSQL server (skipped, with the one line of the global setup, when there is none).
 */
export interface Dialect {
  name: 'sqlite' | 'postgres';
  skip: boolean;
  /** A fresh, empty database; open() may be called again for a second instance on the same one. */
  fresh(): Promise<TestDatabase>;
}

export interface TestDatabase {
  settings: DatabaseSettings;
  open(options?: OpenSqlOptions): Promise<SqlStore>;
  /** Closes every store opened here and removes the database. */
  cleanup(): Promise<void>;
}

const postgresUrl = postgresForTests();

export const dialects: Dialect[] = [
  {
    name: 'sqlite',
    skip: false,
    async fresh() {
      const folder = mkdtempSync(join(tmpdir(), 'coursebot-sql-'));
      return tracked({ sqlitePath: join(folder, 'coursebot.db') }, async () =>
        rmSync(folder, { recursive: true, force: true }),
      );
    },
  },
  {
    name: 'postgres',
    skip: !postgresUrl,
    async fresh() {
      const schema = await createTestSchema(postgresUrl!);
      return tracked({ databaseUrl: schema.url, sqlitePath: 'unused.db' }, schema.drop);
    },
  },
];

function tracked(settings: DatabaseSettings, remove: () => Promise<void>): TestDatabase {
  const opened: SqlStore[] = [];
  return {
    settings,
    async open(options) {
      const store = await openSql(settings, options);
      opened.push(store);
      return store;
    },
    async cleanup() {
      await Promise.all(opened.map((store) => store.close().catch(() => {})));
      await remove();
    },
  };
}
