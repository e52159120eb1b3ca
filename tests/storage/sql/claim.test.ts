// Claiming a post by its key with a lease, on both dialects: one holder at a time, a finished post never
// taken again, an expired lease taken over by exactly one of many concurrent takers.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  claimByKey,
  claimInTransaction,
  finishClaim,
  renewLease,
  type ClaimRequest,
} from '../../../src/storage/sql/claim.ts';
import { writeTransaction } from '../../../src/storage/sql/write-transaction.ts';
import { claimColumns } from '../../../src/storage/sql/claim-columns.ts';
import { migrateSql, type SqlMigration } from '../../../src/storage/sql/migrate.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import { dialects, type TestDatabase } from './dialects.ts';

const posts: SqlMigration = {
  name: 'posts',
  up: (db) =>
    db.schema
      .createTable('posts')
      .$call(claimColumns)
      .addColumn('channel', 'text', (column) => column.notNull())
      .addColumn('ts', 'text')
      .execute(),
};

const AT = DateTime.fromISO('2025-10-13T08:00:00-04:00', { setZone: true });
const LEASE_MS = 60_000;

describe.each(dialects)('claimByKey on $name', ({ skip, fresh }) => {
  let database: TestDatabase;
  let store: SqlStore;
  beforeEach(async () => {
    if (skip) return;
    database = await fresh();
    store = await database.open({ poolSize: 20 });
    await migrateSql(store, [posts]);
  });
  afterEach(async () => {
    if (!skip) await database.cleanup();
  });

  const claim = (holder: string, now = AT, key = 'reminder:hw1:24h'): ClaimRequest => ({
    table: 'posts',
    key,
    holder,
    now,
    leaseMs: LEASE_MS,
    values: { channel: 'C0COURSE' },
  });

  it.skipIf(skip)('gives a new key to its first claimer and holds it against the others', async () => {
    expect(await claimByKey(store, claim('a'))).toEqual({ outcome: 'claimed' });
    expect(await claimByKey(store, claim('b', AT.plus({ seconds: 59 })))).toEqual({
      outcome: 'held',
      holder: 'a',
      leaseExpiresAt: AT.toMillis() + LEASE_MS,
    });
    const row = await store.db.selectFrom('posts').selectAll().executeTakeFirstOrThrow();
    expect(row).toEqual({
      key: 'reminder:hw1:24h',
      holder: 'a',
      lease_expires_at: AT.toMillis() + LEASE_MS,
      channel: 'C0COURSE',
      ts: null,
    });
  });

  it.skipIf(skip)('never gives a finished post again, even long after', async () => {
    await claimByKey(store, claim('a'));
    expect(
      await finishClaim(store, {
        table: 'posts',
        key: 'reminder:hw1:24h',
        holder: 'a',
        values: { ts: '1760356800.000100' },
      }),
    ).toBe(true);
    expect(await claimByKey(store, claim('b', AT.plus({ days: 2 })))).toEqual({ outcome: 'finished' });
    expect(await claimByKey(store, claim('a', AT.plus({ days: 2 })))).toEqual({ outcome: 'finished' });
    const row = await store.db
      .selectFrom('posts')
      .select(['ts', 'lease_expires_at'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ ts: '1760356800.000100', lease_expires_at: null });
  });

  it.skipIf(skip)(
    'lets another holder take over an expired lease, and the old holder then cannot finish',
    async () => {
      await claimByKey(store, claim('a'));
      expect(await claimByKey(store, claim('b', AT.plus({ milliseconds: LEASE_MS })))).toEqual({
        outcome: 'taken-over',
        from: 'a',
      });
      expect(await finishClaim(store, { table: 'posts', key: 'reminder:hw1:24h', holder: 'a' })).toBe(false);
      expect(await renewLease(store, { ...claim('a', AT.plus({ minutes: 1 })) })).toBe(false);
      expect(await finishClaim(store, { table: 'posts', key: 'reminder:hw1:24h', holder: 'b' })).toBe(true);
    },
  );

  it.skipIf(skip)(
    'treats a claim by the holder itself as won (a retried claim) and renews its lease',
    async () => {
      await claimByKey(store, claim('a'));
      expect(await claimByKey(store, claim('a', AT.plus({ seconds: 10 })))).toEqual({ outcome: 'claimed' });
      expect(await renewLease(store, claim('a', AT.plus({ seconds: 50 })))).toBe(true);
      expect(await claimByKey(store, claim('b', AT.plus({ seconds: 100 })))).toMatchObject({
        outcome: 'held',
        holder: 'a',
      });
      expect(await claimByKey(store, claim('b', AT.plus({ seconds: 110 })))).toEqual({
        outcome: 'taken-over',
        from: 'a',
      });
    },
  );

  it.skipIf(skip)('gives each key its own claim', async () => {
    expect(await claimByKey(store, claim('a', AT, 'reminder:hw1:24h'))).toEqual({ outcome: 'claimed' });
    expect(await claimByKey(store, claim('b', AT, 'reminder:hw1:1h'))).toEqual({ outcome: 'claimed' });
  });

  it.skipIf(skip)('claims the keys of one post all together, or none when one is held', async () => {
    await claimByKey(store, claim('b', AT, 'reminder:hw1:1h'));
    const both = (holder: string) =>
      writeTransaction(store, async (trx) => {
        for (const key of ['reminder:hw1:24h', 'reminder:hw1:1h']) {
          const result = await claimInTransaction(trx, claim(holder, AT, key));
          if (result.outcome !== 'claimed') throw new Error(`${key} is ${result.outcome}`);
        }
      });
    await expect(both('a')).rejects.toThrow('reminder:hw1:1h is held');
    expect(await store.db.selectFrom('posts').select(['key', 'holder']).execute()).toEqual([
      { key: 'reminder:hw1:1h', holder: 'b' },
    ]);
  });

  it.skipIf(skip)('has exactly one winner among 20 concurrent claimers of a new key', async () => {
    const holders = Array.from({ length: 20 }, (_, index) => `instance-${index}`);
    const outcomes = await Promise.all(holders.map((holder) => claimByKey(store, claim(holder))));
    const winners = outcomes.filter((result) => result.outcome === 'claimed');
    expect(winners).toHaveLength(1);
    const winner = (await store.db.selectFrom('posts').select('holder').executeTakeFirstOrThrow()).holder;
    expect(outcomes.filter((result) => result.outcome === 'held' && result.holder === winner)).toHaveLength(
      19,
    );
  });

  it.skipIf(skip)('has exactly one winner among 20 concurrent takers of an expired lease', async () => {
    await claimByKey(store, claim('dead'));
    const later = AT.plus({ minutes: 5 });
    const holders = Array.from({ length: 20 }, (_, index) => `instance-${index}`);
    const outcomes = await Promise.all(holders.map((holder) => claimByKey(store, claim(holder, later))));
    expect(outcomes.filter((result) => result.outcome === 'taken-over')).toEqual([
      { outcome: 'taken-over', from: 'dead' },
    ]);
    expect(outcomes.filter((result) => result.outcome === 'held')).toHaveLength(19);
  });
});

describe.skipIf(dialects[1]!.skip)('claimByKey from separate PostgreSQL instances', () => {
  let database: TestDatabase;
  afterEach(() => database.cleanup());

  it('has exactly one winner when 20 instances, each with its own pool, take over one expired lease', async () => {
    database = await dialects[1]!.fresh();
    const stores = await Promise.all(Array.from({ length: 20 }, () => database.open({ poolSize: 1 })));
    await migrateSql(stores[0]!, [posts]);
    const request = (holder: string, now: DateTime): ClaimRequest => ({
      table: 'posts',
      key: 'announce:rev7',
      holder,
      now,
      leaseMs: LEASE_MS,
      values: { channel: 'C0COURSE' },
    });
    await claimByKey(stores[0]!, request('dead', AT));
    for (let round = 1; round <= 3; round += 1) {
      const later = AT.plus({ minutes: 5 * round });
      const outcomes = await Promise.all(
        stores.map((store, index) => claimByKey(store, request(`i${round}-${index}`, later))),
      );
      expect(outcomes.filter((result) => result.outcome === 'taken-over')).toHaveLength(1);
    }
  });
});
