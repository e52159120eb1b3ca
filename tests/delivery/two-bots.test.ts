// Two real `coursebot start` processes on one database: whichever loses (started at the same moment, or
// later) is refused with one line, and every reminder is printed exactly once.
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnStart, until as waitUntil } from '../cli/cli-kit.ts';

// A deadline on Nov 9 with reminders 1–5 days before, at 09:00: one post a day, Nov 4 to Nov 8.
const plan = {
  course: { code: 'CS 1', title: 'Twin course', timezone: 'America/New_York', term: 'Fall 2025' },
  sessions: [],
  events: [{ id: 'task', kind: 'deadline', date: '2025-11-09', time: '23:59', title: 'Task due Nov 9' }],
  reminders: {
    deadlines: { daysBefore: [1, 2, 3, 4, 5] },
    weeklyDigest: { enabled: false },
    catchUp: { sameDayOnly: false },
  },
};

let dir: string;
const running: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-twins-'));
  writeFileSync(join(dir, 'schedule.json'), JSON.stringify(plan));
});
afterEach(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

const start = (now: string) =>
  spawnStart(
    dir,
    ['--schedule', 'schedule.json'],
    {
      COURSEBOT_NOW: now,
      COURSEBOT_DB: join(dir, 'data', 'bot.db'),
      COURSEBOT_CHANNEL: '#twins',
      LOG_LEVEL: 'info',
    },
    running,
  );
const until = (what: string, test: () => boolean) => waitUntil(what, test, 20_000);

const headers = (text: string): string[] => text.match(/^── .* ──$/gm) ?? [];
const REFUSED =
  /Another coursebot \(pid \d+ on .+\) is already running on the database .+bot\.db: stop it first, or give this one its own COURSEBOT_DB/;

describe('two bots on one database', () => {
  it(
    'refuses the second (started at the same moment, or later) and prints every post once',
    { timeout: 60_000 },
    async () => {
      // Two at once on a new database: one migrates it and starts, the other is refused. The winner
      // leaves the progress at Nov 1 and is killed: five posts fall due while it is down, and the lock it
      // leaves behind (its pid gone) must not block the next start.
      const fresh = [start('2025-11-01T12:00:00-04:00'), start('2025-11-01T12:00:00-04:00')];
      const freshExit = await Promise.race(fresh.map((run, i) => run.exited.then((code) => ({ i, code }))));
      expect(freshExit.code).toBe(1);
      expect(fresh[freshExit.i]!.out()).toMatch(REFUSED);
      const first = fresh[1 - freshExit.i]!;
      await until('the first summary', () => first.out().includes('Next post: Tue Nov 4 9:00 AM to #twins'));
      first.child.kill('SIGKILL');
      await first.exited;

      // Two at once: exactly one wins and catches up; the other is refused with one line.
      const pair = [start('2025-11-08T20:00:00-05:00'), start('2025-11-08T20:00:00-05:00')];
      const firstExit = await Promise.race(pair.map((run, i) => run.exited.then((code) => ({ i, code }))));
      expect(firstExit.code).toBe(1);
      const loser = pair[firstExit.i]!;
      const winner = pair[1 - firstExit.i]!;
      expect(loser.out()).toMatch(REFUSED);
      expect(loser.out().trim().split('\n')).toHaveLength(1);
      expect(headers(loser.out())).toEqual([]);

      // A third, started while the winner is busy sending: refused too.
      await until('a late post', () => headers(winner.out()).length >= 1);
      const late = start('2025-11-08T20:00:02-05:00');
      expect(await late.exited).toBe(1);
      expect(late.out()).toMatch(REFUSED);

      await until('the last late post', () => headers(winner.out()).length >= 5);
      // A moment more: nothing else is printed.
      await new Promise((resolve) => setTimeout(resolve, 500));
      winner.child.kill('SIGTERM');
      expect(await winner.exited).toBe(0);
      expect(headers(winner.out())).toEqual(
        ['Tue Nov 4', 'Wed Nov 5', 'Thu Nov 6', 'Fri Nov 7', 'Sat Nov 8'].map(
          (d) => `── #twins · ${d} 9:00 AM ──`,
        ),
      );

      // Stopped cleanly, the lock is given up: the next start is not refused.
      const after = start('2025-11-08T20:05:00-05:00');
      await until('a summary', () => after.out().includes('coursebot: CS 1'));
      await new Promise((resolve) => setTimeout(resolve, 300)); // signal handlers are set after the summary
      after.child.kill('SIGTERM');
      expect(await after.exited).toBe(0);
      expect(headers(after.out())).toEqual([]);
    },
  );

  it(
    'refuses a demo clock behind what the database has handled, with one line',
    { timeout: 60_000 },
    async () => {
      const demo = start('2025-11-20T12:00:00-05:00');
      await until('the summary', () => demo.out().includes('coursebot: CS 1'));
      demo.child.kill('SIGKILL');
      await demo.exited;
      const behind = start('2025-11-01T12:00:00-04:00');
      expect(await behind.exited).toBe(1);
      expect(behind.out().trim().split('\n')).toEqual([
        expect.stringMatching(
          /COURSEBOT_NOW \(2025-11-01T12:00:00-04:00\) is behind what this database has already handled \(up to 2025-11-20T12:00:0\d-05:00\): give the demo its own COURSEBOT_DB, or a time after that$/,
        ),
      ]);
    },
  );
});
