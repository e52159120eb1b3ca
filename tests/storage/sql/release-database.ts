import { DateTime } from 'luxon';
import type { NewRevision } from '../../../src/changes/revision-log.ts';
import type { Content } from '../../../src/content/content.ts';
import type { Plan } from '../../../src/plan/schema.ts';
import { Ledger } from '../../../src/delivery/ledger.ts';
import { queueAnnouncement } from '../../../src/storage/announcements.ts';
import { CourseStore } from '../../../src/storage/course-store.ts';
import { openDatabase, type Database } from '../../../src/storage/database.ts';
import { deriveToken, tokenHash } from '../../../src/storage/feed-token-secret.ts';
import { SqliteRevisionLog } from '../../../src/storage/revisions.ts';

/**
 * A SQLite file as the current release writes it: through its own synchronous modules, with rows in every
 * table and in every state a copy or a baseline must keep (posted, skipped, a failure waiting for a retry,
 * a send cut off by a crash, an undo that refers to its change).
 */
export const ZONE = 'America/New_York';
export const RELEASE_AT = DateTime.fromISO('2025-11-03T08:00', { zone: ZONE });
export const CANCEL = {
  kind: 'cancel',
  number: 3,
  date: '2025-11-07',
  reason: 'snow',
  shift: false,
} as const;
const PLAN = { course: { code: 'CS 1' } } as unknown as Plan;

export function writeReleaseDatabase(path: string): void {
  const db = openDatabase(path);
  try {
    fillRelease(db);
  } finally {
    db.close();
  }
}

export function fillRelease(db: Database, at: DateTime = RELEASE_AT): void {
  const courses = new CourseStore(db);
  for (const id of ['cs-1', 'cs-2']) {
    courses.remember({
      id,
      source: { kind: 'file', path: `courses/${id}.json` },
      home: `#${id}`,
      createdAt: at.minus({ days: 9 }).toISO()!,
      createdBy: 'U0PROF',
    });
    courses.addStaff(id, 'U0TA', 'U0PROF', at.minus({ days: 8 }).toISO()!);
  }
  const ledger = new Ledger(db, 'cs-1');
  const post = { channel: '#cs-1', at: at.toISO()! };
  ledger.recordIntent(post, ['class:1:day', 'class:1:digest'], at);
  ledger.markPosted(['class:1:day', 'class:1:digest'], '1730638800.000100', at.plus({ seconds: 1 }));
  ledger.markSkipped(post, ['class:0:day'], 'too late', at);
  ledger.recordIntent(post, ['deadline:hw1:24h'], at);
  ledger.markFailed(['deadline:hw1:24h'], 'ratelimited', at, at.plus({ minutes: 5 }));
  ledger.recordIntent(post, ['deadline:hw2:24h'], at);
  ledger.setWatermark(at);
  new Ledger(db, 'cs-2').setWatermark(at.minus({ hours: 1 }));

  const revisions = new SqliteRevisionLog(db, 'cs-1');
  const base = {
    author: 'U0PROF',
    kind: 'cancel',
    change: CANCEL,
    before: PLAN,
    after: PLAN,
  } satisfies Partial<NewRevision>;
  const announcement: Content = { blocks: [{ kind: 'header', text: 'Class 3 is cancelled' }] };
  revisions.append({ ...base, createdAt: at.toISO()!, summary: 'cancel 3', announcement }, 0);
  revisions.append({ ...base, createdAt: at.plus({ minutes: 1 }).toISO()!, summary: 'undo', undoneOf: 1 }, 1);
  queueAnnouncement(db, { key: 'announce:reload-x', content: announcement, createdAt: at.toISO()! }, 'cs-2');

  // The rows the release's feed tokens and DM subscriptions wrote, as it wrote them.
  const nonce = 'n'.repeat(43);
  db.prepare('INSERT INTO feed_tokens (course_id, nonce, token_hash, created_at) VALUES (?, ?, ?, ?)').run(
    'cs-1',
    nonce,
    tokenHash(deriveToken('xoxb-key', 'cs-1', nonce)),
    at.toUTC().toISO(),
  );
  db.prepare(
    "INSERT INTO feed_items (course_id, uid, fingerprint, sequence, last_modified) VALUES ('cs-1', 'class-1@cs-1', 'f1', 2, ?)",
  ).run(at.toISO());
  const dm = db.prepare(
    'INSERT INTO dm_subscriptions (course_id, user_id, kind, leads, timezone, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  dm.run('cs-1', 'U0STUDENT', 'deadlines', '1440 60', 'Europe/Paris', at.toISO());
  dm.run('cs-1', 'U0STUDENT', 'presentations', '', null, at.toISO());
}

/** Every row of every table, as plain objects in key order: what must survive a baseline or a copy. */
export function rowsOf(db: Database, tables: readonly string[]): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(
    tables.map((table) => [
      table,
      db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all() as Record<string, unknown>[],
    ]),
  );
}
