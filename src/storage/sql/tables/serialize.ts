import { sql } from 'kysely';
import { advisoryKey } from '../advisory-key.ts';
import type { AnyKysely, SqlStore } from '../sql-store.ts';

/**
 * Makes the rest of this write transaction run after any other holding `name` (a course's revision log,
 * say), for a read-then-write that must see the last write. PostgreSQL: a transaction-scoped advisory lock
 * (released at COMMIT or ROLLBACK, so it works behind a pooler). SQLite: nothing to do, since a write
 * transaction (BEGIN IMMEDIATE) already holds the file's write lock.
 */
export async function serialize(trx: AnyKysely, store: SqlStore, name: string): Promise<void> {
  if (store.dialect === 'postgres')
    await sql`select pg_advisory_xact_lock(${advisoryKey(name)})`.execute(trx);
}
