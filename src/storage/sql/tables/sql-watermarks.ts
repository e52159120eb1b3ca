import { DateTime } from 'luxon';
import type { AnyKysely, SqlStore } from '../sql-store.ts';

/** Each course's own progress: one meta row per course. */
export const watermarkKey = (courseId: string): string => `watermark:${courseId}`;

const instantOf = (value: unknown): DateTime => DateTime.fromISO(String(value), { setZone: true });

/** Each course's progress, one meta row per course: the instant up to which its due posts were handled. */
export async function readWatermark(db: AnyKysely, courseId: string): Promise<DateTime | undefined> {
  const row = await db
    .selectFrom('meta')
    .select('value')
    .where('key', '=', watermarkKey(courseId))
    .executeTakeFirst();
  return row ? instantOf(row.value) : undefined;
}

/**
 * Moves a course's progress forward to `at`, never back: of several instances, one whose clock is a little
 * behind another's must not make the other's progress look like a clock that went back. A compare-and-set
 * on the value read, so two instances advancing at once keep the later instant. The values are compared as
 * instants (the course's offset changes with daylight saving, so their text does not sort).
 */
export async function advanceWatermark(db: AnyKysely, courseId: string, at: DateTime): Promise<void> {
  const key = watermarkKey(courseId);
  const value = at.toISO()!;
  for (;;) {
    const inserted = await db
      .insertInto('meta')
      .values({ key, value })
      .onConflict((conflict) => conflict.column('key').doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return;
    const row = await db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    if (!row) continue;
    if (instantOf(row.value) >= at) return;
    const moved = await db
      .updateTable('meta')
      .set({ value })
      .where('key', '=', key)
      .where('value', '=', row.value)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) === 1) return;
  }
}

/**
 * Sets a course's progress to `at`, back included: only for progress made by a clock that was ahead (see
 * Dispatcher's rewind), which is the one time the watermark may go back.
 */
export async function rewindWatermark(db: AnyKysely, courseId: string, at: DateTime): Promise<void> {
  const value = at.toISO()!;
  await db
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
  const times = rows.map((r) => instantOf(r.value));
  return times.length > 0 ? DateTime.max(...times) : undefined;
}
