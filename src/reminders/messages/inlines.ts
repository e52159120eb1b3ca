import { meetingOf } from '../../plan/calendar.ts';
import { rosterUserId } from '../../plan/roster.ts';
import { mention, strong, type Inline } from '../../content/content.ts';
import { whenInline, zoneDateTexts } from '../../content/date-inline.ts';
import { joinInlines } from '../../content/plan-inlines.ts';
import type { LocalDate, LocalTime } from '../../plan/local-date.ts';
import type { Course, Session } from '../../plan/schema.ts';
import { className } from '../../plan/titles.ts';

/**
 * When something is, relative to the post, always with the day and date (never "in 24 hours"):
 * "today, Thu Oct 30", "tomorrow, Thu Oct 30 at 11:59 PM", "Thu Oct 30 (in 2 days)". With `on`, the last form
 * reads "on Thu Oct 30 (in 2 days)" for sentences like "Midterm is on …". Today and tomorrow are one date
 * inline, since Slack shows a near date as "today" or "tomorrow" (relative to when it is read) by itself.
 */
export function whenInlines(
  day: LocalDate,
  time: LocalTime | undefined,
  daysBefore: number,
  zone: string,
  on = false,
): Inline[] {
  const dates = zoneDateTexts(zone);
  if (daysBefore === 0) return [whenInline(dates, day, time, 'today, ')];
  if (daysBefore === 1) return [whenInline(dates, day, time, 'tomorrow, ')];
  return [...(on ? ['on '] : []), whenInline(dates, day, time), ` (in ${daysBefore} days)`];
}

/** "Class 14 tomorrow, Tue Oct 21 at 2:00 PM", "Class 14 on Tue Oct 21 at 2:00 PM (in 7 days)". */
export function classWhenInlines(
  session: Session,
  day: LocalDate,
  daysBefore: number,
  course: Course,
): Inline[] {
  return [
    strong(className(session.number)),
    ' ',
    ...whenInlines(day, meetingOf(course, session)?.start, daysBefore, course.timezone, true),
  ];
}

/** Presenters as Slack mentions when the roster knows their initials (any case), as written otherwise. */
export function presenterInlines(presenters: string[], course: Course): Inline[] {
  return joinInlines(
    presenters.map((p) => {
      const userId = rosterUserId(course, p);
      return [userId ? mention(userId, p.trim()) : p.trim()];
    }),
  );
}
