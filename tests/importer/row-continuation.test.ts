// Flattened page text where one row's cells run over several lines: every line up to a blank line or
// the next dated row continues the row, so a homework line and the due date under it stay with it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const page = readFileSync(new URL('../fixtures/importer/row-continuation.txt', import.meta.url), 'utf8');

describe('a row over several lines', () => {
  const result = importSchedule(page, { referenceYear: 2026, timezone: 'UTC' });

  it('keeps each deadline with its row, on the date it states', () => {
    expect((result.plan.events ?? []).map((e) => [e.kind, e.date, e.title, e.time])).toEqual([
      ['deadline', '2026-06-03', 'Mini HW1 due', '21:00'],
      ['deadline', '2026-06-08', 'Full HW1 due', '21:00'],
    ]);
    expect(result.plan.sessions.map((s) => s.date)).toEqual(['2026-06-01', '2026-06-02', '2026-06-03']);
  });

  it('says which lines it joined to which row, and joins none across a blank line', () => {
    const joined = result.review.filter((r) => /^joined/.test(r.message)).map((r) => [r.line, r.message]);
    expect(joined).toEqual([
      [4, 'joined to the row on line 3: "• Welcome"'],
      [5, 'joined to the row on line 3: "• What a compiler does"'],
      [6, 'joined to the row on line 3: "Lab 1 (PDF) Mini HW1 (PDF)"'],
      [7, 'joined to the row on line 3: "due 6/3 @ 9pm"'],
      [9, 'joined to the row on line 8: "• Lexing"'],
      [10, 'joined to the row on line 8: "Full HW1 (PDF) due 6/8 @ 9pm"'],
    ]);
  });

  it('takes no book chapter among the readings for work', () => {
    const text = 'Date Topic Readings\nMon Jun 1 rendering FG 8\nWed Jun 3 shading FG 9\n';
    const plain = importSchedule(text, { referenceYear: 2026, timezone: 'UTC', year: 2026 });
    expect(plain.plan.events).toEqual([]);
  });
});
