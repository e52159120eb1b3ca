import { DateTime, IANAZone } from 'luxon';

/** A calendar day in the course's timezone, written `YYYY-MM-DD`. */
export type LocalDate = string;
/** A wall-clock time in the course's timezone, written `HH:mm`. */
export type LocalTime = string;

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export function isValidLocalDate(text: string): boolean {
  return dayNumber(text) !== undefined;
}

export function isValidLocalTime(text: string): boolean {
  return TIME_RE.test(text);
}

/** Zones already checked: luxon makes an Intl formatter for every check, some 1 ms each, for every plan's zone. */
const checkedZones = new Map<string, boolean>();

export function isValidZone(zone: string): boolean {
  const known = checkedZones.get(zone);
  if (known !== undefined) return known;
  // Bounded whatever names are typed: a real deployment checks a handful.
  if (checkedZones.size >= 256) checkedZones.clear();
  const valid = IANAZone.isValidZone(zone);
  checkedZones.set(zone, valid);
  return valid;
}

/**
 * The instant of a wall-clock time on a day in a zone. Luxon reads the wall time in the zone, so 09:00 stays
 * 09:00 on both sides of a DST change; a time that does not exist (spring forward) moves forward by the gap.
 * Remembered (see rememberInstant): the scheduler derives the same few instants for every course.
 */
export function atLocal(date: LocalDate, time: LocalTime, zone: string): DateTime {
  return rememberInstant(`${zone} ${date}T${time}`, () => DateTime.fromISO(`${date}T${time}`, { zone }));
}

/** The start of a local day, as an instant. */
export function startOfLocalDay(date: LocalDate, zone: string): DateTime {
  return rememberInstant(`${zone} ${date}`, () => DateTime.fromISO(date, { zone }).startOf('day'));
}

/** The first instant of the next local day: 23 or 25 hours after the start on DST days, never 24 by assumption. */
export function endOfLocalDay(date: LocalDate, zone: string): DateTime {
  return startOfLocalDay(addDays(date, 1), zone);
}

/** Far more than the days and times a term's reminders touch in all of a department's zones. */
const MAX_INSTANTS = 4096;
const instants = new Map<string, DateTime>();

/**
 * A zoned instant computed once per zone, day and time. Each zoned DateTime costs luxon an offset lookup
 * through Intl (most of the time of deriving a day's reminders) and some 1 KB of its own; the courses of a
 * department share a zone and mostly the same reminder times, so a tick looking at every course asked for
 * the same instants a thousand times. A DateTime never changes, so one object serves every caller; the memo
 * starts over when full, which keeps it bounded whatever dates arrive.
 */
function rememberInstant(key: string, compute: () => DateTime): DateTime {
  const known = instants.get(key);
  if (known) return known;
  if (instants.size >= MAX_INSTANTS) instants.clear();
  const instant = compute();
  instants.set(key, instant);
  return instant;
}

/** The local calendar day of an instant. */
export function localDateOf(instant: DateTime, zone: string): LocalDate {
  return instant.setZone(zone).toISODate()!;
}

/** Calendar arithmetic on local days (never 24-hour steps, which drift across DST). */
export function addDays(date: LocalDate, days: number): LocalDate {
  const day = dayNumber(date);
  if (day === undefined) return DateTime.fromISO(date, { zone: 'utc' }).plus({ days }).toISODate()!;
  return dateOfDayNumber(day + days);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  const start = dayNumber(from);
  const end = dayNumber(to);
  if (start === undefined || end === undefined) {
    return Math.round(
      DateTime.fromISO(to, { zone: 'utc' }).diff(DateTime.fromISO(from, { zone: 'utc' }), 'days').days,
    );
  }
  return end - start;
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function weekdayOf(date: LocalDate): number {
  const day = dayNumber(date);
  if (day === undefined) return DateTime.fromISO(date, { zone: 'utc' }).weekday;
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/*
 * Days since 1970-01-01 in the proleptic Gregorian calendar, and back (H. Hinnant's civil-calendar
 * algorithms). Day arithmetic runs for every day of every course the scheduler looks at, and a luxon
 * DateTime per step was most of that time; a text that is not a plain valid date goes through luxon as before.
 */
function dayNumber(date: LocalDate): number | undefined {
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const year = +m[1]!;
  const month = +m[2]!;
  const day = +m[3]!;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function dateOfDayNumber(days: number): LocalDate {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  // Outside years 0000–9999 luxon's ISO form (a sign and six digits) is kept.
  if (year < 0 || year > 9999) return DateTime.fromObject({ year, month, day }, { zone: 'utc' }).toISODate()!;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "Thu Oct 16" — the style used in every message. */
export function formatDay(date: LocalDate): string {
  return DateTime.fromISO(date, { zone: 'utc' }).toFormat('ccc LLL d');
}

/** "9:00 AM" style for a local time. */
export function formatTime(time: LocalTime): string {
  return DateTime.fromISO(`2000-01-01T${time}`, { zone: 'utc' }).toFormat('h:mm a');
}
