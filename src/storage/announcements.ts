import type { Database } from 'better-sqlite3';
import type { Announcement } from '../delivery/announcement.ts';
import { LEGACY_COURSE } from './courses-migration.ts';

// The synchronous revision log (revisions.ts) still queues its announcements here and names them so.
export { revisionAnnouncementKey } from '../delivery/announcement.ts';

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
