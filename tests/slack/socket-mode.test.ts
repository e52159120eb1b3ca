// The real Bolt app in Socket Mode against the fake Slack: both the Web API and apps.connections.open follow
// SLACK_API_URL, slash_commands envelopes are answered in the ack payload, a rejected token stops the start.
import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/util/user-error.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { APP_TOKEN, BOT_TOKEN, startApp, type StartedApp } from './slack-kit.ts';

let fake: FakeSlack | undefined;
let started: StartedApp | undefined;
afterEach(async () => {
  await started?.slack.stop();
  await fake?.close();
  started = undefined;
  fake = undefined;
});

type AckPayload = { response_type?: string; text?: string; blocks?: unknown[] };

describe('Socket Mode', () => {
  it('connects through the fake and answers /schedule in the ack', async () => {
    fake = await startFakeSlack();
    started = await startApp(fake, 'socket');
    expect(fake.callsTo('auth.test')[0]?.token).toBe(BOT_TOKEN);
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe(APP_TOKEN);

    const t0 = performance.now();
    const ack = await fake.sendSlashCommand({ text: 'next' });
    expect(performance.now() - t0).toBeLessThan(1000);
    const payload = ack.payload as AckPayload;
    expect(payload.response_type).toBe('ephemeral');
    expect(payload.text).toContain('Class 13, Thu Oct 16');
    expect(payload.blocks?.length).toBeGreaterThan(0);

    const shared = (await fake.sendSlashCommand({ text: 'week share' })).payload as AckPayload;
    expect(shared.response_type).toBe('in_channel');
    const unknown = (await fake.sendSlashCommand({ text: 'dedlines' })).payload as AckPayload;
    expect(unknown.text).toMatch(/did you mean `?deadlines`?/);
    expect(started.log.lines.some((l) => l.includes(BOT_TOKEN) || l.includes(APP_TOKEN))).toBe(false);
  });

  it('logs a recycled connection, reconnects and keeps answering', async () => {
    fake = await startFakeSlack();
    started = await startApp(fake, 'socket', { socketPingTimeoutMs: 300 });
    fake.sendDisconnect('refresh_requested');
    const deadline = Date.now() + 5000;
    while (fake.socketMode.connectionCount < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(fake.socketMode.connectionCount).toBe(2);
    const ack = await fake.sendSlashCommand({ text: 'next' });
    expect((ack.payload as AckPayload).text).toContain('Class 13');
    expect(started.log.lines).toContain('warn slack: Socket Mode connection lost, reconnecting');
    expect(started.log.lines).toContain('info slack: Socket Mode reconnected');
    expect(fake.callsTo('apps.connections.open')).toHaveLength(2);
  });

  it('checks the reminder channels once at the start and logs each problem with its fix', async () => {
    fake = await startFakeSlack({ channels: [{ id: 'C0CLASS', name: 'cs599', isMember: false }] });
    started = await startApp(fake, 'socket', { channels: () => ['#cs599', '#missing'] });
    expect(started.log.lines).toContain(
      'warn slack: coursebot is not in #cs599: type /invite @coursebot in #cs599',
    );
    expect(
      started.log.lines.some((l) => l.startsWith('warn slack: no channel #missing visible to the bot')),
    ).toBe(true);
    // Still answering: a channel problem stops nothing else.
    const ack = await fake.sendSlashCommand({ text: 'class 13' });
    expect((ack.payload as AckPayload).text).toContain('Class 13');
  });

  it('stops the start with one clear line when Slack rejects the bot token', async () => {
    fake = await startFakeSlack({ authFails: true });
    const attempt = startApp(fake, 'socket');
    await expect(attempt).rejects.toBeInstanceOf(UserError);
    await expect(attempt).rejects.toThrow(
      'Slack rejected SLACK_BOT_TOKEN (invalid_auth): copy the Bot User OAuth Token again from OAuth & Permissions',
    );
    expect(fake.callsTo('apps.connections.open')).toHaveLength(0);
  });

  it('stops the start with one clear line when Slack rejects the app-level token', async () => {
    fake = await startFakeSlack();
    fake.failNext('apps.connections.open', { error: 'invalid_auth' });
    await expect(startApp(fake, 'socket')).rejects.toThrow(
      /^Slack rejected SLACK_APP_TOKEN \(invalid_auth\): create an app-level token with connections:write/,
    );
  });
});
