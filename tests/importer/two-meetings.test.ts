// A row that names several meetings in its date cell ("Mar 10, 12", "Sept. 9,11,13", "14 and 16
// January", "Sep 9 Sep 13") is a class on each day with the same topic; a year or a number after the
// date ("Sep 7, 21", "Sep 2 12 Angry Men") is not a meeting.
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';
import { parseLead } from '../../src/importer/parse-lead.ts';

describe('several meetings in one date cell', () => {
  it.each([
    ['Mar 10, 12 Sorting', [3, 10], [[3, 12]], 'Sorting'],
    [
      'M-W-F Sept. 9,11,13 Help hours',
      [9, 9],
      [
        [9, 11],
        [9, 13],
      ],
      'Help hours',
    ],
    ['14 and 16 January Sorting', [1, 14], [[1, 16]], 'Sorting'],
    ['Sep 9 Sep 13 Intro', [9, 9], [[9, 13]], 'Intro'],
  ])('"%s"', (text, [month, day], also, rest) => {
    expect(parseLead(text)).toEqual({
      date: { month, day },
      rest,
      also: also.map(([m, d]) => ({ month: m, day: d })),
    });
  });

  it.each(['Sep 7, 21 Intro', 'Sep 2 12 Angry Men', 'Oct 3, 10am Exam', 'Mar 9–13 Spring break'])(
    '"%s" names one day',
    (text) => {
      expect(parseLead(text)?.also).toBeUndefined();
    },
  );

  it('imports a class on each day, the events once, and says so', () => {
    const page = 'CS 101 Intro, Spring 2026\nDate Topic\nMar 10, 12 Sorting, HW1 due\nMar 17 Graphs\n';
    const result = importSchedule(page, { referenceYear: 2026, timezone: 'UTC' });
    expect(result.plan.sessions.map((s) => [s.date, s.number, s.topic])).toEqual([
      ['2026-03-10', 1, 'Sorting'],
      ['2026-03-12', 2, 'Sorting'],
      ['2026-03-17', 3, 'Graphs'],
    ]);
    expect((result.plan.events ?? []).map((e) => [e.date, e.title])).toEqual([['2026-03-10', 'HW1 due']]);
    expect(result.review.map((r) => r.message)).toContain(
      'Class 1 (Mar 10): names 2 meetings (Mar 10, Mar 12): imported as a class on each day',
    );
  });
});
