// Courses and staff, calendar feeds and DM subscriptions on the SQL layer, the same bodies on SQLite and
// PostgreSQL, answering as their synchronous modules do (a feed link made by one is the other's too).
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FeedItem } from '../../../src/calendar-feed/feed-items.ts';
import type { Plan } from '../../../src/plan/schema.ts';
import { migrateSql } from '../../../src/storage/sql/migrate.ts';
import { coursebotMigrations } from '../../../src/storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import { SqlCourseStore } from '../../../src/storage/sql/tables/sql-courses.ts';
import { SqlDmSubscriptions } from '../../../src/storage/sql/tables/sql-dm-subscriptions.ts';
import { reviseSqlItems, SqlFeedTokens } from '../../../src/storage/sql/tables/sql-feeds.ts';
import { dialects, type TestDatabase } from './dialects.ts';

const AT = DateTime.fromISO('2025-11-03T08:00', { zone: 'America/New_York' });
const plan = (code: string) => ({ course: { code } }) as unknown as Plan;

describe.each(dialects)('course tables on $name', ({ skip, fresh }) => {
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

  it.skipIf(skip)('remembers courses, keeps a retirement, and keeps staff once each', async () => {
    const courses = new SqlCourseStore(store);
    const created = { createdAt: AT.toISO()!, createdBy: 'U0PROF' };
    await courses.remember({ id: 'cs-1', source: { kind: 'file', path: 'a.json' }, home: '#a', ...created });
    await courses.remember({
      id: 'cs-2',
      source: { kind: 'slack' },
      home: 'C02',
      basePlan: plan('v1'),
      ...created,
    });
    expect(await courses.retire('cs-1', 'U0PROF', AT.toISO()!)).toBe(true);
    expect(await courses.retire('cs-1', 'U0OTHER', AT.toISO()!)).toBe(false);
    // Seen again: source and home follow, the base plan and the retirement stay.
    await courses.remember({ id: 'cs-1', source: { kind: 'file', path: 'b.json' }, home: '#b', ...created });
    await courses.remember({
      id: 'cs-2',
      source: { kind: 'slack', url: 'https://x' },
      home: 'C02',
      ...created,
    });
    await courses.replaceBasePlan('cs-2', plan('v2'));
    expect(await courses.all()).toEqual([
      {
        id: 'cs-1',
        source: { kind: 'file', path: 'b.json' },
        home: '#b',
        ...created,
        retiredAt: AT.toISO(),
        retiredBy: 'U0PROF',
      },
      {
        id: 'cs-2',
        source: { kind: 'slack', url: 'https://x' },
        home: 'C02',
        basePlan: plan('v2'),
        ...created,
      },
    ]);
    expect(await courses.get('nope')).toBeUndefined();

    expect(await courses.addStaff('cs-2', 'U0TA', 'U0PROF', 'b')).toBe(true);
    expect(await courses.addStaff('cs-2', 'U0TA', 'U0PROF', 'c')).toBe(false);
    expect(await courses.addStaff('cs-2', 'U0TB', 'U0PROF', 'a')).toBe(true);
    expect((await courses.staff('cs-2')).map((s) => [s.userId, s.addedAt])).toEqual([
      ['U0TB', 'a'],
      ['U0TA', 'b'],
    ]);
    expect(await courses.removeStaff('cs-2', 'U0TA')).toBe(true);
    expect(await courses.removeStaff('cs-2', 'U0TA')).toBe(false);
  });

  it.skipIf(skip)('keeps the feed link across instances and restarts, and rotates it', async () => {
    const tokens = new SqlFeedTokens(store, 'xoxb-key');
    const token = await tokens.token('cs-1', AT);
    expect(await tokens.token('cs-1', AT.plus({ days: 1 }))).toBe(token);
    expect(await tokens.matches('cs-1', token)).toBe(true);
    expect(await tokens.matches('cs-2', token)).toBe(false);
    // Another instance (its own object over the same store) gives out the same link.
    expect(await new SqlFeedTokens(store, 'xoxb-key').token('cs-1', AT)).toBe(token);

    const rotated = await tokens.rotate('cs-1', AT);
    expect(rotated).not.toBe(token);
    expect(await tokens.matches('cs-1', token)).toBe(false);
    // A new bot token: the stored hash follows, the old link stops matching.
    const renewed = await new SqlFeedTokens(store, 'xoxb-new').token('cs-1', AT);
    expect(await tokens.matches('cs-1', rotated)).toBe(false);
    expect(await tokens.matches('cs-1', renewed)).toBe(true);
  });

  it.skipIf(skip)('raises an item sequence only when the item changed', async () => {
    const item = (summary: string): FeedItem =>
      ({
        uid: 'class-1@cs-1',
        kind: 'class',
        summary,
        description: '',
        time: { allDay: false, start: AT },
        cancelled: false,
        transparent: false,
      }) as unknown as FeedItem;
    expect((await reviseSqlItems(store, 'cs-1', [item('a')], AT)).map((i) => i.sequence)).toEqual([0]);
    expect(
      (await reviseSqlItems(store, 'cs-1', [item('a')], AT.plus({ hours: 1 }))).map((i) => i.sequence),
    ).toEqual([0]);
    const [changed] = await reviseSqlItems(store, 'cs-1', [item('b')], AT.plus({ hours: 2 }));
    expect(changed).toMatchObject({ sequence: 1 });
    expect(changed!.lastModified.toMillis()).toBe(AT.plus({ hours: 2 }).toMillis());
    expect((await reviseSqlItems(store, 'cs-2', [item('b')], AT)).map((i) => i.sequence)).toEqual([0]);
  });

  it.skipIf(skip)(
    'keeps DM wishes per kind, a timezone for all of them, and a presenter opt-out',
    async () => {
      const dms = new SqlDmSubscriptions(store);
      await dms.set('cs-1', 'U1', 'deadlines', [1440, 60], undefined, AT);
      await dms.set('cs-1', 'U1', 'classes', [30], 'Europe/Paris', AT);
      await dms.set('cs-1', 'U1', 'deadlines', [60], undefined, AT);
      await dms.set('cs-1', 'U2', 'classes', [10], undefined, AT);
      await dms.set('cs-2', 'U1', 'classes', [5], undefined, AT);
      expect(await dms.forUser('cs-1', 'U1')).toEqual([
        { userId: 'U1', kind: 'classes', leadsMinutes: [30], timezone: 'Europe/Paris' },
        { userId: 'U1', kind: 'deadlines', leadsMinutes: [60], timezone: 'Europe/Paris' },
      ]);
      expect(await dms.leave('cs-1', 'U1', AT)).toBe(2);
      expect(await dms.forUser('cs-1', 'U1')).toEqual([
        { userId: 'U1', kind: 'presentations', leadsMinutes: [] },
      ]);
      expect(await dms.stopAll('cs-1', 'U2')).toBe(1);
      expect(await dms.list('cs-2')).toHaveLength(1);
    },
  );
});
