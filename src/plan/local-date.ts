import { DateTime, IANAZone } from 'luxon';

/** A calendar day in the course's timezone, written `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time in the course's timezone, written `HH:mm`. */
export type LocalTime = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidLocalDate(text: string): boolean {
  const m = DATE_RE.exec(text);
  if (!m) return false;
  return DateTime.fromObject({ year: +m[1]!, month: +m[2]!, day: +m[3]! }).isValid;
}

export function isValidLocalTime(text: string): boolean {
  return TIME_RE.test(text);
}

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * The instant of a wall-clock time on a day in a zone. Luxon reads the wall time in the zone, so 09:00 stays
 * 09:00 on both sides of a DST change; a time that does not exist (spring forward) moves forward by the gap.
 */
export function atLocal(date: LocalDate, time: LocalTime, zone: string): DateTime {
  return DateTime.fromISO(`${date}T${time}`, { zone });
}

/** The start of a local day, as an instant. */
export function startOfLocalDay(date: LocalDate, zone: string): DateTime {
  return DateTime.fromISO(date, { zone }).startOf('day');
}

/** The first instant of the next local day: 23 or 25 hours after the start on DST days, never 24 by assumption. */
export function endOfLocalDay(date: LocalDate, zone: string): DateTime {
  return startOfLocalDay(addDays(date, 1), zone);
}

/** The local calendar day of an instant. */
export function localDateOf(instant: DateTime, zone: string): LocalDate {
  return instant.setZone(zone).toISODate()!;
}

/** Calendar arithmetic on local days (never 24-hour steps, which drift across DST). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return Math.round(
    DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days,
  );
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  return DateTime.fromISO(date, { zone: 'utc' }).weekday;
}

/** "Thu Oct 16" — the style used in every message. */
export function formatDay(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: 'utc' }).toFormat('ccc LLL d');
}

/** "9:00 AM" style for a local time. */
export function formatTime(time: LocalTime): string {
  return DateTime.fromISO(`2000-01-01T${time}`, { zone: 'utc' }).toFormat('h:mm a');
}
