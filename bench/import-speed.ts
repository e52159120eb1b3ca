/**
 * How long the importer takes on a generated 200-row page and on inputs built to make a careless parser
 * slow (long lines, runs of dashes, many dated lines, unclosed HTML). Run with `npx tsx bench/import-speed.ts`
 * or `node bench/import-speed.ts`; pass names to run only some cases ("rows-200 dashes").
 */
import { performance } from 'node:perf_hooks';
import { importSchedule } from '../src/importer/import-schedule.ts';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function rowsPage(count: number): string {
  const lines = ['CS 101: Example Course, Fall 2025', '', 'Date Topic Readings'];
  for (let i = 0; i < count; i += 1) {
    const month = MONTHS[8 + Math.floor(i / 60)] ?? 'Dec';
    const day = (i % 28) + 1;
    lines.push(`${month} ${day} Lecture ${i + 1}: topic number ${i + 1} Chapter ${i % 9}, Paper ${i}`);
  }
  return lines.join('\n');
}

const CASES: Record<string, () => string> = {
  'rows-200': () => rowsPage(200),
  'long-line-100kB': () => `Sep 2 ${'word, (another) due '.repeat(5000)}`,
  'dashes-1MB': () => '- -- --- - '.repeat(100_000),
  'one-deadline-name-8000x': () => `Sep 2 ${'Section 1: 2, 3 due Sep 9. '.repeat(8000)}`,
  'dated-lines-200k': () =>
    Array.from({ length: 200_000 }, (_, i) => `${(i % 12) + 1}/${(i % 28) + 1} x`).join('\n'),
  'unclosed-html-640kB': () =>
    `<html><body><table><tr><th>Date<th>Topic${'<tr><td>Sep 2<td><b><i>'.repeat(26_000)}`,
};

const wanted = process.argv.slice(2);
for (const [name, make] of Object.entries(CASES)) {
  if (wanted.length && !wanted.includes(name)) continue;
  const text = make();
  const started = performance.now();
  let outcome: string;
  try {
    const result = importSchedule(text, { referenceYear: 2025, year: 2025, timezone: 'UTC' });
    outcome = `${result.plan.sessions.length} sessions`;
  } catch (error) {
    outcome = `refused: ${(error as Error).message.split('\n')[0]!.slice(0, 80)}`;
  }
  const ms = performance.now() - started;
  console.log(
    `${name.padEnd(22)} ${(text.length / 1024).toFixed(0).padStart(6)} kB ${ms.toFixed(1).padStart(9)} ms  ${outcome}`,
  );
}
