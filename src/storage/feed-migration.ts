import type { Migration } from './migrations.ts';

/**
 * The calendar feeds, per course: the secret of each feed's link (only its hash and the nonce it is made
 * from), and what each published item looked like, so an item that changes gets a higher SEQUENCE.
 */
export const feedMigration: Migration = {
  name: 'calendar feeds',
  up: (db) =>
    db.exec(`
      CREATE TABLE feed_tokens (
        course_id  TEXT PRIMARY KEY,
        nonce      TEXT NOT NULL,
        token_hash TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
      CREATE TABLE feed_items (
        course_id     TEXT NOT NULL,
        uid           TEXT NOT NULL,
        fingerprint   TEXT NOT NULL,
        sequence      INTEGER NOT NULL,
        last_modified TEXT NOT NULL,
        PRIMARY KEY (course_id, uid)
      );
    `),
};
