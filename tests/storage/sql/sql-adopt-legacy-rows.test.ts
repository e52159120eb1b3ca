// The rows of a database from before courses, given to the one course of a one-course deployment, on
// SQLite and PostgreSQL: ledger, announcements, revisions and the watermark, once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LEGACY_COURSE } from '../../../src/storage/courses-migration.ts';
import { migrateSql } from '../../../src/storage/sql/migrate.ts';
import { coursebotMigrations } from '../../../src/storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import { adoptSqlLegacyRows } from '../../../src/storage/sql/tables/sql-adopt-legacy-rows.ts';
import { queueSqlAnnouncement } from '../../../src/storage/sql/tables/sql-announcements.ts';
import { SqlLedger } from '../../../src/storage/sql/tables/sql-ledger.ts';
import { dialects, type TestDatabase } from './dialects.ts';
import { RELEASE_AT } from './release-database.ts';

describe.each(dialects)('adopting the rows from before courses on $name', ({ skip, fresh }) => {
  let database: TestDatabase;
  let store: SqlStore;
  beforeEach(async () => {
    if (skip) return;
    database = await fresh();
    store = await database.open();
    await migrateSql(store, coursebotMigrations);
  });
  afterEach(async () => {
    if (!skip) await database.cleanup();
  });

  it.skipIf(skip)('gives them to the course once, its own watermark winning', async () => {
    const lease = { holder: 'a', leaseMs: 60_000, wallNow: () => RELEASE_AT.toMillis() };
    const legacy = new SqlLedger(store, lease, LEGACY_COURSE);
    await legacy.recordIntent({ channel: '#c', at: RELEASE_AT.toISO()! }, ['class:1:day'], RELEASE_AT);
    await legacy.markPosted(['class:1:day'], '1.1', RELEASE_AT);
    await legacy.setWatermark(RELEASE_AT);
    await queueSqlAnnouncement(store, {
      key: 'announce:x',
      content: { blocks: [] },
      createdAt: RELEASE_AT.toISO()!,
    });
    const course = new SqlLedger(store, lease, 'cs-1');
    await course.setWatermark(RELEASE_AT.plus({ hours: 1 }));

    expect(await adoptSqlLegacyRows(store, 'cs-1')).toBe(2);
    expect(await adoptSqlLegacyRows(store, 'cs-1')).toBe(0);
    expect((await course.inState('posted')).map((r) => r.key)).toEqual(['class:1:day']);
    expect((await course.watermark())!.toISO()).toBe(RELEASE_AT.plus({ hours: 1 }).toISO());
    expect(await legacy.watermark()).toBeUndefined();
    expect(await store.db.selectFrom('announcements').select('course_id').execute()).toEqual([
      { course_id: 'cs-1' },
    ]);
  });
});
