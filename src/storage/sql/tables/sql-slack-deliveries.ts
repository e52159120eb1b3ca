import { nowAndThen } from '../../../util/now-and-then.ts';
import { DELIVERY_KEPT_MS, DELIVERY_PRUNE_EVERY_MS } from '../../../slack/listeners/slack-deliveries.ts';
import type { SlackDeliveries } from '../../../slack/listeners/slack-deliveries.ts';
import type { SqlStore } from '../sql-store.ts';

/**
 * The Slack deliveries every instance began to handle (the `slack_deliveries` table): the insert is the
 * claim, so of two instances handed one delivery (Slack's re-send after a late ack), one handles it.
 */
export class SqlSlackDeliveries implements SlackDeliveries {
  private readonly pruneDue = nowAndThen(DELIVERY_PRUNE_EVERY_MS);

  constructor(private readonly store: SqlStore) {}

  async firstSeen(id: string, wallNowMs: number): Promise<boolean> {
    // Not awaited: the request that happens to be the hour's first must not wait for the delete.
    if (this.pruneDue(wallNowMs)) void this.prune(wallNowMs).catch(() => {});
    const inserted = await this.store.db
      .insertInto('slack_deliveries')
      .values({ id, seen_at: wallNowMs })
      .onConflict((conflict) => conflict.column('id').doNothing())
      .executeTakeFirst();
    return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
  }

  private async prune(wallNowMs: number): Promise<void> {
    await this.store.db
      .deleteFrom('slack_deliveries')
      .where('seen_at', '<', wallNowMs - DELIVERY_KEPT_MS)
      .execute();
  }
}
