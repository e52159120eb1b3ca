import { describe, expect, it } from 'vitest';
import { parseDateAt } from '../../src/importer/parse-date.ts';
import { parseLead } from '../../src/importer/parse-lead.ts';
import { parseTimeAt } from '../../src/importer/parse-time.ts';

describe('parseDateAt reads every date style at the start of a row', () => {
  it.each([
    ['Sep 2 Intro', { month: 9, day: 2 }, 5],
    ['Sept. 2 Intro', { month: 9, day: 2 }, 7],
    ['September 2 Intro', { month: 9, day: 2 }, 11],
    ['Tu Jan 25 Intro', { month: 1, day: 25, weekday: 2 }, 9],
    ['Thursday, Jan 27 Intro', { month: 1, day: 27, weekday: 4 }, 16],
    ['Wed. 15 Jan. Intro', { month: 1, day: 15, weekday: 3 }, 12],
    ['9/2 Intro', { month: 9, day: 2 }, 3],
    ['9/2/25 Intro', { month: 9, day: 2, year: 2025 }, 6],
    ['2025-09-02 Intro', { month: 9, day: 2, year: 2025 }, 10],
    ['Oct 3rd, 2025 Intro', { month: 10, day: 3, year: 2025 }, 13],
  ])('%s', (text, date, length) => {
    const { numeric: _, ...found } = parseDateAt(text)!;
    expect(found).toEqual({ date, length });
  });

  it.each([
    ['Tuesday, 24 Aug 21 | Basins', { month: 8, day: 24, year: 2021, weekday: 2 }, 18],
    ['7 Sep 21 Salinity', { month: 9, day: 7, year: 2021 }, 8],
    ['Mon, Sep 7, 26 Labor Day', { month: 9, day: 7, year: 2026, weekday: 1 }, 14],
    ['Mar 10, 12 Review', { month: 3, day: 10 }, 6],
    ['2026-01-06 (Tue) Intro', { month: 1, day: 6, year: 2026, weekday: 2 }, 16],
    ['12-Jan Intro', { month: 1, day: 12 }, 6],
    ['3/2/26 Intro', { month: 3, day: 2, year: 2026 }, 6],
    ['W 9/3 Intro', { month: 9, day: 3, weekday: 3 }, 5],
    ['R 10/16 Graphs', { month: 10, day: 16, weekday: 4 }, 7],
    ['Tues. Sept. 3 mechanics', { month: 9, day: 3, weekday: 2 }, 13],
    ['27 Aug Wed reading', { month: 8, day: 27, weekday: 3 }, 10],
    ['May 9 (M) Ch. 1', { month: 5, day: 9, weekday: 1 }, 9],
    ['15 January Intro', { month: 1, day: 15 }, 10],
    ['Sep 9 10:30 lab', { month: 9, day: 9 }, 5],
  ])('reads %s', (text, date, length) => {
    expect(parseDateAt(text)).toMatchObject({ date, length });
  });

  it('reads a day-first numeric date when the month cannot be first, or when told so', () => {
    expect(parseDateAt('13/2 x')).toMatchObject({ date: { month: 2, day: 13 } });
    expect(parseDateAt('3/4 x')).toMatchObject({ date: { month: 3, day: 4 }, numeric: 'either' });
    expect(parseDateAt('3/4 x', { order: 'dmy' })).toMatchObject({ date: { month: 4, day: 3 } });
  });

  it('reads "8.27" only in a date cell', () => {
    expect(parseDateAt('8.27', { dotted: true })).toMatchObject({ date: { month: 8, day: 27 } });
    expect(parseDateAt('12.1 Limits')).toBeNull();
  });

  it.each(['Intro to GPUs', 'Feb 30 x', '32/2 x', 'The schedule', 'Sep 2025 overview', '2/3x'])(
    'finds no date in %s',
    (text) => {
      expect(parseDateAt(text)).toBeNull();
    },
  );
});

describe('parseLead reads the class label around the date', () => {
  it('reads "Class 5 (Sep 16)" and the rest of the row', () => {
    expect(parseLead('Class 5 (Sep 16) Backpropagation algorithm')).toEqual({
      number: 5,
      date: { month: 9, day: 16 },
      rest: 'Backpropagation algorithm',
    });
  });
  it('reads a label after the date, and a week prefix', () => {
    expect(parseLead('Sep 16 Lecture 5: Backprop')).toMatchObject({ number: 5, rest: 'Backprop' });
    expect(parseLead('Week 3 Tu Jan 25 - Graphs')).toMatchObject({
      date: { month: 1, day: 25 },
      rest: 'Graphs',
    });
  });
  it('gives no number to a dated row without a label', () => {
    expect(parseLead('Oct 14 No class, Monday schedule')).toEqual({
      number: undefined,
      date: { month: 10, day: 14 },
      rest: 'No class, Monday schedule',
    });
  });
  it('is null for a line without a date', () => {
    expect(parseLead('Paper presentations')).toBeNull();
    expect(parseLead('Class 5 Backprop')).toBeNull();
  });
});

describe('parseTimeAt', () => {
  it.each([
    ['11:59pm', '23:59'],
    ['11:59 PM ET', '23:59'],
    ['5pm', '17:00'],
    ['12am', '00:00'],
    ['9 a.m.', '09:00'],
    ['at noon', '12:00'],
    ['midnight', '23:59'],
    ['by 23:59', '23:59'],
  ])('%s → %s', (text, time) => {
    expect(parseTimeAt(text)?.time).toBe(time);
  });
  it.each(['13pm', 'Oct 3', '24:00', 'soon'])('no time in %s', (text) => {
    expect(parseTimeAt(text)).toBeNull();
  });
});
