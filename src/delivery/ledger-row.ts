export type LedgerState = 'sending' | 'posted' | 'skipped' | 'failed';

/** What the bot knows about one reminder key. Times are ISO-8601 with the course's offset. */
export interface LedgerRow {
  key: string;
  channel: string;
  dueAt: string;
  state: LedgerState;
  ts: string | null;
  reason: string | null;
  /** Sends tried, plus lookups that could not tell whether a send arrived: the backoff grows with both. */
  attempts: number;
  /**
   * 'failed': when to send again. 'sending': when to ask the destination again whether the post arrived
   * (it could not tell). Null for everything final, and for a send in progress or interrupted by a crash.
   */
  nextAttemptAt: string | null;
  /** When the row last changed state: for a 'sending' row, when its send began. */
  updatedAt: string;
}

/** The post a set of keys belongs to, as the ledger stores it. */
export interface LedgerPost {
  channel: string;
  at: string;
}
