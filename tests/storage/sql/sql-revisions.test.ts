// Revisions and announcements on the SQL layer, the same bodies on SQLite and PostgreSQL: ids from the
// database shared by courses, a stale head refused, two instances confirming at once (one wins), and the
// announcement queued with its revision and handed out in the order queued until the ledger settles it.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Content } from '../../../src/content/content.ts';
import type { NewRevision } from '../../../src/changes/revision-log.ts';
import type { Plan } from '../../../src/plan/schema.ts';
import { migrateSql } from '../../../src/storage/sql/migrate.ts';
import { coursebotMigrations } from '../../../src/storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import {
  openSqlAnnouncements,
  queueSqlAnnouncement,
} from '../../../src/storage/sql/tables/sql-announcements.ts';
import { SqlLedger } from '../../../src/storage/sql/tables/sql-ledger.ts';
import { SqlRevisionLog } from '../../../src/storage/sql/tables/sql-revisions.ts';
import { dialects, type TestDatabase } from './dialects.ts';
import { CANCEL } from './release-database.ts';

const AT = DateTime.fromISO('2025-11-03T08:00', { zone: 'America/New_York' });
const before = { course: { code: 'before' } } as unknown as Plan;
const after = { course: { code: 'after' } } as unknown as Plan;
const said = (text: string): Content => ({ blocks: [{ kind: 'header', text }] });
const revision = (summary: string, extra: Partial<NewRevision> = {}): NewRevision => ({
  author: 'U0PROF',
  createdAt: AT.toISO()!,
  kind: 'cancel',
  change: CANCEL,
  summary,
  before,
  after,
  announcement: said(summary),
  ...extra,
});

describe.each(dialects)('revisions and announcements on $name', ({ name, skip, fresh }) => {
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

  it.skipIf(skip)('appends on the expected head, with ids from the database, per course', async () => {
    const one = new SqlRevisionLog(store, 'cs-1');
    const two = new SqlRevisionLog(store, 'cs-2');
    expect(await one.head()).toBe(0);
    expect(await one.append(revision('cancel 3'), 0)).toMatchObject({
      ok: true,
      revision: { id: 1, summary: 'cancel 3' },
    });
    expect(await two.append(revision('other course'), 0)).toMatchObject({ ok: true, revision: { id: 2 } });
    expect(await one.append(revision('undo', { undoneOf: 1 }), 1)).toMatchObject({
      ok: true,
      revision: { id: 3, undoneOf: 1 },
    });
    const stale = await one.append(revision('late'), 1);
    expect(stale.ok).toBe(false);
    expect(!stale.ok && stale.since.map((r) => r.id)).toEqual([3]);
    expect((await one.list()).map((r) => [r.id, r.summary, r.change.kind])).toEqual([
      [1, 'cancel 3', 'cancel'],
      [3, 'undo', 'cancel'],
    ]);
    expect(await one.head()).toBe(3);
    expect(await one.plans(1)).toEqual({ before, after });
    expect(await one.plans(2)).toBeUndefined();
  });

  it.skipIf(skip)('lets one of two instances confirming on the same head win', async () => {
    // SQLite: one store per process (a second connection would block this one's event loop on the lock).
    const other = name === 'postgres' ? await database.open() : store;
    const results = await Promise.all([
      new SqlRevisionLog(store, 'cs-1').append(revision('from a'), 0),
      new SqlRevisionLog(other, 'cs-1').append(revision('from b'), 0),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await openSqlAnnouncements(store, 'cs-1')).toHaveLength(1);
  });

  it.skipIf(skip)('hands out announcements in the order queued until the ledger settles them', async () => {
    const log = new SqlRevisionLog(store, 'cs-1');
    await log.append(revision('cancel 3'), 0);
    await queueSqlAnnouncement(
      store,
      { key: 'announce:reload-a', content: said('reload'), createdAt: AT.toISO()! },
      'cs-1',
    );
    await log.append(revision('undo', { undoneOf: 1 }), 1);
    // Queued again: kept as it was.
    await queueSqlAnnouncement(
      store,
      { key: 'announce:reload-a', content: said('again'), createdAt: AT.toISO()! },
      'cs-1',
    );
    await log.append(revision('no words', { announcement: { blocks: [] } }), 2);
    const open = await openSqlAnnouncements(store, 'cs-1');
    expect(open.map((a) => [a.key, a.content])).toEqual([
      ['announce:revision-1', said('cancel 3')],
      ['announce:reload-a', said('reload')],
      ['announce:revision-2', said('undo')],
    ]);
    expect(await openSqlAnnouncements(store, 'cs-2')).toEqual([]);

    const ledger = new SqlLedger(
      store,
      { holder: 'a', leaseMs: 60_000, wallNow: () => AT.toMillis() },
      'cs-1',
    );
    const post = { channel: '#cs-1', at: AT.toISO()! };
    await ledger.recordIntent(post, ['announce:revision-1', 'announce:reload-a', 'announce:revision-2'], AT);
    await ledger.markPosted(['announce:revision-1'], '1.1', AT);
    await ledger.markFailed(['announce:reload-a'], 'channel_not_found', AT);
    await ledger.markFailed(['announce:revision-2'], 'ratelimited', AT, AT.plus({ minutes: 1 }));
    expect((await openSqlAnnouncements(store, 'cs-1')).map((a) => a.key)).toEqual(['announce:revision-2']);
  });
});
