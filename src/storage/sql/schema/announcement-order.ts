import { sql } from 'kysely';
import type { SqlMigration } from '../migrate.ts';
import { int64Of } from './release-tables.ts';

/**
 * The order in which a course's announcements were queued, as a column: the SQLite release used the
 * rowid, which PostgreSQL has not (an undo must never be announced before the change it undoes). On
 * SQLite, rows the release's code still queues (it runs beside this layer until the bot is moved onto
 * it) are numbered by their rowid as they are inserted, which never goes back, so the order holds.
 */
export const announcementOrder: SqlMigration = {
  name: 'announcements in the order they were queued',
  async up(db, store) {
    await db.schema.alterTable('announcements').addColumn('queued', int64Of(store)).execute();
    if (store.dialect !== 'sqlite') return;
    await sql`update announcements set queued = rowid`.execute(db);
    await sql`
      create trigger announcements_queued after insert on announcements
      when new.queued is null
      begin
        update announcements set queued = new.rowid where rowid = new.rowid;
      end`.execute(db);
  },
};
