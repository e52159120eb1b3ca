import { atLocal, formatDay, formatTime, type LocalDate, type LocalTime } from '../../plan/local-date.ts';
import type { Course, Reading, Session } from '../../plan/schema.ts';
import { link, mention, strong, type Inline } from '../../content/content.ts';

/**
 * A day as a Slack date, "Thu Oct 30" in the course's zone as fallback. It points at local noon so that a
 * reader a few timezones away still sees the same calendar day (midnight would show them the day before).
 * `prefix` goes in front of the fallback only ("tomorrow, Thu Oct 30"): Slack writes "tomorrow" itself.
 */
export function dayInline(day: LocalDate, zone: string, prefix = ''): Inline {
  const epochSeconds = atLocal(day, '12:00', zone).toUnixInteger();
  return { kind: 'date', epochSeconds, style: 'day', text: `${prefix}${formatDay(day)}` };
}

/** A day and time, "Thu Oct 30 at 11:59 PM" as fallback. */
export function dayTimeInline(day: LocalDate, time: LocalTime, zone: string, prefix = ''): Inline {
  const epochSeconds = atLocal(day, time, zone).toUnixInteger();
  const text = `${prefix}${formatDay(day)} at ${formatTime(time)}`;
  return { kind: 'date', epochSeconds, style: 'day-time', text };
}

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
  const date = (prefix = '') =>
    time ? dayTimeInline(day, time, zone, prefix) : dayInline(day, zone, prefix);
  if (daysBefore === 0) return [date('today, ')];
  if (daysBefore === 1) return [date('tomorrow, ')];
  return [...(on ? ['on '] : []), date(), ` (in ${daysBefore} days)`];
}

/** A title, linked when there is a URL, bold otherwise. */
export const titled = (title: string, url: string | undefined): Inline =>
  url ? link(url, title) : strong(title);

export const readingInline = (reading: Reading): Inline =>
  reading.url ? link(reading.url, reading.title) : reading.title;

/** "A, B and C"-style joining of inline runs with ", ". */
export function joinInlines(parts: Inline[][], separator = ', '): Inline[] {
  return parts.flatMap((part, i) => (i === 0 ? part : [separator, ...part]));
}

/** Presenters as Slack mentions when the roster knows their initials, as plain initials otherwise. */
export function presenterInlines(presenters: string[], course: Course): Inline[] {
  return joinInlines(
    presenters.map((p) => {
      const userId = course.roster?.[p.trim()];
      return [userId ? mention(userId, p.trim()) : p.trim()];
    }),
  );
}

/** "Class 14" (or "Class" for a class without a number, which a plan may hold for an extra session). */
export const className = (number: number | null): string => (number === null ? 'Class' : `Class ${number}`);

/** What a class is about: its topic, else the part of the course it belongs to ("Paper presentations"). */
export const sessionTopic = (session: Pick<Session, 'topic' | 'section'>): string =>
  session.topic.trim() || session.section?.trim() || '';
