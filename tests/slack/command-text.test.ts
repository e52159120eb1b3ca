// What a user types reaches the log safely: a huge /schedule text is refused in one line before any parsing,
// and control characters never reach the log as themselves. Through the real Bolt app and the fake Slack.
import { afterEach, describe, expect, it } from 'vitest';
import { memoryRevisionLog } from '../../src/changes/revision-log.ts';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { StaffDesk } from '../../src/changes/staff-desk.ts';
import { MAX_COMMAND_TEXT } from '../../src/slack/schedule-callback.ts';
import { cs599, MONDAY } from '../changes/plan-fixture.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { startApp, type StartedApp } from './slack-kit.ts';

type Payload = { text?: string; response_type?: string };

let fake: FakeSlack | undefined;
let app: StartedApp | undefined;
afterEach(async () => {
  await app?.slack.stop();
  await fake?.close();
});

async function send(text: string) {
  fake = await startFakeSlack();
  app = await startApp(fake, 'socket');
  return (await fake.sendSlashCommand({ text, user_id: 'U0STUDENT' })).payload as Payload;
}

describe('/schedule text in the listener and the log', () => {
  it('refuses a text over the limit with one line, without parsing it, and logs a bounded line', async () => {
    const huge = `next ${'x'.repeat(100_000)}`;
    const reply = await send(huge);
    expect(reply.response_type).toBe('ephemeral');
    expect(reply.text).toBe(
      `That request is ${huge.length.toLocaleString('en-US')} characters long; /schedule reads at most 4,000. Try /schedule help.`,
    );
    expect(app!.askCalls).toEqual([]);
    const lines = app!.log.lines.filter((l) => l.includes('/schedule'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^info \/schedule "next x+… \(100,005 characters\)" from U0STUDENT refused: over 4000/,
    );
    expect(lines[0]!.length).toBeLessThan(400);
  });

  it('answers a text at the limit as usual', async () => {
    const reply = await send(`next${' '.repeat(MAX_COMMAND_TEXT - 4)}`);
    expect(reply.text).toContain('Class 13');
  });

  it('escapes control characters in the logged text', async () => {
    await send('next \u001b[2J\u0007 forged');
    const line = app!.log.lines.find((l) => l.includes('answered in'));
    expect(line).toMatch(/^debug \/schedule "next \\x1b\[2J\\x07 forged" from U0STUDENT answered in \d+ ms$/);
  });
});

describe('the staff desk log', () => {
  it('logs a refused request escaped and cut', async () => {
    const lines: string[] = [];
    const log = { info: (l: string) => lines.push(l), warn: (l: string) => lines.push(l) };
    const desk = new StaffDesk({
      source: new RevisedPlanSource(cs599(), memoryRevisionLog()),
      instructors: ['U0PROF'],
      log,
    });
    await desk.request(`cancel 14 \u001b[1m${'y'.repeat(3000)}`, 'U0STUDENT', MONDAY);
    expect(lines).toEqual([
      expect.stringMatching(
        /^staff: refused "cancel 14 \\x1b\[1my+… \(3,014 characters\)" from U0STUDENT: not in COURSEBOT_INSTRUCTORS$/,
      ),
    ]);
    expect(lines[0]!.length).toBeLessThan(320);
  });
});
