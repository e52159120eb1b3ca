import type { DateTime } from 'luxon';
import { atLocal, endOfLocalDay, type LocalDate, type LocalTime } from './local-date.ts';
import type { Course, PlanEvent, Session } from './schema.ts';

/**
 * The course's calendar rules, for answers and reminders alike. A plan without a meeting time still has
 * classes, on some hour of their day, and an event without a time lasts all day ("due Oct 30" means until
 * midnight): both fall back to the end of the day, never to a guessed hour.
 */

/** A session that is actually taught: it has a number and is not marked as a day without class. */
export function isHeldClass(session: Session): boolean {
  return session.number !== null && !session.noClass;
}

/** The session's own meeting time (a make-up session), else the course's, else none. */
export function meetingOf(
  course: Course,
  session?: Pick<Session, 'meeting'>,
): { start: LocalTime; end?: LocalTime } | undefined {
  return session?.meeting ?? course.meeting;
}

/** When a class on `date` is over: the meeting's end, else the end of its day. */
export function classEndsAt(course: Course, date: LocalDate, session?: Pick<Session, 'meeting'>): DateTime {
  const end = meetingOf(course, session)?.end;
  return end ? atLocal(date, end, course.timezone) : endOfLocalDay(date, course.timezone);
}

/**
 * Until when a reminder of a class on `date` is worth posting: the meeting's start, else the end of its day
 * (the class may be at any hour of it, so the day's reminders still make sense).
 */
export function classReminderCutoff(
  course: Course,
  date: LocalDate,
  session?: Pick<Session, 'meeting'>,
): DateTime {
  const meeting = meetingOf(course, session);
  return meeting ? atLocal(date, meeting.start, course.timezone) : endOfLocalDay(date, course.timezone);
}

/** When an event falls due: its time, else the end of its day. */
export function eventDueAt(event: PlanEvent, zone: string): DateTime {
  return event.time ? atLocal(event.date, event.time, zone) : endOfLocalDay(event.date, zone);
}
