// The ledger on the SQL layer, with the same test bodies on SQLite and PostgreSQL: the claim of a post
// (all its keys or none), a failure retried by exactly one instance, a send whose holder died taken over
// (and said so), nothing posted ever claimed again, and the rest of what the synchronous ledger offers.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { migrateSql } from '../../../src/storage/sql/migrate.ts';
import { coursebotMigrations } from '../../../src/storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import type { LedgerLease } from '../../../src/storage/sql/tables/ledger-lease.ts';
import { SqlLedger } from '../../../src/storage/sql/tables/sql-ledger.ts';
import { latestSqlWatermark } from '../../../src/storage/sql/tables/sql-watermarks.ts';
import { dialects, type TestDatabase } from './dialects.ts';

const ZONE = 'America/New_York';
const NOW = DateTime.fromISO('2025-11-03T08:00', { zone: ZONE });
const POST = { channel: '#cs-1', at: NOW.toISO()! };
const LEASE_MS = 60_000;

describe.each(dialects)('SqlLedger on $name', ({ skip, fresh }) => {
  let database: TestDatabase;
  let store: SqlStore;
  let wall: number;
  const lease = (holder: string): LedgerLease => ({ holder, leaseMs: LEASE_MS, wallNow: () => wall });
  const ledger = (holder: string, course = 'cs-1') => new SqlLedger(store, lease(holder), course);

  beforeEach(async () => {
    if (skip) return;
    wall = Date.parse('2025-11-03T13:00:00Z');
    database = await fresh();
    store = await database.open({ poolSize: 12 });
    await migrateSql(store, coursebotMigrations);
  });
  afterEach(async () => {
    if (!skip) await database.cleanup();
  });

  it.skipIf(skip)('claims a new post with all its keys, once, whoever asks again', async () => {
    const a = ledger('a');
    expect(await a.recordIntent(POST, ['class:1:day', 'class:1:digest'], NOW)).toEqual({
      claimed: true,
      takenOver: [],
    });
    expect(await ledger('b').recordIntent(POST, ['class:1:day'], NOW)).toEqual({ claimed: false });
    // The same process's second tick does not send it again either.
    expect(await a.recordIntent(POST, ['class:1:day'], NOW)).toEqual({ claimed: false });
    const rows = await a.rows(['class:1:day', 'class:1:digest', 'other']);
    expect([...rows.keys()]).toEqual(['class:1:day', 'class:1:digest']);
    expect(rows.get('class:1:day')).toMatchObject({ state: 'sending', attempts: 1, channel: '#cs-1' });
  });

  it.skipIf(skip)('claims no key of a post when one of them is taken, and keeps courses apart', async () => {
    const a = ledger('a');
    await a.recordIntent(POST, ['class:1:day'], NOW);
    await a.markPosted(['class:1:day'], '1.000100', NOW);
    expect(await ledger('b').recordIntent(POST, ['class:1:digest', 'class:1:day'], NOW)).toEqual({
      claimed: false,
    });
    expect((await a.rows(['class:1:digest'])).size).toBe(0);
    // Another course's "Class 1" is another post.
    expect(await ledger('b', 'cs-2').recordIntent(POST, ['class:1:day'], NOW)).toMatchObject({
      claimed: true,
    });
  });

  it.skipIf(skip)('gives a failure waiting for its retry to exactly one of many instances', async () => {
    await ledger('a').recordIntent(POST, ['deadline:hw1:24h'], NOW);
    await ledger('a').markFailed(['deadline:hw1:24h'], 'ratelimited', NOW, NOW.plus({ minutes: 1 }));
    expect(await ledger('a').pendingRetries()).toMatchObject([{ key: 'deadline:hw1:24h', state: 'failed' }]);
    const outcomes = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ledger(`i${i}`).recordIntent(POST, ['deadline:hw1:24h'], NOW.plus({ minutes: 1 })),
      ),
    );
    expect(outcomes.filter((o) => o.claimed)).toHaveLength(1);
    expect((await ledger('a').rows(['deadline:hw1:24h'])).get('deadline:hw1:24h')).toMatchObject({
      state: 'sending',
      attempts: 2,
      nextAttemptAt: null,
    });
  });

  it.skipIf(skip)(
    'lets another instance take over a send whose lease ran out, and says from whom',
    async () => {
      await ledger('a').recordIntent(POST, ['class:1:day'], NOW);
      wall += LEASE_MS - 1;
      expect(await ledger('b').recordIntent(POST, ['class:1:day'], NOW)).toEqual({ claimed: false });
      expect(await ledger('b').expiredSends()).toEqual([]);
      wall += 1;
      expect(await ledger('b').expiredSends()).toMatchObject([{ key: 'class:1:day' }]);
      const takers = await Promise.all(
        ['b', 'c', 'd', 'e'].map((h) =>
          ledger(h).recordIntent(POST, ['class:1:day'], NOW.plus({ minutes: 2 })),
        ),
      );
      const won = takers.filter((o) => o.claimed);
      expect(won).toEqual([
        { claimed: true, takenOver: [{ key: 'class:1:day', from: 'a', sendingSince: NOW.toISO() }] },
      ]);
      expect(await ledger('b').expiredSends()).toEqual([]);
    },
  );

  it.skipIf(skip)('takes over a send the SQLite release began, which has no lease', async () => {
    await store.db
      .insertInto('ledger')
      .values({
        course_id: 'cs-1',
        key: 'class:1:day',
        channel: '#cs-1',
        due_at: POST.at,
        state: 'sending',
        attempts: 1,
        updated_at: NOW.toISO()!,
      })
      .execute();
    expect(await ledger('b').expiredSends()).toMatchObject([{ key: 'class:1:day' }]);
    expect(await ledger('b').recordIntent(POST, ['class:1:day'], NOW)).toEqual({
      claimed: true,
      takenOver: [{ key: 'class:1:day', from: '', sendingSince: NOW.toISO() }],
    });
    expect(await ledger('c').recordIntent(POST, ['class:1:day'], NOW)).toEqual({ claimed: false });
  });

  it.skipIf(skip)('never claims a posted or skipped key again, however late', async () => {
    const a = ledger('a');
    await a.recordIntent(POST, ['class:1:day'], NOW);
    await a.markPosted(['class:1:day'], '1.000100', NOW);
    await a.markSkipped(POST, ['class:1:day', 'class:0:day'], 'too late', NOW);
    wall += 10 * LEASE_MS;
    expect(await ledger('b').recordIntent(POST, ['class:1:day'], NOW)).toEqual({ claimed: false });
    expect(await ledger('b').recordIntent(POST, ['class:0:day'], NOW)).toEqual({ claimed: false });
    expect((await a.inState('posted')).map((r) => r.key)).toEqual(['class:1:day']);
    expect((await a.inState('skipped')).map((r) => r.key)).toEqual(['class:0:day']);
  });

  it.skipIf(skip)('hands an unconfirmed send to whichever instance is first at its lookup time', async () => {
    const a = ledger('a');
    await a.recordIntent(POST, ['class:1:day'], NOW);
    expect(await a.interrupted()).toMatchObject([{ key: 'class:1:day' }]);
    await a.markUnconfirmed(['class:1:day'], 'timeout', NOW.plus({ minutes: 5 }), true, NOW);
    expect(await a.interrupted()).toEqual([]);
    expect(await a.pendingRetries()).toMatchObject([
      { key: 'class:1:day', state: 'sending', attempts: 2, reason: 'timeout' },
    ]);
    wall += 5 * 60_000 - 1;
    expect(await ledger('b').recordIntent(POST, ['class:1:day'], NOW)).toEqual({ claimed: false });
    wall += 1;
    expect(await ledger('b').recordIntent(POST, ['class:1:day'], NOW)).toMatchObject({
      claimed: true,
      takenOver: [{ from: 'a' }],
    });
  });

  it.skipIf(skip)(
    'reopens not-in-channel failures, finds the last posted ts, undoes future progress',
    async () => {
      const a = ledger('a');
      await a.recordIntent(POST, ['k1'], NOW);
      await a.markFailed(['k1'], 'not_in_channel', NOW);
      expect((await a.notInChannel()).map((r) => r.key)).toEqual(['k1']);
      expect(await a.reopenNotInChannel(NOW, ['#elsewhere'])).toEqual([]);
      expect(await a.reopenNotInChannel(NOW, ['#cs-1'])).toEqual(['k1']);
      expect(await a.pendingRetries()).toMatchObject([{ key: 'k1', nextAttemptAt: NOW.toISO() }]);

      await a.recordIntent(POST, ['k2'], NOW);
      await a.markPosted(['k2'], '1700000000.000200', NOW);
      await ledger('b', 'cs-2').recordIntent(POST, ['k3'], NOW);
      await ledger('b', 'cs-2').markPosted(['k3'], '1700000000.000300', NOW.plus({ minutes: 1 }));
      expect(await a.lastPostedTs('#cs-1', NOW.plus({ minutes: 2 }))).toBe('1700000000.000300');
      expect(await a.lastPostedTs('#cs-1', NOW.plus({ seconds: 30 }))).toBe('1700000000.000200');

      const later = NOW.plus({ days: 1 });
      await a.markSkipped(
        { channel: '#cs-1', at: later.plus({ days: 1 }).toISO()! },
        ['k4'],
        'too late',
        later,
      );
      await a.markFailed(['k1'], 'ratelimited', NOW, NOW.plus({ hours: 3 }));
      expect(await a.undoFutureProgress(NOW, 60_000)).toBe(1);
      expect((await a.rows(['k4'])).size).toBe(0);
      expect((await a.rows(['k1'])).get('k1')!.nextAttemptAt).toBe(NOW.toISO());
    },
  );

  it.skipIf(skip)('keeps a watermark per course', async () => {
    expect(await ledger('a').watermark()).toBeUndefined();
    await ledger('a').setWatermark(NOW);
    await ledger('a').setWatermark(NOW.plus({ minutes: 1 }));
    await ledger('a', 'cs-2').setWatermark(NOW.plus({ hours: 1 }));
    expect((await ledger('a').watermark())!.toISO()).toBe(NOW.plus({ minutes: 1 }).toISO());
    expect((await latestSqlWatermark(store))!.toISO()).toBe(NOW.plus({ hours: 1 }).toISO());
  });
});
