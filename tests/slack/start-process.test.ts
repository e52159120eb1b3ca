// The real process: `coursebot start` in HTTP mode against the fake Slack answers a signed /schedule next
// with Class 13 (as of Mon Oct 13 2025, 6 pm), serves /healthz, and stops cleanly on SIGTERM.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { signedSlashCommand } from '../fakes/signed-request.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './slack-kit.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let fake: FakeSlack;
let child: ChildProcess;
let dir: string;
let stderr = '';
let port: number;

beforeAll(async () => {
  fake = await startFakeSlack();
  // A scratch working directory: no developer's ./.env is read.
  dir = mkdtempSync(join(tmpdir(), 'coursebot-start-'));
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
      COURSEBOT_DB: join(dir, 'coursebot.db'),
      COURSEBOT_CHANNEL: '#cs599',
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
  port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no start within 15 s:\n${stderr}`)), 15_000);
    const look = () => {
      const found = /HTTP on port (\d+)/.exec(stderr);
      if (found) {
        clearTimeout(timer);
        resolve(Number(found[1]));
      }
    };
    child.stderr!.on('data', look);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before starting:\n${stderr}`)));
  });
}, 20_000);

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
  }
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('coursebot start in HTTP mode', () => {
  it('answers a signed /schedule next with Class 13', async () => {
    const response = await signedSlashCommand({
      url: `http://127.0.0.1:${port}/slack/events`,
      secret: SIGNING_SECRET,
      fake,
      fields: { text: 'next' },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { response_type: string; text: string };
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('Class 13, Thu Oct 16');
    expect(fake.callsTo('auth.test')).toHaveLength(1);
  });

  it('serves /healthz', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(await response.text()).toBe('ok');
  });

  it('stops on SIGTERM with exit code 0, never having logged a token', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stderr).not.toContain(BOT_TOKEN);
    expect(stderr).not.toContain(SIGNING_SECRET);
  });
});
