// `coursebot ask` end to end: the real CLI on a fixture plan, --now and COURSEBOT_NOW, and an invalid --now
// answered with one line instead of a stack trace.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../..', import.meta.url));
const PLAN = 'tests/fixtures/plans/cs599-fall-2025.json';

async function coursebot(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run('node', ['bin/coursebot.js', ...args], {
      cwd: root,
      env: { ...process.env, COURSEBOT_NOW: '', COURSEBOT_SCHEDULE: '', DATABASE_URL: '', ...env },
      timeout: 15_000,
    });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe.concurrent('coursebot ask', () => {
  it('prints the next class as of --now', async () => {
    const { stdout, code } = await coursebot([
      'ask',
      'next',
      '--now',
      '2025-10-13T18:00-04:00',
      '--schedule',
      PLAN,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('No class Tue Oct 14 (Monday schedule). Next: Class 13, Thu Oct 16');
    expect(stdout).toContain('Graph-based nearest neighbor search on CPUs and GPUs');
    expect(stdout).toContain('Readings: HNSW, CAGRA');
  });

  it('reads COURSEBOT_NOW, takes several words, and reads a time without offset in the course zone', async () => {
    const { stdout } = await coursebot(['ask', 'class', '17', '--schedule', PLAN], {
      COURSEBOT_NOW: '2025-10-28T09:00',
    });
    expect(stdout).toContain('Project proposal — due Thu Oct 30 (in 2 days)');
  });

  it('rejects an invalid --now in one line, and exits 1 for a request it cannot answer', async () => {
    const bad = await coursebot(['ask', 'next', '--now', 'yesterday', '--schedule', PLAN]);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      '--now "yesterday" is not an ISO-8601 time: write it like 2025-10-13T18:00-04:00 (or 2025-10-13T18:00 in the course\'s timezone)',
    );
    const unknown = await coursebot(['ask', 'nxt', '--now', '2025-10-13T18:00-04:00', '--schedule', PLAN]);
    expect(unknown.code).toBe(1);
    expect(unknown.stdout).toContain('did you mean `next`?');
    expect(unknown.stdout).toContain('`coursebot ask next`');
  });

  it('prints the help without the Slack-only `share`', async () => {
    const { stdout, code } = await coursebot(['ask', 'help', '--schedule', PLAN]);
    expect(code).toBe(0);
    expect(stdout).toContain('`coursebot ask week` — the next 7 days');
    expect(stdout).not.toContain('share');
  });
});
