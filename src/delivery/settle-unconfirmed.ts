import { DateTime } from 'luxon';
import type { Post } from '../reminders/post.ts';
import { whyNotUseful } from './catch-up.ts';
import { confirmPosted, groupBySend } from './confirm-posted.ts';
import { decidePost, type Decision, type DecideRules } from './decide-post.ts';
import type { LedgerRow } from './ledger-row.ts';
import { describe, type OutboxDeps } from './send-post.ts';

export interface Settled {
  /** What to do with the post now that the destination was asked. */
  decision: Decision;
  /** Keys still unconfirmed, held for a later lookup. */
  held: number;
  /** Keys given up: no longer useful, and still unconfirmed. */
  skipped: number;
}

/**
 * A post with keys sent without knowing whether they arrived: the destination is asked before anything
 * is sent again, then the post is decided afresh. Where the destination still cannot tell, the keys stay
 * held while the post is useful, and are recorded skipped (with the lookup's error) once it is not.
 */
export async function settleUnconfirmed(
  deps: OutboxDeps,
  post: Post,
  rows: LedgerRow[],
  now: DateTime,
  rules: DecideRules,
): Promise<Settled> {
  const { ledger, clock, logger } = deps;
  for (const send of groupBySend(rows)) await confirmPosted(deps, send, 'earlier attempt unconfirmed');
  const decideAgain = async () =>
    decidePost(post, await ledger.rows(post.reminders.map((r) => r.key)), now, rules);
  const fresh = await ledger.rows(rows.map((r) => r.key));
  const unsettled = rows.map((r) => fresh.get(r.key)!).filter((r) => r.state === 'sending');
  if (unsettled.length === 0) return { decision: await decideAgain(), held: 0, skipped: 0 };
  const keys = unsettled.map((r) => r.key);
  const reminders = post.reminders.filter((r) => keys.includes(r.key));
  const late = now.toMillis() - DateTime.fromISO(post.at).toMillis() > rules.lateAfterMs;
  const useless = late ? whyNotUseful({ at: post.at, reminders }, now, rules) : undefined;
  if (!useless) return { decision: { do: 'wait', for: 'lookup' }, held: keys.length, skipped: 0 };
  const reason = unsettled[0]!.reason ?? 'could not confirm whether it was posted';
  await ledger.markSkipped(post, keys, reason, clock.now());
  logger.warn(`skipped ${describe(post, keys)}: ${reason}; no longer worth sending (${useless})`);
  return { decision: await decideAgain(), held: 0, skipped: keys.length };
}
