import type { SqlMigration } from '../migrate.ts';
import { int64Of, textOf } from './release-tables.ts';

/**
 * Previews awaiting Confirm, shared by every instance: a Confirm that reaches another instance than the
 * preview did still finds it. `value` is the caller's JSON; the times are epoch ms of the course clock
 * (the one the preview's expiry is shown in). `taken_at` set means used: the compare-and-set on it is what
 * lets exactly one Confirm through.
 */
export const confirmationsTable: SqlMigration = {
  name: 'previews awaiting confirm',
  async up(db, store) {
    const text = textOf(store);
    const int64 = int64Of(store);
    await db.schema
      .createTable('confirmations')
      .addColumn('id', text, (c) => c.primaryKey())
      .addColumn('kind', text, (c) => c.notNull())
      .addColumn('course_id', text)
      .addColumn('user_id', text, (c) => c.notNull())
      .addColumn('value', text, (c) => c.notNull())
      .addColumn('expires_at', int64, (c) => c.notNull())
      .addColumn('taken_at', int64)
      .execute();
    // The pruning deletes by expiry.
    await db.schema.createIndex('confirmations_expiry').on('confirmations').column('expires_at').execute();
  },
};
