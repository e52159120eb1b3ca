// Plans a new user may hand in that must not confuse coursebot: a byte-order mark, a runaway nesting, a
// date centuries off. Each is accepted or refused in one line, and nothing a plan says makes derivation run
// away.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import { formatProblem } from '../../src/plan/problems.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { coursebot } from '../cli/cli-kit.ts';

const course = { code: 'CS 1', title: 'Intro', timezone: 'America/New_York', term: 'Fall 2025' };
const sessions = ['2025-09-02', '2025-09-04', '2025-09-09', '2025-09-11'].map((date, i) => ({
  date,
  number: i + 1,
  topic: `Topic ${i + 1}`,
}));
const plan = { course, sessions, events: [] as Record<string, unknown>[] };

const errorsOf = (text: string): string[] => {
  const result = parsePlanText(text);
  return result.ok ? [] : result.errors.map((p) => formatProblem(p, 'schedule.json'));
};

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe('bad plans', () => {
  it('accepts a plan saved with a UTF-8 byte-order mark', () => {
    const result = parsePlanText(`\uFEFF${JSON.stringify(plan, null, 2)}`);
    expect(result.ok).toBe(true);
  });

  it('refuses a nesting 5,000 levels deep in one line, not with a stack overflow', () => {
    const deep = `${'['.repeat(5000)}"x"${']'.repeat(5000)}`;
    const text = JSON.stringify(plan, null, 2).replace(
      '"topic": "Topic 2"',
      `"topic": "Topic 2", "notes": ${deep}`,
    );
    const errors = errorsOf(text);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^schedule\.json:\d+: nested more than 64 levels deep/);
    // Brackets inside strings are text, not nesting.
    expect(parsePlanText(JSON.stringify({ ...plan, course: { ...course, title: '['.repeat(500) } })).ok).toBe(
      true,
    );
  });

  it('makes a date far outside the course an error, naming it', () => {
    const old = { id: 'old', kind: 'deadline', date: '0001-09-11', title: 'HW 1 due' };
    expect(errorsOf(JSON.stringify({ ...plan, events: [old] }, null, 2))).toEqual([
      `schedule.json:34: events[0].date: 0001-09-11 is far outside the course's dates (around 2025-09-09): check the year`,
    ]);
    const session = { date: '2205-09-16', number: 5, topic: 'Topic 5' };
    expect(errorsOf(JSON.stringify({ ...plan, sessions: [...sessions, session] }))).toEqual([
      `schedule.json:1: sessions[4].date: 2205-09-16 is far outside the course's dates (around 2025-09-09): check the year`,
    ]);
  });

  it('derives posts in time proportional to the plan, however far apart its dates', () => {
    const parsed = parsePlanText(JSON.stringify(plan));
    if (!parsed.ok) throw new Error('invalid');
    // Held in memory (as a plan replayed from the database is), not validated again.
    const far = {
      ...parsed.plan,
      events: [{ id: 'old', kind: 'deadline' as const, date: '0001-09-11', title: 'Old' }],
    };
    const zone = course.timezone;
    const started = performance.now();
    const posts = derivePosts(
      far,
      { from: DateTime.fromISO('0001-01-01', { zone }), to: DateTime.fromISO('2026-01-01', { zone }) },
      { defaultChannel: '#cs1' },
    );
    expect(performance.now() - started).toBeLessThan(2000);
    expect(posts.some((p) => p.at.startsWith('2025-09-02'))).toBe(true);
  });

  it('coursebot preview refuses such a plan at once', { timeout: 60_000 }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'coursebot-far-'));
    dirs.push(dir);
    const old = { id: 'old', kind: 'deadline', date: '0001-09-11', title: 'HW 1 due' };
    writeFileSync(join(dir, 'schedule.json'), JSON.stringify({ ...plan, events: [old] }));
    const started = performance.now();
    const { stderr, code } = await coursebot(dir, ['preview']);
    expect(code).toBe(1);
    expect(stderr).toContain('events[0].date: 0001-09-11 is far outside');
    expect(performance.now() - started).toBeLessThan(30_000);
  });
});
