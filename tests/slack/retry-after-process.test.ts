// The real process: `coursebot start` against the fake Slack, whose first chat.postMessage answers 429 with
// Retry-After: 2. The reminder due at the start is posted again about two seconds later, once — not at a
// later tick, nor after the generic backoff.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { BOT_TOKEN, SIGNING_SECRET } from './slack-kit.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let fake: FakeSlack | undefined;
let child: ChildProcess | undefined;
let dir: string | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
  }
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Resolves once `check` holds, polling; rejects after `timeoutMs` with what `explain` says. */
async function until(check: () => boolean, timeoutMs: number, explain: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(explain());
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('a 429 with Retry-After: 2 on a due post, in the running bot', () => {
  it('is posted about two seconds after the refusal, once', async () => {
    fake = await startFakeSlack();
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    dir = mkdtempSync(join(tmpdir(), 'coursebot-retry-after-'));
    let stderr = '';
    // Tue Oct 14 2025 9:00 is the readings heads-up, due two seconds after the start: the first tick after it
    // (ticks every 15 s) posts it.
    child = spawn(process.execPath, [join(ROOT, 'bin', 'coursebot.js'), 'start'], {
      cwd: dir,
      env: {
        PATH: process.env.PATH,
        SLACK_MODE: 'http',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        COURSEBOT_NOW: '2025-10-14T08:59:58-04:00',
        COURSEBOT_SCHEDULE: join(ROOT, 'tests', 'fixtures', 'plans', 'cs599-fall-2025.json'),
        COURSEBOT_DB: join(dir, 'coursebot.db'),
        COURSEBOT_CHANNEL: '#cs599',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr!.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));
    const f = fake;
    await until(
      () => f.messages('C0CLASS').length > 0,
      25_000,
      () => `nothing posted within 25 s:\n${stderr}`,
    );
    const [refused, accepted] = f.callsTo('chat.postMessage');
    expect(refused!.failure).toEqual({ status: 429, retryAfter: 2 });
    const gapMs = accepted!.at - refused!.at;
    expect(gapMs).toBeGreaterThanOrEqual(1900);
    expect(gapMs).toBeLessThan(3000);
    // Two more seconds: nothing else is sent for it.
    await new Promise((r) => setTimeout(r, 2000));
    expect(f.callsTo('chat.postMessage')).toHaveLength(2);
    expect(f.messages('C0CLASS')).toHaveLength(1);
  }, 40_000);
});
