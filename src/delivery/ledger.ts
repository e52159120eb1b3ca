import { DateTime } from 'luxon';
import { LEGACY_COURSE } from '../storage/courses-migration.ts';
import type { Database } from '../storage/database.ts';

export type LedgerState = 'sending' | 'posted' | 'skipped' | 'failed';

/** What the bot knows about one reminder key. Times are ISO-8601 with the course's offset. */
export interface LedgerRow {
  key: string;
  channel: string;
  dueAt: string;
  state: LedgerState;
  ts: string | null;
  reason: string | null;
  /** Sends tried, plus lookups that could not tell whether a send arrived: the backoff grows with both. */
  attempts: number;
  /**
   * 'failed': when to send again. 'sending': when to ask the destination again whether the post arrived
   * (it could not tell). Null for everything final, and for a send in progress or interrupted by a crash.
   */
  nextAttemptAt: string | null;
  /** When the row last changed state: for a 'sending' row, when its send began. */
  updatedAt: string;
}

/** The post a set of keys belongs to, as the ledger stores it. */
export interface LedgerPost {
  channel: string;
  at: string;
}

interface RawRow {
  key: string;
  channel: string;
  due_at: string;
  state: LedgerState;
  ts: string | null;
  reason: string | null;
  attempts: number;
  next_attempt_at: string | null;
  updated_at: string;
}

const fromRaw = (r: RawRow): LedgerRow => ({
  key: r.key,
  channel: r.channel,
  dueAt: r.due_at,
  state: r.state,
  ts: r.ts,
  reason: r.reason,
  attempts: r.attempts,
  nextAttemptAt: r.next_attempt_at,
  updatedAt: r.updated_at,
});

const iso = (t: DateTime): string => t.toISO()!;
const instantOf = (text: string): DateTime => DateTime.fromISO(text, { setZone: true });
/** Each course's own progress: one meta row per course. */
export const watermarkKey = (courseId: string): string => `watermark:${courseId}`;

/**
 * The outbox: one row per reminder key, the single record of what was posted. Every write is one
 * transaction, so a key is either fully recorded or not at all. A ledger is one course's view: its keys,
 * its watermark; another course's "Class 14" is another row (the table's key is course and key).
 */
export class Ledger {
  constructor(
    private readonly db: Database,
    /** Rows written before a database knew courses are the placeholder course's until adopted. */
    readonly courseId: string = LEGACY_COURSE,
  ) {}

  /** The rows of these keys that exist. */
  rows(keys: string[]): Map<string, LedgerRow> {
    const found = new Map<string, LedgerRow>();
    const select = this.db.prepare<[string, string], RawRow>(
      'SELECT * FROM ledger WHERE course_id = ? AND key = ?',
    );
    for (const key of keys) {
      const row = select.get(this.courseId, key);
      if (row) found.set(key, fromRaw(row));
    }
    return found;
  }

  inState(state: LedgerState): LedgerRow[] {
    return this.db
      .prepare<[string, string], RawRow>(
        'SELECT * FROM ledger WHERE course_id = ? AND state = ? ORDER BY due_at, key',
      )
      .all(this.courseId, state)
      .map(fromRaw);
  }

  /** Transient failures waiting for another attempt, and unconfirmed sends waiting for another lookup. */
  pendingRetries(): LedgerRow[] {
    return this.db
      .prepare<[string], RawRow>(
        "SELECT * FROM ledger WHERE course_id = ? AND state IN ('failed', 'sending') AND next_attempt_at IS NOT NULL ORDER BY due_at, key",
      )
      .all(this.courseId)
      .map(fromRaw);
  }

  /** Sends cut off by the end of the process: 'sending', and no lookup scheduled yet. */
  interrupted(): LedgerRow[] {
    return this.db
      .prepare<[string], RawRow>(
        "SELECT * FROM ledger WHERE course_id = ? AND state = 'sending' AND next_attempt_at IS NULL ORDER BY due_at, key",
      )
      .all(this.courseId)
      .map(fromRaw);
  }

  /**
   * Step one of the outbox, and the claim: these keys are about to be sent. A key is claimed only when it
   * has no row yet or its row is a failure waiting for another attempt; a key another writer has already
   * claimed (or recorded) is not. All keys are claimed together or none is: true when this writer won them
   * and may send. Counts the attempt.
   */
  recordIntent(post: LedgerPost, keys: string[], now: DateTime): boolean {
    const claim = this.db.prepare(`
      INSERT INTO ledger (course_id, key, channel, due_at, state, attempts, updated_at)
      VALUES (@course, @key, @channel, @at, 'sending', 1, @now)
      ON CONFLICT (course_id, key) DO UPDATE SET
        channel = excluded.channel, due_at = excluded.due_at, state = 'sending',
        attempts = attempts + 1, next_attempt_at = NULL, updated_at = excluded.updated_at
      WHERE ledger.state = 'failed'`);
    const lost = new Error('claimed by another writer');
    try {
      this.db.transaction(() => {
        for (const key of keys) {
          const { changes } = claim.run({
            course: this.courseId,
            key,
            channel: post.channel,
            at: post.at,
            now: iso(now),
          });
          // Rolls the whole claim back: a post is sent with all its keys or not at all.
          if (changes !== 1) throw lost;
        }
      })();
      return true;
    } catch (error) {
      if (error === lost) return false;
      throw error;
    }
  }

  /** Failures that are final because the bot was not in the channel. */
  notInChannel(): LedgerRow[] {
    return this.db
      .prepare<[string], RawRow>(
        "SELECT * FROM ledger WHERE course_id = ? AND state = 'failed' AND next_attempt_at IS NULL AND reason LIKE 'not_in_channel%' ORDER BY due_at, key",
      )
      .all(this.courseId)
      .map(fromRaw);
  }

  /**
   * Failures that are final because the bot was not in the channel, made due for another attempt now (the
   * bot has since joined, or staff asked). Only 'failed' rows are touched, so nothing posted is sent again.
   * `channels` narrows it to the names and ID one channel is known by. Returns the keys reopened.
   */
  reopenNotInChannel(now: DateTime, channels?: readonly string[]): string[] {
    const rows = this.notInChannel().filter((r) => !channels || channels.includes(r.channel));
    const reopen = this.db.prepare(
      "UPDATE ledger SET next_attempt_at = @now, updated_at = @now WHERE course_id = @course AND key = @key AND state = 'failed' AND next_attempt_at IS NULL",
    );
    this.db.transaction(() => {
      for (const row of rows) reopen.run({ course: this.courseId, key: row.key, now: iso(now) });
    })();
    return rows.map((r) => r.key);
  }

  /**
   * The Slack ts of the newest post in `channel` recorded as posted before `before` (by this clock): the
   * destination's own time, so a lookup from it does not depend on the two clocks agreeing.
   */
  lastPostedTs(channel: string, before: DateTime): string | undefined {
    const rows = this.db
      .prepare<[string], { ts: string; updated_at: string }>(
        "SELECT ts, updated_at FROM ledger WHERE channel = ? AND state = 'posted' AND ts IS NOT NULL",
      )
      // Every course's posts: the newest post in a channel is the destination's clock, whoever posted it.
      .all(channel);
    let best: string | undefined;
    for (const row of rows) {
      if (DateTime.fromISO(row.updated_at, { setZone: true }) >= before) continue;
      if (!/^\d+(\.\d+)?$/.test(row.ts)) continue;
      if (best === undefined || Number(row.ts) > Number(best)) best = row.ts;
    }
    return best;
  }

  /**
   * Progress recorded by a clock that was ahead of `now`: skips recorded after `now` for posts due after
   * it (judged "too late" at a time that has not come yet) are forgotten, so they are decided again when
   * due; retries and lookups scheduled more than `maxWaitMs` ahead are brought back to `now`. Nothing
   * posted is touched. Returns how many skips were forgotten.
   */
  undoFutureProgress(now: DateTime, maxWaitMs: number): number {
    const skips = this.db
      .prepare<[string], RawRow>("SELECT * FROM ledger WHERE course_id = ? AND state = 'skipped'")
      .all(this.courseId)
      .filter((r) => instantOf(r.updated_at) > now && instantOf(r.due_at) > now);
    const waits = this.pendingRetries().filter(
      (r) => instantOf(r.nextAttemptAt!).toMillis() > now.toMillis() + maxWaitMs,
    );
    const remove = this.db.prepare(
      "DELETE FROM ledger WHERE course_id = ? AND key = ? AND state = 'skipped'",
    );
    const pull = this.db.prepare(
      'UPDATE ledger SET next_attempt_at = ? WHERE course_id = ? AND key = ? AND next_attempt_at IS NOT NULL',
    );
    this.db.transaction(() => {
      for (const row of skips) remove.run(this.courseId, row.key);
      for (const row of waits) pull.run(iso(now), this.courseId, row.key);
    })();
    return skips.length;
  }

  markPosted(keys: string[], ts: string | null, now: DateTime): void {
    this.update(keys, { state: 'posted', ts, reason: null, next: null }, now);
  }

  /** A failure; with `nextAttemptAt` it is retried then, without it is final. */
  markFailed(keys: string[], reason: string, now: DateTime, nextAttemptAt?: DateTime): void {
    const next = nextAttemptAt ? iso(nextAttemptAt) : null;
    this.update(keys, { state: 'failed', ts: null, reason, next }, now);
  }

  /**
   * A send that may or may not have arrived, and the destination could not tell: the keys stay 'sending'
   * (so nothing sends them again) until the lookup is repeated at `nextCheckAt`. `updated_at` keeps the
   * time the send began, from which the destination is searched. A failed lookup counts as an attempt.
   */
  markUnconfirmed(keys: string[], reason: string, nextCheckAt: DateTime, lookupFailed: boolean): void {
    const stmt = this.db.prepare(
      "UPDATE ledger SET reason = @reason, next_attempt_at = @next, attempts = attempts + @more WHERE course_id = @course AND key = @key AND state = 'sending'",
    );
    this.db.transaction(() => {
      for (const key of keys)
        stmt.run({
          course: this.courseId,
          key,
          reason,
          next: iso(nextCheckAt),
          more: lookupFailed ? 1 : 0,
        });
    })();
  }

  /** Not sent on purpose (too late to be useful, gone from the plan); creates the rows when needed. */
  markSkipped(post: LedgerPost, keys: string[], reason: string, now: DateTime): void {
    const upsert = this.db.prepare(`
      INSERT INTO ledger (course_id, key, channel, due_at, state, reason, attempts, updated_at)
      VALUES (@course, @key, @channel, @at, 'skipped', @reason, 0, @now)
      ON CONFLICT (course_id, key) DO UPDATE SET
        state = 'skipped', reason = excluded.reason, next_attempt_at = NULL, updated_at = excluded.updated_at
      WHERE ledger.state <> 'posted'`);
    this.db.transaction(() => {
      for (const key of keys)
        upsert.run({
          course: this.courseId,
          key,
          channel: post.channel,
          at: post.at,
          reason,
          now: iso(now),
        });
    })();
  }

  /** The instant up to which due posts have been handled; undefined before the first start. */
  watermark(): DateTime | undefined {
    const row = this.db
      .prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
      .get(watermarkKey(this.courseId));
    return row ? DateTime.fromISO(row.value, { setZone: true }) : undefined;
  }

  setWatermark(at: DateTime): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(watermarkKey(this.courseId), iso(at));
  }

  private update(
    keys: string[],
    set: { state: LedgerState; ts: string | null; reason: string | null; next: string | null },
    now: DateTime,
  ): void {
    const stmt = this.db.prepare(
      'UPDATE ledger SET state = @state, ts = @ts, reason = @reason, next_attempt_at = @next, updated_at = @now WHERE course_id = @course AND key = @key',
    );
    this.db.transaction(() => {
      for (const key of keys) stmt.run({ ...set, now: iso(now), course: this.courseId, key });
    })();
  }
}

/** The furthest progress of any course in this database: what a demo clock must not be behind. */
export function latestWatermark(db: Database): DateTime | undefined {
  const rows = db
    .prepare<[], { value: string }>("SELECT value FROM meta WHERE key LIKE 'watermark:%'")
    .all()
    .map((r) => DateTime.fromISO(r.value, { setZone: true }));
  return rows.length > 0 ? DateTime.max(...rows) : undefined;
}
