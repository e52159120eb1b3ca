import { confirmPosted, groupBySend } from './confirm-posted.ts';
import type { OutboxDeps } from './send-post.ts';

export interface ResolveReport {
  foundPosted: number;
  toResend: number;
  /** Sent again on a guess: the destination can never tell (the console). */
  unknown: number;
  /** Held: the destination could not tell this time; it is asked again later. */
  unconfirmed: number;
}

/**
 * Keys left 'sending' whose lease ran out belong to a post that was being sent when its process died (this
 * one's predecessor, or another instance): it may or may not have arrived. A send whose holder's lease still
 * runs is left alone: that instance is alive and finishing it. Run only where one instance at a time works
 * on the course (its tick's lease), so two never resolve one send. The destination is asked (see
 * confirmPosted): found → posted; not found → sent again by the next tick if still useful; cannot tell →
 * held and asked again later, except on a destination that can never tell (console mode), where the post
 * is shown again and may repeat.
 */
export async function resolveInterrupted(deps: OutboxDeps): Promise<ResolveReport> {
  const report: ResolveReport = { foundPosted: 0, toResend: 0, unknown: 0, unconfirmed: 0 };
  // A send waiting for a scheduled lookup is the tick's (settleUnconfirmed), in order with its channel.
  const cutOff = (await deps.ledger.expiredSends()).filter((row) => row.nextAttemptAt === null);
  for (const send of groupBySend(cutOff)) {
    const outcome = await confirmPosted(deps, send, 'interrupted while sending');
    const field = {
      posted: 'foundPosted',
      absent: 'toResend',
      resend: 'unknown',
      unconfirmed: 'unconfirmed',
    } as const;
    report[field[outcome]] += send.length;
  }
  return report;
}
