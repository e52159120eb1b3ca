import { sql } from 'kysely';
import type { Announcement } from '../../../delivery/announcement.ts';
import type { Content } from '../../../content/content.ts';
import { LEGACY_COURSE } from '../../courses-migration.ts';
import type { AnyKysely, SqlStore } from '../sql-store.ts';
import { writeTransaction } from '../write-transaction.ts';
import { serialize } from './serialize.ts';

/**
 * Queues a course's announcement inside the caller's write transaction (a revision's, so the change and its
 * announcement are recorded together); a key already queued is left as it is: queued once, posted once.
 * `queued` numbers them in the order they were queued, one course at a time.
 */
export async function queueAnnouncementIn(
  trx: AnyKysely,
  store: SqlStore,
  announcement: Announcement,
  courseId: string = LEGACY_COURSE,
): Promise<void> {
  await serialize(trx, store, `announcements/${courseId}`);
  await trx
    .insertInto('announcements')
    .values({
      course_id: courseId,
      key: announcement.key,
      content: JSON.stringify(announcement.content),
      created_at: announcement.createdAt,
      queued: sql`(select coalesce(max(queued), 0) + 1 from announcements where course_id = ${courseId})`,
    })
    .onConflict((conflict) => conflict.columns(['course_id', 'key']).doNothing())
    .execute();
}

/** An announcement of its own (a reload), in a transaction of its own. */
export async function queueSqlAnnouncement(
  store: SqlStore,
  announcement: Announcement,
  courseId: string = LEGACY_COURSE,
): Promise<void> {
  await writeTransaction(store, (trx) => queueAnnouncementIn(trx, store, announcement, courseId));
}

/**
 * Announcements the ledger has not settled (no row, being sent, or waiting for a retry or a lookup), in
 * the order they were queued: an undo is never announced before the change it undoes.
 */
export async function openSqlAnnouncements(
  store: SqlStore,
  courseId: string = LEGACY_COURSE,
): Promise<Announcement[]> {
  const rows = await store.db
    .selectFrom('announcements as a')
    .leftJoin('ledger as l', (join) =>
      join.onRef('l.course_id', '=', 'a.course_id').onRef('l.key', '=', 'a.key'),
    )
    .select(['a.key', 'a.content', 'a.created_at'])
    .where('a.course_id', '=', courseId)
    .where((eb) =>
      eb.or([
        eb('l.key', 'is', null),
        eb('l.state', '=', 'sending'),
        eb.and([eb('l.state', '=', 'failed'), eb('l.next_attempt_at', 'is not', null)]),
      ]),
    )
    .orderBy('a.queued')
    .orderBy('a.key')
    .execute();
  return rows.map((r) => ({
    key: String(r.key),
    content: JSON.parse(String(r.content)) as Content,
    createdAt: String(r.created_at),
  }));
}
