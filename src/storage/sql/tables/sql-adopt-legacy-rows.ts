import { watermarkKey } from './sql-watermarks.ts';
import { LEGACY_COURSE } from '../../courses-migration.ts';
import type { SqlStore } from '../sql-store.ts';
import { writeTransaction } from '../write-transaction.ts';

/**
 * Gives the rows written before the database knew courses to `courseId`, as adoptLegacyRows does on the
 * SQLite release: only a one-course deployment calls it, since that course is the one those rows were
 * about. The course's own watermark wins over the placeholder's when both exist. How many rows were
 * adopted; none the second time.
 */
export async function adoptSqlLegacyRows(store: SqlStore, courseId: string): Promise<number> {
  return writeTransaction(store, async (trx) => {
    let adopted = 0;
    for (const table of ['ledger', 'announcements', 'revisions']) {
      const result = await trx
        .updateTable(table)
        .set({ course_id: courseId })
        .where('course_id', '=', LEGACY_COURSE)
        .executeTakeFirst();
      adopted += Number(result.numUpdatedRows);
    }
    const legacy = await trx
      .selectFrom('meta')
      .select('value')
      .where('key', '=', watermarkKey(LEGACY_COURSE))
      .executeTakeFirst();
    if (legacy) {
      const moved = await trx
        .insertInto('meta')
        .values({ key: watermarkKey(courseId), value: legacy.value })
        .onConflict((conflict) => conflict.column('key').doNothing())
        .executeTakeFirst();
      adopted += Number(moved.numInsertedOrUpdatedRows ?? 0);
      await trx.deleteFrom('meta').where('key', '=', watermarkKey(LEGACY_COURSE)).execute();
    }
    return adopted;
  });
}
