// Copying the bot's database from a SQLite file the current release wrote into an empty store (SQLite or
// PostgreSQL): every row equal, the revision ids going on after the copied ones, a second copy refused
// without writing, and a source a bot still holds refused.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Plan } from '../../../src/plan/schema.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { copyStore } from '../../../src/storage/sql/copy-store.ts';
import { openSql } from '../../../src/storage/sql/open-sql.ts';
import { STORE_TABLES } from '../../../src/storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import { SqlLedger } from '../../../src/storage/sql/tables/sql-ledger.ts';
import { SqlRevisionLog } from '../../../src/storage/sql/tables/sql-revisions.ts';
import { openDatabase } from '../../../src/storage/database.ts';
import { dialects, type TestDatabase } from './dialects.ts';
import { CANCEL, RELEASE_AT, writeReleaseDatabase } from './release-database.ts';

const TABLES = STORE_TABLES.filter((t) => t !== 'instance_lock');
const KEYS: Record<string, string[]> = {
  meta: ['key'],
  courses: ['id'],
  course_staff: ['course_id', 'user_id'],
  revisions: ['id'],
  announcements: ['course_id', 'key'],
  ledger: ['course_id', 'key'],
  feed_tokens: ['course_id'],
  feed_items: ['course_id', 'uid'],
  dm_subscriptions: ['course_id', 'user_id', 'kind'],
};

async function everyRow(store: SqlStore): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    let query = store.db.selectFrom(table).selectAll();
    for (const key of KEYS[table]!) query = query.orderBy(key);
    all[table] = await query.execute();
  }
  return all;
}

describe.each(dialects)('copying a SQLite store to $name', ({ skip, fresh }) => {
  let folder: string;
  let database: TestDatabase;
  let source: SqlStore;
  beforeEach(async () => {
    if (skip) return;
    folder = mkdtempSync(join(tmpdir(), 'coursebot-copy-'));
    writeReleaseDatabase(join(folder, 'coursebot.db'));
    source = await openSql({ sqlitePath: join(folder, 'coursebot.db') });
    database = await fresh();
  });
  afterEach(async () => {
    if (skip) return;
    await source.close();
    await database.cleanup();
    rmSync(folder, { recursive: true, force: true });
  });

  it.skipIf(skip)('copies every row as it is, and the copy goes on where the source stopped', async () => {
    const target = await database.open();
    const counts = await copyStore(source, target, RELEASE_AT.toMillis());
    expect(Object.fromEntries(counts.map((c) => [c.table, c.rows]))).toEqual({
      meta: 2,
      courses: 2,
      course_staff: 2,
      revisions: 2,
      announcements: 2,
      ledger: 5,
      feed_tokens: 1,
      feed_items: 1,
      dm_subscriptions: 2,
    });
    const copied = await everyRow(target);
    expect(copied).toEqual(await everyRow(source));
    expect(copied.ledger).toContainEqual(
      expect.objectContaining({
        key: 'class:1:day',
        state: 'posted',
        ts: '1730638800.000100',
        lease_expires_at: null,
      }),
    );

    // Nothing posted is claimed again; the next revision follows the copied ids.
    const lease = { holder: 'new', leaseMs: 60_000, wallNow: () => RELEASE_AT.toMillis() };
    const post = { channel: '#cs-1', at: RELEASE_AT.toISO()! };
    expect(
      await new SqlLedger(target, lease, 'cs-1').recordIntent(post, ['class:1:day'], RELEASE_AT),
    ).toEqual({ claimed: false });
    const log = new SqlRevisionLog(target, 'cs-1');
    const next = await log.append(
      {
        author: 'U0PROF',
        createdAt: RELEASE_AT.toISO()!,
        kind: 'cancel',
        change: CANCEL,
        summary: 'again',
        before: {} as Plan,
        after: {} as Plan,
      },
      2,
    );
    expect(next).toMatchObject({ ok: true, revision: { id: 3 } });
  });

  it.skipIf(skip)('refuses a destination that holds rows, and writes nothing to it', async () => {
    const target = await database.open();
    await copyStore(source, target, RELEASE_AT.toMillis());
    const before = await everyRow(target);
    await expect(copyStore(source, target, RELEASE_AT.toMillis())).rejects.toThrow(
      /already holds coursebot data \(2 rows in meta\): copy into an empty database; nothing was copied$/,
    );
    expect(await everyRow(target)).toEqual(before);
  });

  it.skipIf(skip)('refuses a source a running bot still holds', async () => {
    const file = openDatabase(join(folder, 'coursebot.db'));
    file
      .prepare("INSERT INTO instance_lock VALUES (1, 'bot', 4242, 'host-a', ?)")
      .run(RELEASE_AT.toMillis() + 30_000);
    file.close();
    const target = await database.open();
    await expect(copyStore(source, target, RELEASE_AT.toMillis())).rejects.toThrow(
      /A bot is running on .* \(pid 4242 on host-a\): stop it first/,
    );
    expect(Object.values(await everyRow(target)).flat()).toEqual([]);
    // Once its lease has run out, the bot is gone and the copy goes ahead.
    await copyStore(source, target, RELEASE_AT.toMillis() + 30_000);
  });
});
