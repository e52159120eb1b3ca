import type { Database } from 'better-sqlite3';
import { watermarkKey } from './sql/tables/sql-watermarks.ts';
import { LEGACY_COURSE } from './courses-migration.ts';

/**
 * Gives the rows written before the database knew courses (what was posted, the recorded changes, the
 * queued announcements, the progress) to `courseId`. Only a one-course deployment calls it: that course is
 * the one those rows were about, so nothing already posted is posted again and no change is lost. Returns
 * how many rows were adopted; none the second time.
 */
export function adoptLegacyRows(db: Database, courseId: string): number {
  return db
    .transaction(() => {
      let adopted = 0;
      for (const table of ['ledger', 'announcements', 'revisions']) {
        adopted += db
          .prepare(`UPDATE ${table} SET course_id = ? WHERE course_id = ?`)
          .run(courseId, LEGACY_COURSE).changes;
      }
      // The course's own progress wins over the placeholder's if both exist (it cannot be older).
      adopted += db
        .prepare('UPDATE OR IGNORE meta SET key = ? WHERE key = ?')
        .run(watermarkKey(courseId), watermarkKey(LEGACY_COURSE)).changes;
      db.prepare('DELETE FROM meta WHERE key = ?').run(watermarkKey(LEGACY_COURSE));
      return adopted;
    })
    .immediate();
}
