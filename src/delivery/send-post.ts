import type { DateTime } from 'luxon';
import type { Content } from '../content/content.ts';
import { isAnnouncementKey } from '../storage/announcements.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/logger.ts';
import type { Ledger, LedgerPost } from './ledger.ts';
import type { SendResult, Sink } from './sink.ts';

export interface OutboxDeps {
  ledger: Ledger;
  sink: Sink;
  clock: Clock;
  logger: Logger;
}

/** `taken`: another writer had already claimed the keys (or recorded them): this one did not send. */
export type SendOutcome = 'posted' | 'retry' | 'failed' | 'taken';

const MINUTE = 60_000;
const MAX_BACKOFF = 30 * MINUTE;

/**
 * 1, 2, 4 … minutes after the n-th failed attempt, capped, for errors that say nothing about when to come
 * back (5xx, network). A destination's Retry-After (a 429) is exactly that: the attempt is repeated then,
 * not minutes later.
 */
export function retryDelayMs(attempts: number, retryAfterMs?: number): number {
  if (retryAfterMs !== undefined && retryAfterMs > 0) return Math.min(retryAfterMs, MAX_BACKOFF);
  return Math.min(MINUTE * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF);
}

/**
 * One outbox step: claim every key in one transaction (recording the intent), send only if the claim was
 * won, record the result. Killed
 * between the first and the last step, the keys stay 'sending' and are resolved on the next start.
 */
export async function sendThroughOutbox(
  deps: OutboxDeps,
  post: LedgerPost,
  keys: string[],
  content: Content,
): Promise<SendOutcome> {
  const { ledger, sink, clock, logger } = deps;
  if (!ledger.recordIntent(post, keys, clock.now())) {
    logger.warn(`not sending ${describe(post, keys)}: another process has already claimed it`);
    return 'taken';
  }
  let result: SendResult;
  try {
    result = await sink.send({ channel: post.channel, at: post.at, content, keys });
  } catch (error) {
    // A sink that throws did not say the post arrived: treat it as transient, so it is retried.
    result = { ok: false, permanent: false, reason: error instanceof Error ? error.message : String(error) };
  }
  const now = clock.now();
  if (result.ok) {
    await recordingPatiently(() => ledger.markPosted(keys, result.ts ?? null, now));
    logger.info(`posted ${describe(post, keys)}${result.ts ? ` (ts ${result.ts})` : ''}`);
    return 'posted';
  }
  if (result.permanent) {
    ledger.markFailed(keys, result.reason, now);
    logger.error(
      `could not post ${describe(post, keys)}: ${result.reason}${result.fix ? ` — ${result.fix}` : ''}`,
    );
    return 'failed';
  }
  const attempts = Math.max(...[...ledger.rows(keys).values()].map((r) => r.attempts), 1);
  const next = now.plus({ milliseconds: retryDelayMs(attempts, result.retryAfterMs) });
  if (result.mayHaveArrived && sink.canConfirm) {
    // Not sent again on a guess: the keys stay 'sending' until a lookup at `next` tells (confirmPosted).
    ledger.markUnconfirmed(keys, `${result.reason}; it may have arrived`, next, false);
    logger.warn(
      `posting ${describe(post, keys)} failed (${result.reason}) but may have arrived; attempt ${attempts}, looking it up at ${timeOf(next)} before any retry`,
    );
    return 'retry';
  }
  ledger.markFailed(keys, result.reason, now, next);
  logger.warn(
    `posting ${describe(post, keys)} failed (${result.reason}); attempt ${attempts}, retrying at ${timeOf(next)}`,
  );
  return 'retry';
}

/**
 * Records that a post arrived, waiting out another process's lock a little (the running bot's own wait
 * for a lock is short, so it never holds the answers). If it still cannot, the keys stay 'sending': never
 * sent again by this process, and looked up at the destination on the next start.
 */
async function recordingPatiently(record: () => void, attempts = 10, pauseMs = 250): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return record();
    } catch (error) {
      if (attempt >= attempts || !/locked|busy/i.test(String(error))) throw error;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  }
}

export function describe(post: LedgerPost, keys: string[]): string {
  if (keys.every(isAnnouncementKey)) return `announcement ${keys.join(', ')} to ${post.channel}`;
  return `${keys.length} reminder(s) due ${post.at} to ${post.channel}`;
}

export const timeOf = (t: DateTime): string => t.toISO({ suppressMilliseconds: true })!;
