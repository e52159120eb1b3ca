import { DateTime } from 'luxon';
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
const WATERMARK = 'watermark';

/**
 * The outbox: one row per reminder key, the single record of what was posted. Every write is one
 * transaction, so a key is either fully recorded or not at all.
 */
export class Ledger {
  constructor(private readonly db: Database) {}

  /** The rows of these keys that exist. */
  rows(keys: string[]): Map<string, LedgerRow> {
    const found = new Map<string, LedgerRow>();
    const select = this.db.prepare<[string], RawRow>('SELECT * FROM ledger WHERE key = ?');
    for (const key of keys) {
      const row = select.get(key);
      if (row) found.set(key, fromRaw(row));
    }
    return found;
  }

  inState(state: LedgerState): LedgerRow[] {
    return this.db
      .prepare<[string], RawRow>('SELECT * FROM ledger WHERE state = ? ORDER BY due_at, key')
      .all(state)
      .map(fromRaw);
  }

  /** Transient failures waiting for another attempt, and unconfirmed sends waiting for another lookup. */
  pendingRetries(): LedgerRow[] {
    return this.db
      .prepare<[], RawRow>(
        "SELECT * FROM ledger WHERE state IN ('failed', 'sending') AND next_attempt_at IS NOT NULL ORDER BY due_at, key",
      )
      .all()
      .map(fromRaw);
  }

  /** Sends cut off by the end of the process: 'sending', and no lookup scheduled yet. */
  interrupted(): LedgerRow[] {
    return this.db
      .prepare<[], RawRow>(
        "SELECT * FROM ledger WHERE state = 'sending' AND next_attempt_at IS NULL ORDER BY due_at, key",
      )
      .all()
      .map(fromRaw);
  }

  /** Step one of the outbox: these keys are about to be sent. Counts the attempt. */
  recordIntent(post: LedgerPost, keys: string[], now: DateTime): void {
    const upsert = this.db.prepare(`
      INSERT INTO ledger (key, channel, due_at, state, attempts, updated_at)
      VALUES (@key, @channel, @at, 'sending', 1, @now)
      ON CONFLICT (key) DO UPDATE SET
        channel = excluded.channel, due_at = excluded.due_at, state = 'sending',
        attempts = attempts + 1, next_attempt_at = NULL, updated_at = excluded.updated_at`);
    this.db.transaction(() => {
      for (const key of keys) upsert.run({ key, channel: post.channel, at: post.at, now: iso(now) });
    })();
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
      "UPDATE ledger SET reason = @reason, next_attempt_at = @next, attempts = attempts + @more WHERE key = @key AND state = 'sending'",
    );
    this.db.transaction(() => {
      for (const key of keys) stmt.run({ key, reason, next: iso(nextCheckAt), more: lookupFailed ? 1 : 0 });
    })();
  }

  /** Not sent on purpose (too late to be useful, gone from the plan); creates the rows when needed. */
  markSkipped(post: LedgerPost, keys: string[], reason: string, now: DateTime): void {
    const upsert = this.db.prepare(`
      INSERT INTO ledger (key, channel, due_at, state, reason, attempts, updated_at)
      VALUES (@key, @channel, @at, 'skipped', @reason, 0, @now)
      ON CONFLICT (key) DO UPDATE SET
        state = 'skipped', reason = excluded.reason, next_attempt_at = NULL, updated_at = excluded.updated_at`);
    this.db.transaction(() => {
      for (const key of keys) upsert.run({ key, channel: post.channel, at: post.at, reason, now: iso(now) });
    })();
  }

  /** The instant up to which due posts have been handled; undefined before the first start. */
  watermark(): DateTime | undefined {
    const row = this.db
      .prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
      .get(WATERMARK);
    return row ? DateTime.fromISO(row.value, { setZone: true }) : undefined;
  }

  setWatermark(at: DateTime): void {
    this.db
      .prepare(
        'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
      )
      .run(WATERMARK, iso(at));
  }

  private update(
    keys: string[],
    set: { state: LedgerState; ts: string | null; reason: string | null; next: string | null },
    now: DateTime,
  ): void {
    const stmt = this.db.prepare(
      'UPDATE ledger SET state = @state, ts = @ts, reason = @reason, next_attempt_at = @next, updated_at = @now WHERE key = @key',
    );
    this.db.transaction(() => {
      for (const key of keys) stmt.run({ ...set, now: iso(now), key });
    })();
  }
}
