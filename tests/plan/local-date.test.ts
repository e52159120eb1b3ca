// Day arithmetic on local dates is done with whole numbers, and zoned instants are remembered: both must give
// exactly what luxon gives, leap days, centuries and DST changes included.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  atLocal,
  daysBetween,
  endOfLocalDay,
  isValidLocalDate,
  isValidZone,
  startOfLocalDay,
  weekdayOf,
} from '../../src/plan/local-date.ts';

const luxonDay = (date: string) => DateTime.fromISO(date, { zone: 'utc' });

// Every day of 1899–1901, 1999–2001 and 2023–2029 (a non-leap century, a leap century, DST years).
const days: string[] = [];
for (const [from, to] of [
  ['1899-01-01', '1902-01-01'],
  ['1999-01-01', '2002-01-01'],
  ['2023-01-01', '2030-01-01'],
]) {
  for (let d = luxonDay(from!); d < luxonDay(to!); d = d.plus({ days: 1 })) days.push(d.toISODate()!);
}

describe('local day arithmetic', () => {
  it('adds days, counts days between and names the weekday as luxon does', () => {
    for (const date of days) {
      for (const n of [-400, -1, 1, 31, 366]) {
        expect(addDays(date, n)).toBe(luxonDay(date).plus({ days: n }).toISODate());
      }
      expect(daysBetween('2000-02-29', date)).toBe(
        Math.round(luxonDay(date).diff(luxonDay('2000-02-29'), 'days').days),
      );
      expect(weekdayOf(date)).toBe(luxonDay(date).weekday);
    }
  });

  it('tells a real calendar date as luxon does', () => {
    for (const text of [
      '2024-02-29',
      '2025-02-29',
      '1900-02-29',
      '2000-02-29',
      '2025-04-31',
      '2025-00-10',
      '2025-1-01',
    ]) {
      const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const expected =
        m !== null && DateTime.fromObject({ year: +m[1]!, month: +m[2]!, day: +m[3]! }).isValid;
      expect(isValidLocalDate(text)).toBe(expected);
    }
    expect(isValidZone('America/New_York')).toBe(true);
    expect(isValidZone('America/New_York')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
  });

  it('goes on through luxon for a text that is not a valid date', () => {
    expect(addDays('2025-02-30', 1)).toBe(luxonDay('2025-02-30').plus({ days: 1 }).toISODate());
    expect(weekdayOf('2025-13-01')).toBe(luxonDay('2025-13-01').weekday);
  });
});

describe('zoned instants', () => {
  const zone = 'America/New_York';

  it('are luxon’s on both sides of a DST change, a missing hour included', () => {
    for (const [date, time] of [
      ['2025-03-08', '09:00'],
      ['2025-03-09', '02:30'],
      ['2025-03-09', '09:00'],
      ['2025-11-02', '01:30'],
      ['2025-11-03', '09:00'],
    ] as const) {
      const expected = DateTime.fromISO(`${date}T${time}`, { zone });
      expect(atLocal(date, time, zone).toISO()).toBe(expected.toISO());
      // Asked again: the same instant.
      expect(atLocal(date, time, zone).toMillis()).toBe(expected.toMillis());
    }
    expect(startOfLocalDay('2025-11-02', zone).toISO()).toBe('2025-11-02T00:00:00.000-04:00');
    expect(endOfLocalDay('2025-11-02', zone).toISO()).toBe('2025-11-03T00:00:00.000-05:00');
  });

  it('differ by zone for the same wall time', () => {
    const there = atLocal('2025-10-21', '08:00', 'Europe/Berlin');
    const here = atLocal('2025-10-21', '08:00', zone);
    expect(here.toMillis() - there.toMillis()).toBe(6 * 3600_000);
    expect(there.zoneName).toBe('Europe/Berlin');
  });
});
