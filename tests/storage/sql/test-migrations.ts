import { setTimeout as delay } from 'node:timers/promises';
import type { SqlMigration } from '../../../src/storage/sql/migrate.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';

/** Migrations of the store's tests, shared by the tests and the child process that plays a second instance. */
/** Test migrations: each records that it ran in `runs`, so running one twice shows as a second row. */
export function recording(
  name: string,
  body: (db: SqlStore['db']) => Promise<void> = async () => {},
): SqlMigration {
  return {
    name,
    async up(db) {
      await body(db);
      await db.insertInto('runs').values({ name }).execute();
    },
  };
}

export const createRuns: SqlMigration = {
  name: 'runs',
  up: (db) =>
    db.schema
      .createTable('runs')
      .addColumn('name', 'text', (column) => column.notNull())
      .execute(),
};
export const createCourses = recording('courses', (db) =>
  db.schema
    .createTable('courses')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('title', 'text', (column) => column.notNull())
    .execute(),
);
export const addZone = recording('course zone', (db) =>
  db.schema
    .alterTable('courses')
    .addColumn('zone', 'text', (column) => column.notNull().defaultTo('UTC'))
    .execute(),
);

/** A migration that holds its transaction open for a while, so a second instance surely arrives during it. */
export const slowInJs = recording('slow', () => delay(500));
