import { DateTime } from 'luxon';

/** A named holiday whose date moves from year to year, so a row naming it on a date pins the year. */
export interface Holiday {
  name: string;
  pattern: RegExp;
  /** ISO date of the holiday in a year. */
  dateIn(year: number): string;
}

/** The `nth` (1-based; -1 = last) `weekday` (1 = Monday) of a month. */
function nthWeekday(year: number, month: number, weekday: number, nth: number): string {
  if (nth > 0) {
    const first = DateTime.utc(year, month, 1);
    return first.plus({ days: ((weekday - first.weekday + 7) % 7) + (nth - 1) * 7 }).toISODate()!;
  }
  const last = DateTime.utc(year, month, 1).endOf('month').startOf('day');
  return last.minus({ days: (last.weekday - weekday + 7) % 7 }).toISODate()!;
}

/** Easter Sunday (Gregorian), by the anonymous algorithm. */
function easter(year: number): DateTime {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return DateTime.utc(year, month, day);
}

// Fixed-date holidays (July 4, Veterans Day, Juneteenth, Christmas) are left out on purpose: they fall on
// the same date every year, so only the weekday pattern can place them.
export const holidays: Holiday[] = [
  { name: 'Thanksgiving', pattern: /thanksgiving/i, dateIn: (y) => nthWeekday(y, 11, 4, 4) },
  { name: 'Labor Day', pattern: /\blabou?r\s+day\b/i, dateIn: (y) => nthWeekday(y, 9, 1, 1) },
  { name: 'MLK Day', pattern: /\bMLK\b|martin\s+luther\s+king/i, dateIn: (y) => nthWeekday(y, 1, 1, 3) },
  {
    name: "Presidents' Day",
    pattern: /\bpresidents?'?\s*day\b|washington'?s\s+birthday/i,
    dateIn: (y) => nthWeekday(y, 2, 1, 3),
  },
  { name: 'Memorial Day', pattern: /\bmemorial\s+day\b/i, dateIn: (y) => nthWeekday(y, 5, 1, -1) },
  {
    name: "Indigenous Peoples' Day",
    pattern: /\bcolumbus\s+day\b|\bindigenous\s+peoples?'?\s+day\b/i,
    dateIn: (y) => nthWeekday(y, 10, 1, 2),
  },
  { name: "Patriots' Day", pattern: /\bpatriots?'?\s+day\b/i, dateIn: (y) => nthWeekday(y, 4, 1, 3) },
  {
    name: 'Election Day',
    pattern: /\belection\s+day\b/i,
    dateIn: (y) =>
      DateTime.fromISO(nthWeekday(y, 11, 1, 1), { zone: 'utc' })
        .plus({ days: 1 })
        .toISODate()!,
  },
  {
    name: 'Good Friday',
    pattern: /\bgood\s+friday\b/i,
    dateIn: (y) => easter(y).minus({ days: 2 }).toISODate()!,
  },
];

/** The holidays a row's text names. */
export function holidaysIn(text: string): Holiday[] {
  return holidays.filter((h) => h.pattern.test(text));
}
