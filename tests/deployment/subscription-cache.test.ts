// The DM subscriptions the running bot derives from: held in memory, written through, and read again when
// another instance on the same database has changed them, waking exactly the courses that changed.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SubscriptionCache } from '../../src/deployment/subscription-cache.ts';
import { migrateSql } from '../../src/storage/sql/migrate.ts';
import { coursebotMigrations } from '../../src/storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../../src/storage/sql/sql-store.ts';
import { SqlDmSubscriptions } from '../../src/storage/sql/tables/sql-dm-subscriptions.ts';
import { dialects, type TestDatabase } from '../storage/sql/dialects.ts';

const NOW = DateTime.fromISO('2025-10-20T10:00', { zone: 'America/New_York' });

describe.each(dialects)('subscription cache on $name', ({ skip, fresh }) => {
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

  function instance() {
    const woken: string[] = [];
    const cache = new SubscriptionCache(new SqlDmSubscriptions(store), (id) => woken.push(id));
    return { cache, woken };
  }

  it.skipIf(skip)('answers from memory what was written here, and wakes its course', async () => {
    const a = instance();
    await a.cache.refresh();
    await a.cache.set('cs-1', 'U1', 'deadlines', [60], 'Europe/Paris', NOW);
    expect(a.cache.list('cs-1')).toEqual([
      { userId: 'U1', kind: 'deadlines', leadsMinutes: [60], timezone: 'Europe/Paris' },
    ]);
    expect(a.cache.list('cs-2')).toEqual([]);
    expect(a.woken).toEqual(['cs-1']);
    expect(await a.cache.stopAll('cs-1', 'U1')).toBe(1);
    expect(a.cache.list('cs-1')).toEqual([]);
  });

  it.skipIf(skip)(
    'sees on refresh what another instance wrote, waking only the courses that changed',
    async () => {
      const a = instance();
      const b = instance();
      await a.cache.set('cs-1', 'U1', 'classes', [30], undefined, NOW);
      await a.cache.set('cs-2', 'U2', 'deadlines', [1440], undefined, NOW);
      await b.cache.refresh();
      expect(b.cache.list('cs-2')).toEqual([{ userId: 'U2', kind: 'deadlines', leadsMinutes: [1440] }]);
      b.woken.length = 0;
      expect(await b.cache.refresh()).toBe(false);
      expect(b.woken).toEqual([]);
      await a.cache.leave('cs-2', 'U2', NOW);
      expect(await b.cache.refresh()).toBe(true);
      expect(b.woken).toEqual(['cs-2']);
      expect(b.cache.list('cs-2')).toEqual([{ userId: 'U2', kind: 'presentations', leadsMinutes: [] }]);
      expect(b.cache.list('cs-1')).toEqual(a.cache.list('cs-1'));
    },
  );
});
