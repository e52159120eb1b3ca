import { DateTime } from 'luxon';
import type { LedgerPost, LedgerRow } from './ledger-row.ts';
import { describe, retryDelayMs, timeOf, type OutboxDeps } from './send-post.ts';
import { LOOKUP_WINDOW_SECONDS, type Lookup } from './sink.ts';

/**
 * posted: it had arrived. absent: it had not, and is due for another attempt now. resend: the destination
 * can never tell (the console), so it is sent again and may repeat. unconfirmed: the destination could
 * have told but did not this time; the keys stay held and it is asked again later.
 */
export type Confirmation = 'posted' | 'absent' | 'resend' | 'unconfirmed';

/**
 * Asks the destination whether one send (keys recorded together, still 'sending') arrived, and records
 * the answer. Where it cannot tell, the post is never sent again on a guess: a later lookup decides, on
 * the retry schedule of failed sends (a Retry-After wins when longer).
 */
export async function confirmPosted(
  deps: OutboxDeps,
  send: LedgerRow[],
  cause: string,
): Promise<Confirmation> {
  const { ledger, sink, clock, logger } = deps;
  const first = send[0]!;
  const post = { channel: first.channel, at: first.dueAt };
  const keys = send.map((r) => r.key);
  const began = DateTime.fromISO(first.updatedAt, { setZone: true });
  const lookup = await lookUpSend(deps, post, keys, began);
  const now = clock.now();
  if (lookup.found === true) {
    await ledger.markPosted(keys, lookup.ts, now);
    logger.info(`found ${describe(post, keys)} already posted (ts ${lookup.ts}): not sending it again`);
    return 'posted';
  }
  if (lookup.found === false) {
    await ledger.markFailed(keys, `${cause}; not found at the destination`, now, now);
    logger.info(`${describe(post, keys)} (${cause}) did not arrive: sending it again`);
    return 'absent';
  }
  if (!sink.canConfirm) {
    await ledger.markFailed(keys, `${cause}; the ${sink.name} cannot tell whether it arrived`, now, now);
    logger.warn(`${describe(post, keys)} (${cause}): sending it again, it may repeat`);
    return 'resend';
  }
  const attempts = Math.max(1, ...send.map((r) => r.attempts));
  const next = now.plus({ milliseconds: retryDelayMs(attempts, lookup.retryAfterMs) });
  await ledger.markUnconfirmed(
    keys,
    `could not confirm whether it was posted: ${lookup.reason}`,
    next,
    true,
    now,
  );
  logger.warn(
    `could not confirm whether ${describe(post, keys)} was posted (${cause}): ${lookup.reason}; holding it, looking again at ${timeOf(next)}`,
  );
  return 'unconfirmed';
}

/**
 * Asks the destination whether the send of `keys` that began at `began` arrived. A lookup that throws
 * could not tell. The one lookup of the outbox: after a crash, an unconfirmed send, and a send taken over
 * from another instance whose lease ran out.
 */
export async function lookUpSend(
  { ledger, sink }: Pick<OutboxDeps, 'ledger' | 'sink'>,
  post: LedgerPost,
  keys: string[],
  began: DateTime,
): Promise<Lookup> {
  try {
    return await sink.findPosted(post.channel, keys, await searchFrom(ledger, post.channel, began));
  } catch (error) {
    return { found: 'unknown', reason: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Where the destination's history is searched from, in its own time when it can be: the ts of the last
 * post of that channel confirmed before this send began (the destination stamped it, so the two clocks
 * need not agree), else a day before the send by this clock; never more than a day back.
 */
async function searchFrom(ledger: OutboxDeps['ledger'], channel: string, began: DateTime): Promise<number> {
  const wide = Math.floor(began.toSeconds()) - LOOKUP_WINDOW_SECONDS;
  const last = await ledger.lastPostedTs(channel, began);
  return last === undefined ? wide : Math.max(wide, Math.floor(Number(last)));
}

/** Keys of one send were recorded together: same channel, same due time, same start of the send. */
export function groupBySend(rows: LedgerRow[]): LedgerRow[][] {
  const groups = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    const id = `${row.channel} ${row.dueAt} ${row.updatedAt}`;
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  return [...groups.values()];
}
