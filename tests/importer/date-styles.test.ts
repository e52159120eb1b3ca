import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSchedule, type ImportOptions } from '../../src/importer/import-schedule.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/importer/${name}`, import.meta.url), 'utf8');
const run = (name: string, options: Partial<ImportOptions> = {}) =>
  importSchedule(fixture(name), { referenceYear: 2026, timezone: 'UTC', ...options });
const dates = (result: ReturnType<typeof run>) => result.plan.sessions.map((s) => s.date);
const messages = (result: ReturnType<typeof run>) => result.review.map((r) => r.message);

describe('date styles', () => {
  it('takes a two-digit year written after a day-first date', () => {
    const result = run('two-digit-year.txt');
    expect(result.year).toBe(2021);
    expect(dates(result)).toEqual(['2021-09-07', '2021-09-09', '2021-09-14']);
  });

  it('reads pipe rows under a header without its |---| line as a table', () => {
    const result = run('two-digit-year.txt');
    expect(result.format).toBe('markdown');
    expect(result.plan.sessions.map((s) => s.topic)).toEqual([
      'Ice sheets today',
      'How glaciers move',
      'Mass balance',
    ]);
    expect(result.plan.events).toMatchObject([
      { kind: 'deadline', date: '2021-09-09', title: 'Reading quiz due' },
    ]);
  });

  it('reads day-first numeric dates when one of them can only be day first', () => {
    const result = run('day-first.txt', { year: 2025 });
    expect(dates(result)).toEqual(['2025-09-16', '2025-09-23', '2025-10-07']);
    expect(messages(result).some((m) => m.includes('month first'))).toBe(false);
  });

  it('reads dates that could go either way as the weekdays beside them show, and says so', () => {
    const dayFirst = 'Botany\n\nTue 3/4 Roots\nThu 5/4 Stems\nTue 10/4 Leaves\n';
    const result = importSchedule(dayFirst, { referenceYear: 2026, year: 2018, timezone: 'UTC' });
    expect(result.plan.sessions.map((s) => s.date)).toEqual(['2018-04-03', '2018-04-05', '2018-04-10']);
    expect(result.review.map((r) => r.message)).toContain(
      'dates such as "3/4" were read day first (Apr 3): 3 of the 3 weekdays written beside the dates fit that reading, fewer the other',
    );
    const monthFirst = 'Botany\n\nTue 4/3 Roots\nThu 4/5 Stems\nTue 4/10 Leaves\n';
    const other = importSchedule(monthFirst, { referenceYear: 2026, year: 2018, timezone: 'UTC' });
    expect(other.plan.sessions.map((s) => s.date)).toEqual(['2018-04-03', '2018-04-05', '2018-04-10']);
  });

  it('follows --date-order for dates that could be read either way, and says when it guessed', () => {
    const page = 'Botany\n\n3/4 Roots\n5/4 Stems\n';
    const guessed = importSchedule(page, { referenceYear: 2026, year: 2026, timezone: 'UTC' });
    expect(guessed.plan.sessions.map((s) => s.date)).toEqual(['2026-03-04', '2026-05-04']);
    expect(guessed.review.map((r) => r.message)).toContain(
      'dates such as "3/4" were read month first (Mar 4); pass --date-order dmy if the page writes the day first',
    );
    const told = importSchedule(page, { referenceYear: 2026, year: 2026, timezone: 'UTC', dateOrder: 'dmy' });
    expect(told.plan.sessions.map((s) => s.date)).toEqual(['2026-04-03', '2026-04-05']);
  });

  it('reads "8.27", ISO dates with a weekday and "5-Sep" in a date column', () => {
    const result = run('date-cells.md', { year: 2024 });
    expect(dates(result)).toEqual(['2024-08-27', '2024-08-29', '2024-09-03', '2024-09-05']);
  });
});

describe('row labels before the date', () => {
  const result = run('numbered-rows.txt', { year: 2025 });
  it('reads numbered, fixed-width, "Day N:", bullet and unit-labelled rows; class 0 is a class', () => {
    expect(result.plan.sessions.map((s) => [s.date.slice(5), s.number, s.topic])).toEqual([
      ['09-03', 0, 'Welcome and field kit'],
      ['09-08', 1, 'Soil texture'],
      ['09-10', 2, 'Soil structure'],
      ['09-15', null, 'Midterm exam'],
      ['09-17', 3, 'Water in soils'],
      ['09-22', 4, 'Nutrient cycles'],
      ['09-24', 5, 'Soil biology'],
      ['09-29', 6, 'Erosion'],
      ['10-01', 7, 'Parent material'],
    ]);
  });
  it('keeps the unnumbered exam an exam, not a class', () => {
    const exam = result.plan.sessions[3]!;
    expect(exam.noClass).toBeUndefined();
    expect(result.plan.events!.find((e) => e.kind === 'exam')).toMatchObject({ date: '2025-09-15' });
  });
});

describe('a bullet list flattened onto few lines', () => {
  const result = run('glued-bullets.txt', { year: 2023 });
  it('cuts a line before each " - date:" and keeps other dashes in their row', () => {
    // The homework before " - Sept. 1:" is the end of the row above it (and listed as joined to it).
    expect(result.plan.sessions.map((s) => [s.date.slice(5), s.noClass !== undefined])).toEqual([
      ['08-28', false],
      ['08-30', false],
      ['09-01', false],
      ['09-04', true],
    ]);
    expect(result.plan.sessions[2]!.topic).toBe('Cross products');
    expect(result.plan.events).toMatchObject([{ kind: 'deadline', date: '2023-09-06' }]);
    expect(messages(result).some((m) => m.includes('Review moved - Sept 8 is the new date'))).toBe(true);
  });
});
