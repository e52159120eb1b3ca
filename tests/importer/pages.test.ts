import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importSchedule } from '../../src/importer/import-schedule.ts';
import type { PlanInput } from '../../src/plan/schema.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/importer/${name}`, import.meta.url), 'utf8');
const run = (name: string) =>
  importSchedule(fixture(name), { referenceYear: 2025, timezone: 'America/New_York' });
const brief = (plan: PlanInput) =>
  plan.sessions.map((s) => [s.date.slice(5), s.number, s.noClass ?? s.topic, s.notes ?? null]);
const events = (plan: PlanInput) =>
  (plan.events ?? []).map((e) => [e.id, e.date, e.time ?? null, e.session ?? null]);
const messages = (result: ReturnType<typeof run>) =>
  result.review.map((r) => `${r.line ?? '-'}: ${r.message}`);

describe('HTML with rowspans, a week column and an unknown column', () => {
  const result = run('rowspan.html');

  it('lays the spanned cells out: a shared date is one class, a shared room is every class’s', () => {
    expect(result.year).toBe(2025);
    expect(brief(result.plan)).toEqual([
      ['09-02', 1, 'Welcome; arrays', 'Room: Hall B12'],
      ['09-04', 2, 'Linked lists; Lab: pointers and memory', 'Room: Hall B12'],
      ['09-16', 3, 'Stacks and queues', 'Room: Hall B12'],
      ['09-18', 4, 'Hash tables', 'Room: Hall B12; HW3 due next week'],
      ['10-14', null, 'Midterm exam (no lecture that morning)', 'Room: Gym'],
      ['11-25', 5, 'Graphs', 'Room: Hall B12'],
      ['11-27', null, 'Thanksgiving', null],
    ]);
    expect(result.plan.sessions[1]!.readings).toEqual([
      { title: 'Notes ch2' },
      { title: 'Valgrind guide' },
      { title: 'Lab sheet 1' },
    ]);
  });

  it('reads deadlines stated in the assignments column, each on its own date', () => {
    expect(events(result.plan)).toEqual([
      ['hw1-released', '2025-09-02', null, 1],
      ['hw1-due', '2025-09-16', '23:59', 3],
      ['hw2-released', '2025-09-16', null, 3],
      ['hw2-due', '2025-09-30', '17:00', null],
      ['hw3-released', '2025-09-18', null, 4],
      ['midterm-exam', '2025-10-14', '19:00', null],
    ]);
  });

  it('reports the unknown column and the date it cannot read', () => {
    expect(messages(result)).toEqual([
      '9: column "Room" is not one the importer knows: its cells are kept in the class notes',
      '53: Class 4 (Sep 18): cannot read the date "next week" in "HW3 due next week": no deadline imported; ' +
        'the note is kept in the class notes, add the event by hand',
    ]);
  });
});

describe('HTML with <th> week rows, a caption row above the header and a spring break', () => {
  const result = run('week-rows.html');

  it('skips week rows, reads "Tu Jan 20" and spreads the break over the class days', () => {
    expect(result.year).toBe(2026);
    expect(result.plan.course).toMatchObject({ code: 'PHYS 152', term: 'Spring 2026' });
    expect(brief(result.plan)).toEqual([
      ['01-20', 1, "Charge and Coulomb's law", null],
      ['01-22', 2, 'Electric fields', null],
      ['01-27', 3, "Gauss's law", '(15 min)'],
      ['01-29', 4, 'Electric potential', 'bring a calculator'],
      ['03-10', null, 'spring break', null],
      ['03-12', null, 'spring break', null],
      ['03-17', 5, 'Capacitors', null],
      ['03-19', null, 'Midterm exam, 6–8pm', null],
    ]);
  });

  it('places deadlines on the days the notes name', () => {
    expect(events(result.plan)).toEqual([
      ['ps1-released', '2026-01-20', null, 1],
      ['ps1-due', '2026-01-26', '12:00', null],
      ['quiz-1', '2026-01-27', null, 3],
      ['problem-set-2-released', '2026-01-29', null, 4],
      ['problem-set-2-due', '2026-02-05', '23:59', null],
      ['lab-report-due', '2026-03-20', '17:00', null],
      ['midterm-exam', '2026-03-19', '18:00', null],
    ]);
  });

  it('reports the undated break, the range, the weekday it resolved and the impossible date', () => {
    expect(messages(result)).toEqual([
      '11: class meeting time 10:00–11:15 read from "Lectures meet Tuesdays and Thursdays, 10:00–11:15": check it',
      '51: a day off without a date, not imported (add its days as sessions with "noClass"): "Spring break"',
      '54: Mar 10: covers Mar 10–Mar 12: imported as a day off on each day the course meets in it (Tue and Thu): ' +
        '2026-03-10, 2026-03-12',
      '58: Class 5 (Mar 17): "Lab report due" on Friday was placed on the first one after the class: 2026-03-20',
      '70: cannot read a date in "Feb 30": row not imported: "Feb 30 | Typo row"',
    ]);
  });
});

describe('Markdown with Day and Date columns, a Due column and rows broken over two lines', () => {
  const result = run('due-column.md');

  it('joins the broken row, keeps a non-number label and reads the range', () => {
    expect(result.yearReason).toBe(
      'MLK Day on Jan 19; 9 weekday name(s) on the page match; classes on Mon and Wed',
    );
    expect(brief(result.plan)).toEqual([
      ['01-12', 1, 'Counting and sample spaces', null],
      ['01-14', 2, "Conditional probability and Bayes' rule", null],
      ['01-19', null, 'MLK Day', null],
      ['01-21', 3, 'Random variables', null],
      ['01-26', 4, 'Simulation in R (guest lecture)', 'Guest'],
      ['01-28', 4, 'Expectation', null],
      ['02-16', 5, 'Review', 'HW4 (due date TBD)'],
      ['02-18', 6, 'Midterm exam', null],
      ['03-09', null, 'Spring break', null],
      ['03-11', null, 'Spring break', null],
      ['03-16', 7, 'Joint distributions', null],
    ]);
    expect(result.plan.sessions[1]!.readings).toEqual([
      { title: 'Blitzstein ch2.1-2.4' },
      { title: 'ch2.5' },
    ]);
  });

  it('reads "HW1 (11:59pm)" and "HW2 (Fri 1/23, 5pm)" from the Due column; the exam time leaves the topic', () => {
    expect(events(result.plan)).toEqual([
      ['hw1-due', '2026-01-14', '23:59', 2],
      ['hw2-due', '2026-01-23', '17:00', null],
      ['hw3-due', '2026-01-28', null, 4],
      ['project-proposal-due', '2026-01-28', '23:59', 4],
      ['midterm-exam', '2026-02-18', '19:00', 6],
      ['hw5-due', '2026-03-16', '23:59', 7],
    ]);
  });

  it('reports what it joined, the clashing class number and the unknown due date', () => {
    expect(messages(result)).toEqual([
      `10: joined to the row on line 9: "and Bayes' rule | ch2.5"`,
      '13: Class 4 (Jan 26): has no class number on the page: numbered 4, which the page also gives to the ' +
        'class on Jan 28; renumber one of them',
      '15: Class 5 (Feb 16): cannot read the date "TBD" in "HW4 (due date TBD)": no deadline imported; ' +
        'the note is kept in the class notes, add the event by hand',
      '18: Mar 9: covers Mar 9–Mar 13: imported as a day off on each day the course meets in it (Mon and Wed): ' +
        '2026-03-09, 2026-03-11',
    ]);
  });
});

describe('flattened text of a winter term, December into January', () => {
  const result = run('winter.txt');

  it('moves to the next year after December and calls the term a winter term', () => {
    expect(result.year).toBe(2025);
    expect(result.plan.course.term).toBe('Winter 2026');
    expect(brief(result.plan).map(([date, n, topic]) => [date, n, topic])).toEqual([
      ['12-01', 1, 'Lexing and regular expressions'],
      ['12-03', 2, 'Parsing: LL(1)'],
      ['12-08', 3, 'LR parsing'],
      ['12-10', 4, 'Syntax-directed translation'],
      ['12-15', 5, 'Type checking'],
      ['12-17', 6, 'Intermediate code'],
      ['12-22', null, 'winter break'],
      ['12-24', null, 'winter break'],
      ['12-29', null, 'winter break'],
      ['12-31', null, 'winter break'],
      ['01-05', 7, 'Register allocation'],
      ['01-07', 8, 'Code generation'],
      ['01-12', null, 'Final exam'],
    ]);
    expect(result.plan.sessions.at(-1)).toMatchObject({ date: '2026-01-12', notes: 'Final exam 9-11am' });
  });

  it('gives each note its own date, across New Year too', () => {
    expect(events(result.plan)).toEqual([
      ['hw1-released', '2025-12-01', null, 1],
      ['hw1-due', '2025-12-08', null, 3],
      ['hw2-released', '2025-12-08', null, 3],
      ['hw2-due', '2025-12-17', '23:59', 6],
      ['hw3-released', '2025-12-15', null, 5],
      ['hw3-due', '2026-01-05', '17:00', 7],
      ['project-proposal-due', '2025-12-19', null, null],
      ['hw4-due', '2025-12-28', null, null],
      ['hw5-released', '2026-01-05', null, 7],
      ['final-exam', '2026-01-12', '09:00', null],
    ]);
    expect(result.plan.sessions[2]!.readings).toEqual([{ title: 'Dragon ch4.5' }]);
  });

  it('keeps the notes whose dates it cannot read, and says so', () => {
    expect(result.plan.sessions.find((s) => s.date === '2026-01-05')!.notes).toBe('HW5 due Jan 32');
    expect(result.plan.sessions.find((s) => s.date === '2026-01-07')!.notes).toBe(
      'Project report due next Friday',
    );
    expect(messages(result).filter((m) => m.includes('cannot read the date'))).toEqual([
      '13: Class 7 (Jan 5): cannot read the date "Jan 32" in "HW5 due Jan 32": no deadline imported; ' +
        'the note is kept in the class notes, add the event by hand',
      '14: Class 8 (Jan 7): cannot read the date "next Friday" in "Project report due next Friday": no deadline ' +
        'imported; the note is kept in the class notes, add the event by hand',
    ]);
  });
});

describe('CSV with Week, Day and Lecture columns and a column it does not know', () => {
  const result = run('weeks.csv');

  it('reads "9/2" with its weekday, keeps the instructor and joins the row without a date', () => {
    expect(brief(result.plan)).toEqual([
      ['09-02', 1, 'Introduction', 'Instructor: Prof. Ada'],
      ['09-04', 2, 'Asymptotics', 'Instructor: Prof. Ada'],
      ['09-09', 3, 'Divide and conquer', 'Instructor: Dr. Lin'],
      ['09-11', null, 'Prof. Ada travelling', null],
      ['09-16', 4, 'Dynamic programming more dynamic programming examples', 'Instructor: Prof. Ada'],
    ]);
    expect(result.plan.sessions[4]!.readings).toEqual([{ title: 'dp.pdf' }, { title: 'dp2.pdf' }]);
  });

  it('reads notes with their own dates and times, also on a day without class', () => {
    expect(events(result.plan)).toEqual([
      ['hw0-released', '2025-09-02', null, 1],
      ['hw0-due', '2025-09-04', '12:00', 2],
      ['quiz-1', '2025-09-09', '09:30', 3],
      ['hw1-due', '2025-09-11', '23:59', null],
      ['project-teams-due', '2025-09-19', '17:00', null],
    ]);
  });
});
