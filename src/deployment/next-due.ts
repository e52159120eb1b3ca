import { DateTime, type DurationLike } from 'luxon';
import type { DerivePosts } from '../delivery/due-posts.ts';
import type { Ledger } from '../delivery/ledger.ts';
import type { Plan } from '../plan/schema.ts';

export interface NextDueInput {
  ledger: Ledger;
  plan: Plan;
  derive: DerivePosts;
  defaultChannel: string;
  now: DateTime;
  /** An announcement of the course is queued and not settled: it is due now. */
  announcementsWaiting: boolean;
  /** How far ahead posts are looked for: past it, the course is looked at again at its end. */
  lookAhead: DurationLike;
}

const instant = (iso: string): DateTime => DateTime.fromISO(iso, { setZone: true });

/**
 * When a course next has something to send: its next post not yet recorded, a retry or lookup coming due,
 * or now when an announcement waits. Until then the scheduler's tick passes the course over, so a tick's
 * work grows with the posts due, not with every course's whole term.
 */
export function nextDueAt(input: NextDueInput): DateTime {
  const { ledger, plan, derive, defaultChannel, now, lookAhead } = input;
  if (input.announcementsWaiting) return now;
  const until = now.plus(lookAhead);
  const candidates: DateTime[] = [until];
  for (const row of ledger.pendingRetries())
    if (row.nextAttemptAt) candidates.push(instant(row.nextAttemptAt));
  const posts = derive(plan, { from: now, to: until }, { defaultChannel });
  for (const post of posts) {
    const at = instant(post.at);
    if (at <= now || at >= until) continue;
    const recorded = ledger.rows(post.reminders.map((r) => r.key));
    if (recorded.size < post.reminders.length) candidates.push(at);
  }
  return DateTime.min(...candidates) ?? until;
}
