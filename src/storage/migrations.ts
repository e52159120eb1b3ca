import type { Database } from 'better-sqlite3';
import { announcementsMigration } from './announcements-migration.ts';
import { coursesMigration } from './courses-migration.ts';
import { dmSubscriptionsMigration } from './dm-subscriptions-migration.ts';
import { feedMigration } from './feed-migration.ts';
import { instanceLockMigration } from './instance-lock-migration.ts';
import { revisionsMigration } from './revisions-migration.ts';

export interface Migration {
  name: string;
  up: (db: Database) => void;
}

/**
 * The database's history, oldest first. APPEND ONLY: a migration that has shipped is never edited or
 * reordered, because `PRAGMA user_version` records how many of them a database has already run.
 */
export const migrations: Migration[] = [
  {
    name: 'reminder ledger and meta',
    up: (db) =>
      db.exec(`
        CREATE TABLE ledger (
          key             TEXT PRIMARY KEY,
          channel         TEXT NOT NULL,
          due_at          TEXT NOT NULL,
          state           TEXT NOT NULL CHECK (state IN ('sending', 'posted', 'skipped', 'failed')),
          ts              TEXT,
          reason          TEXT,
          attempts        INTEGER NOT NULL DEFAULT 0,
          next_attempt_at TEXT,
          updated_at      TEXT NOT NULL
        );
        CREATE INDEX ledger_state ON ledger (state);
        CREATE TABLE meta (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        );
      `),
  },
  revisionsMigration,
  announcementsMigration,
  feedMigration,
  instanceLockMigration,
  dmSubscriptionsMigration,
  coursesMigration,
];
