import type { SqlStore } from './sql-store.ts';
import { writeTransaction } from './write-transaction.ts';

/**
 * Ends the leases of every holder but `holder`: for a SQLite file this process has just taken with its
 * instance lock, which proves that whoever held them before is gone (killed, or crashed). Without this, a
 * bot restarted after a kill would wait out its predecessor's leases (a course's tick, a send cut off)
 * before resolving what that one left. A send waiting for a scheduled lookup keeps its time. Never on
 * PostgreSQL, where another holder may well be alive.
 */
export async function expireLeasesOfOthers(store: SqlStore, holder: string): Promise<void> {
  if (store.dialect !== 'sqlite') throw new Error('only a SQLite file proves the other holders gone');
  await writeTransaction(store, async (trx) => {
    await trx
      .updateTable('ledger')
      .set({ lease_expires_at: 0 })
      .where('state', '=', 'sending')
      .where('next_attempt_at', 'is', null)
      .where('holder', '<>', holder)
      .execute();
    await trx
      .updateTable('course_ticks')
      .set({ lease_expires_at: 0 })
      .where('holder', '<>', holder)
      .execute();
  });
}
