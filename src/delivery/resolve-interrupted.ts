import { DateTime } from 'luxon';
import type { OutboxDeps } from './send-post.ts';
import { describe } from './send-post.ts';
import type { LedgerRow } from './ledger.ts';

export interface ResolveReport {
  foundPosted: number;
  toResend: number;
  unknown: number;
}

/** How far before the intent the destination is searched, for clocks that disagree a little. */
const SEARCH_MARGIN_SECONDS = 120;

/**
 * Keys left 'sending' belong to a post that was being sent when the process died: it may or may not have
 * arrived. The sink is asked. Found: recorded as posted. Not found: made due for another attempt, so the
 * next tick sends it if it is still useful. A sink that cannot tell (the console) is treated as "not
 * found": the post is shown again and may repeat.
 */
export async function resolveInterrupted(deps: OutboxDeps): Promise<ResolveReport> {
  const { ledger, sink, clock, logger } = deps;
  const report: ResolveReport = { foundPosted: 0, toResend: 0, unknown: 0 };
  for (const group of groupByPost(ledger.inState('sending'))) {
    const first = group[0]!;
    const post = { channel: first.channel, at: first.dueAt };
    const keys = group.map((r) => r.key);
    const intentAt = DateTime.fromISO(first.updatedAt, { setZone: true });
    let found: string | undefined | 'unknown';
    try {
      found = await sink.findPosted(
        post.channel,
        keys,
        Math.floor(intentAt.toSeconds()) - SEARCH_MARGIN_SECONDS,
      );
    } catch {
      found = 'unknown';
    }
    const now = clock.now();
    if (typeof found === 'string' && found !== 'unknown') {
      ledger.markPosted(keys, found, now);
      report.foundPosted += keys.length;
      logger.info(`found ${describe(post, keys)} already posted before the restart (ts ${found})`);
      continue;
    }
    const reason =
      found === 'unknown'
        ? `interrupted while sending; the ${sink.name} sink cannot tell whether it arrived`
        : 'interrupted while sending; not found at the destination';
    ledger.markFailed(keys, reason, now, now);
    if (found === 'unknown') {
      report.unknown += keys.length;
      logger.warn(
        `${describe(post, keys)} was interrupted while being sent; sending it again, it may repeat`,
      );
    } else {
      report.toResend += keys.length;
      logger.info(`${describe(post, keys)} was interrupted before it arrived; sending it again`);
    }
  }
  return report;
}

/** Keys of one post were recorded together: same channel, same due time. */
function groupByPost(rows: LedgerRow[]): LedgerRow[][] {
  const groups = new Map<string, LedgerRow[]>();
  for (const row of rows) {
    const id = `${row.channel} ${row.dueAt}`;
    groups.set(id, [...(groups.get(id) ?? []), row]);
  }
  return [...groups.values()];
}
