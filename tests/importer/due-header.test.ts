import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const page = readFileSync(new URL('../fixtures/importer/due-header-time.md', import.meta.url), 'utf8');

describe('a due column whose header gives the day and time', () => {
  const result = importSchedule(page, { referenceYear: 2025, timezone: 'America/Chicago' });
  const events = (result.plan.events ?? []).map((e) => [e.title, e.date, e.time ?? null]);

  it('puts work without its own date on the weekday after the row, at the header’s time', () => {
    expect(events).toEqual([
      ['Sheet 1 due', '2025-09-05', '16:30'],
      ['Map exercise due', '2025-09-12', '23:59'],
      ['Sheet 2 due', '2025-09-15', '16:30'],
    ]);
  });

  it('keeps a long description in parentheses as a note, not as the date or the name', () => {
    expect(result.plan.sessions[1]!.notes).toBe('chapter 1, lectures 1 and 2');
  });

  it('lists the weekday it decided for review', () => {
    const lines = result.review.map((r) => r.message);
    expect(lines).toContain(
      'Class 2 (Sep 4): "Sheet 1 due" on Friday was placed on the first one after the class: 2025-09-05',
    );
  });
});
