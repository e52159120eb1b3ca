// Work listed by its code, with no "due" or "out" beside it: a bare code is work due that day, a code
// with a title after a colon is work given out that day; book and course-structure codes are not work.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/importer/${name}`, import.meta.url), 'utf8');
const run = (text: string, year?: number) =>
  importSchedule(text, { referenceYear: 2026, timezone: 'UTC', ...(year ? { year } : {}) });
const brief = (result: ReturnType<typeof run>) =>
  (result.plan.events ?? []).map((e) => [e.kind, e.date, e.title]);

describe('bare work codes in a fixed-width reading/work column', () => {
  const result = run(fixture('work-codes.txt'));

  it('imports each code as work due on its row, and nothing for sections or "Q"', () => {
    expect(brief(result)).toEqual([
      ['deadline', '2026-01-15', 'DS1 due'],
      ['deadline', '2026-01-22', 'PR1 due'],
      ['deadline', '2026-01-22', 'DS2 due'],
      ['deadline', '2026-01-29', 'PR2 (site survey) due'],
    ]);
    expect(result.plan.sessions.map((s) => s.topic)).toEqual([
      '1.1-1.4',
      '1.5-1.9',
      '2.1-2.3,Q',
      '2.4-2.6',
      '3.1-3.3',
      'wrap-up',
    ]);
  });

  it('lists each such guess for review', () => {
    const lines = result.review.filter((r) => /stands alone/.test(r.message));
    expect(lines.map((r) => [r.line, r.message])).toEqual([
      [7, 'Class 2 (Jan 15): "DS1" stands alone, with no "due" or "out": imported as due that day; check it'],
      [9, 'Class 4 (Jan 22): "PR1" stands alone, with no "due" or "out": imported as due that day; check it'],
      [9, 'Class 4 (Jan 22): "DS2" stands alone, with no "due" or "out": imported as due that day; check it'],
      [
        11,
        'Class 6 (Jan 29): "PR2(site survey)" stands alone, with no "due" or "out": imported as due that day; check it',
      ],
    ]);
  });
});

describe('a work code with a title', () => {
  const result = run(fixture('titled-work.txt'), 2026);

  it('is a release on its row, also on a line of its own after the row', () => {
    expect(brief(result)).toEqual([
      ['homework-release', '2026-02-02', 'P0: Hello Terminal released'],
      ['homework-release', '2026-02-04', 'P1: Word counter released'],
      ['deadline', '2026-02-09', 'P1 due'],
      ['homework-release', '2026-02-09', 'P2: Tiny shell released'],
    ]);
    expect(result.plan.sessions[0]!.readings).toEqual([{ title: 'Notes chap. 1' }]);
    expect(result.review.map((r) => r.message)).toContain(
      'Class 2 (Feb 4): "P1: Word counter" names work with a title and no verb: imported as released that day; check it',
    );
  });

  it('leaves a date after the title to the page', () => {
    const text = 'Date Topic Readings\nMon Feb 2 intro Notes 1 P1: Word counter\nWed Feb 4 more Notes 2\n';
    const titles = brief(run(text, 2026)).map((e) => e[2]);
    expect(titles).toEqual(['P1: Word counter released']);
  });

  it('is not taken from a chapter, a section or a lecture label', () => {
    const text = 'Date Topic Readings\nMon Feb 2 intro Notes Ch3: Basics\nWed Feb 4 more L2: Loops\n';
    expect(brief(run(text, 2026))).toEqual([]);
  });
});

describe('a code in a table cell', () => {
  it('reads "PC 1" alone in an activity column as due that day', () => {
    const csv = 'Date,Module,Activity\n2026-01-13,1,Intro\n2026-01-15,1,PC 1\n2026-01-20,2,Homework 1 due\n';
    expect(brief(run(csv))).toEqual([
      ['deadline', '2026-01-15', 'PC1 due'],
      ['deadline', '2026-01-20', 'Homework 1 due'],
    ]);
  });

  it('reads "HW: LoRA" as a release, and "Lab: Help session" as no work', () => {
    const csv =
      'Date,Topic,Announcements\n2026-01-13,Intro,HW: LoRA\n2026-01-15,Parsing,Worksheet: Grammars\n' +
      '2026-01-20,Lab day,Lab: Help session for HW 1\n';
    expect(brief(run(csv))).toEqual([
      ['homework-release', '2026-01-13', 'HW: LoRA released'],
      ['homework-release', '2026-01-15', 'Worksheet: Grammars released'],
    ]);
  });
});
