import { DateTime } from 'luxon';
import type { Content } from '../content/content.ts';
import { isAnnouncementKey } from './announcement.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/logger.ts';
import type { SqlLedger } from '../storage/sql/tables/sql-ledger.ts';
import { lookUpSend } from './confirm-posted.ts';
import type { LedgerPost } from './ledger-row.ts';
import type { SendResult, Sink } from './sink.ts';

export interface OutboxDeps {
  ledger: SqlLedger;
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
 * won, record the result. Killed between the first and the last step, the keys stay 'sending' until their
 * lease runs out; then whichever instance is first looks the post up at the destination (see
 * resolveInterrupted), and sends it again only if it is not there.
 */
export async function sendThroughOutbox(
  deps: OutboxDeps,
  post: LedgerPost,
  keys: string[],
  content: Content,
): Promise<SendOutcome> {
  const { ledger, sink, clock, logger } = deps;
  const claim = await ledger.recordIntent(post, keys, clock.now());
  if (!claim.claimed) {
    logger.warn(`not sending ${describe(post, keys)}: another process has already claimed it`);
    return 'taken';
  }
  if (claim.takenOver.length > 0) {
    // Its holder's lease ran out mid-send: the post may have arrived before it died. Asked first.
    const since = claim.takenOver.map((t) => DateTime.fromISO(t.sendingSince, { setZone: true }));
    const found = await lookUpSend(deps, post, keys, DateTime.min(...since)!);
    if (found.found === true) {
      await ledger.markPosted(keys, found.ts, clock.now());
      logger.info(
        `found ${describe(post, keys)} already posted (ts ${found.ts}) by the instance that died sending it`,
      );
      return 'posted';
    }
    if (found.found === 'unknown' && sink.canConfirm) {
      const next = clock.now().plus({ milliseconds: retryDelayMs(1, found.retryAfterMs) });
      const reason = `taken over from another instance; could not confirm whether it was posted: ${found.reason}`;
      await ledger.markUnconfirmed(keys, reason, next, true, clock.now());
      logger.warn(
        `could not confirm whether ${describe(post, keys)} was posted (${found.reason}); holding it, looking again at ${timeOf(next)}`,
      );
      return 'retry';
    }
    if (found.found === 'unknown') {
      logger.warn(
        `${describe(post, keys)} (taken over from another instance): sending it again, it may repeat`,
      );
    }
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
    await ledger.markPosted(keys, result.ts ?? null, now);
    logger.info(`posted ${describe(post, keys)}${result.ts ? ` (ts ${result.ts})` : ''}`);
    return 'posted';
  }
  if (result.permanent) {
    await ledger.markFailed(keys, result.reason, now);
    logger.error(
      `could not post ${describe(post, keys)}: ${result.reason}${result.fix ? ` — ${result.fix}` : ''}`,
    );
    return 'failed';
  }
  const attempts = Math.max(...[...(await ledger.rows(keys)).values()].map((r) => r.attempts), 1);
  const next = now.plus({ milliseconds: retryDelayMs(attempts, result.retryAfterMs) });
  if (result.mayHaveArrived && sink.canConfirm) {
    // Not sent again on a guess: the keys stay 'sending' until a lookup at `next` tells (confirmPosted).
    await ledger.markUnconfirmed(keys, `${result.reason}; it may have arrived`, next, false, now);
    logger.warn(
      `posting ${describe(post, keys)} failed (${result.reason}) but may have arrived; attempt ${attempts}, looking it up at ${timeOf(next)} before any retry`,
    );
    return 'retry';
  }
  await ledger.markFailed(keys, result.reason, now, next);
  logger.warn(
    `posting ${describe(post, keys)} failed (${result.reason}); attempt ${attempts}, retrying at ${timeOf(next)}`,
  );
  return 'retry';
}

export function describe(post: LedgerPost, keys: string[]): string {
  if (keys.every(isAnnouncementKey)) return `announcement ${keys.join(', ')} to ${post.channel}`;
  return `${keys.length} reminder(s) due ${post.at} to ${post.channel}`;
}

export const timeOf = (t: DateTime): string => t.toISO({ suppressMilliseconds: true })!;
