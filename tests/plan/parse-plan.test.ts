// Loading a plan: every problem is one clear line with its JSON path, what was expected and found, and the line.
import { describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import { formatProblem } from '../../src/plan/problems.ts';

const course = { code: 'CS 1', title: 'Intro', timezone: 'America/New_York', term: 'Fall 2025' };
const session = (date: string, number: number | null, extra: Record<string, unknown> = {}) => ({
  date,
  number,
  topic: `Topic ${number}`,
  ...extra,
});

function problems(value: unknown): string[] {
  const text = typeof value === 'string' ? value : JSON.stringify(value, null, 2);
  const result = parsePlanText(text);
  const all = result.ok ? result.warnings : [...result.errors, ...result.warnings];
  return all.map((p) => formatProblem(p, 'schedule.json'));
}

describe('parsePlanText', () => {
  it('accepts a minimal plan and fills in the reminder defaults', () => {
    const result = parsePlanText(JSON.stringify({ course, sessions: [session('2025-09-02', 1)] }));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.plan.sessions[0]!.readings).toEqual([]);
    expect(result.plan.reminders.deadlines.daysBefore).toEqual([7, 2, 1, 0]);
    expect(result.plan.reminders.classDay.time).toBe('08:00');
  });

  it('reports text that is not JSON with its line', () => {
    expect(problems('{\n  "course": {,\n}')).toEqual(['schedule.json:2: not valid JSON: expected a value']);
    expect(problems('{\n  "course": {}\n  "sessions": []\n}')).toEqual([
      'schedule.json:3: not valid JSON: expected ","',
    ]);
    expect(problems('')).toEqual(['schedule.json:1: not valid JSON: expected a value']);
  });

  it('names a trailing comma and the line it is on', () => {
    expect(problems('{\n  "sessions": [],\n  "events": [],\n}\n')).toEqual([
      'schedule.json:3: not valid JSON: a comma before "}" ends this line: remove it',
    ]);
    expect(problems('{\n  "sessions": [\n    1,\n  ]\n}')).toEqual([
      'schedule.json:3: not valid JSON: a comma before "]" ends this line: remove it',
    ]);
  });

  it('reports an impossible date, an unknown timezone and an unknown kind, each on its line', () => {
    const lines = problems({
      course: { ...course, timezone: 'Eastern' },
      sessions: [session('2025-02-30', 1)],
      events: [{ id: 'hw1', kind: 'homework', date: '2025-09-02', title: 'HW1' }],
    });
    expect(lines).toEqual([
      'schedule.json:5: course.timezone: expected an IANA timezone name such as America/New_York (found "Eastern")',
      'schedule.json:10: sessions[0].date: expected a real calendar date written YYYY-MM-DD (found "2025-02-30")',
      'schedule.json:18: events[0].kind: expected one of "homework-release"|"deadline"|"exam"|"other" (found "homework")',
    ]);
  });

  it('reports a missing field and an unknown one', () => {
    const lines = problems({ course: { ...course, title: undefined, colour: 'red' }, sessions: [] });
    expect(lines).toContain('schedule.json:2: course.title: expected string (missing)');
    expect(lines).toContain('schedule.json:2: course: unknown field "colour"');
  });

  it('rejects duplicate event ids', () => {
    const lines = problems({
      course,
      sessions: [session('2025-09-02', 1)],
      events: [
        { id: 'hw1', kind: 'deadline', date: '2025-09-02', title: 'HW1 due' },
        { id: 'hw1', kind: 'deadline', date: '2025-09-04', title: 'HW1 due again' },
      ],
    });
    expect(lines).toEqual(['schedule.json:23: events[1].id: duplicate id "hw1" (also events[0].id)']);
  });

  it('warns (without failing) about suspicious but legal plans', () => {
    const sessions = [
      session('2025-09-02', 1),
      session('2025-09-04', 2),
      session('2025-09-09', 3),
      session('2025-09-11', 4),
      session('2025-09-16', 5),
      session('2025-09-18', 5),
      session('2025-09-27', 7), // a Saturday
      session('2025-09-25', 8),
    ];
    const text = JSON.stringify({
      course,
      sessions,
      events: [{ id: 'late', kind: 'deadline', date: '2026-03-01', title: 'Late thing' }],
    });
    const result = parsePlanText(text);
    expect(result.ok).toBe(true);
    const messages = result.warnings.map((w) => `${w.path}: ${w.message}`);
    expect(messages).toEqual([
      'sessions[5].number: class number 5 repeats sessions[4]',
      'sessions[6].date: class 7 is on Sat Sep 27, a weekday the course does not usually meet',
      'sessions[7].date: out of order: 2025-09-25 comes after 2025-09-27',
      'events[0].date: "Late thing" on 2026-03-01 is outside the term (2025-09-02 to 2025-09-27)',
    ]);
  });

  it('counts days without class toward the meeting pattern', () => {
    // A Tue/Thu course whose Thursdays were mostly lost to snow and a break: a held Thursday is not odd.
    const off = (date: string, reason: string) => ({ date, number: null, topic: '', noClass: reason });
    const result = parsePlanText(
      JSON.stringify({
        course,
        sessions: [
          session('2026-01-20', 1),
          off('2026-01-22', 'snow day'),
          session('2026-01-27', 2),
          off('2026-01-29', 'snow day'),
          session('2026-02-03', 3),
          session('2026-02-05', 4),
          session('2026-02-10', 5),
          off('2026-02-12', 'break'),
          session('2026-02-17', 6),
          session('2026-02-21', 7), // a Saturday
        ],
      }),
    );
    expect(result.warnings.map((w) => w.message)).toEqual([
      'class 7 is on Sat Feb 21, a weekday the course does not usually meet',
    ]);
  });
});
