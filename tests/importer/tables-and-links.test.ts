import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const page = readFileSync(new URL('../fixtures/importer/two-tables.md', import.meta.url), 'utf8');
const run = (baseUrl?: string) =>
  importSchedule(page, { referenceYear: 2026, timezone: 'UTC', ...(baseUrl ? { baseUrl } : {}) });

describe('a Markdown page with two tables, blank lines between rows and relative links', () => {
  it('reads both tables, each by its own header, and takes the year the heading states', () => {
    const result = run('https://geo.example.edu/115/schedule.html');
    expect(result.year).toBe(2019);
    expect(result.yearReason).toMatch(/^the page says "Fall 2019"/);
    expect(result.plan.sessions.map((s) => [s.date, s.topic])).toEqual([
      ['2019-09-03', 'Projections'],
      ['2019-09-05', 'Scale'],
      ['2019-09-10', 'Symbols'],
      ['2019-09-12', 'Colour'],
    ]);
    expect(result.plan.sessions[2]!.notes).toBe('bring pencils');
  });

  it('resolves a relative link against --base-url', () => {
    const result = run('https://geo.example.edu/115/schedule.html');
    expect(result.plan.sessions[0]!.readings).toEqual([
      { title: 'Slides', url: 'https://geo.example.edu/slides/projections.pdf' },
    ]);
  });

  it('keeps the title of a link it cannot resolve, and lists it; the import does not fail', () => {
    const result = run();
    expect(result.plan.sessions[0]!.readings).toEqual([{ title: 'Slides' }]);
    expect(result.review.map((r) => r.message)).toContain(
      'link "../slides/projections.pdf" of "Slides" (2019-09-03) is relative: kept the title without it; ' +
        'pass --base-url with the page’s address',
    );
  });

  it('says when --year contradicts the weekdays on the page', () => {
    const result = importSchedule(page, { referenceYear: 2026, timezone: 'UTC', year: 2021 });
    expect(result.review.map((r) => r.message)).toContain(
      '--year 2021 does not fit the page: it writes Tue Sep 3, and 4 of 4 weekdays on it disagree; check the year',
    );
  });
});

describe('an HTML table whose header names no date column', () => {
  const html = readFileSync(
    new URL('../fixtures/importer/unnamed-date-column.html', import.meta.url),
    'utf8',
  );
  const result = importSchedule(html, { referenceYear: 2026, timezone: 'UTC' });

  it('reads the dates from the column where the rows start with one, and says so', () => {
    expect(result.plan.sessions.map((s) => [s.date, s.topic])).toEqual([
      ['2026-03-30', 'Line and contour'],
      ['2026-04-01', 'Gesture'],
      ['2026-04-06', 'Value'],
    ]);
    expect(result.review.map((r) => r.message)).toContain(
      'no column is named "Date": the dates were read from column "Studio", where 3 rows start with one; ' +
        'what follows a date there is the topic',
    );
  });

  it('reads a Due column without the word "due" as deadlines', () => {
    expect(result.plan.events).toMatchObject([
      { kind: 'deadline', date: '2026-04-01', title: 'Sketchbook 1 due' },
    ]);
  });
});

describe('a timezone stated in the prose', () => {
  const text = readFileSync(new URL('../fixtures/importer/zone-in-prose.txt', import.meta.url), 'utf8');

  it('becomes the plan’s timezone, with a review line saying where it was read', () => {
    const result = importSchedule(text, { referenceYear: 2025, year: 2025 });
    expect(result.plan.course.timezone).toBe('America/New_York');
    expect(result.review).toContainEqual({
      line: 3,
      message:
        'timezone America/New_York read from "Eastern time" on the page; pass --timezone to set another',
    });
  });

  it('gives way to --timezone', () => {
    const result = importSchedule(text, { referenceYear: 2025, year: 2025, timezone: 'Europe/Berlin' });
    expect(result.plan.course.timezone).toBe('Europe/Berlin');
  });
});

describe('work named after "Out:" and "Due:" labels', () => {
  const text = readFileSync(new URL('../fixtures/importer/labelled-work.md', import.meta.url), 'utf8');
  const result = importSchedule(text, { referenceYear: 2026, timezone: 'UTC' });

  it('makes a release or a deadline of each item, by its label', () => {
    expect(result.plan.events!.map((e) => [e.kind, e.date, e.title])).toEqual([
      ['homework-release', '2026-01-20', 'PS1 released'],
      ['deadline', '2026-01-27', 'PS1 due'],
      ['homework-release', '2026-01-27', 'PS2 released'],
      ['homework-release', '2026-01-27', 'Lab 1 released'],
    ]);
  });
});

describe('a due time stated once in the preamble', () => {
  const text = readFileSync(new URL('../fixtures/importer/default-due-time.txt', import.meta.url), 'utf8');
  const result = importSchedule(text, { referenceYear: 2026, timezone: 'UTC' });

  it('applies to deadlines without a time of their own, with a review line', () => {
    expect(result.plan.events!.map((e) => [e.title, e.time])).toEqual([
      ['PS1 due', '22:00'],
      ['PS2 due', '17:00'],
    ]);
    expect(result.review).toContainEqual({
      line: 3,
      message:
        '1 deadline(s) without a time of their own were given 22:00, as the page says ("due at 10:00pm")',
    });
  });
});
