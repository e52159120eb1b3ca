// Previews awaiting Confirm, in memory and in the database of several instances: one contract for all
// three. Given once, to its owner only, never after it expired; of 20 concurrent takers, one gets it.
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConfirmationStore } from '../../../src/changes/confirmations.ts';
import { memoryConfirmationStore } from '../../../src/changes/memory-confirmations.ts';
import { migrateSql } from '../../../src/storage/sql/migrate.ts';
import { coursebotMigrations } from '../../../src/storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import { sqlConfirmationStore } from '../../../src/storage/sql/tables/sql-confirmations.ts';
import { dialects, type TestDatabase } from './dialects.ts';

const NOW = DateTime.fromISO('2025-10-13T18:00:00-04:00', { setZone: true });
const SETUP = { plan: { course: { code: 'CS 101' } }, url: 'https://example.edu/cs101', at: NOW.toISO() };

interface Implementation {
  name: string;
  skip: boolean;
  /** The store of previews, and a second instance's view of the same previews. */
  open(): Promise<{ one: ConfirmationStore; other: ConfirmationStore }>;
  cleanup(): Promise<void>;
}

const memory: Implementation = {
  name: 'memory',
  skip: false,
  async open() {
    const one = memoryConfirmationStore();
    return { one, other: one };
  },
  cleanup: async () => {},
};

const implementations: Implementation[] = [
  memory,
  ...dialects.map((dialect): Implementation => {
    let database: TestDatabase | undefined;
    return {
      name: dialect.name,
      skip: dialect.skip,
      async open() {
        database = await dialect.fresh();
        const first = await database.open({ poolSize: 20 });
        await migrateSql(first, coursebotMigrations);
        const second: SqlStore = await database.open({ poolSize: 20 });
        return { one: sqlConfirmationStore(first), other: sqlConfirmationStore(second) };
      },
      cleanup: async () => database?.cleanup(),
    };
  }),
];

describe.each(implementations)('previews awaiting Confirm, $name', (implementation) => {
  const { skip } = implementation;
  let stores: { one: ConfirmationStore; other: ConfirmationStore };
  beforeEach(async () => {
    if (!skip) stores = await implementation.open();
  });
  afterEach(async () => {
    if (!skip) await implementation.cleanup();
  });

  it.skipIf(skip)('gives the value back once, as JSON, to the person who asked', async () => {
    const setups = stores.one.ofKind<typeof SETUP>('course-setup', 15);
    const held = await setups.hold(SETUP, 'U0ADMIN', NOW, 'cs101');
    expect(held.expiresAt.toISO()).toBe(NOW.plus({ minutes: 15 }).toISO());
    const elsewhere = stores.other.ofKind<typeof SETUP>('course-setup', 15);
    expect(await elsewhere.take(held.id, 'U0ADMIN', NOW)).toEqual({ ok: true, value: SETUP });
    expect(await setups.take(held.id, 'U0ADMIN', NOW)).toEqual({ ok: false, refusal: 'gone' });
  });

  it.skipIf(skip)('refuses someone else, and still gives it to its owner', async () => {
    const retirements = stores.one.ofKind<string>('course-retire', 15);
    const { id } = await retirements.hold('cs101', 'U0ADMIN', NOW, 'cs101');
    expect(await retirements.take(id, 'U0OTHER', NOW)).toEqual({ ok: false, refusal: 'not-yours' });
    expect(await retirements.take(id, 'U0ADMIN', NOW)).toEqual({ ok: true, value: 'cs101' });
    // Once used, it is gone for everyone, whoever asks.
    expect(await retirements.take(id, 'U0OTHER', NOW)).toEqual({ ok: false, refusal: 'gone' });
  });

  it.skipIf(skip)('refuses a preview once its minutes are up, and uses it up', async () => {
    const retirements = stores.one.ofKind<string>('course-retire', 15);
    const { id } = await retirements.hold('cs101', 'U0ADMIN', NOW);
    const late = NOW.plus({ minutes: 15, seconds: 1 });
    expect(await retirements.take(id, 'U0ADMIN', late)).toEqual({ ok: false, refusal: 'expired' });
    expect(await retirements.take(id, 'U0ADMIN', NOW)).toEqual({ ok: false, refusal: 'gone' });
    const onTime = await retirements.hold('cs102', 'U0ADMIN', NOW);
    expect(await retirements.take(onTime.id, 'U0ADMIN', NOW.plus({ minutes: 15 }))).toEqual({
      ok: true,
      value: 'cs102',
    });
  });

  it.skipIf(skip)(
    'gives one of 20 concurrent takers the value; the others are told it was used',
    async () => {
      const retirements = stores.one.ofKind<string>('course-retire', 15);
      const { id } = await retirements.hold('cs101', 'U0ADMIN', NOW);
      const instances = [stores.one, stores.other].map((s) => s.ofKind<string>('course-retire', 15));
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, i) => instances[i % 2]!.take(id, 'U0ADMIN', NOW)),
      );
      expect(outcomes.filter((o) => o.ok)).toEqual([{ ok: true, value: 'cs101' }]);
      expect(outcomes.filter((o) => !o.ok)).toEqual(Array(19).fill({ ok: false, refusal: 'gone' }));
    },
  );

  it.skipIf(skip)("never takes another kind's preview, and gives ids no other instance makes", async () => {
    const setups = stores.one.ofKind<string>('course-setup', 15);
    const retirements = stores.other.ofKind<string>('course-retire', 15);
    const { id } = await setups.hold('cs101', 'U0ADMIN', NOW);
    expect(await retirements.take(id, 'U0ADMIN', NOW)).toEqual({ ok: false, refusal: 'gone' });
    const ids = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? setups : retirements).hold('x', 'U0ADMIN', NOW)),
    );
    expect(new Set(ids.map((h) => h.id)).size).toBe(20);
    expect(await setups.take(id, 'U0ADMIN', NOW)).toEqual({ ok: true, value: 'cs101' });
  });

  it.skipIf(skip)('forgets previews a day after they expired', async () => {
    const retirements = stores.one.ofKind<string>('course-retire', 15);
    const { id } = await retirements.hold('cs101', 'U0ADMIN', NOW);
    // Another instance's hold, more than a day later, prunes the old row: gone, no longer "expired".
    const dayLater = NOW.plus({ days: 1, minutes: 16 });
    await stores.other.ofKind<string>('course-retire', 15).hold('cs102', 'U0ADMIN', dayLater);
    expect(await retirements.take(id, 'U0ADMIN', dayLater)).toEqual({ ok: false, refusal: 'gone' });
  });
});
