// Versioned migrations, one list for both dialects: run once, in order, in one transaction; a newer or
// foreign database is refused; two instances starting together on PostgreSQL migrate once.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSql, type MigrationResult } from '../../../src/storage/sql/migrate.ts';
import { addZone, createCourses, createRuns, recording } from './test-migrations.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import { UserError } from '../../../src/util/user-error.ts';
import { dialects, type TestDatabase } from './dialects.ts';

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

describe('two instances starting at once on SQLite', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await dialects[0]!.fresh();
  });
  afterEach(() => database.cleanup());

  it('one process migrates, the other waits for its write lock, nothing runs twice', async () => {
    const script = fileURLToPath(new URL('./migrate-instance.ts', import.meta.url));
    const instances = [0, 1].map(() => startInstance(script, database.settings.sqlitePath));
    await Promise.all(instances.map((instance) => instance.ready));
    for (const instance of instances) instance.go();
    const results = await Promise.all(instances.map((instance) => instance.result));

    expect(results.map((result) => result.to)).toEqual([3, 3]);
    const [migrator, waiter] = [...results].sort((a, b) => a.from - b.from);
    expect([migrator!.from, waiter!.from]).toEqual([0, 3]);
    // They were inside migrateSql at the same time, and the waiter came out after the migrator.
    expect(Math.max(migrator!.startedAt, waiter!.startedAt)).toBeLessThan(migrator!.endedAt);
    expect(waiter!.endedAt).toBeGreaterThanOrEqual(migrator!.endedAt);
    const store = await database.open();
    expect(await runs(store)).toEqual(['courses', 'slow']);
  });
});

interface InstanceResult extends MigrationResult {
  startedAt: number;
  endedAt: number;
}

function startInstance(script: string, file: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', script, file], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let output = '';
  let markReady = () => {};
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
    output += chunk;
    if (output.startsWith('ready\n')) markReady();
  });
  const result = once(child, 'close').then(([code]) => {
    if (code !== 0) throw new Error(`the second instance exited with ${code}: ${output}`);
    return JSON.parse(output.split('\n')[1]!) as InstanceResult;
  });
  return { ready, go: () => child.stdin.write('go\n'), result };
}
