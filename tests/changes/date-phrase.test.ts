// Date phrases staff type, read in the course timezone: accepted forms, and every refusal with its reason.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { parseDatePhrase, type DateContext } from '../../src/changes/date-phrase.ts';
import { MONDAY } from './plan-fixture.ts';

const context: DateContext = {
  now: MONDAY,
  zone: 'America/New_York',
  term: { start: '2025-09-02', end: '2025-12-09' },
};
const read = (text: string, ctx = context) => parseDatePhrase(text, ctx);

describe('parseDatePhrase', () => {
  it.each([
    ['2025-10-23', '2025-10-23'],
    ['Oct 23', '2025-10-23'],
    ['oct 23', '2025-10-23'],
    ['Thu Oct 23', '2025-10-23'],
    ['Thursday, October 23', '2025-10-23'],
    ['Oct 23rd', '2025-10-23'],
    ['23 Oct', '2025-10-23'],
    ['Oct 23 2025', '2025-10-23'],
    ['today', '2025-10-20'],
    ['tomorrow', '2025-10-21'],
    ['thursday', '2025-10-23'],
    ['next thursday', '2025-10-23'],
    ['next monday', '2025-10-27'],
    ['monday', '2025-10-27'],
    ['this monday', '2025-10-20'],
    ['Jan 5', '2026-01-05'],
  ])('reads %s as %s', (text, date) => {
    expect(read(text)).toEqual({ ok: true, date });
  });

  it('reads a trailing time', () => {
    expect(read('Nov 4 23:59')).toEqual({ ok: true, date: '2025-11-04', time: '23:59' });
    expect(read('Nov 4 at 5pm')).toEqual({ ok: true, date: '2025-11-04', time: '17:00' });
    expect(read('Nov 4 11:30 am')).toEqual({ ok: true, date: '2025-11-04', time: '11:30' });
    expect(read('Nov 4 25:00')).toMatchObject({ ok: false, recognised: true });
  });

  it('reads slash dates as the course writes them, and relative days by name', () => {
    // A US course writes month/day, as the importer reads its page.
    expect(read('10/23')).toEqual({ ok: true, date: '2025-10-23' });
    expect(read('10/24/2025')).toEqual({ ok: true, date: '2025-10-24' });
    expect(read('Nov 4 noon')).toEqual({ ok: true, date: '2025-11-04', time: '12:00' });
    expect(read('in 3 days')).toEqual({ ok: true, date: '2025-10-23' });
    expect(read('in a week')).toEqual({ ok: true, date: '2025-10-27' });
    // Elsewhere a slash date is read only when one reading is no date.
    const paris = { ...context, zone: 'Europe/Paris' };
    expect(read('24/10', paris)).toEqual({ ok: true, date: '2025-10-24' });
    expect(read('10/24', paris)).toEqual({ ok: true, date: '2025-10-24' });
    expect(read('10/11', paris)).toEqual({
      ok: false,
      recognised: true,
      message: '"10/11" can be Oct 11 or Nov 10: write the month\'s name, e.g. Nov 10.',
    });
  });

  it('uses the course timezone for "today", not UTC', () => {
    // 01:30 UTC on Oct 21 is still Oct 20 in New York.
    const late = DateTime.fromISO('2025-10-21T01:30Z');
    expect(read('today', { ...context, now: late })).toEqual({ ok: true, date: '2025-10-20' });
  });

  it.each([
    ['Wed Oct 23', 'Oct 23, 2025 is a Thursday, not a Wednesday: check the date.'],
    ['Oct 14', 'Tue Oct 14, 2025 is in the past (today is Mon Oct 20).'],
    ['yesterday', 'Sun Oct 19, 2025 is in the past (today is Mon Oct 20).'],
    ['2025-02-30', '2025-02-30 is not a date.'],
    ['2026-02-29', '2026-02-29 is not a date: 2026 is not a leap year.'],
    ['Feb 30', 'Feb 30 is not a date.'],
    ['Apr 31', 'Apr 31 is not a date.'],
    ['Oct 32', 'Oct 32 is not a date.'],
    ['Feb 30 2026', 'Feb 30 is not a date.'],
    ['Feb 29 2026', 'Feb 29, 2026 is not a date: 2026 is not a leap year.'],
    ['13/13', '"13/13" is not a date: write Oct 20 or 2025-10-20.'],
    [
      '2026-11-04',
      'Wed Nov 4, 2026 is outside the term (Tue Sep 2 to Tue Dec 9, 2025) and its exam period: pick a day up to Sat Feb 7, 2026.',
    ],
    [
      '9999-12-31',
      'Fri Dec 31, 9999 is outside the term (Tue Sep 2 to Tue Dec 9, 2025) and its exam period: pick a day up to Sat Feb 7, 2026.',
    ],
    [
      'Nov 4 2026',
      'Wed Nov 4, 2026 is outside the term (Tue Sep 2 to Tue Dec 9, 2025) and its exam period: pick a day up to Sat Feb 7, 2026.',
    ],
    [
      'in 200 days',
      'Fri May 8, 2026 is outside the term (Tue Sep 2 to Tue Dec 9, 2025) and its exam period: pick a day up to Sat Feb 7, 2026.',
    ],
    ['next week', '"next week" names no single day: write the day, e.g. `next monday` or Mon Oct 27.'],
    [
      'Nov 4 midnight',
      '"midnight" can mean the start or the end of the day: write 23:59, or 00:00 of the next day.',
    ],
    ['Jun 3', 'Jun 3 is outside the term (Tue Sep 2 to Tue Dec 9, 2025): pick a day in it, e.g. Oct 20.'],
    ['Feb 29', 'Feb 29 is outside the term (Tue Sep 2 to Tue Dec 9, 2025): pick a day in it, e.g. Oct 20.'],
  ])('refuses %s', (text, message) => {
    expect(read(text)).toEqual({ ok: false, recognised: true, message });
  });

  it('refuses a year-less date that two years fit', () => {
    const long = { ...context, term: { start: '2025-03-01', end: '2026-10-31' } };
    expect(read('Nov 4', long)).toEqual({
      ok: false,
      recognised: true,
      message: 'Nov 4 could be 2025-11-04 or 2026-11-04: write the year, e.g. 2026-11-04.',
    });
  });

  it('names the term and a real day in it, whatever the year of the term', () => {
    const spring = { ...context, term: { start: '2026-01-12', end: '2026-05-01' } };
    expect(read('Feb 29', spring)).toEqual({
      ok: false,
      recognised: true,
      message: 'Feb 29, 2026 is not a date: 2026 is not a leap year.',
    });
    expect(read('Aug 3', spring)).toEqual({
      ok: false,
      recognised: true,
      message: 'Aug 3 is outside the term (Mon Jan 12 to Fri May 1, 2026): pick a day in it, e.g. Jan 12.',
    });
    const spanning = { ...context, term: { start: '2025-09-02', end: '2026-01-16' } };
    expect(read('Jun 3', spanning)).toMatchObject({
      message:
        'Jun 3 is outside the term (Tue Sep 2, 2025 to Fri Jan 16, 2026): pick a day in it, e.g. Oct 20.',
    });
    const over = { ...context, term: { start: '2025-01-13', end: '2025-05-02' } };
    expect(read('Aug 3', over)).toMatchObject({
      message: 'Aug 3 is outside the term (Mon Jan 13 to Fri May 2, 2025), which is over.',
    });
  });

  it('does not recognise words that are not dates', () => {
    expect(read('snow day')).toMatchObject({ ok: false, recognised: false });
    expect(read('proposal')).toMatchObject({ ok: false, recognised: false });
    expect(read('2 Oct 23')).toMatchObject({ ok: false, recognised: false });
  });
});
