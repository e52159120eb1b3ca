// A demo on a set clock (COURSEBOT_NOW, as the README's demo) keeps its own database: run at a later time,
// it leaves the real database without a watermark, so the real bot started afterwards still posts what is
// due.
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnStart, until } from './cli-kit.ts';

// One deadline, reminded at 09:00 on the day before and on the day.
const plan = {
  course: { code: 'CS 1', title: 'Crash course', timezone: 'America/New_York', term: 'Fall 2025' },
  sessions: [],
  events: [{ id: 'hw1', kind: 'deadline', date: '2025-11-12', time: '23:59', title: 'HW1 due' }],
  reminders: { deadlines: { daysBefore: [0, 1] }, weeklyDigest: { enabled: false } },
};

let dir: string;
const running: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-demo-'));
  writeFileSync(join(dir, 'schedule.json'), JSON.stringify(plan));
});
afterEach(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const start = (args: string[], env: Record<string, string>) =>
  spawnStart(dir, args, { COURSEBOT_CHANNEL: '#crash', ...env }, running);

describe('a demo on a set clock', () => {
  it('never eats the real posts', { timeout: 90_000 }, async () => {
    // The demo, at the time of the last post: its ledger is a database of its own, and it says so.
    const demo = start([], { COURSEBOT_NOW: '2025-11-12T09:00:05-05:00' });
    await until(
      'the demo summary',
      () => demo.out().includes('Next post') || demo.out().includes('No more posts'),
    );
    expect(demo.out()).toContain('Database: ./data/coursebot-demo.db (the clock is set, so a demo database');
    expect(demo.out()).toMatch(/Clock: set to .* by COURSEBOT_NOW, running on/);
    demo.child.kill('SIGTERM');
    await demo.exited;
    expect(existsSync(join(dir, 'data', 'coursebot-demo.db'))).toBe(true);
    expect(existsSync(join(dir, 'data', 'coursebot.db'))).toBe(false);

    // The real bot on the default database, earlier: the day-before post is still posted when due.
    const real = start(['--db', './data/coursebot.db', '--now', '2025-11-11T08:59:58-05:00'], {});
    await until('the day-before post', () => real.out().includes('── #crash · Tue Nov 11 9:00 AM ──'));
    expect(real.out()).toContain('Database: ./data/coursebot.db\n');
    // The clock is said to be set by what set it: the flag, not the variable nobody wrote.
    expect(real.out()).toMatch(/Clock: set to .* by --now, running on/);
    real.child.kill('SIGTERM');
    expect(await real.exited).toBe(0);
  });

  it('starts its own database afresh when run again at an earlier time', { timeout: 90_000 }, async () => {
    // A first demo after the day-before post's time leaves its database's progress there.
    const first = start([], { COURSEBOT_NOW: '2025-11-11T09:00:05-05:00' });
    await until(
      'the first demo summary',
      () => first.out().includes('Next post') || first.out().includes('No more posts'),
    );
    first.child.kill('SIGTERM');
    await first.exited;

    // The same demo again, seconds before the post: not refused, and the post is shown again.
    const again = start([], { COURSEBOT_NOW: '2025-11-11T08:59:58-05:00' });
    await until('the day-before post', () => again.out().includes('── #crash · Tue Nov 11 9:00 AM ──'));
    expect(again.out()).toContain("after this demo's clock: started it afresh");
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
  });
});
