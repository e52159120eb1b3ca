import { nowAndThen } from '../../util/now-and-then.ts';

/** How long a delivery's id is remembered: Slack gives up re-sending within minutes. */
export const DELIVERY_KEPT_MS = 24 * 60 * 60 * 1000;
export const DELIVERY_PRUNE_EVERY_MS = 60 * 60 * 1000;

/**
 * The Slack deliveries the bot began to handle, by id (an event's event_id, a command's trigger_id), so a
 * re-sent one is handled once. With several instances it is the database they share.
 */
export interface SlackDeliveries {
  /**
   * Records the delivery: true the first time its id is seen, false when it was seen before. Answered at
   * once when the record is in memory, so a request does not wait on a timer for nothing.
   */
  firstSeen(id: string, wallNowMs: number): boolean | Promise<boolean>;
}

/** One process's deliveries: enough for one instance, where a retry reaches the same process. */
export class MemorySlackDeliveries implements SlackDeliveries {
  private readonly seen = new Map<string, number>();
  private readonly pruneDue = nowAndThen(DELIVERY_PRUNE_EVERY_MS);

  firstSeen(id: string, wallNowMs: number): boolean {
    if (this.pruneDue(wallNowMs)) {
      for (const [old, at] of this.seen) if (at < wallNowMs - DELIVERY_KEPT_MS) this.seen.delete(old);
    }
    if (this.seen.has(id)) return false;
    // A string of its own: the id is a slice of the request's whole body, which it would keep alive for a
    // day. Slicing a concatenation makes V8 copy the characters into a new string first.
    this.seen.set(` ${id}`.slice(1), wallNowMs);
    return true;
  }
}
