import type { Migration } from './migrations.ts';

/**
 * Rows written before a database knew about courses belong to this placeholder course until the one course
 * of a one-course deployment adopts them on its first start (see adoptLegacyRows). A course id is made of
 * letters, digits and dashes (courseId), so it can never be this.
 */
export const LEGACY_COURSE = '~legacy';

/**
 * Many courses in one database: the courses and their staff, and a course on every course-scoped row. The
 * ledger's key is unique per course (two courses' "Class 14" are two posts), so the ledger and the
 * announcements are rebuilt with the course in their key; SQLite cannot change a primary key in place.
 */
export const coursesMigration: Migration = {
  name: 'courses',
  up: (db) =>
    db.exec(`
      CREATE TABLE courses (
        id          TEXT PRIMARY KEY,
        source_kind TEXT NOT NULL CHECK (source_kind IN ('file', 'slack')),
        source      TEXT,
        home        TEXT NOT NULL,
        base_plan   TEXT,
        created_at  TEXT NOT NULL,
        created_by  TEXT NOT NULL,
        retired_at  TEXT,
        retired_by  TEXT
      );
      CREATE TABLE course_staff (
        course_id TEXT NOT NULL,
        user_id   TEXT NOT NULL,
        added_by  TEXT NOT NULL,
        added_at  TEXT NOT NULL,
        PRIMARY KEY (course_id, user_id)
      );

      CREATE TABLE ledger_by_course (
        course_id       TEXT NOT NULL,
        key             TEXT NOT NULL,
        channel         TEXT NOT NULL,
        due_at          TEXT NOT NULL,
        state           TEXT NOT NULL CHECK (state IN ('sending', 'posted', 'skipped', 'failed')),
        ts              TEXT,
        reason          TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        updated_at      TEXT NOT NULL,
        PRIMARY KEY (course_id, key)
      );
      INSERT INTO ledger_by_course
        SELECT '${LEGACY_COURSE}', key, channel, due_at, state, ts, reason, attempts, next_attempt_at, updated_at
        FROM ledger;
      DROP TABLE ledger;
      ALTER TABLE ledger_by_course RENAME TO ledger;
      CREATE INDEX ledger_state ON ledger (course_id, state);

      CREATE TABLE announcements_by_course (
        course_id  TEXT NOT NULL,
        key        TEXT NOT NULL,
        content    TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (course_id, key)
      );
      INSERT INTO announcements_by_course
        SELECT '${LEGACY_COURSE}', key, content, created_at FROM announcements ORDER BY rowid;
      DROP TABLE announcements;
      ALTER TABLE announcements_by_course RENAME TO announcements;

      ALTER TABLE revisions ADD COLUMN course_id TEXT NOT NULL DEFAULT '${LEGACY_COURSE}';
      CREATE INDEX revisions_course ON revisions (course_id, id);

      UPDATE meta SET key = 'watermark:${LEGACY_COURSE}' WHERE key = 'watermark';
    `),
};
