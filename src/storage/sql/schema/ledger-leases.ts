import { DateTime } from 'luxon';
import type { SqlMigration } from '../migrate.ts';
import { int64Of } from './release-tables.ts';

/**
 * The ledger becomes the claim of several instances: who holds each row and until when (epoch ms, wall
 * clock). NULL means nothing is left to do with the row (posted, skipped, failed for good). The rows
 * already there get the lease their state means:
 * - 'sending' with no lookup scheduled: cut off by the end of the process that held it, so the lease has
 *   run out (0) and whoever takes it over looks the post up at Slack first;
 * - 'sending' waiting for a lookup, or 'failed' waiting for its next attempt: until that time, so the
 *   first instance to reach it once it is due takes it.
 */
export const ledgerLeases: SqlMigration = {
  name: 'ledger claims with a lease',
  async up(db, store) {
    await db.schema
      .alterTable('ledger')
      .addColumn('holder', 'text', (c) => c.notNull().defaultTo(''))
      .execute();
    await db.schema.alterTable('ledger').addColumn('lease_expires_at', int64Of(store)).execute();
    const open = await db
      .selectFrom('ledger')
      .select(['course_id', 'key', 'state', 'next_attempt_at'])
      .where('state', 'in', ['sending', 'failed'])
      .execute();
    for (const row of open) {
      const next = row.next_attempt_at ? DateTime.fromISO(String(row.next_attempt_at)) : undefined;
      const lease = next?.isValid ? next.toMillis() : row.state === 'sending' ? 0 : null;
      if (lease === null) continue;
      await db
        .updateTable('ledger')
        .set({ lease_expires_at: lease })
        .where('course_id', '=', row.course_id)
        .where('key', '=', row.key)
        .execute();
    }
    await db.schema
      .createIndex('ledger_lease')
      .on('ledger')
      .columns(['course_id', 'lease_expires_at'])
      .execute();
  },
};
