import type { DateTime } from 'luxon';
import type { AnyKysely, SqlStore } from './sql-store.ts';
import { writeTransaction } from './write-transaction.ts';

/**
 * Claiming a piece of work (a post, a DM, an announcement) by its key, so that of several instances exactly
 * one does it. The table is the caller's (the ledger's intent rows, say) and has three columns this file
 * relies on: `key` (the primary key), `holder` (who claimed it) and `lease_expires_at` (epoch milliseconds
 * until which the holder may work on it; NULL once the work is finished, so a finished row is never taken
 * over). CLAIM_COLUMNS adds them in a migration.
 */
export interface ClaimRequest {
  table: string;
  key: string;
  /** This instance's id: unique per process, so a restarted process is a new holder. */
  holder: string;
  /**
   * The wall clock (not the course clock: a demo's COURSEBOT_NOW must not make a lease look expired). Every
   * instance compares leases with its own, so keep the machines' clocks synchronised (NTP) and the lease
   * much longer than their drift.
   */
  now: DateTime;
  leaseMs: number;
  /** The row's other columns, written when the claim inserts it. */
  values?: Record<string, unknown>;
}

export type ClaimOutcome =
  /** The row is new (or was already this holder's): do the work. */
  | { outcome: 'claimed' }
  /** Another holder's lease ran out: it may have done the work before dying, so look first, then do it. */
  | { outcome: 'taken-over'; from: string }
  /** Another holder's lease is running: leave it alone. */
  | { outcome: 'held'; holder: string; leaseExpiresAt: number }
  /** The work is done. */
  | { outcome: 'finished' };

interface ClaimRow {
  holder: string;
  lease_expires_at: number | null;
}

/**
 * Claims `key` in one transaction: `INSERT … ON CONFLICT DO NOTHING` is the claim; a row that exists is
 * taken over only when its lease has expired, with a compare-and-set on the holder and lease it was read
 * with, so of any number of concurrent takers exactly one wins (on PostgreSQL the losers' UPDATE waits for
 * the winner's row lock and then no longer matches; on SQLite the IMMEDIATE transactions run one by one).
 */
export async function claimByKey(store: SqlStore, request: ClaimRequest): Promise<ClaimOutcome> {
  return writeTransaction(store, (trx) => claimInTransaction(trx, request));
}

/**
 * The claim, inside a write transaction the caller runs (writeTransaction): for work with several keys (a
 * post that covers two reminders), claimed all together or, by rolling back, not at all.
 */
export async function claimInTransaction(trx: AnyKysely, request: ClaimRequest): Promise<ClaimOutcome> {
  const { table, key, holder, now, leaseMs, values = {} } = request;
  const until = now.toMillis() + leaseMs;
  const inserted = await trx
    .insertInto(table)
    .values({ ...values, key, holder, lease_expires_at: until })
    .onConflict((conflict) => conflict.column('key').doNothing())
    .executeTakeFirst();
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 1) return { outcome: 'claimed' };

  const row = await readClaim(trx, table, key);
  if (!row || row.lease_expires_at === null) return { outcome: 'finished' };
  if (row.holder !== holder && row.lease_expires_at > now.toMillis()) {
    return { outcome: 'held', holder: row.holder, leaseExpiresAt: row.lease_expires_at };
  }
  const taken = await trx
    .updateTable(table)
    .set({ holder, lease_expires_at: until })
    .where('key', '=', key)
    .where('holder', '=', row.holder)
    .where('lease_expires_at', '=', row.lease_expires_at)
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 1) {
    // Already ours: a retry of a claim whose COMMIT answer was lost, which has sent nothing yet.
    return row.holder === holder ? { outcome: 'claimed' } : { outcome: 'taken-over', from: row.holder };
  }
  const winner = await readClaim(trx, table, key);
  if (!winner || winner.lease_expires_at === null) return { outcome: 'finished' };
  return { outcome: 'held', holder: winner.holder, leaseExpiresAt: winner.lease_expires_at };
}

/**
 * Marks the work done (lease NULL), with the row's final values, if `holder` still holds it. False means
 * another instance took it over meanwhile: the caller's lease was too short for its work.
 */
export async function finishClaim(
  store: SqlStore,
  { table, key, holder, values = {} }: Pick<ClaimRequest, 'table' | 'key' | 'holder' | 'values'>,
): Promise<boolean> {
  const result = await store.db
    .updateTable(table)
    .set({ ...values, lease_expires_at: null })
    .where('key', '=', key)
    .where('holder', '=', holder)
    .where('lease_expires_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Extends a running lease for work that takes longer than one lease; false when it is no longer ours. */
export async function renewLease(
  store: SqlStore,
  { table, key, holder, now, leaseMs }: Omit<ClaimRequest, 'values'>,
): Promise<boolean> {
  const result = await store.db
    .updateTable(table)
    .set({ lease_expires_at: now.toMillis() + leaseMs })
    .where('key', '=', key)
    .where('holder', '=', holder)
    .where('lease_expires_at', 'is not', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

async function readClaim(trx: AnyKysely, table: string, key: string): Promise<ClaimRow | undefined> {
  const row = await trx
    .selectFrom(table)
    .select(['holder', 'lease_expires_at'])
    .where('key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    holder: String(row.holder),
    lease_expires_at: row.lease_expires_at === null ? null : Number(row.lease_expires_at),
  };
}
