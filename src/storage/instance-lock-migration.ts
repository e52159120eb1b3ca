import type { Migration } from './migrations.ts';

/**
 * The one running bot a database belongs to: a single row with its holder and a lease the holder keeps
 * renewing. A second bot on the same file finds it and is refused; a holder that died stops renewing.
 */
export const instanceLockMigration: Migration = {
  name: 'instance lock',
  up: (db) =>
    db.exec(`
      CREATE TABLE instance_lock (
        id         INTEGER PRIMARY KEY CHECK (id = 1),
        holder     TEXT NOT NULL,
        pid        INTEGER NOT NULL,
        host       TEXT NOT NULL,
        expires_at INTEGER NOT NULL
      );
    `),
};
