import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FIXTURE } from './load-plan.ts';

const BIN = fileURLToPath(new URL('../../bin/coursebot.js', import.meta.url));

function preview(args: string[], env: Record<string, string> = {}) {
  const { COURSEBOT_CHANNEL: _ignored, ...base } = process.env;
  const result = spawnSync(process.execPath, [BIN, 'preview', '--schedule', FIXTURE, ...args], {
    encoding: 'utf8',
    // Away from the repository's own .env, which would otherwise set the channel.
    cwd: fileURLToPath(new URL('./fixtures/', import.meta.url)),
    env: { ...base, ...env },
    timeout: 15_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('coursebot preview', () => {
  it('prints one JSON object per post with local times, channel, kinds, keys and text', () => {
    const { code, stdout, stderr } = preview(['--from', '2025-10-28', '--to', '2025-10-29', '--json']);
    expect(code).toBe(0);
    expect(stderr).toMatch(/default channel #cs599e1 \(from the course code\): 3 post\(s\)/);
    const posts = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(posts).toEqual([
      {
        at: '2025-10-28T08:00:00-04:00',
        channel: '#cs599e1',
        kinds: ['class-day'],
        keys: ['class-day:class-16@2025-10-28'],
        text: expect.stringContaining('Class 16 today, Tue Oct 28: Structured state space models'),
      },
      {
        at: '2025-10-28T09:00:00-04:00',
        channel: '#cs599e1',
        kinds: ['readings', 'deadline'],
        keys: ['readings:class-17@2025-10-30:2d', 'deadline:project-proposal-due@2025-10-30:2d'],
        text: expect.stringContaining('Project proposal due Thu Oct 30 (in 2 days)'),
      },
      {
        at: '2025-10-29T09:00:00-04:00',
        channel: '#cs599e1',
        kinds: ['deadline'],
        keys: ['deadline:project-proposal-due@2025-10-30:1d'],
        text: 'Deadline\n  Project proposal due tomorrow, Thu Oct 30',
      },
    ]);
  });

  it('prints readable posts, taking the channel from --channel before COURSEBOT_CHANNEL', () => {
    const fromEnv = preview(['--from', '2025-11-26', '--to', '2025-11-26'], { COURSEBOT_CHANNEL: '#cs599' });
    expect(fromEnv.stderr).toContain('default channel #cs599 (from COURSEBOT_CHANNEL)');
    expect(fromEnv.stdout).toBe(
      'Wed Nov 26, 09:00 EST  #cs599  no-class\n    No class\n      No class tomorrow, Thu Nov 27: Thanksgiving\n',
    );
    const fromOption = preview(['--from', '2025-11-26', '--to', '2025-11-26', '--channel', 'C0CS599'], {
      COURSEBOT_CHANNEL: '#cs599',
    });
    expect(fromOption.stdout).toContain('09:00 EST  C0CS599  no-class');
    expect(fromOption.stderr).toContain('default channel C0CS599 (from --channel)');
  });

  it('explains a bad date or channel in one line, without a stack trace', () => {
    const date = preview(['--from', '2025-10-32']);
    expect(date.code).toBe(1);
    expect(date.stderr.trim()).toBe(
      '--from "2025-10-32" is not a date: write a course-local day as YYYY-MM-DD, e.g. 2025-10-21.',
    );
    const order = preview(['--from', '2025-11-02', '--to', '2025-11-01']);
    expect(order.code).toBe(1);
    expect(order.stderr).toContain('--to 2025-11-01 is before --from 2025-11-02');
    const channel = preview(['--channel', 'general']);
    expect(channel.code).toBe(1);
    expect(channel.stderr).toContain('--channel "general" is not a channel');
    expect(channel.stderr).not.toMatch(/\n\s+at /);
  });
});
