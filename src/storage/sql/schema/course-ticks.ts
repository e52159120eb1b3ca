import { claimColumns } from '../claim-columns.ts';
import type { SqlMigration } from '../migrate.ts';
import { textOf } from './release-tables.ts';

/**
 * Who is ticking each course (key: the course id), with a short lease: of several instances on one
 * database, one at a time runs a course's tick (see claimCourseTick). A released tick keeps its row with
 * an expired lease, so the next claim is a compare-and-set on it.
 */
export const courseTicks: SqlMigration = {
  name: 'one tick per course at a time',
  async up(db, store) {
    await db.schema
      .createTable('course_ticks')
      .$call((table) => claimColumns(table, textOf(store)))
      .execute();
  },
};
