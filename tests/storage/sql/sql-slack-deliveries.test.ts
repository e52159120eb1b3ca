// Slack deliveries recorded by id, in memory and in the database of several instances: one contract for
// all three. The first to record an id handles it; a re-send, to any instance, finds it for a day.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MemorySlackDeliveries,
  type SlackDeliveries,
} from '../../../src/slack/listeners/slack-deliveries.ts';
import { migrateSql } from '../../../src/storage/sql/migrate.ts';
import { coursebotMigrations } from '../../../src/storage/sql/schema/coursebot-migrations.ts';
import { SqlSlackDeliveries } from '../../../src/storage/sql/tables/sql-slack-deliveries.ts';
import { dialects, type TestDatabase } from './dialects.ts';

const AT = Date.parse('2025-10-13T22:00:00Z');
const DAY = 24 * 60 * 60 * 1000;

interface Implementation {
  name: string;
  skip: boolean;
  /** One instance's record, and another's of the same deliveries. */
  open(): Promise<[SlackDeliveries, SlackDeliveries]>;
  cleanup(): Promise<void>;
}

const implementations: Implementation[] = [
  {
    name: 'memory',
    skip: false,
    async open() {
      const one = new MemorySlackDeliveries();
      return [one, one];
    },
    cleanup: async () => {},
  },
  ...dialects.map((dialect): Implementation => {
    let database: TestDatabase | undefined;
    return {
      name: dialect.name,
      skip: dialect.skip,
      async open() {
        database = await dialect.fresh();
        const first = await database.open({ poolSize: 20 });
        await migrateSql(first, coursebotMigrations);
        const second = await database.open({ poolSize: 20 });
        return [new SqlSlackDeliveries(first), new SqlSlackDeliveries(second)];
      },
      cleanup: async () => database?.cleanup(),
    };
  }),
];

describe.each(implementations)('Slack deliveries, $name', (implementation) => {
  const { skip } = implementation;
  let one: SlackDeliveries;
  let other: SlackDeliveries;
  beforeEach(async () => {
    if (!skip) [one, other] = await implementation.open();
  });
  afterEach(async () => {
    if (!skip) await implementation.cleanup();
  });

  it.skipIf(skip)('sees an id first once, whichever instance it reaches again', async () => {
    expect(await one.firstSeen('Ev01ABC', AT)).toBe(true);
    expect(await other.firstSeen('Ev01ABC', AT + 5_000)).toBe(false);
    expect(await one.firstSeen('Ev01ABC', AT + 60_000)).toBe(false);
    expect(await other.firstSeen('1234.5678.trigger', AT)).toBe(true);
  });

  it.skipIf(skip)('lets one of 20 concurrent records of one id through', async () => {
    const seen = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? one : other).firstSeen('Ev02XYZ', AT)),
    );
    expect(seen.filter(Boolean)).toHaveLength(1);
  });

  it.skipIf(skip)('forgets an id a day after it was seen', async () => {
    expect(await one.firstSeen('Ev03OLD', AT)).toBe(true);
    // The other instance's first record prunes; the one after finds the old id gone.
    expect(await other.firstSeen('Ev04NEW', AT + DAY + 1)).toBe(true);
    await expect.poll(() => other.firstSeen('Ev03OLD', AT + DAY + 2)).toBe(true);
    expect(await one.firstSeen('Ev03OLD', AT + DAY + 3)).toBe(false);
  });
});
