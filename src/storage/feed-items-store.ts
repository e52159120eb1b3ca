import type { Database } from 'better-sqlite3';
import type { DateTime } from 'luxon';
import type { FeedItem } from '../calendar-feed/feed-items.ts';
import { reviseItems, type ItemState, type RevisedItem } from '../calendar-feed/item-revisions.ts';

interface Row {
  uid: string;
  fingerprint: string;
  sequence: number;
  last_modified: string;
}

/**
 * Gives a course's feed items their sequence numbers from what was published before, and records what
 * changed. Read and write are one immediate transaction, so the bot and `coursebot calendar` building at
 * once cannot both raise an item to the same number.
 */
export function reviseStoredItems(
  db: Database,
  courseId: string,
  items: FeedItem[],
  now: DateTime,
): RevisedItem[] {
  const run = db.transaction(() => {
    const rows = db
      .prepare<[string], Row>(
        'SELECT uid, fingerprint, sequence, last_modified FROM feed_items WHERE course_id = ?',
      )
      .all(courseId);
    const known = new Map<string, ItemState>(
      rows.map((r) => [
        r.uid,
        { fingerprint: r.fingerprint, sequence: r.sequence, lastModified: r.last_modified },
      ]),
    );
    const revision = reviseItems(items, known, now);
    const upsert = db.prepare(
      `INSERT INTO feed_items (course_id, uid, fingerprint, sequence, last_modified) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (course_id, uid) DO UPDATE SET fingerprint = excluded.fingerprint,
         sequence = excluded.sequence, last_modified = excluded.last_modified`,
    );
    // Items no longer in the plan keep their row: one that comes back (an undone removal) goes on from there.
    for (const [uid, state] of revision.changed) {
      upsert.run(courseId, uid, state.fingerprint, state.sequence, state.lastModified);
    }
    return revision.items;
  });
  return run.immediate();
}
