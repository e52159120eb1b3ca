import type { SqlMigration } from '../migrate.ts';
import { int64Of, textOf } from './release-tables.ts';

/**
 * Every Slack delivery an instance began to handle, by its event_id or trigger_id: Slack re-sends what it
 * got no timely ack for, maybe to another instance, which finds the row and does not handle it again.
 * `seen_at` is epoch ms of the wall clock, for pruning.
 */
export const slackDeliveriesTable: SqlMigration = {
  name: 'slack deliveries handled',
  async up(db, store) {
    await db.schema
      .createTable('slack_deliveries')
      .addColumn('id', textOf(store), (c) => c.primaryKey())
      .addColumn('seen_at', int64Of(store), (c) => c.notNull())
      .execute();
    await db.schema.createIndex('slack_deliveries_seen').on('slack_deliveries').column('seen_at').execute();
  },
};
