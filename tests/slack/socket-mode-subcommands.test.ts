// Every /schedule subcommand over Socket Mode: slash_commands envelopes on the WebSocket, answered in the ack.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { startApp, type StartedApp } from './slack-kit.ts';
import { SUBCOMMAND_CASES } from './subcommand-cases.ts';

let fake: FakeSlack;
let started: StartedApp;

beforeAll(async () => {
  fake = await startFakeSlack();
  started = await startApp(fake, 'socket');
});
afterAll(async () => {
  await started?.slack.stop();
  await fake?.close();
});

type AckPayload = { response_type?: string; text?: string; blocks?: unknown[] };

describe('/schedule over Socket Mode', () => {
  it.each(SUBCOMMAND_CASES)('answers "%s" privately in the ack', async (text, expected) => {
    const ack = await fake.sendSlashCommand({ text });
    const payload = ack.payload as AckPayload;
    expect(payload.response_type).toBe('ephemeral');
    expect(payload.text).toContain(expected.replace(/&/g, '&amp;'));
    expect(payload.blocks?.length).toBeGreaterThan(0);
  });

  it('shares an answer in the channel with `share`', async () => {
    const payload = (await fake.sendSlashCommand({ text: 'deadlines share' })).payload as AckPayload;
    expect(payload.response_type).toBe('in_channel');
    expect(payload.text).toContain('Project proposal — due');
  });
});
