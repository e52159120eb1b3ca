import { DateTime } from 'luxon';
import type { NewRevision } from '../../../src/changes/revision-log.ts';
import type { Content } from '../../../src/content/content.ts';
import type { Plan } from '../../../src/plan/schema.ts';
import { queueAnnouncement } from './release-code/announcements.ts';
import { CourseStore } from './release-code/course-store.ts';
import { openDatabase, type Database } from '../../../src/storage/database.ts';
import { deriveToken, tokenHash } from '../../../src/storage/feed-token-secret.ts';
import { SqliteRevisionLog } from './release-code/revisions.ts';

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
  // The ledger's rows as the release's synchronous ledger left them: two keys posted together, a skip, a
  // failure waiting for its retry, and a send cut off by a crash.
  const ledgerRow = db.prepare(`
    INSERT INTO ledger (course_id, key, channel, due_at, state, ts, reason, attempts, next_attempt_at, updated_at)
    VALUES ('cs-1', @key, '#cs-1', @due, @state, @ts, @reason, @attempts, @next, @updated)`);
  const row = { due: at.toISO(), ts: null, reason: null, attempts: 1, next: null, updated: at.toISO() };
  const posted = {
    ...row,
    state: 'posted',
    ts: '1730638800.000100',
    updated: at.plus({ seconds: 1 }).toISO(),
  };
  ledgerRow.run({ ...posted, key: 'class:1:day' });
  ledgerRow.run({ ...posted, key: 'class:1:digest' });
  ledgerRow.run({ ...row, key: 'class:0:day', state: 'skipped', reason: 'too late', attempts: 0 });
  const retry = at.plus({ minutes: 5 }).toISO();
  ledgerRow.run({ ...row, key: 'deadline:hw1:24h', state: 'failed', reason: 'ratelimited', next: retry });
  ledgerRow.run({ ...row, key: 'deadline:hw2:24h', state: 'sending' });
  const watermark = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  watermark.run('watermark:cs-1', at.toISO());
  watermark.run('watermark:cs-2', at.minus({ hours: 1 }).toISO());

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
