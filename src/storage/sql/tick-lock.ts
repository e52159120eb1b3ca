import { sql } from 'kysely';
import { advisoryKey } from './advisory-key.ts';
import { codeOf } from './sql-errors.ts';
import type { AnyKysely, SqlStore } from './sql-store.ts';
import { writeTransaction } from './write-transaction.ts';

export type AloneResult<T> = { ran: true; value: T } | { ran: false };

export interface RunAloneOptions {
  /** SQLite: how long to wait for another connection's write lock before giving up the turn. */
  sqliteWaitMs?: number;
}

/**
 * Runs `work` in a transaction that no other instance runs for the same `name` at the same time (one
 * course's schedule tick, say); when another holds it, returns `{ ran: false }` at once and the next tick
 * tries again. PostgreSQL: `pg_try_advisory_xact_lock`, released by the transaction's end, so it works
 * behind a transaction-pooling PgBouncer and is never stranded by a crashed instance. SQLite: the IMMEDIATE
 * transaction's write lock, which covers the whole file (SQLite runs one instance, so that costs nothing).
 * Keep `work` short (decide and claim); the claim's lease, not this lock, covers the sending.
 */
export async function runAlone<T>(
  store: SqlStore,
  name: string,
  work: (trx: AnyKysely) => Promise<T>,
  { sqliteWaitMs }: RunAloneOptions = {},
): Promise<AloneResult<T>> {
  if (store.dialect === 'postgres') {
    return writeTransaction(store, async (trx) => {
      const { rows } = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_xact_lock(${advisoryKey(name)}) as locked`.execute(trx);
      if (!rows[0]?.locked) return { ran: false };
      return { ran: true, value: await work(trx) };
    });
  }
  let began = false;
  try {
    return await writeTransaction(
      store,
      async (trx) => {
        began = true;
        return { ran: true, value: await work(trx) };
      },
      { busyTimeoutMs: sqliteWaitMs },
    );
  } catch (error) {
    // Busy before the transaction began: another connection has the write lock, so this turn is theirs.
    if (!began && codeOf(error)?.startsWith('SQLITE_BUSY')) return { ran: false };
    throw error;
  }
}
