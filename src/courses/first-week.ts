import type { DateTime } from 'luxon';
import { addDays, localDateOf } from '../plan/local-date.ts';
import type { Plan } from '../plan/schema.ts';
import type { DayRange } from '../reminders/preview-range.ts';

/**
 * The week a setup preview shows: the term's first seven days, or the next seven from today once the term
 * has begun (the posts a new course would really send first).
 */
export function firstWeek(plan: Plan, now: DateTime): DayRange | undefined {
  const days = [...plan.sessions.map((s) => s.date), ...plan.events.map((e) => e.date)].sort();
  const first = days[0];
  if (!first) return undefined;
  const today = localDateOf(now, plan.course.timezone);
  const from = today > first ? today : first;
  return { from, to: addDays(from, 6) };
}
