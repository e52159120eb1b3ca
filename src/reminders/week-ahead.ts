import { addDays, type LocalDate, type LocalTime } from '../plan/local-date.ts';
import type { PlanEvent, Session } from '../plan/schema.ts';
import { daysFrom, type DayIndex } from './day-index.ts';

export interface WeekDay {
  day: LocalDate;
  classes: Session[];
  noClass: Session[];
  events: PlanEvent[];
}

/** What happens in the week a digest covers; only days with something in them are listed. */
export interface WeekAhead {
  from: LocalDate;
  to: LocalDate;
  days: WeekDay[];
}

/**
 * The week a digest posted at `postTime` on `postDay` covers. Posted before noon, it is the week starting
 * that day (a Monday 08:00 digest covers Monday to Sunday, classes of the morning after 08:00 included);
 * from noon on, the seven days after it (the default Sunday 18:00 digest covers Monday to Sunday). Either
 * way consecutive digests cover consecutive weeks, each day once. On the posting day, what is already over
 * at the posting time (a class that started, an event whose time has passed) is left out.
 */
export function weekAhead(
  index: DayIndex,
  postDay: LocalDate,
  postTime: LocalTime,
  classStart?: LocalTime,
): WeekAhead {
  const from = postTime < '12:00' ? postDay : addDays(postDay, 1);
  const to = addDays(from, 6);
  // Wall-clock times compare as text ("09:00" < "18:00"), which stays right across a DST change.
  const ahead = (day: LocalDate, time: LocalTime | undefined) => day !== postDay || !time || time >= postTime;
  const days = daysFrom(from, to)
    .map((day) => ({
      day,
      classes: ahead(day, classStart) ? (index.classes.get(day) ?? []) : [],
      noClass: index.noClass.get(day) ?? [],
      events: (index.events.get(day) ?? []).filter((e) => ahead(day, e.time)).sort(byTime),
    }))
    .filter((d) => d.classes.length + d.noClass.length + d.events.length > 0);
  return { from, to, days };
}

// Events without a time come first: they are "on the day", before anything at a given hour.
const byTime = (a: PlanEvent, b: PlanEvent): number => (a.time ?? '').localeCompare(b.time ?? '');
