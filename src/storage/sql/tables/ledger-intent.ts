import { sql } from 'kysely';
import type { DateTime } from 'luxon';
import type { LedgerPost } from '../../../delivery/ledger-row.ts';
import type { AnyKysely, SqlStore } from '../sql-store.ts';
import { writeTransaction } from '../write-transaction.ts';
import type { LedgerLease } from './ledger-lease.ts';

/** A send another holder began and did not finish before its lease ran out. */
export interface TakenOver {
  key: string;
  /** The holder that began it (it may have posted before it died). */
  from: string;
  /** When its send began (updated_at): where a lookup at Slack starts searching. */
  sendingSince: string;
}

export type IntentOutcome =
  | { claimed: false }
  /**
   * The keys are this instance's to send. With `takenOver` non-empty, another holder may already have
   * posted them: look the post up at Slack by its metadata first, and send only when it is not there.
   */
  | { claimed: true; takenOver: TakenOver[] };

/** Thrown inside the transaction to roll every key back: a post is claimed with all its keys or none. */
const LOST = Symbol('claimed by another holder');

/**
 * Step one of the outbox, and the claim of several instances: every key in one write transaction, all
 * won or, rolled back, none. A key is won when:
 * - it has no row (`INSERT … ON CONFLICT DO NOTHING` landed);
 * - its row is a failure (waiting for another attempt, or reopened): compare-and-set on state 'failed';
 * - its row is a send whose lease ran out (or that has none: the SQLite release's): compare-and-set on
 *   the holder and lease it was read with, and the caller is told it took it over.
 * Anything else (posted, skipped, a send whose lease runs, or this holder's own send in progress: a
 * second tick of the same process must not send it again) loses, and the whole claim is rolled back.
 * On PostgreSQL a concurrent loser's UPDATE waits for the winner's row lock and then no longer matches.
 */
export async function claimIntent(
  store: SqlStore,
  courseId: string,
  post: LedgerPost,
  keys: readonly string[],
  now: DateTime,
  lease: LedgerLease,
): Promise<IntentOutcome> {
  try {
    return await writeTransaction(store, async (trx) => {
      const wall = lease.wallNow();
      const until = wall + lease.leaseMs;
      const takenOver: TakenOver[] = [];
      for (const key of keys) {
        const found = await claimKey(trx, { courseId, key, post, now, holder: lease.holder, wall, until });
        // Thrown, so the transaction rolls back the keys already claimed.
        if (found === LOST) throw LOST;
        if (found) takenOver.push(found);
      }
      return { claimed: true, takenOver };
    });
  } catch (error) {
    if (error === LOST) return { claimed: false };
    throw error;
  }
}

interface KeyClaim {
  courseId: string;
  key: string;
  post: LedgerPost;
  now: DateTime;
  holder: string;
  wall: number;
  until: number;
}

/** undefined: won outright; a TakenOver: won from an expired holder; LOST: not this instance's. */
async function claimKey(trx: AnyKysely, c: KeyClaim): Promise<TakenOver | undefined | typeof LOST> {
  const at = c.now.toISO()!;
  const inserted = await trx
    .insertInto('ledger')
    .values({
      course_id: c.courseId,
      key: c.key,
      channel: c.post.channel,
      due_at: c.post.at,
      state: 'sending',
      attempts: 1,
      updated_at: at,
      holder: c.holder,
      lease_expires_at: c.until,
    })
    .onConflict((conflict) => conflict.columns(['course_id', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return undefined;

  const row = await trx
    .selectFrom('ledger')
    .select(['state', 'holder', 'lease_expires_at', 'updated_at'])
    .where('course_id', '=', c.courseId)
    .where('key', '=', c.key)
    .executeTakeFirst();
  if (!row) return LOST;
  // This key's row, now this holder's with a new lease.
  const claimRow = (set: Record<string, unknown>) =>
    trx
      .updateTable('ledger')
      .set({ ...set, holder: c.holder, lease_expires_at: c.until })
      .where('course_id', '=', c.courseId)
      .where('key', '=', c.key);

  if (row.state === 'failed') {
    const retried = await claimRow({
      channel: c.post.channel,
      due_at: c.post.at,
      state: 'sending',
      attempts: sql`attempts + 1`,
      next_attempt_at: null,
      updated_at: at,
    })
      .where('state', '=', 'failed')
      .executeTakeFirst();
    return Number(retried.numUpdatedRows) === 1 ? undefined : LOST;
  }
  // A send with no lease was begun by the SQLite release's code, which never leases: nothing covers it.
  const leaseOf = row.lease_expires_at === null ? null : Number(row.lease_expires_at);
  const expired = leaseOf === null || leaseOf <= c.wall;
  if (row.state !== 'sending' || !expired || row.holder === c.holder) return LOST;
  // Its updated_at (when the send began) is kept: the lookup searches from there.
  const taken = await claimRow({ next_attempt_at: null })
    .where('state', '=', 'sending')
    .where('holder', '=', row.holder)
    .where('lease_expires_at', leaseOf === null ? 'is' : '=', leaseOf)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) !== 1) return LOST;
  return { key: c.key, from: String(row.holder), sendingSince: String(row.updated_at) };
}
