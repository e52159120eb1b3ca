import { sql } from 'kysely';
import type { SqlMigration } from '../migrate.ts';
import { int64Of } from './release-tables.ts';

/**
 * The order in which a course's announcements were queued, as a column: the SQLite release used the
 * rowid, which PostgreSQL has not (an undo must never be announced before the change it undoes).
 */
export const announcementOrder: SqlMigration = {
  name: 'announcements in the order they were queued',
  async up(db, store) {
    await db.schema.alterTable('announcements').addColumn('queued', int64Of(store)).execute();
    if (store.dialect === 'sqlite') await sql`update announcements set queued = rowid`.execute(db);
  },
};
