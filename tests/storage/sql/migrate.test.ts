// Versioned migrations, one list for both dialects: run once, in order, in one transaction; a newer or
// foreign database is refused; two instances starting together on PostgreSQL migrate once.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSql, type SqlMigration } from '../../../src/storage/sql/migrate.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import { UserError } from '../../../src/util/user-error.ts';
import { dialects, type TestDatabase } from './dialects.ts';

/** Test migrations: each records that it ran in `runs`, so running one twice shows as a second row. */
function recording(name: string, body: (db: SqlStore['db']) => Promise<void> = async () => {}): SqlMigration {
  return {
    name,
    async up(db) {
      await body(db);
      await db.insertInto('runs').values({ name }).execute();
    },
  };
}

const createRuns: SqlMigration = {
  name: 'runs',
  up: (db) =>
    db.schema
      .createTable('runs')
      .addColumn('name', 'text', (column) => column.notNull())
      .execute(),
};
const createCourses = recording('courses', (db) =>
  db.schema
    .createTable('courses')
    .addColumn('id', 'text', (column) => column.primaryKey())
    .addColumn('title', 'text', (column) => column.notNull())
    .execute(),
);
const addZone = recording('course zone', (db) =>
  db.schema
    .alterTable('courses')
    .addColumn('zone', 'text', (column) => column.notNull().defaultTo('UTC'))
    .execute(),
);

async function runs(store: SqlStore): Promise<string[]> {
  const rows = await store.db.selectFrom('runs').select('name').execute();
  return rows.map((row) => String(row.name));
}

describe.each(dialects)('migrateSql on $name', ({ name, skip, fresh }) => {
  let database: TestDatabase;
  let store: SqlStore;
  beforeEach(async () => {
    if (skip) return;
    database = await fresh();
    store = await database.open();
  });
  afterEach(async () => {
    if (!skip) await database.cleanup();
  });

  it.skipIf(skip)('runs each migration once, in order, and only the new ones later', async () => {
    expect(await migrateSql(store, [createRuns, createCourses])).toEqual({ from: 0, to: 2 });
    await store.db.insertInto('courses').values({ id: 'cs101', title: 'Intro' }).execute();
    expect(await migrateSql(store, [createRuns, createCourses])).toEqual({ from: 2, to: 2 });
    expect(await migrateSql(store, [createRuns, createCourses, addZone])).toEqual({ from: 2, to: 3 });
    expect(await runs(store)).toEqual(['courses', 'course zone']);
    expect(await store.db.selectFrom('courses').selectAll().execute()).toEqual([
      { id: 'cs101', title: 'Intro', zone: 'UTC' },
    ]);
  });

  it.skipIf(skip)('refuses a database written by a newer coursebot, in one line', async () => {
    await migrateSql(store, [createRuns, createCourses, addZone]);
    const error = await migrateSql(store, [createRuns, createCourses]).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(UserError);
    const setting = name === 'postgres' ? 'DATABASE_URL' : 'COURSEBOT_DB';
    expect((error as Error).message).toBe(
      `The database ${store.shown} was written by a newer coursebot (schema 3, this one knows 2): upgrade coursebot, or point ${setting} at another database`,
    );
    expect(await runs(store)).toEqual(['courses', 'course zone']);
  });

  it.skipIf(skip)('refuses a database whose history is another program’s', async () => {
    await migrateSql(store, [createRuns, createCourses]);
    const other = recording('something else');
    await expect(migrateSql(store, [createRuns, other])).rejects.toThrow(
      /has a different history \(its migration 2 is "courses", this coursebot's 2 is "something else"\)/,
    );
  });

  it.skipIf(skip)('leaves nothing half-done when a migration fails', async () => {
    const broken = recording('broken', async (db) => {
      await sql`select * from no_such_table`.execute(db);
    });
    const error = await migrateSql(store, [createRuns, createCourses, broken]).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(UserError);
    expect((error as Error).message).toMatch(
      /^Cannot prepare the database .*: migration 3 \(broken\) failed: .*no_such_table/,
    );
    // The whole transaction rolled back: not even the first two migrations or their record are there.
    expect(await migrateSql(store, [createRuns, createCourses])).toEqual({ from: 0, to: 2 });
    expect(await runs(store)).toEqual(['courses']);
  });
});

describe.skipIf(dialects[1]!.skip)('two instances starting at once on PostgreSQL', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await dialects[1]!.fresh();
  });
  afterEach(() => database.cleanup());

  it('one migrates, the other waits, both end at the same version, nothing runs twice', async () => {
    const [first, second] = await Promise.all([database.open(), database.open()]);
    // A migration slow enough that the second instance surely arrives while the first is inside it.
    const slow = recording('slow', async (db) => {
      await sql`select pg_sleep(0.5)`.execute(db);
    });
    const list = [createRuns, createCourses, slow];
    const finished: string[] = [];
    const migrate = (store: SqlStore, label: string) =>
      migrateSql(store, list).then((result) => {
        finished.push(label);
        return result;
      });
    const started = performance.now();
    const results = await Promise.all([migrate(first!, 'first'), migrate(second!, 'second')]);
    const took = performance.now() - started;

    expect(results.map((result) => result.to)).toEqual([3, 3]);
    expect(results.map((result) => result.from).sort()).toEqual([0, 3]);
    expect(await runs(first!)).toEqual(['courses', 'slow']);
    // The one that found nothing to do finished after the one that migrated: it waited for the lock.
    const waiter = results[0]!.from === 3 ? 'first' : 'second';
    expect(finished[1]).toBe(waiter);
    expect(took).toBeGreaterThanOrEqual(450);
  });
});
