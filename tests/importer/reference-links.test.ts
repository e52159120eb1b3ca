import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const page = readFileSync(new URL('../fixtures/importer/reference-links.md', import.meta.url), 'utf8');

describe('Markdown reference-style links in a notes cell', () => {
  const result = importSchedule(page, { referenceYear: 2026, timezone: 'Europe/Berlin' });

  it('reads "Out: [PS1]" and "Due: [PS1]" as the work they link to', () => {
    expect((result.plan.events ?? []).map((e) => [e.kind, e.title, e.date])).toEqual([
      ['homework-release', 'PS1 released', '2026-01-13'],
      ['deadline', 'PS1 due', '2026-01-20'],
      ['homework-release', 'PS2 released', '2026-01-20'],
      ['deadline', 'PS2 due', '2026-01-27'],
    ]);
  });

  it('keeps the brackets of a reference that is never defined', () => {
    expect(result.plan.sessions[2]!.notes).toContain('[the errata]');
  });
});
