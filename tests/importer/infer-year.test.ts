import { describe, expect, it } from 'vitest';
import { holidays } from '../../src/importer/holidays.ts';
import { inferYear, yearOffsets, type DatedRow } from '../../src/importer/infer-year.ts';
import { parseDateAt } from '../../src/importer/parse-date.ts';

const row = (text: string, isClass = true): DatedRow => {
  const found = parseDateAt(text)!;
  return { date: found.date, isClass, text: text.slice(found.length) };
};
const tuesThu = ['Sep 2', 'Sep 4', 'Sep 9', 'Sep 11', 'Nov 25', 'Dec 2'].map((d) => row(`${d} Topic`));

describe('holiday rules', () => {
  it.each([
    ['Thanksgiving', 2025, '2025-11-27'],
    ['Labor Day', 2025, '2025-09-01'],
    ['MLK Day', 2026, '2026-01-19'],
    ["Presidents' Day", 2026, '2026-02-16'],
    ['Memorial Day', 2025, '2025-05-26'],
    ["Indigenous Peoples' Day", 2025, '2025-10-13'],
    ["Patriots' Day", 2025, '2025-04-21'],
    ['Election Day', 2024, '2024-11-05'],
    ['Good Friday', 2025, '2025-04-18'],
  ])('%s %i is %s', (name, year, iso) => {
    expect(holidays.find((h) => h.name === name)!.dateIn(year)).toBe(iso);
  });
});

describe('inferYear', () => {
  it('is pinned by Thanksgiving on Nov 27 (our page: 2025)', () => {
    const result = inferYear([...tuesThu, row('Nov 27 No class, Thanksgiving', false)], 2026);
    expect(result).toEqual({
      ok: true,
      year: 2025,
      reason: 'Thanksgiving on Nov 27; classes on Tue and Thu',
    });
  });

  it('finds an old page by the weekdays it writes, and takes a stated term that fits them', () => {
    // 2016 was a leap year: Tue Jan 19 and Tue Mar 1 are both Tuesdays only in such a year.
    const rows = [row('Tue Jan 19 Intro'), row('Tue Mar 1 Sorting')];
    expect(inferYear(rows, 2026)).toMatchObject({ ok: true, year: 2016 });
    const fits = inferYear([row('Tue Sep 3 Intro'), row('Thu Sep 5 More')], 2026, {
      term: { year: 2019, where: 'the page says "Fall 2019"' },
    });
    expect(fits).toMatchObject({
      ok: true,
      year: 2019,
      reason: expect.stringMatching(/^the page says "Fall 2019"/),
    });
  });

  it('does not take a stated term the weekdays contradict, and says so', () => {
    const result = inferYear([row('Tue Sep 3 Intro'), row('Thu Sep 5 More')], 2026, {
      term: { year: 2020, where: 'the page says "Fall 2020"' },
    });
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toMatch(
      /\(the page says "Fall 2020", but the weekdays on the page do not fit 2020: check the year\)$/,
    );
  });

  it('is pinned by stated weekday names', () => {
    const result = inferYear([row('Tu Jan 25 Intro'), row('Th Jan 27 Sorting')], 2023);
    expect(result).toMatchObject({ ok: true, year: 2022 });
  });

  it('takes a holiday break as a clue, not a pin', () => {
    // Thanksgiving break on Nov 28 fits 2024 (Thanksgiving itself), 2025 and 2026 (the Friday after, before).
    const rows = [...tuesThu, row('Nov 28 Thanksgiving break', false)];
    expect(inferYear(rows, 2025)).toMatchObject({ ok: false });
    expect(inferYear([...rows, row('Fri Nov 28 Thanksgiving break', false)], 2025)).toMatchObject({
      ok: true,
      year: 2025,
    });
  });

  it('prefers the year that keeps classes off weekends', () => {
    // Five classes on five days in a row: only a year where Sep 1 is a Monday keeps them all on weekdays.
    const rows = ['Sep 1', 'Sep 2', 'Sep 3', 'Sep 4', 'Sep 5'].map((d) => row(`${d} Topic`));
    expect(inferYear(rows, 2025)).toMatchObject({ ok: true, year: 2025 });
  });

  it('asks for --year when nothing decides it', () => {
    const result = inferYear(tuesThu, 2025);
    expect(result).toEqual({
      ok: false,
      message:
        'cannot tell the year of this page: no named holiday or weekday pattern decides it; pass --year 2025\n' +
        '(its dates fit 2024, 2025, 2026 equally well)',
    });
  });

  it('asks when a year only a few years older fits as well as this one', () => {
    // Mon Jan 12 and Wed Jan 21 with MLK Day on Jan 19 fit 2026, and 2015 a decade back: 2026 is taken.
    const recent = [
      row('Mon Jan 12 Intro'),
      row('Wed Jan 21 Sorting'),
      row('Jan 19 MLK Day, no class', false),
    ];
    expect(inferYear(recent, 2026)).toMatchObject({ ok: true, year: 2026 });
    // Mon Jan 13 and Wed Jan 22 with MLK Day on Jan 20 fit 2025 and 2020 alike: a real doubt.
    const doubtful = [
      row('Mon Jan 13 Intro'),
      row('Wed Jan 22 Sorting'),
      row('Jan 20 MLK Day, no class', false),
    ];
    const result = inferYear(doubtful, 2026);
    expect(result).toMatchObject({ ok: false });
    expect(!result.ok && result.message).toMatch(
      /pass --year 2025\n\(its dates fit 2020, 2025 equally well\)$/,
    );
  });

  it('uses a year the page states', () => {
    expect(inferYear([row('2024-09-03 Intro')], 2030)).toMatchObject({ ok: true, year: 2024 });
  });

  it('puts Feb 29 only in a leap year', () => {
    const result = inferYear([row('Mon Feb 26 A'), row('Thu Feb 29 B'), row('Mon Mar 4 C')], 2025);
    expect(result).toMatchObject({ ok: true, year: 2024 });
  });

  it('moves to the next year when a term wraps from December into January', () => {
    const dates = ['Dec 15', 'Dec 17', 'Jan 5', 'Jan 7'].map((d) => parseDateAt(d)!.date);
    expect(yearOffsets(dates)).toEqual([0, 0, 1, 1]);
    const result = inferYear(
      [row('Mon Dec 15 A'), row('Wed Dec 17 B'), row('Mon Jan 5 C'), row('Wed Jan 7 D')],
      2025,
    );
    expect(result).toMatchObject({ ok: true, year: 2025 });
  });
});
