// The real bot in HTTP mode against the fake Slack: its database file removed under it. It is not
// re-created (the staff's changes live in it): the bot says so in one line, sends nothing more, and
// /healthz answers 503 with the reason.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../slack/slack-kit.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let fake: FakeSlack | undefined;
let child: ChildProcess | undefined;
let dir: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
  }
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  fake = child = dir = undefined;
});

describe('the database removed under a running bot', () => {
  it(
    'is noticed: one line, /healthz 503 with the reason, and not re-created',
    { timeout: 40_000 },
    async () => {
      fake = await startFakeSlack();
      dir = mkdtempSync(join(tmpdir(), 'coursebot-gone-'));
      const dbPath = join(dir, 'data', 'coursebot.db');
      child = spawn(process.execPath, [join(ROOT, 'bin', 'coursebot.js'), 'start'], {
        cwd: dir,
        env: {
          PATH: process.env.PATH,
          SLACK_MODE: 'http',
          SLACK_BOT_TOKEN: BOT_TOKEN,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: fake.apiUrl,
          PORT: '0',
          COURSEBOT_NOW: '2025-10-13T18:00:00-04:00',
          COURSEBOT_SCHEDULE: join(ROOT, 'tests', 'fixtures', 'plans', 'cs599-fall-2025.json'),
          COURSEBOT_DB: dbPath,
          COURSEBOT_CHANNEL: '#cs599',
        },
        stdio: ['ignore', 'ignore', 'pipe'],
      });
      let stderr = '';
      child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
      const port = await new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no start within 30 s:\n${stderr}`)), 30_000);
        child!.stderr!.on('data', () => {
          const found = /HTTP on port (\d+)/.exec(stderr);
          if (found) {
            clearTimeout(timer);
            resolve(Number(found[1]));
          }
        });
      });
      const health = () => fetch(`http://127.0.0.1:${port}/healthz`);
      expect((await health()).status).toBe(200);

      rmSync(join(dir, 'data'), { recursive: true, force: true });
      const response = await health();
      expect(response.status).toBe(503);
      expect(await response.text()).toMatch(
        /^the database .+coursebot\.db was removed or replaced while coursebot ran: nothing more is sent; restore the file/,
      );
      expect((await health()).status).toBe(503);
      expect(stderr.match(/was removed or replaced/g)).toHaveLength(1);

      const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      // Never re-created: a new empty file would have lost every staff change.
      expect(() => rmSync(dbPath)).toThrow(/ENOENT/);
    },
  );
});
