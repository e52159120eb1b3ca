import { addDays, type LocalDate } from '../plan/local-date.ts';
import type { PlanEvent, Session } from '../plan/schema.ts';
import { daysFrom, type DayIndex } from './day-index.ts';

export interface WeekDay {
  day: LocalDate;
  classes: Session[];
  noClass: Session[];
  events: PlanEvent[];
}

/** What happens in the seven days after a digest's day; only days with something in them are listed. */
export interface WeekAhead {
  from: LocalDate;
  to: LocalDate;
  days: WeekDay[];
}

export function weekAhead(index: DayIndex, postDay: LocalDate): WeekAhead {
  const from = addDays(postDay, 1);
  const to = addDays(postDay, 7);
  const days = daysFrom(from, to)
    .map((day) => ({
      day,
      classes: index.classes.get(day) ?? [],
      noClass: index.noClass.get(day) ?? [],
      events: [...(index.events.get(day) ?? [])].sort(byTime),
    }))
    .filter((d) => d.classes.length + d.noClass.length + d.events.length > 0);
  return { from, to, days };
}

// Events without a time come first: they are "on the day", before anything at a given hour.
const byTime = (a: PlanEvent, b: PlanEvent): number => (a.time ?? '').localeCompare(b.time ?? '');
