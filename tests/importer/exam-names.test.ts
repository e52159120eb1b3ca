import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const page = readFileSync(new URL('../fixtures/importer/exam-names.md', import.meta.url), 'utf8');

describe('exams named as tests and prelims', () => {
  const result = importSchedule(page, { referenceYear: 2025, timezone: 'America/Denver' });

  it('reads "Test 1", "Prelim 2" and "Mid-term test" as exams, and a practice test as none', () => {
    expect((result.plan.events ?? []).map((e) => [e.kind, e.title, e.date])).toEqual([
      ['exam', 'Test 1', '2025-09-15'],
      ['exam', 'Prelim 2', '2025-09-22'],
      ['exam', 'Mid-term test', '2025-09-24'],
    ]);
  });

  it('leaves a test named in the lecture column unnumbered, and the next lecture keeps its number', () => {
    expect(result.plan.sessions.map((s) => [s.date.slice(5), s.number])).toEqual([
      ['09-08', 1],
      ['09-10', 2],
      ['09-15', null],
      ['09-17', 3],
      ['09-22', 4],
      ['09-24', 5],
    ]);
  });

  it('does not read what an exam covers as its date', () => {
    expect(result.review.map((r) => r.message).join('\n')).not.toMatch(/cannot read the date/);
  });
});
