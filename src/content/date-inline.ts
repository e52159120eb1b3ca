import { atLocal, formatDay, formatTime, type LocalDate, type LocalTime } from '../plan/local-date.ts';
import type { Inline } from './content.ts';

/** What a date inline needs of the course's calendar: luxon's answers, computed each time or remembered. */
export interface DateTexts {
  /** The instant of a wall-clock time in the course's zone, in epoch seconds. */
  epochSeconds(date: LocalDate, time: LocalTime): number;
  /** "Thu Oct 16". */
  formatDay(date: LocalDate): string;
  /** "3:30 PM". */
  formatTime(time: LocalTime): string;
}

/** The date texts of one zone, computed on every call (answers use a remembering CalendarMemo instead). */
export function zoneDateTexts(zone: string): DateTexts {
  return {
    epochSeconds: (date, time) => atLocal(date, time, zone).toUnixInteger(),
    formatDay,
    formatTime,
  };
}

/**
 * A whole day, "Thu Oct 30": a calendar date, not a moment, so it is the course's date for every reader.
 * (Converting it to the reader's timezone, as Slack's date tokens do, would put Thanksgiving on Friday for a
 * student in Asia.) `prefix` is written in front of it ("tomorrow, Thu Oct 30").
 */
export function dayInline(dates: DateTexts, date: LocalDate, prefix = ''): Inline {
  return { kind: 'day', date, text: `${prefix}${dates.formatDay(date)}` };
}

/**
 * A day and a wall-clock time in the course's zone: a moment, which Slack shows in the reader's own zone.
 * "Thu Oct 30 at 11:59 PM" (with `prefix` in front, "tomorrow, …") is the course-local fallback; Slack writes
 * "today" or "tomorrow" itself, relative to when it is read.
 */
export function dayTimeInline(dates: DateTexts, date: LocalDate, time: LocalTime, prefix = ''): Inline {
  return {
    kind: 'date',
    epochSeconds: dates.epochSeconds(date, time),
    text: `${prefix}${dates.formatDay(date)} at ${dates.formatTime(time)}`,
  };
}

/** A day, with its time when there is one (a class's meeting time, an event's time). */
export function whenInline(
  dates: DateTexts,
  date: LocalDate,
  time: LocalTime | undefined,
  prefix = '',
): Inline {
  return time ? dayTimeInline(dates, date, time, prefix) : dayInline(dates, date, prefix);
}
