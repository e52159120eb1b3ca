// One course's tick at a time: a transaction-scoped lock on PostgreSQL (never left behind in a pooled
// connection) and the write lock of an IMMEDIATE transaction on SQLite.
import DatabaseConstructor from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAlone } from '../../../src/storage/sql/tick-lock.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import { dialects, type TestDatabase } from './dialects.ts';

/** A promise and the function that settles it: holds a lock open until the test lets go. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

describe.each(dialects)('runAlone on $name', ({ skip, fresh }) => {
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

  it.skipIf(skip)('runs the work and hands back its value', async () => {
    expect(await runAlone(store, 'tick:cs101', async () => 42)).toEqual({ ran: true, value: 42 });
  });

  it.skipIf(skip)('never runs two ticks of one course at the same time', async () => {
    let running = 0;
    let most = 0;
    const tick = () =>
      runAlone(store, 'tick:cs101', async () => {
        running += 1;
        most = Math.max(most, running);
        await new Promise((resolve) => setTimeout(resolve, 20));
        running -= 1;
      });
    const results = await Promise.all(Array.from({ length: 6 }, tick));
    expect(most).toBe(1);
    expect(results.some((result) => result.ran)).toBe(true);
  });

  it.skipIf(skip)('lets the next tick run once a tick that failed has rolled back', async () => {
    await expect(
      runAlone(store, 'tick:cs101', async () => {
        throw new Error('the tick broke');
      }),
    ).rejects.toThrow('the tick broke');
    expect(await runAlone(store, 'tick:cs101', async () => 'next')).toEqual({ ran: true, value: 'next' });
  });
});

describe.skipIf(dialects[1]!.skip)('runAlone across PostgreSQL instances', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await dialects[1]!.fresh();
  });
  afterEach(() => database.cleanup());

  it('skips a course another instance is ticking, runs other courses, and frees the lock at commit', async () => {
    // One connection each, as behind a transaction pooler: a lock that outlived its transaction would stay
    // on that connection and block the next holder.
    const [first, second] = await Promise.all([
      database.open({ poolSize: 1 }),
      database.open({ poolSize: 1 }),
    ]);
    const held = gate();
    const entered = gate();
    const long = runAlone(first!, 'tick:cs101', async () => {
      entered.open();
      await held.opened;
      return 'first';
    });
    await entered.opened;
    expect(await runAlone(second!, 'tick:cs101', async () => 'second')).toEqual({ ran: false });
    expect(await runAlone(second!, 'tick:cs202', async () => 'other course')).toEqual({
      ran: true,
      value: 'other course',
    });
    held.open();
    expect(await long).toEqual({ ran: true, value: 'first' });
    expect(await runAlone(second!, 'tick:cs101', async () => 'second')).toEqual({
      ran: true,
      value: 'second',
    });
    // And the first instance's one connection holds nothing either.
    expect(await runAlone(first!, 'tick:cs202', async () => 'again')).toEqual({ ran: true, value: 'again' });
  });
});

describe('runAlone on SQLite beside another process', () => {
  let database: TestDatabase;
  beforeEach(async () => {
    database = await dialects[0]!.fresh();
  });
  afterEach(() => database.cleanup());

  it('gives up its turn while another connection holds the write lock, and runs once it is let go', async () => {
    const store = await database.open();
    await runAlone(store, 'tick:cs101', async () => {}); // creates the file's WAL before the other opens it
    const other = new DatabaseConstructor(database.settings.sqlitePath);
    try {
      other.exec('begin immediate');
      expect(await runAlone(store, 'tick:cs101', async () => 'ran', { sqliteWaitMs: 50 })).toEqual({
        ran: false,
      });
      other.exec('commit');
      expect(await runAlone(store, 'tick:cs101', async () => 'ran', { sqliteWaitMs: 50 })).toEqual({
        ran: true,
        value: 'ran',
      });
    } finally {
      other.close();
    }
  });
});
