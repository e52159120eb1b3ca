import { DateTime } from 'luxon';
import type { Plan } from '../plan/schema.ts';
import type { Post } from '../reminders/post.ts';
import { isAnnouncementKey } from './announcement.ts';
import { decidePost, type Decision, type DecideRules } from './decide-post.ts';
import type { SqlLedger } from '../storage/sql/tables/sql-ledger.ts';
import type { LedgerRow } from './ledger-row.ts';

/** The pure derivation of the posts due in a window (src/reminders/derive-posts.ts). */
export type DerivePosts = (
  plan: Plan,
  window: { from: DateTime; to: DateTime },
  options: { defaultChannel: string },
) => Post[];

/** `hold`: behind an earlier post of the same channel that waits, so it waits too (order is kept). */
export type Step = Decision | { do: 'hold' };

export interface DuePost {
  post: Post;
  step: Step;
}

export interface DueSurvey {
  now: DateTime;
  /** Where the last tick stopped (now, on the very first start). */
  watermark: DateTime;
  /** Retries and lookups waiting: they lie before the watermark. */
  pending: LedgerRow[];
  rules: DecideRules;
  /** In order of their time. */
  posts: DuePost[];
}

export interface SurveyInput {
  ledger: SqlLedger;
  plan: Plan;
  now: DateTime;
  derive: DerivePosts;
  defaultChannel: string;
  lateAfterMs: number;
}

const instant = (iso: string): DateTime => DateTime.fromISO(iso, { setZone: true });

/**
 * The posts due in [watermark, now], and those waiting for a retry or a lookup, each with what a tick does
 * with it now. The dispatcher acts on exactly this, and the start summary tells it, so the two agree.
 */
export async function surveyDue({
  ledger,
  plan,
  now,
  derive,
  defaultChannel,
  lateAfterMs,
}: SurveyInput): Promise<DueSurvey> {
  const watermark = (await ledger.watermark()) ?? now;
  // Announcements retry in their own pass (Announcer): they are not derived from the plan.
  const pending = (await ledger.pendingRetries()).filter((r) => !isAnnouncementKey(r.key));
  // Posts waiting for a retry lie before the watermark: derive far enough back to find them again.
  const from = DateTime.min(watermark, ...pending.map((r) => instant(r.dueAt)));
  // The derivation's window is half-open: one millisecond more takes in a post due exactly now.
  const found = derive(plan, { from, to: now.plus({ milliseconds: 1 }) }, { defaultChannel })
    .filter((p) => instant(p.at) >= from && instant(p.at) <= now)
    .sort((a, b) => instant(a.at).toMillis() - instant(b.at).toMillis());
  const rules: DecideRules = {
    zone: plan.course.timezone,
    sameDayOnly: plan.reminders.catchUp.sameDayOnly,
    lateAfterMs,
  };
  // One read for every due post's keys, not one per post: a catch-up may have many.
  const recorded = await ledger.rows(found.flatMap((post) => post.reminders.map((r) => r.key)));
  const waiting = new Set<string>();
  const posts = found.map((post): DuePost => {
    const decision = decidePost(post, recorded, now, rules);
    if (decision.do === 'nothing') return { post, step: decision };
    if (waiting.has(post.channel)) return { post, step: { do: 'hold' } };
    if (decision.do === 'wait') waiting.add(post.channel);
    return { post, step: decision };
  });
  return { now, watermark, pending, rules, posts };
}
