import { sql } from 'kysely';
import type { AnyKysely, SqlStore } from './sql-store.ts';

export interface WriteTransactionOptions {
  /**
   * SQLite only: how long to wait for another connection's write lock, for this transaction alone (0: fail
   * at once with SQLITE_BUSY). The store's own busy timeout applies when unset.
   */
  busyTimeoutMs?: number;
}

/**
 * Runs `work` in one transaction that writes. PostgreSQL: an ordinary transaction (row locks and advisory
 * locks do the rest). SQLite: BEGIN IMMEDIATE, which takes the file's write lock before the first read, so
 * a read-then-write never fails half-way with SQLITE_BUSY and two writers queue instead of racing.
 * Commits when `work` resolves, rolls back when it throws. Inside `work`, query through `trx` only: on
 * SQLite the store's one connection is held by this transaction, and a query through `store.db` would wait
 * for it forever.
 */
export async function writeTransaction<T>(
  store: SqlStore,
  work: (trx: AnyKysely) => Promise<T>,
  { busyTimeoutMs }: WriteTransactionOptions = {},
): Promise<T> {
  if (store.dialect === 'postgres') return store.db.transaction().execute(work);
  return store.db.connection().execute(async (connection) => {
    const restore = busyTimeoutMs === undefined ? undefined : await setBusyTimeout(connection, busyTimeoutMs);
    try {
      await sql`begin immediate`.execute(connection);
      try {
        const result = await work(connection);
        await sql`commit`.execute(connection);
        return result;
      } catch (error) {
        await sql`rollback`.execute(connection);
        throw error;
      }
    } finally {
      if (restore !== undefined) await setBusyTimeout(connection, restore);
    }
  });
}

/** Sets the connection's busy timeout and returns the one it had. */
async function setBusyTimeout(connection: AnyKysely, ms: number): Promise<number> {
  const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(connection);
  await sql.raw(`pragma busy_timeout = ${Math.max(0, Math.floor(ms))}`).execute(connection);
  return rows[0]?.timeout ?? 0;
}
