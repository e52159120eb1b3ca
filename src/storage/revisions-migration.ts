import type { Migration } from './migrations.ts';

/** The revisions table: every confirmed staff change, with the plans around it for the record. */
export const revisionsMigration: Migration = {
  name: 'revisions',
  up: (db) =>
    db.exec(`
      CREATE TABLE revisions (
        id          INTEGER PRIMARY KEY,
        author      TEXT NOT NULL,
        created_at  TEXT NOT NULL,
        kind        TEXT NOT NULL,
        change      TEXT NOT NULL,
        summary     TEXT NOT NULL,
        before_plan TEXT NOT NULL,
        after_plan  TEXT NOT NULL,
        undone_of   INTEGER REFERENCES revisions (id)
      );
    `),
};
