import { DateTime, type DurationLike } from 'luxon';
import type { DerivePosts } from '../delivery/due-posts.ts';
import type { Plan } from '../plan/schema.ts';
import type { SqlLedger } from '../storage/sql/tables/sql-ledger.ts';

export interface NextDueInput {
  ledger: SqlLedger;
  plan: Plan;
  derive: DerivePosts;
  defaultChannel: string;
  now: DateTime;
  /** An announcement of the course is queued and not settled: it is due now. */
  announcementsWaiting: boolean;
  /** How far ahead posts are looked for: past it, the course is looked at again at its end. */
  lookAhead: DurationLike;
  /**
   * The send lease. A send still in flight when the tick ended is another instance's (or a crashed one's):
   * looked at again this long after, so that once its lease has run out the post is looked up and finished
   * without waiting for the course's next post.
   */
  sendLeaseMs: number;
}

const instant = (iso: string): DateTime => DateTime.fromISO(iso, { setZone: true });

/**
 * When a course next has something to send: its next post not yet recorded, a retry or lookup coming due,
 * a send in flight elsewhere, or now when an announcement waits. Until then the scheduler's tick passes the
 * course over, so a tick's work grows with the posts due, not with every course's whole term.
 */
export async function nextDueAt(input: NextDueInput): Promise<DateTime> {
  const { ledger, plan, derive, defaultChannel, now, lookAhead } = input;
  if (input.announcementsWaiting) return now;
  const until = now.plus(lookAhead);
  const candidates: DateTime[] = [until];
  for (const row of await ledger.pendingRetries())
    if (row.nextAttemptAt) candidates.push(instant(row.nextAttemptAt));
  if ((await ledger.interrupted()).length > 0) candidates.push(now.plus({ milliseconds: input.sendLeaseMs }));
  const posts = derive(plan, { from: now, to: until }, { defaultChannel }).filter((post) => {
    const at = instant(post.at);
    return at > now && at < until;
  });
  const recorded = await ledger.rows(posts.flatMap((post) => post.reminders.map((r) => r.key)));
  for (const post of posts) {
    if (post.reminders.some((r) => !recorded.has(r.key))) candidates.push(instant(post.at));
  }
  return DateTime.min(...candidates) ?? until;
}
