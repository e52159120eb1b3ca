import type { DateTime } from 'luxon';
import type { DateTexts } from '../content/date-inline.ts';
import {
  addDays,
  atLocal,
  daysBetween,
  formatDay,
  formatTime,
  localDateOf,
  type LocalDate,
  type LocalTime,
} from '../plan/local-date.ts';

/** Far more keys than a term's days and times; reached only by a process that runs for years. */
const MAX_ENTRIES = 4096;
const EPOCH_DAY: LocalDate = '1970-01-01';
const MINUTE_MS = 60_000;

/**
 * The calendar computations answers repeat, remembered for one timezone. Each luxon call here builds a
 * DateTime (a zoned one costs an offset lookup through Intl), and the same few dates and times come back
 * in every answer, so each is computed once and then read from a map. Results are exactly luxon's.
 */
export class CalendarMemo implements DateTexts {
  private readonly seconds = new Map<string, number>();
  private readonly days = new Map<LocalDate, string>();
  private readonly times = new Map<LocalTime, string>();
  private readonly dayNumbers = new Map<LocalDate, number>();
  private readonly shifted = new Map<string, LocalDate>();
  private todayMinute = Number.NaN;
  private todayDate: LocalDate = EPOCH_DAY;

  constructor(readonly zone: string) {}

  /** atLocal(date, time, zone).toSeconds(): the instant of a wall-clock time, for date inlines. */
  epochSeconds(date: LocalDate, time: LocalTime): number {
    return remember(this.seconds, `${date}T${time}`, () => atLocal(date, time, this.zone).toSeconds());
  }

  /** formatDay(date): "Thu Oct 16". */
  formatDay(date: LocalDate): string {
    return remember(this.days, date, () => formatDay(date));
  }

  /** formatTime(time): "3:30 PM". */
  formatTime(time: LocalTime): string {
    return remember(this.times, time, () => formatTime(time));
  }

  /** daysBetween(from, to), as the difference of two remembered day numbers (UTC days are all 24 h). */
  daysBetween(from: LocalDate, to: LocalDate): number {
    return this.dayNumber(to) - this.dayNumber(from);
  }

  /** addDays(date, days). */
  addDays(date: LocalDate, days: number): LocalDate {
    return remember(this.shifted, `${date}${days >= 0 ? '+' : ''}${days}`, () => addDays(date, days));
  }

  /**
   * The course-local calendar day of `now`. Every zone offset since the 1970s is a whole number of minutes, so the day
   * only changes at a minute boundary: the last minute asked about is kept and answered again for free.
   */
  today(now: DateTime): LocalDate {
    const minute = Math.floor(now.toMillis() / MINUTE_MS);
    if (minute !== this.todayMinute) {
      this.todayDate = localDateOf(now, this.zone);
      this.todayMinute = minute;
    }
    return this.todayDate;
  }

  private dayNumber(date: LocalDate): number {
    return remember(this.dayNumbers, date, () => daysBetween(EPOCH_DAY, date));
  }
}

function remember<K, V>(map: Map<K, V>, key: K, compute: () => V): V {
  const known = map.get(key);
  if (known !== undefined) return known;
  // Starting over keeps memory bounded whatever keys arrive; the working set refills in one answer.
  if (map.size >= MAX_ENTRIES) map.clear();
  const value = compute();
  map.set(key, value);
  return value;
}
