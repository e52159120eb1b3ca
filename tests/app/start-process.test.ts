// The real `coursebot start` process, killed with SIGKILL in the middle of a catch-up run of posts and
// restarted: every reminder is printed exactly once across the runs, as the ledger records it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../../bin/coursebot.js', import.meta.url));

// Four deadlines with reminders 0–5 days before, at 09:00: one post a day, Nov 4 to Nov 12.
const plan = {
  course: { code: 'CS 1', title: 'Crash course', timezone: 'America/New_York', term: 'Fall 2025' },
  sessions: [],
  events: [9, 10, 11, 12].map((d) => ({
    id: `task-${d}`,
    kind: 'deadline',
    date: `2025-11-${String(d).padStart(2, '0')}`,
    time: '23:59',
    title: `Task due Nov ${d}`,
  })),
  reminders: {
    deadlines: { daysBefore: [0, 1, 2, 3, 4, 5] },
    weeklyDigest: { enabled: false },
    catchUp: { sameDayOnly: false },
  },
};

interface Run {
  child: ChildProcess;
  /** stdout and stderr together, as a terminal shows them. */
  out: () => string;
  /** The log alone. */
  log: () => string;
  exited: Promise<number | null>;
}

let dir: string;
const running: ChildProcess[] = [];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-start-'));
  writeFileSync(join(dir, 'schedule.json'), JSON.stringify(plan));
});
afterEach(() => {
  for (const child of running) if (child.exitCode === null) child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

function start(now: string): Run {
  const env = { PATH: process.env.PATH, COURSEBOT_NOW: now, COURSEBOT_DB: join(dir, 'data', 'bot.db') };
  const child = spawn(process.execPath, [BIN, 'start', '--schedule', 'schedule.json'], {
    cwd: dir,
    // A machine in UTC: the log still shows the course's times.
    env: { ...env, COURSEBOT_CHANNEL: '#crash', LOG_LEVEL: 'info', TZ: 'UTC' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let out = '';
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    log += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, out: () => out, log: () => log, exited };
}

async function until(what: string, test: () => boolean, ms = 8000): Promise<void> {
  for (const end = performance.now() + ms; !test();) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const headers = (text: string): string[] => text.match(/^── .* ──$/gm) ?? [];

describe('coursebot start, killed and restarted', () => {
  it('prints every reminder exactly once across the runs', { timeout: 15_000 }, async () => {
    // First start: no backlog, the watermark is set at Oct 31 noon.
    const first = start('2025-10-31T12:00:00-04:00');
    await until('the first summary', () => first.out().includes('Next post: Tue Nov 4 9:00 AM to #crash'));
    first.child.kill('SIGKILL');
    await first.exited;

    // Down until Nov 8 evening: five posts (Nov 4–8) fell due, all still useful, sent late one a second.
    const second = start('2025-11-08T20:00:00-05:00');
    // Killed once the second post is recorded, i.e. in the second's pause before the third. (Killed between
    // printing and recording, console mode prints that post again: the terminal cannot be asked whether
    // it was shown. That documented window is not what this test is about.)
    await until('two late posts recorded', () =>
      /posted \d+ reminder\(s\) due 2025-11-05T09:00:00-05:00/.test(second.log()),
    );
    expect(second.out()).toContain(
      '5 missed posts (due Tue Nov 4 9:00 AM, Wed Nov 5 9:00 AM, Thu Nov 6 9:00 AM …) will be sent late now.',
    );
    expect(second.log()).toMatch(
      /^2025-11-08T20:00:0\d-05:00 info posted 1 reminder\(s\) due 2025-11-04T09:00:00-05:00 to #crash/m,
    );
    second.child.kill('SIGKILL');
    await second.exited;

    const third = start('2025-11-08T20:00:05-05:00');
    await until('the last late post', () => third.out().includes('── #crash · Sat Nov 8 9:00 AM ──'));
    third.child.kill('SIGTERM');
    expect(await third.exited).toBe(0);

    const printed = [...headers(second.out()), ...headers(third.out())];
    expect(headers(first.out())).toEqual([]);
    expect(headers(second.out()).length).toBeLessThan(5); // the kill did land mid-run
    expect(printed).toEqual([4, 5, 6, 7, 8].map((d) => `── #crash · ${day(d)} Nov ${d} 9:00 AM ──`));
    expect(third.out()).toContain('Posted late: this reminder was due at');

    const db = new Database(join(dir, 'data', 'bot.db'), { readonly: true });
    const rows = db.prepare('SELECT key, state, due_at FROM ledger ORDER BY due_at, key').all() as {
      key: string;
      state: string;
      due_at: string;
    }[];
    db.close();
    // 1 + 2 + 3 + 4 + 4 reminders due Nov 4–8; every one posted, none left 'sending'.
    expect(rows).toHaveLength(14);
    expect(new Set(rows.map((r) => r.state))).toEqual(new Set(['posted']));
    const printedKeys = (second.out() + third.out()).match(/Task due Nov \d+/g)!.length;
    expect(printedKeys).toBe(14);
  });
});

const day = (d: number): string => ['Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d - 4]!;
