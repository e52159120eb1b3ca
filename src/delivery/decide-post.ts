import { DateTime } from 'luxon';
import type { Post, Reminder } from '../reminders/post.ts';
import { whyNotUseful, type CatchUpRules } from './catch-up.ts';
import type { LedgerRow } from './ledger-row.ts';

export interface DecideRules extends CatchUpRules {
  /** A post sent more than this after it was due is late: labelled as such, and only if still useful. */
  lateAfterMs: number;
}

/** What one tick does with one derived post, given the ledger. */
export type Decision =
  | { do: 'nothing' }
  /** Some of its keys wait for a retry, or for a lookup (whether an earlier send arrived), not due yet. */
  | { do: 'wait'; for: 'retry' | 'lookup' }
  /** Some of its keys were sent without knowing whether they arrived: the destination is asked first. */
  | { do: 'confirm'; rows: LedgerRow[] }
  | { do: 'send'; reminders: Reminder[]; late: boolean }
  | { do: 'skip'; reminders: Reminder[]; reason: string };

const instant = (iso: string): DateTime => DateTime.fromISO(iso, { setZone: true });

/**
 * Pure: sends only the reminders the ledger has not recorded (or whose retry is due), so a post whose keys
 * are all recorded is never sent again.
 */
export function decidePost(
  post: Post,
  rows: ReadonlyMap<string, LedgerRow>,
  now: DateTime,
  rules: DecideRules,
): Decision {
  const open: Reminder[] = [];
  const unconfirmed: LedgerRow[] = [];
  for (const reminder of post.reminders) {
    const row = rows.get(reminder.key);
    if (!row) {
      open.push(reminder);
    } else if (row.nextAttemptAt !== null && (row.state === 'failed' || row.state === 'sending')) {
      if (instant(row.nextAttemptAt) > now) {
        return { do: 'wait', for: row.state === 'failed' ? 'retry' : 'lookup' };
      }
      if (row.state === 'failed') open.push(reminder);
      else unconfirmed.push(row);
    }
    // posted, skipped, failed for good, or being sent: recorded, never sent again.
  }
  if (unconfirmed.length > 0) return { do: 'confirm', rows: unconfirmed };
  if (open.length === 0) return { do: 'nothing' };
  const late = now.toMillis() - instant(post.at).toMillis() > rules.lateAfterMs;
  if (!late) return { do: 'send', reminders: open, late };
  const reason = whyNotUseful({ at: post.at, reminders: open }, now, rules);
  return reason ? { do: 'skip', reminders: open, reason } : { do: 'send', reminders: open, late };
}
