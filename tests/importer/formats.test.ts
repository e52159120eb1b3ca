import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/importer/detect-format.ts';
import { importSchedule } from '../../src/importer/import-schedule.ts';
import { parsePlanValue } from '../../src/plan/parse-plan.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/importer/${name}`, import.meta.url), 'utf8');
const run = (name: string, options: Partial<Parameters<typeof importSchedule>[1]> = {}) =>
  importSchedule(fixture(name), { referenceYear: 2025, timezone: 'America/New_York', ...options });

describe('format detection', () => {
  it.each([
    ['course-page.txt', 'text'],
    ['spring.txt', 'text'],
    ['fall.html', 'html'],
    ['fall.md', 'markdown'],
    ['iso.csv', 'csv'],
    ['spring.tsv', 'tsv'],
  ])('%s is %s', (name, format) => {
    expect(detectFormat(fixture(name))).toBe(format);
  });
});

describe('every fixture imports into a valid plan', () => {
  const pages = readdirSync(new URL('../fixtures/importer/', import.meta.url)).filter(
    (name) => name !== 'undecidable.txt',
  );
  it('covers every page', () => {
    expect(pages.length).toBeGreaterThanOrEqual(11);
  });
  it.each(pages)('%s', (name) => {
    const checked = parsePlanValue(run(name).plan);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
  });
});

describe('flattened text of a spring page', () => {
  const result = run('spring.txt');
  const { sessions, events } = result.plan;

  it('decides the year from weekday names and MLK Day', () => {
    expect(result.year).toBe(2026);
    expect(result.yearReason).toMatch(/^MLK Day on Jan 19; Presidents' Day on Feb 16; 13 weekday name/);
    expect(result.plan.course).toEqual({
      code: 'MATH 221',
      title: 'Linear Algebra',
      timezone: 'America/New_York',
      term: 'Spring 2026',
    });
  });
  it('numbers the classes, skips week headings and keeps days off', () => {
    expect(sessions.map((s) => [s.date.slice(5), s.number, s.noClass ?? s.topic])).toEqual([
      ['01-12', 1, 'Vectors and linear combinations'],
      ['01-14', 2, 'Matrices and elimination'],
      ['01-19', null, 'MLK Day'],
      ['01-21', 3, 'LU factorization'],
      ['01-26', 4, 'Vector spaces and subspaces'],
      ['01-28', null, 'Cancelled'],
      ['02-02', 5, 'The four fundamental subspaces, rank and the solution of Ax = b'],
      ['02-04', 6, 'Orthogonality'],
      ['02-16', null, "Presidents' Day"],
      ['02-18', null, 'Midterm exam'],
      ['03-09', null, 'Spring break'],
      ['03-11', null, 'Spring break'],
      ['03-16', 7, 'Determinants'],
    ]);
  });
  it('reads releases, deadlines with times and exams', () => {
    expect(events!.map((e) => [e.id, e.kind, e.date, e.time, e.session])).toEqual([
      ['hw1-released', 'homework-release', '2026-01-14', undefined, 2],
      ['hw1-due', 'deadline', '2026-01-21', '23:59', 3],
      ['quiz-1', 'exam', '2026-02-04', undefined, 6],
      ['midterm-exam', 'exam', '2026-02-18', '18:00', undefined],
      ['project-report-due', 'deadline', '2026-03-16', '17:00', 7],
    ]);
  });
  it('joins a cell broken over two lines, and says so; reports text it skipped', () => {
    expect(sessions[6]!.readings).toEqual([{ title: 'Strang ch3.3' }]);
    expect(result.review).toEqual([
      { line: 16, message: 'joined to the row on line 15: "solution of Ax = b Strang ch3.3"' },
      { line: 24, message: 'not a dated row, skipped: "Last updated by the course staff."' },
    ]);
  });
});

describe('HTML table', () => {
  const result = run('fall.html');
  it('maps columns by header, keeps links as reading urls and reads sections', () => {
    expect(result.year).toBe(2025);
    expect(result.plan.course).toMatchObject({ code: 'CS 101', title: 'Introduction to Programming' });
    expect(result.plan.sessions[0]).toEqual({
      date: '2025-09-02',
      number: 1,
      topic: 'Welcome, Python basics',
      readings: [
        { title: 'Python tutorial', url: 'https://docs.python.org/3/tutorial/' },
        { title: 'Think Python ch1' },
      ],
    });
    expect(result.plan.sessions[1]!.topic).toBe('Variables and types');
    expect(result.plan.sessions[2]!.section).toBe('Part 2: Control flow');
    expect(result.plan.sessions[5]).toMatchObject({
      date: '2025-11-27',
      number: null,
      noClass: 'Thanksgiving',
    });
  });
  it('reads separate assigned and due columns', () => {
    expect(result.plan.events!.map((e) => [e.id, e.date, e.time])).toEqual([
      ['hw1-released', '2025-09-02', undefined],
      ['hw2-released', '2025-09-09', undefined],
      ['hw1-due', '2025-09-09', '23:59'],
      ['hw2-due', '2025-11-25', '17:00'],
      ['final-exam', '2025-12-02', undefined],
      ['project-due', '2025-12-02', undefined],
    ]);
    expect(result.review).toEqual([]);
  });
});

describe('Markdown table', () => {
  const result = run('fall.md');
  it('reads links, notes, a holiday, a section row and a presenters column', () => {
    const { sessions } = result.plan;
    expect(result.year).toBe(2025);
    expect(result.yearReason).toBe("Indigenous Peoples' Day on Oct 13; classes on Mon and Wed");
    expect(sessions[0]!.readings).toEqual([
      { title: 'OSTEP ch2', url: 'https://pages.cs.wisc.edu/~remzi/OSTEP/intro.pdf' },
    ]);
    expect(sessions[1]!.date).toBe('2025-09-08');
    expect(sessions[2]!.notes).toBe('Bring a laptop');
    expect(sessions[3]).toMatchObject({ number: null, noClass: "Indigenous Peoples' Day" });
    expect(sessions[5]).toMatchObject({
      number: 5,
      topic: 'Paper presentations',
      section: 'Paper presentations',
      presentations: [
        { presenters: ['AB', 'CD'], title: 'The UNIX Time-Sharing System' },
        { presenters: ['EF'], title: 'Xen: The Art of Virtualization' },
      ],
    });
    expect(result.plan.events!.map((e) => e.id)).toEqual(['hw1-released', 'project-proposal-due', 'hw1-due']);
  });
});

describe('CSV and TSV', () => {
  it('reads ISO dates (the year is on the page) and a quoted cell over two lines', () => {
    const result = run('iso.csv');
    expect(result.yearReason).toBe('stated on the page');
    expect(result.plan.sessions.map((s) => [s.date, s.number, s.topic])).toEqual([
      ['2025-09-02', 1, 'Intro, logistics'],
      ['2025-09-04', 2, 'Data structures'],
      ['2025-12-16', null, 'Final exam'],
    ]);
    expect(result.plan.events!.map((e) => [e.id, e.time])).toEqual([
      ['hw1-due', '23:59'],
      ['final-exam', '09:00'],
    ]);
    expect(result.review.map((r) => r.message)).toEqual([
      'no course code found on the page: used "COURSE"; pass --code "CS 101"',
      'no course title found on the page: used "Course"; pass --title "…"',
    ]);
  });
  it('reads "Wed. 15 Jan." dates from TSV', () => {
    const result = run('spring.tsv', { code: 'CS 330', title: 'Algorithms' });
    expect(result.year).toBe(2025);
    expect(result.plan.course.term).toBe('Spring 2025');
    expect(result.plan.sessions.map((s) => [s.date, s.number, s.noClass ?? s.topic])).toEqual([
      ['2025-01-15', 1, 'Introduction'],
      ['2025-01-20', null, 'MLK Day'],
      ['2025-01-22', 2, 'Sorting'],
      ['2025-01-27', 3, 'Graphs'],
    ]);
    expect(result.plan.events!.map((e) => e.id)).toEqual(['problem-set-1-released', 'problem-set-1-due']);
    expect(result.review).toEqual([]);
  });
  it('--format overrides detection', () => {
    expect(run('spring.tsv', { format: 'tsv' }).format).toBe('tsv');
  });
});
