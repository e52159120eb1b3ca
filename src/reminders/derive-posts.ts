import type { DateTime } from 'luxon';
import { addDays, localDateOf, type LocalDate } from '../plan/local-date.ts';
import { recentPlans } from '../plan/per-plan.ts';
import { reminderKinds } from '../plan/policy-schema.ts';
import type { Plan } from '../plan/schema.ts';
import { channelFor } from './channel-for.ts';
import { dayIndex, daysNear, RECENT_PLANS } from './day-index.ts';
import type { DueReminder } from './due-reminder.ts';
import { findDue } from './find-due.ts';
import type { Post } from './post.ts';
import { postContent } from './post-content.ts';

export interface Window {
  from: DateTime;
  to: DateTime;
}

/** The longest lead time the policy allows (60 days), plus the digest's week, bounds how early posts start. */
const MAX_LEAD_DAYS = 61;

const iso = (t: DateTime): string => t.toISO({ suppressMilliseconds: true })!;

/**
 * Every post the plan's reminder policy produces with `at` in [from, to), sorted by time then channel.
 * Reminders due at the same time in the same channel share one post. A reminder whose subject is not after
 * the post (a class already started, a deadline passed) is left out. Pure and cheap: only the local days the
 * window touches are looked at, so it can run every few seconds.
 */
export function derivePosts(plan: Plan, window: Window, options: { defaultChannel: string }): Post[] {
  const { from, to } = window;
  const index = dayIndex(plan);
  if (to <= from || !index.first || !index.last) return [];
  const zone = plan.course.timezone;
  // Nothing fires before the earliest lead time of the first subject, or after the last subject's day.
  const earliest = addDays(index.first, -MAX_LEAD_DAYS);
  const firstDay = maxOf(localDateOf(from, zone), earliest);
  const lastDay = minOf(localDateOf(to.minus({ milliseconds: 1 }), zone), index.last);

  const groups = new Map<string, { at: DateTime; channel: string; due: Map<string, DueReminder> }>();
  // Only days within the lead time of something: a plan's far-apart dates cannot make this walk centuries.
  for (const day of firstDay <= lastDay ? daysNear(index, firstDay, lastDay, MAX_LEAD_DAYS) : []) {
    for (const due of dueOn(plan, day)) {
      if (due.at < from || due.at >= to || due.subjectAt <= due.at) continue;
      const channel = channelFor(plan.reminders, due.kind, options.defaultChannel);
      const groupKey = `${due.at.toMillis()}|${channel}`;
      let group = groups.get(groupKey);
      if (!group) groups.set(groupKey, (group = { at: due.at, channel, due: new Map() }));
      // The same key twice (say two sessions on one no-class day) is one reminder.
      if (!group.due.has(due.key)) group.due.set(due.key, due);
    }
  }

  return [...groups.values()]
    .sort((a, b) => a.at.toMillis() - b.at.toMillis() || compare(a.channel, b.channel))
    .map(({ at, channel, due }): Post => {
      const ordered = [...due.values()].sort(byKindThenDay);
      return {
        at: iso(at.setZone(zone)),
        channel,
        reminders: ordered.map((d) => ({
          key: d.key,
          kind: d.kind,
          subjectAt: iso(d.subjectAt.setZone(zone)),
        })),
        content: postContent(ordered, plan.course, plan.events),
      };
    });
}

// A day's reminders depend only on the plan, so a course's tick and its look ahead reuse them; kept, like the
// day index, for the plans looked at last.
const dueByDay = recentPlans((): Map<LocalDate, DueReminder[]> => new Map(), RECENT_PLANS);

function dueOn(plan: Plan, day: LocalDate): DueReminder[] {
  const byDay = dueByDay(plan);
  let due = byDay.get(day);
  if (!due) byDay.set(day, (due = findDue(plan, dayIndex(plan), day)));
  return due;
}

const kindOrder = new Map<string, number>(reminderKinds.map((k, i) => [k, i]));

function byKindThenDay(a: DueReminder, b: DueReminder): number {
  return (
    kindOrder.get(a.kind)! - kindOrder.get(b.kind)! ||
    a.subjectAt.toMillis() - b.subjectAt.toMillis() ||
    compare(a.key, b.key)
  );
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
const maxOf = (a: string, b: string): string => (a > b ? a : b);
const minOf = (a: string, b: string): string => (a < b ? a : b);
