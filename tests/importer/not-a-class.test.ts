// Rows that date work, not a meeting: a row the page marks without a class number ("–") holding nothing
// or only work, and a weekend row holding only work. Their events stay; no class is made of them.
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const page = [
  '# GEO 210 Maps, Fall 2026',
  '',
  '| #   | Date            | Topic                     |',
  '| --- | --------------- | ------------------------- |',
  '| 1   | Mon, Sep 14, 26 | Projections               |',
  '| –   | Fri, Sep 18, 26 |                           |',
  '| –   | Tue, Sep 22, 26 | *Assignment 1 announced*  |',
  '| 2   | Wed, Sep 23, 26 | Datums                    |',
  '|     | Sun, Sep 27, 26 | Homework 1 due            |',
  '| –   | Mon, Sep 28, 26 | Guest talk                |',
  '| 3   | Wed, Sep 30, 26 | Scale                     |',
].join('\n');

describe('rows that are no class', () => {
  const result = importSchedule(page, { referenceYear: 2026, timezone: 'UTC' });

  it('make no session, keep their events, and keep numbering the classes', () => {
    expect(result.plan.sessions.map((s) => [s.date, s.number, s.topic])).toEqual([
      ['2026-09-14', 1, 'Projections'],
      ['2026-09-23', 2, 'Datums'],
      ['2026-09-28', null, 'Guest talk'],
      ['2026-09-30', 3, 'Scale'],
    ]);
    expect((result.plan.events ?? []).map((e) => [e.kind, e.date, e.title, e.session ?? null])).toEqual([
      ['homework-release', '2026-09-22', 'Assignment 1 released', null],
      ['deadline', '2026-09-27', 'Homework 1 due', null],
    ]);
  });

  it('say so for review', () => {
    const lines = result.review.filter((r) => /not imported as a class|not as a class/.test(r.message));
    expect(lines.map((r) => [r.line, r.message])).toEqual([
      [6, 'Sep 18: holds nothing and has no class number: not imported as a class'],
      [7, 'Sep 22: holds only work ("Assignment 1 released"): imported as events, not as a class'],
      [9, 'Sep 27: holds only work ("Homework 1 due"): imported as events, not as a class'],
    ]);
  });
});
