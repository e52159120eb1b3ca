import { DateTime } from 'luxon';
import { watermarkKey } from '../../../delivery/ledger.ts';
import type { SqlStore } from '../sql-store.ts';

/** Each course's progress, one meta row per course: the instant up to which its due posts were handled. */
export async function readWatermark(store: SqlStore, courseId: string): Promise<DateTime | undefined> {
  const row = await store.db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', watermarkKey(courseId))
    .executeTakeFirst();
  return row ? DateTime.fromISO(String(row.value), { setZone: true }) : undefined;
}

export async function writeWatermark(store: SqlStore, courseId: string, at: DateTime): Promise<void> {
  const value = at.toISO()!;
  await store.db
    .insertInto('meta')
    .values({ key: watermarkKey(courseId), value })
    .onConflict((conflict) => conflict.column('key').doUpdateSet({ value }))
    .execute();
}

/** The furthest progress of any course in this database: what a demo clock must not be behind. */
export async function latestSqlWatermark(store: SqlStore): Promise<DateTime | undefined> {
  const rows = await store.db
    .selectFrom('meta')
    .select('value')
    .where('key', 'like', 'watermark:%')
    .execute();
  const times = rows.map((r) => DateTime.fromISO(String(r.value), { setZone: true }));
  return times.length > 0 ? DateTime.max(...times) : undefined;
}
