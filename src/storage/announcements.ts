import type { Database } from 'better-sqlite3';
import type { Content } from '../content/content.ts';
import { LEGACY_COURSE } from './courses-migration.ts';

/** Ledger keys of announcements start with this; reminder keys never do (they start with their kind). */
export const ANNOUNCE_PREFIX = 'announce:';

export const isAnnouncementKey = (key: string): boolean => key.startsWith(ANNOUNCE_PREFIX);

/** One key per revision: its announcement is queued once, whatever happens after. */
export const revisionAnnouncementKey = (revisionId: number): string =>
  `${ANNOUNCE_PREFIX}revision-${revisionId}`;

/**
 * A reload has no id of its own: the time makes each reload's announcement new (the same edit made again
 * later is announced again), the digest of its content tells apart two in one millisecond.
 */
export function reloadAnnouncementKey(epochMillis: number, content: Content): string {
  let h = 0x811c9dc5;
  for (const ch of JSON.stringify(content)) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return `${ANNOUNCE_PREFIX}reload-${epochMillis.toString(36)}-${h.toString(36)}`;
}

export interface Announcement {
  key: string;
  content: Content;
  /** ISO-8601 with the course's offset: when it was queued; it is useful for a while after that. */
  createdAt: string;
}

interface Row {
  key: string;
  content: string;
  created_at: string;
}

/** Inserts an announcement of a course; a key already queued is left as it is (queued once, posted once). */
export function queueAnnouncement(
  db: Database,
  announcement: Announcement,
  courseId: string = LEGACY_COURSE,
): void {
  db.prepare(
    'INSERT OR IGNORE INTO announcements (course_id, key, content, created_at) VALUES (?, ?, ?, ?)',
  ).run(courseId, announcement.key, JSON.stringify(announcement.content), announcement.createdAt);
}

/**
 * Announcements the ledger has not settled (no row, being sent, or waiting for a retry or a lookup), in
 * the order they were queued: an undo is never announced before the change it undoes.
 */
export function openAnnouncements(db: Database, courseId: string = LEGACY_COURSE): Announcement[] {
  return db
    .prepare<[string], Row>(
      `SELECT a.key, a.content, a.created_at FROM announcements a
       LEFT JOIN ledger l ON l.course_id = a.course_id AND l.key = a.key
       WHERE a.course_id = ?
         AND (l.key IS NULL OR l.state = 'sending' OR (l.state = 'failed' AND l.next_attempt_at IS NOT NULL))
       ORDER BY a.rowid`,
    )
    .all(courseId)
    .map((r) => ({ key: r.key, content: JSON.parse(r.content) as Content, createdAt: r.created_at }));
}
