// A .env file as the README's setup shows it: `cp .env.example .env`, then the class channel. The form with
// an unquoted # (read as a comment) is named in one line; the forms .env.example documents work.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { coursebot } from './cli-kit.ts';

const EXAMPLE = readFileSync(fileURLToPath(new URL('../../.env.example', import.meta.url)), 'utf8');

// A plan that names no channel of its own, as every imported plan is.
const plan = {
  course: { code: 'CS 1', title: 'Crash course', timezone: 'America/New_York', term: 'Fall 2025' },
  sessions: [],
  events: [{ id: 'hw1', kind: 'deadline', date: '2025-11-12', time: '23:59', title: 'HW1 due' }],
};

// Each test its own directory: they run concurrently.
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

function courseDir(env: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'coursebot-dotenv-'));
  dirs.push(dir);
  writeFileSync(join(dir, 'schedule.json'), JSON.stringify(plan));
  writeFileSync(join(dir, '.env'), env);
  return dir;
}

/** .env.example with the channel line set as a user would. */
const envWithChannel = (line: string) => EXAMPLE.replace(/^COURSEBOT_CHANNEL=$/m, line);

describe.concurrent('the .env file', { timeout: 60_000 }, () => {
  it('names a channel an unquoted # turned into a comment, and how to write it', async () => {
    expect(envWithChannel('X')).not.toBe(EXAMPLE);
    const dir = courseDir(envWithChannel('COURSEBOT_CHANNEL=#cs599'));
    const { stderr, code } = await coursebot(dir, ['preview']);
    expect(code).toBe(1);
    expect(stderr.trim()).toBe(
      'COURSEBOT_CHANNEL in .env is empty: an unquoted # starts a comment; write COURSEBOT_CHANNEL="#cs599"',
    );
  });

  it.each(['COURSEBOT_CHANNEL="#cs599"', 'COURSEBOT_CHANNEL=cs599'])(
    'reads %s as the channel #cs599',
    async (line) => {
      const { stderr, code } = await coursebot(courseDir(envWithChannel(line)), ['preview']);
      expect(code).toBe(0);
      expect(stderr).toContain('default channel #cs599 (from COURSEBOT_CHANNEL)');
    },
  );
});
