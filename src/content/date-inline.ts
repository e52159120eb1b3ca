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
 * A whole day, "Thu Oct 30" as the fallback. Slack shows it in the reader's timezone, so it points at local
 * noon: the same calendar day for readers anywhere from Hawaii to central Europe, where midnight would show
 * the day before in the west. `prefix` goes in front of the fallback only ("tomorrow, Thu Oct 30"): Slack
 * writes "today" or "tomorrow" itself.
 */
export function dayInline(dates: DateTexts, date: LocalDate, prefix = ''): Inline {
  return {
    kind: 'date',
    epochSeconds: dates.epochSeconds(date, '12:00'),
    style: 'day',
    text: `${prefix}${dates.formatDay(date)}`,
  };
}

/** A day and a wall-clock time in the course's zone, "Thu Oct 30 at 11:59 PM" as the fallback. */
export function dayTimeInline(dates: DateTexts, date: LocalDate, time: LocalTime, prefix = ''): Inline {
  return {
    kind: 'date',
    epochSeconds: dates.epochSeconds(date, time),
    style: 'day-time',
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
