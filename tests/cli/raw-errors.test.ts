// Mistakes at the command line answered in one line naming what the user typed: an output folder that does
// not exist, a bad --now, a preview range given by one end, an out-of-range PORT.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { coursebot } from './cli-kit.ts';

const plan = {
  course: { code: 'CS 1', title: 'Crash course', timezone: 'America/New_York', term: 'Fall 2025' },
  sessions: [{ date: '2025-11-11', number: 1, topic: 'Intro' }],
  events: [],
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-errors-'));
  writeFileSync(join(dir, 'schedule.json'), JSON.stringify(plan));
  writeFileSync(join(dir, 'page.txt'), 'CS 1 Crash course\nTue 11/11/2025 Intro\n');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('one line for a mistake on the command line', { timeout: 60_000 }, () => {
  it.each([
    ['schema', '-o', 'missing/schedule.schema.json'],
    ['import', 'page.txt', '-o', 'missing/schedule.json'],
    ['calendar', '-o', 'missing/cs1.ics'],
    ['export', '-o', 'missing/schedule.json'],
  ])('%s -o into a missing folder names the folder', async (...args) => {
    const { stderr, code } = await coursebot(dir, args);
    expect(code).toBe(1);
    expect(stderr.trim().split('\n').at(-1)).toBe(
      `Cannot write ${args.at(-1)}: the folder ${join(dir, 'missing')} does not exist: create it first (mkdir -p ${join(dir, 'missing')}) or write elsewhere`,
    );
  });

  it('start --now garbage names --now, not COURSEBOT_NOW', async () => {
    const { stderr, code } = await coursebot(dir, ['start', '--now', 'garbage']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      '--now "garbage" is not an ISO-8601 time: write it like 2025-10-13T18:00-04:00 (or 2025-10-13T18:00 in the course\'s timezone)',
    );
  });

  it('preview --from after the plan blames --from, not a --to nobody typed', async () => {
    const { stderr, code } = await coursebot(dir, ['preview', '--from', '2030-01-01']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      "--from 2030-01-01 is after the plan's posts end (2025-11-12): give an earlier --from, or a --to after it.",
    );
    const to = await coursebot(dir, ['preview', '--to', '2020-01-01']);
    expect(to.stderr.trim()).toBe(
      "--to 2020-01-01 is before the plan's posts begin (2025-11-04): give a later --to, or a --from before it.",
    );
  });

  it('start with PORT=70000 refuses the port before listening', async () => {
    const { stderr, code } = await coursebot(dir, ['start'], {
      SLACK_MODE: 'http',
      SLACK_BOT_TOKEN: 'xoxb-1',
      SLACK_SIGNING_SECRET: 's',
      PORT: '70000',
    });
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'Configuration error: PORT must be a port number up to 65535, such as 3000 (see .env.example)',
    );
  });
});
