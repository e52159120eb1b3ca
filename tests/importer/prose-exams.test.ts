// Exams dated in sentences around the schedule, not in its rows: each becomes an exam on its date, given
// to the row it falls on or after, with a review line quoting the sentence; one a row already holds is
// not added twice, and a denied or review-only mention adds nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const page = readFileSync(new URL('../fixtures/importer/prose-exams.md', import.meta.url), 'utf8');

describe('exams dated in the prose', () => {
  const result = importSchedule(page, { referenceYear: 2026, timezone: 'UTC' });

  it('imports each exam once, on its date, with its time', () => {
    expect((result.plan.events ?? []).map((e) => [e.kind, e.date, e.title, e.time ?? null])).toEqual([
      ['exam', '2026-02-19', 'Exam 1', null],
      ['exam', '2026-03-26', 'Exam 2', null],
      ['exam', '2026-05-07', 'Final exam', '09:00'],
    ]);
  });

  it('lists each exam read from the prose for review, with its line', () => {
    const lines = result.review.filter((r) => /page's text/.test(r.message));
    expect(lines.map((r) => [r.line, r.message])).toEqual([
      [
        4,
        '"Exam 2" on Mar 26 read from the page\'s text ("Exam 2 is on March 26, in the evening."): check it',
      ],
      [
        17,
        '"Final exam" on May 7 read from the page\'s text ("The final exam will take place on May 7th, 2026, at 9:00am in the main hall."): check it',
      ],
    ]);
  });
});
