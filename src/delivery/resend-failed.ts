import type { Clock } from '../util/clock.ts';
import type { DeliveryReport } from './delivery-report.ts';
import type { SqlLedger } from '../storage/sql/tables/sql-ledger.ts';

export interface ResendDeps {
  ledger: SqlLedger;
  clock: Clock;
  /** One pass of the outbox (Dispatcher.tick): it sends what was reopened, through the usual claim. */
  tick: () => Promise<DeliveryReport>;
}

export interface ResendResult {
  /** Keys made due again. */
  reopened: string[];
  posted: string[];
  /** Keys not posted, with why (too late to be useful, failed again). */
  notPosted: { key: string; channel: string; reason: string }[];
}

/**
 * Sends again the posts that failed for good because the bot was not in their channel, once it is (on
 * joining, or when staff ask). They are made due in the ledger and sent by a tick like any retry, so a
 * key already posted is never sent again, and two passes at once cannot both send one (the claim).
 * `inChannel` narrows it to one channel.
 */
export async function resendFailed(
  deps: ResendDeps,
  inChannel?: (channel: string) => Promise<boolean>,
): Promise<ResendResult> {
  const { ledger, clock } = deps;
  let channels: string[] | undefined;
  if (inChannel) {
    const candidates = [...new Set((await ledger.notInChannel()).map((r) => r.channel))];
    channels = [];
    for (const channel of candidates) if (await inChannel(channel)) channels.push(channel);
    if (channels.length === 0) return { reopened: [], posted: [], notPosted: [] };
  }
  const reopened = await ledger.reopenNotInChannel(clock.now(), channels);
  if (reopened.length === 0) return { reopened, posted: [], notPosted: [] };
  await deps.tick();
  const rows = await ledger.rows(reopened);
  const posted = reopened.filter((k) => rows.get(k)?.state === 'posted');
  const notPosted = reopened
    .filter((k) => rows.get(k)?.state !== 'posted')
    .map((key) => {
      const row = rows.get(key);
      return { key, channel: row?.channel ?? '', reason: row?.reason ?? 'not sent yet' };
    });
  return { reopened, posted, notPosted };
}

/** The staff member's answer to `/schedule resend`: what was sent again, and what was not with why. */
export function resendReply(result: ResendResult): string {
  if (result.reopened.length === 0) {
    return 'Nothing to re-send: no post failed because coursebot was not in its channel.';
  }
  const lines: string[] = [];
  if (result.posted.length)
    lines.push(`Re-sent ${result.posted.length} reminder(s): ${result.posted.join(', ')}.`);
  for (const { key, channel, reason } of result.notPosted)
    lines.push(`Not sent: ${key} to ${channel}: ${reason}`);
  return lines.join('\n');
}
