import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readPlanFile } from '../../src/files/plan-file.ts';
import { importSchedule } from '../../src/importer/import-schedule.ts';
import type { PlanInput } from '../../src/plan/schema.ts';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const imported = importSchedule(read('tests/fixtures/importer/course-page.txt'), {
  referenceYear: 2026,
  timezone: 'America/New_York',
});

describe('the course page', () => {
  it('imports exactly as the golden file says (update it on purpose, never by accident)', () => {
    expect(`${JSON.stringify(imported.plan, null, 2)}\n`).toBe(
      read('tests/fixtures/golden/course-page.import.json'),
    );
  });

  it('is placed in 2025 by Thanksgiving and the Tue/Thu pattern', () => {
    expect(imported.year).toBe(2025);
    expect(imported.yearReason).toBe('Thanksgiving on Nov 27; classes on Tue and Thu');
  });

  it('flags the rows whose topic/readings split is a guess', () => {
    expect(imported.review).toEqual([
      {
        line: 15,
        date: '2025-09-18',
        message: 'Class 6 (Sep 18): no readings found: kept "Backprop module formulas" as the topic',
      },
      {
        line: 17,
        date: '2025-09-25',
        message:
          'Class 8 (Sep 25): the readings were taken to start at "low memory", which repeats words of the topic',
      },
    ]);
  });
});

describe('the committed schedule.json', () => {
  const result = readPlanFile(new URL('schedule.json', root).pathname);

  it('is a valid plan with no warnings', () => {
    expect(result.ok ? result.warnings : result.errors).toEqual([]);
  });

  it('holds the whole course: 27 classes, 2 days off, 2 releases, 4 deadlines, every presentation', () => {
    if (!result.ok) throw new Error('invalid plan');
    const { plan } = result;
    expect(plan.course).toEqual({
      code: 'CS 599 E1',
      title: 'Algorithms for Machine Learning',
      timezone: 'America/New_York',
      term: 'Fall 2025',
    });
    expect(plan.sessions.filter((s) => s.number !== null).map((s) => s.number)).toEqual(
      Array.from({ length: 27 }, (_, i) => i + 1),
    );
    expect(plan.sessions.filter((s) => s.noClass).map((s) => [s.date, s.noClass])).toEqual([
      ['2025-10-14', 'Monday schedule'],
      ['2025-11-27', 'Thanksgiving'],
    ]);
    expect(plan.events.map((e) => [e.id, e.kind, e.date, e.session])).toEqual([
      ['hw1-released', 'homework-release', '2025-09-16', 5],
      ['hw2-released', 'homework-release', '2025-10-02', 10],
      ['paper-title-due', 'deadline', '2025-10-09', 12],
      ['project-proposal-due', 'deadline', '2025-10-30', 17],
      ['project-progress-report-due', 'deadline', '2025-11-13', 21],
      ['project-final-report-due', 'deadline', '2025-12-09', 27],
    ]);
    const presenters = plan.sessions.flatMap((s) => s.presentations.flatMap((p) => p.presenters));
    expect(presenters).toEqual([
      'CG',
      'OO',
      'YK',
      'DL',
      'LG',
      'JH',
      'YT',
      'SB',
      'WL',
      'MS',
      'VK',
      'EC',
      'XF',
      'ZC',
    ]);
    expect(plan.sessions.find((s) => s.number === 25)!.presentations[1]).toEqual({
      presenters: ['MS'],
      title: 'Gluon: Making Muon & Scion Great Again!',
    });
  });

  it('differs from the raw import only in sessions the review flagged', () => {
    const committed = JSON.parse(read('schedule.json')) as PlanInput;
    const flagged = new Set(imported.review.map((r) => r.date));
    const keep = <T extends { date: string }>(items: T[]) => items.filter((item) => !flagged.has(item.date));
    expect(committed.course).toEqual(imported.plan.course);
    expect(committed.sessions.map((s) => s.date)).toEqual(imported.plan.sessions.map((s) => s.date));
    expect(keep(committed.sessions)).toEqual(keep(imported.plan.sessions));
    expect(keep(committed.events ?? [])).toEqual(keep(imported.plan.events ?? []));
  });
});
