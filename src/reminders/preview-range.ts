import { addDays, startOfLocalDay, type LocalDate } from '../plan/local-date.ts';
import type { Plan } from '../plan/schema.ts';
import type { Window } from './derive-posts.ts';

export interface DayRange {
  from: LocalDate;
  /** Inclusive: posts on this day are in. */
  to: LocalDate;
}

/**
 * The whole term as the preview shows it by default: from a week before the first session (the first
 * heads-ups and digest) to the day after the last session or event.
 */
export function termPreviewRange(plan: Plan): DayRange | undefined {
  const sessionDays = plan.sessions.map((s) => s.date).sort();
  const allDays = [...sessionDays, ...plan.events.map((e) => e.date)].sort();
  const first = sessionDays[0] ?? allDays[0];
  const last = allDays.at(-1);
  if (!first || !last) return undefined;
  return { from: addDays(first, -7), to: addDays(last, 1) };
}

/** Local days [from, to] as the window of instants derivePosts takes. */
export function windowOfDays(range: DayRange, zone: string): Window {
  return { from: startOfLocalDay(range.from, zone), to: startOfLocalDay(addDays(range.to, 1), zone) };
}
