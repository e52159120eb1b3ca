import type { DateTime } from 'luxon';
import { addDays, atLocal, startOfLocalDay, type LocalDate } from '../plan/local-date.ts';
import type { Course, PlanEvent } from '../plan/schema.ts';

/**
 * When subjects happen, i.e. the instant after which reminding of them is pointless:
 * - a class: its start (course.meeting.start); without a meeting time, the end of its day, since it may be
 *   at any hour;
 * - a deadline or exam: its time, else the end of its day (due "on Oct 30" means until midnight);
 * - a homework release or a day without class: the end of that day ("out today" stays true all day).
 */
export function classStart(course: Course, day: LocalDate): DateTime {
  return course.meeting
    ? atLocal(day, course.meeting.start, course.timezone)
    : endOfDay(day, course.timezone);
}

export function eventAt(event: PlanEvent, zone: string): DateTime {
  return event.time ? atLocal(event.date, event.time, zone) : endOfDay(event.date, zone);
}

/** The first instant of the next local day (23 or 25 hours away on DST days, never 24 by assumption). */
export function endOfDay(day: LocalDate, zone: string): DateTime {
  return startOfLocalDay(addDays(day, 1), zone);
}
