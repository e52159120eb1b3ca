import { DateTime } from 'luxon';
import type { LocalDate } from '../plan/local-date.ts';
import type { PageDate } from './parse-date.ts';

const NAMES = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });

/** The weekdays the course meets on: those of at least one class in ten. */
export function meetingDays(classDates: LocalDate[]): Set<number> {
  const counts = new Map<number, number>();
  for (const date of classDates) counts.set(utc(date).weekday, (counts.get(utc(date).weekday) ?? 0) + 1);
  return new Set([...counts].filter(([, n]) => n * 10 >= classDates.length).map(([day]) => day));
}

/** "Mon and Wed". */
export function dayNames(days: Set<number>): string {
  return [...days]
    .sort()
    .map((d) => NAMES[d - 1])
    .join(' and ');
}

/**
 * The days of a range such as "Mar 9–13" on which the course meets; the last day takes the first's year,
 * or the next one across New Year ("Dec 22 – Jan 2"). Null when the last day does not exist that year.
 */
export function daysInRange(start: LocalDate, until: PageDate, meets: Set<number>): LocalDate[] | null {
  const first = utc(start);
  const year = until.year ?? (until.month < first.month ? first.year + 1 : first.year);
  const last = DateTime.utc(year, until.month, until.day);
  if (!last.isValid || last.month !== until.month || last < first) return null;
  const days: LocalDate[] = [];
  for (let day = first; day <= last; day = day.plus({ days: 1 })) {
    if (meets.has(day.weekday)) days.push(day.toISODate()!);
  }
  return days;
}
