// The SQLite release's own writer of these rows, kept as it was: the tests write database files exactly as
// that release wrote them, to check that the baseline and `store copy` keep every row.
import type { Database } from 'better-sqlite3';
import type { Announcement } from '../../../../src/delivery/announcement.ts';
import { LEGACY_COURSE } from '../../../../src/storage/courses-migration.ts';

// The synchronous revision log (revisions.ts) still queues its announcements here and names them so.
export { revisionAnnouncementKey } from '../../../../src/delivery/announcement.ts';

/**
 * Inserts an announcement of a course through the SQLite file's own connection (the synchronous revision
 * log's); a key already queued is left as it is. The running bot's outbox reads them back through the
 * SQL layer (openSqlAnnouncements).
 */
export function queueAnnouncement(
  db: Database,
  announcement: Announcement,
  courseId: string = LEGACY_COURSE,
): void {
  db.prepare(
    'INSERT OR IGNORE INTO announcements (course_id, key, content, created_at) VALUES (?, ?, ?, ?)',
  ).run(courseId, announcement.key, JSON.stringify(announcement.content), announcement.createdAt);
}
