import { DateTime } from 'luxon';
import type { Plan } from '../plan/schema.ts';
import type { Announcement } from './announcement.ts';
import type { LedgerRow } from './ledger-row.ts';

/**
 * What one pass does with one queued announcement. `channel` is where earlier attempts went, so a lookup
 * and a resend look in the same place; absent for a first send (the changes channel of the moment).
 */
export type AnnouncementStep = { channel?: string } & (
  | { do: 'nothing' }
  /** A retry or a lookup not due yet, or a send in flight. */
  | { do: 'wait'; for: 'retry' | 'lookup' | 'send' }
  /** Sent without knowing whether it arrived: the destination is asked first. */
  | { do: 'confirm'; row: LedgerRow }
  | { do: 'send' }
  | { do: 'skip'; reason: string }
);

const instant = (iso: string): DateTime => DateTime.fromISO(iso, { setZone: true });

/** Pure: the ledger row decides, as for reminders; an announcement not posted in time is given up. */
export function decideAnnouncement(
  announcement: Announcement,
  row: LedgerRow | undefined,
  now: DateTime,
  usefulForMs: number,
): AnnouncementStep {
  const queued = instant(announcement.createdAt);
  const expired = now.toMillis() - queued.toMillis() > usefulForMs;
  const tooLate = `too late: queued ${queued.toFormat('ccc LLL d h:mm a')} and not posted within ${Math.round(usefulForMs / 3600_000)} hours`;
  if (!row) return expired ? { do: 'skip', reason: tooLate } : { do: 'send' };
  const channel = row.channel;
  if (row.state === 'posted' || row.state === 'skipped') return { do: 'nothing', channel };
  if (row.nextAttemptAt === null) {
    // Failed for good, or a send in flight (one cut off by a crash is resolved on start).
    return row.state === 'failed' ? { do: 'nothing', channel } : { do: 'wait', for: 'send', channel };
  }
  const due = instant(row.nextAttemptAt) <= now;
  const gaveUp = `${tooLate}; gave up after: ${row.reason ?? 'no answer'}`;
  if (row.state === 'sending') {
    if (expired) return { do: 'skip', reason: gaveUp, channel };
    return due ? { do: 'confirm', row, channel } : { do: 'wait', for: 'lookup', channel };
  }
  if (!due) return { do: 'wait', for: 'retry', channel };
  return expired ? { do: 'skip', reason: gaveUp, channel } : { do: 'send', channel };
}

/** The channel for announcements of changes: reminders.channels.changes, else the default. */
export function changesChannel(plan: Plan, defaultChannel: string): string {
  return plan.reminders.channels.changes ?? plan.reminders.channels.default ?? defaultChannel;
}
