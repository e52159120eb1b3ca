import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const options = { referenceYear: 2025, year: 2025, timezone: 'UTC' };

/** Imports, and says how it ended: the point is that it ends at all (timings are in bench/import-speed.ts). */
function outcome(text: string): string {
  try {
    return `${importSchedule(text, options).plan.sessions.length} sessions`;
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  }
}

// Inputs that made the importer run for minutes: quadratic scans and unclosed markup. Each must finish.
describe('inputs built to be slow', { timeout: 30_000 }, () => {
  it('reads a 100 kB single line', () => {
    expect(outcome(`Sep 2 ${'word, (another) due '.repeat(5000)}`)).toBe('1 sessions');
  });

  it('refuses 1 MB of dashes and spaces with one line', () => {
    expect(outcome('- -- --- - '.repeat(100_000))).toMatch(/^cannot import: no schedule rows found/);
  });

  it('reads 200,000 dated lines', () => {
    const text = Array.from({ length: 200_000 }, (_, i) => `${(i % 12) + 1}/${(i % 28) + 1} x`).join('\n');
    expect(outcome(text)).toBe('200000 sessions');
  });

  it('reads 640 kB of HTML whose rows and cells are never closed', () => {
    const rows = '<tr><td>Sep 2<td><b><i>'.repeat(26_000);
    expect(outcome(`<html><body><table><tr><th>Date<th>Topic${rows}`)).toMatch(/sessions$/);
  });
});
