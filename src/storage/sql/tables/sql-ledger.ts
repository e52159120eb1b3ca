import { sql } from 'kysely';
import { DateTime } from 'luxon';
import { type LedgerPost, type LedgerRow, type LedgerState } from '../../../delivery/ledger-row.ts';
import { LEGACY_COURSE } from '../../courses-migration.ts';
import type { AnyKysely, SqlStore } from '../sql-store.ts';
import { writeTransaction } from '../write-transaction.ts';
import { claimIntent, type IntentOutcome } from './ledger-intent.ts';
import { leaseUntil, type LedgerLease } from './ledger-lease.ts';
import { LEDGER_COLUMNS, ledgerRowOf } from './sql-ledger-rows.ts';
import type { DatabaseRetry } from '../retry.ts';
import { advanceWatermark, readWatermark, rewindWatermark } from './sql-watermarks.ts';

const iso = (t: DateTime): string => t.toISO()!;
const instantOf = (text: string): DateTime => DateTime.fromISO(text, { setZone: true });

/** Runs one read or one whole transaction as it is: for a ledger that is not given the store's retry. */
const once: Pick<DatabaseRetry, 'run'> = { run: (operation) => operation() };

/**
 * The outbox of one course, safe with several instances on one database (SQLite or PostgreSQL). Recording
 * the intent of a post is the claim (see claimIntent); a row's lease says until when its holder may work on
 * it, and NULL when nothing is left to do with it. With the store's retry, every method (one read, or one
 * whole transaction) is run again while the database is away, so a tick during an outage waits, and loses
 * nothing.
 */
export class SqlLedger {
  private readonly retry: Pick<DatabaseRetry, 'run'>;

  constructor(
    private readonly store: SqlStore,
    private readonly lease: LedgerLease,
    readonly courseId: string = LEGACY_COURSE,
    retry?: Pick<DatabaseRetry, 'run'>,
  ) {
    this.retry = retry ?? once;
  }

  async rows(keys: readonly string[]): Promise<Map<string, LedgerRow>> {
    if (keys.length === 0) return new Map();
    const rows = await this.retry.run(() =>
      this.select()
        .where('key', 'in', [...keys])
        .execute(),
    );
    return new Map(rows.map((r) => [r.key, ledgerRowOf(r)]));
  }

  async inState(state: LedgerState): Promise<LedgerRow[]> {
    return this.list(this.select().where('state', '=', state));
  }

  /** Every key the course's ledger has recorded, whatever its state. */
  async keys(): Promise<Set<string>> {
    const rows = await this.retry.run(() =>
      this.store.db.selectFrom('ledger').select('key').where('course_id', '=', this.courseId).execute(),
    );
    return new Set(rows.map((r) => String(r.key)));
  }

  /** Transient failures waiting for another attempt, and unconfirmed sends waiting for another lookup. */
  async pendingRetries(): Promise<LedgerRow[]> {
    return this.list(
      this.select().where('state', 'in', ['failed', 'sending']).where('next_attempt_at', 'is not', null),
    );
  }

  /**
   * Sends with no lookup scheduled: in flight (this instance's or another's), or cut off by the end of the
   * process that held them (see expiredSends for those whose lease ran out).
   */
  async interrupted(): Promise<LedgerRow[]> {
    return this.list(this.select().where('state', '=', 'sending').where('next_attempt_at', 'is', null));
  }

  /**
   * Sends whose holder's lease has run out, whoever held them: recordIntent takes them over (and says so),
   * so any instance finishes a post another one began and died sending.
   */
  async expiredSends(): Promise<LedgerRow[]> {
    return this.list(
      this.select()
        .where('state', '=', 'sending')
        .where((eb) =>
          eb.or([eb('lease_expires_at', 'is', null), eb('lease_expires_at', '<=', this.lease.wallNow())]),
        ),
    );
  }

  /** The claim: these keys are about to be sent, by this instance, all of them or none. */
  async recordIntent(post: LedgerPost, keys: readonly string[], now: DateTime): Promise<IntentOutcome> {
    return this.retry.run(() => claimIntent(this.store, this.courseId, post, keys, now, this.lease));
  }

  /** Failures that are final because the bot was not in the channel. */
  async notInChannel(): Promise<LedgerRow[]> {
    return this.list(
      this.select()
        .where('state', '=', 'failed')
        .where('next_attempt_at', 'is', null)
        .where('reason', 'like', 'not_in_channel%'),
    );
  }

  /** Those failures made due now (only 'failed' rows: nothing posted is sent again). The keys reopened. */
  async reopenNotInChannel(now: DateTime, channels?: readonly string[]): Promise<string[]> {
    const rows = (await this.notInChannel()).filter((r) => !channels || channels.includes(r.channel));
    if (rows.length === 0) return [];
    await this.update(
      rows.map((r) => r.key),
      { next_attempt_at: iso(now), updated_at: iso(now), lease_expires_at: this.lease.wallNow() },
      { state: 'failed', nextAttempt: 'is' },
    );
    return rows.map((r) => r.key);
  }

  /** The Slack ts of the newest post in `channel` recorded before `before`, whichever course posted it. */
  async lastPostedTs(channel: string, before: DateTime): Promise<string | undefined> {
    const rows = await this.retry.run(() =>
      this.store.db
        .selectFrom('ledger')
        .select(['ts', 'updated_at'])
        .where('channel', '=', channel)
        .where('state', '=', 'posted')
        .where('ts', 'is not', null)
        .execute(),
    );
    let best: string | undefined;
    for (const row of rows as { ts: string; updated_at: string }[]) {
      if (instantOf(row.updated_at) >= before || !/^\d+(\.\d+)?$/.test(row.ts)) continue;
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
  async undoFutureProgress(now: DateTime, maxWaitMs: number): Promise<number> {
    const skips = (await this.inState('skipped')).filter(
      (r) => instantOf(r.updatedAt) > now && instantOf(r.dueAt) > now,
    );
    const waits = (await this.pendingRetries()).filter(
      (r) => instantOf(r.nextAttemptAt!).toMillis() > now.toMillis() + maxWaitMs,
    );
    await this.write(async (trx) => {
      if (skips.length > 0) {
        await this.mine(
          trx.deleteFrom('ledger'),
          skips.map((r) => r.key),
        )
          .where('state', '=', 'skipped')
          .execute();
      }
      if (waits.length > 0) {
        await this.mine(
          trx.updateTable('ledger'),
          waits.map((r) => r.key),
        )
          .set({ next_attempt_at: iso(now), lease_expires_at: this.lease.wallNow() })
          .where('next_attempt_at', 'is not', null)
          .execute();
      }
    });
    return skips.length;
  }

  async markPosted(keys: readonly string[], ts: string | null, now: DateTime): Promise<void> {
    await this.finish(keys, { state: 'posted', ts, reason: null, next_attempt_at: null }, now, null);
  }

  /** A failure; with `nextAttemptAt` it is retried then (its lease runs until then), without it is final. */
  async markFailed(
    keys: readonly string[],
    reason: string,
    now: DateTime,
    nextAttemptAt?: DateTime,
  ): Promise<void> {
    const next = nextAttemptAt ? iso(nextAttemptAt) : null;
    const leaseEnd = nextAttemptAt ? leaseUntil(this.lease, now, nextAttemptAt) : null;
    await this.finish(keys, { state: 'failed', ts: null, reason, next_attempt_at: next }, now, leaseEnd);
  }

  /**
   * A send that may or may not have arrived: the keys stay 'sending' until the lookup at `nextCheckAt`,
   * when the lease runs out and whichever instance is first takes the lookup over.
   */
  async markUnconfirmed(
    keys: readonly string[],
    reason: string,
    nextCheckAt: DateTime,
    lookupFailed: boolean,
    now: DateTime,
  ): Promise<void> {
    await this.update(
      keys,
      {
        reason,
        next_attempt_at: iso(nextCheckAt),
        attempts: sql`attempts + ${lookupFailed ? 1 : 0}`,
        lease_expires_at: leaseUntil(this.lease, now, nextCheckAt),
      },
      { state: 'sending' },
    );
  }

  /** Not sent on purpose; creates the rows when needed, and never turns a posted row into a skip. */
  async markSkipped(post: LedgerPost, keys: readonly string[], reason: string, now: DateTime): Promise<void> {
    await this.write(async (trx) => {
      for (const key of keys) {
        await trx
          .insertInto('ledger')
          .values({
            course_id: this.courseId,
            key,
            channel: post.channel,
            due_at: post.at,
            state: 'skipped',
            reason,
            attempts: 0,
            updated_at: iso(now),
            holder: this.lease.holder,
            lease_expires_at: null,
          })
          .onConflict((conflict) =>
            conflict
              .columns(['course_id', 'key'])
              .doUpdateSet({
                state: 'skipped',
                reason,
                next_attempt_at: null,
                updated_at: iso(now),
                lease_expires_at: null,
              })
              .where('ledger.state', '<>', 'posted'),
          )
          .execute();
      }
    });
  }

  /** The instant up to which due posts have been handled; undefined before the first start. */
  async watermark(): Promise<DateTime | undefined> {
    return this.retry.run(() => readWatermark(this.store.db, this.courseId));
  }

  /**
   * Moves the progress forward to `at`, never back (see advanceWatermark). Inside the caller's transaction
   * when given `trx` (which the caller then runs, and retries, whole).
   */
  async setWatermark(at: DateTime, trx?: AnyKysely): Promise<void> {
    if (trx) return advanceWatermark(trx, this.courseId, at);
    await this.retry.run(() => advanceWatermark(this.store.db, this.courseId, at));
  }

  /** Sets the progress back to `at`: only for progress made by a clock that was ahead. */
  async rewindWatermark(at: DateTime): Promise<void> {
    await this.retry.run(() => rewindWatermark(this.store.db, this.courseId, at));
  }

  private select() {
    return this.store.db.selectFrom('ledger').select(LEDGER_COLUMNS).where('course_id', '=', this.courseId);
  }

  private async list(query: ReturnType<SqlLedger['select']>): Promise<LedgerRow[]> {
    const rows = await this.retry.run(() => query.orderBy('due_at').orderBy('key').execute());
    return rows.map(ledgerRowOf);
  }

  /** One write transaction, run again whole while the database is away. */
  private write(work: (trx: AnyKysely) => Promise<void>): Promise<void> {
    return this.retry.run(() => writeTransaction(this.store, work));
  }

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any of Kysely's where-able builders
  private mine<Q extends { where: (...args: any[]) => any }>(query: Q, keys: readonly string[]): Q {
    return query.where('course_id', '=', this.courseId).where('key', 'in', [...keys]) as Q;
  }

  private async finish(
    keys: readonly string[],
    set: Record<string, unknown>,
    now: DateTime,
    leaseEnd: number | null,
  ): Promise<void> {
    await this.update(keys, { ...set, updated_at: iso(now), lease_expires_at: leaseEnd });
  }

  /** One transaction over these keys' rows, narrowed to a state (and whether a next attempt is set). */
  private async update(
    keys: readonly string[],
    set: Record<string, unknown>,
    only: { state?: LedgerState; nextAttempt?: 'is' | 'is not' } = {},
  ): Promise<void> {
    if (keys.length === 0) return;
    await this.write(async (trx) => {
      let query = this.mine(trx.updateTable('ledger').set(set), keys);
      if (only.state) query = query.where('state', '=', only.state);
      if (only.nextAttempt) query = query.where('next_attempt_at', only.nextAttempt, null);
      await query.execute();
    });
  }
}
