import type { Migration } from './migrations.ts';

/**
 * Personal reminders by DM, per course and user: one row per kind a student asked for, with its lead times
 * in minutes, and the user's timezone as Slack last told it (quiet hours are in the student's own time).
 */
export const dmSubscriptionsMigration: Migration = {
  name: 'personal reminder subscriptions',
  up: (db) =>
    db.exec(`
      CREATE TABLE dm_subscriptions (
        course_id  TEXT NOT NULL,
        user_id    TEXT NOT NULL,
        kind       TEXT NOT NULL,
        leads      TEXT NOT NULL,
        timezone   TEXT,
        updated_at TEXT NOT NULL,
        PRIMARY KEY (course_id, user_id, kind)
      );
    `),
};
