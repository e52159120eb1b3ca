// A deadline whose words before "due" are only problem numbers: it is named after the work the block
// starts with ("**Problem Set 1** … **Due Sep 10.**"), else after the list and the words that name it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { findNotes } from '../../src/importer/find-notes.ts';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const page = readFileSync(new URL('../fixtures/importer/problem-lists.txt', import.meta.url), 'utf8');

describe('deadlines after a list of problem numbers', () => {
  const result = importSchedule(page, { referenceYear: 2026, timezone: 'UTC' });

  it('names each after its work or its list, on the date it states', () => {
    expect((result.plan.events ?? []).map((e) => [e.kind, e.date, e.title])).toEqual([
      ['deadline', '2026-09-10', 'Problem Set 1 due'],
      ['deadline', '2026-09-17', 'Chapter 3.1 Exercises 2, 5, 11 due'],
      ['deadline', '2026-09-17', 'Chapter 3.2 Exercises 7, 8 and Chapter 3.3 Exercises 1, 4 due'],
    ]);
  });

  it('keeps the class rows the blocks are glued to', () => {
    expect(result.plan.sessions.map((s) => [s.date, s.topic])).toEqual([
      ['2026-09-01', 'First-order equations.'],
      ['2026-09-03', 'Separable equations.'],
      ['2026-09-08', 'Exact equations.'],
      ['2026-09-10', ''],
      ['2026-09-15', ''],
    ]);
  });

  it('leaves work named before "due" as it was', () => {
    expect(findNotes('HW3 out, due Oct 3').map((s) => s.event.title)).toEqual(['HW3 released', 'HW3 due']);
  });
});
