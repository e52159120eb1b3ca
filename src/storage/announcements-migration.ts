import type { Migration } from './migrations.ts';

/**
 * Announcements waiting for the outbox: written with the revision they announce (or when a reload is
 * accepted), so one is never lost between the change and its post. Whether it was posted is in the ledger.
 */
export const announcementsMigration: Migration = {
  name: 'announcements',
  up: (db) =>
    db.exec(`
      CREATE TABLE announcements (
        key        TEXT PRIMARY KEY,
        content    TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `),
};
