// A page that says its work is listed on the day it goes out: each deadline written on an earlier row is
// also a release on that row, with one review line quoting the page; without that sentence, none is.
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const rows = [
  'Date Topics Homework',
  'Jun 1 (M) Parsing',
  'Mini HW1 due 6/3 @ 9pm',
  'Jun 3 (W) Typing Full HW1 due 6/8',
  'Jun 8 (M) Review HW2 due 6/8',
].join('\n');
const run = (text: string) => importSchedule(text, { referenceYear: 2026, timezone: 'UTC', year: 2026 });
const brief = (result: ReturnType<typeof run>) =>
  (result.plan.events ?? []).map((e) => [e.kind, e.date, e.title]);

describe('work listed on the day it goes out', () => {
  const page = `CS 4410 Compilers\n\nEach assignment is listed below on the day it is released.\n\n${rows}`;
  const result = run(page);

  it('adds a release on the row of each deadline dated later', () => {
    expect(brief(result)).toEqual([
      ['deadline', '2026-06-03', 'Mini HW1 due'],
      ['homework-release', '2026-06-01', 'Mini HW1 released'],
      ['deadline', '2026-06-08', 'Full HW1 due'],
      ['homework-release', '2026-06-03', 'Full HW1 released'],
      ['deadline', '2026-06-08', 'HW2 due'],
    ]);
    expect(result.review).toContainEqual({
      line: 3,
      message:
        '2 release(s) added on the day each deadline is listed, as the page says ("assignment is listed below on the day it is released"): check them',
    });
  });

  it('adds none when the page does not say so', () => {
    expect(brief(run(`CS 4410 Compilers\n\n${rows}`)).map((e) => e[0])).toEqual([
      'deadline',
      'deadline',
      'deadline',
    ]);
  });
});
