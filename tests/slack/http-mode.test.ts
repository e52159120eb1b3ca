// The real Bolt app in HTTP mode against the fake Slack: signed slash commands exactly as Slack sends them,
// every /schedule subcommand answered in the ack body, sharing, escaping, refusals and the health route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RespondArguments } from '@slack/bolt';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { signedSlashCommand } from '../fakes/signed-request.ts';
import { SIGNING_SECRET, startApp, type StartedApp } from './slack-kit.ts';
import { SUBCOMMAND_CASES } from './subcommand-cases.ts';

let fake: FakeSlack;
let started: StartedApp;

beforeAll(async () => {
  fake = await startFakeSlack();
  started = await startApp(fake, 'http');
  started.slack.commands.register('probe', (request) => ({
    content: {
      blocks: [
        {
          kind: 'section',
          lines: [[`probe ${request.args} by ${request.userId} (staff: ${String(request.isStaff)})`]],
        },
      ],
    },
  }));
});
afterAll(async () => {
  await started?.slack.stop();
  await fake?.close();
});

async function command(text: string, extra: { user_id?: string } = {}) {
  const t0 = performance.now();
  const response = await signedSlashCommand({
    url: `${started.url}/slack/events`,
    secret: SIGNING_SECRET,
    fake,
    fields: { text, ...extra },
  });
  const ms = performance.now() - t0;
  expect(response.status).toBe(200);
  const body = (await response.json()) as RespondArguments & { blocks: { text?: { text: string } }[] };
  return { body, ms, all: JSON.stringify(body) };
}

describe('/schedule over HTTP', () => {
  it.each(SUBCOMMAND_CASES)(
    'answers "%s" privately, in Block Kit with fallback text',
    async (text, expected) => {
      const { body, ms, all } = await command(text);
      expect(body.response_type).toBe('ephemeral');
      expect(body.text).toContain(expected);
      expect(body.blocks?.length).toBeGreaterThan(0);
      expect(all).toContain(expected.replace(/&/g, '&amp;'));
      expect(ms).toBeLessThan(1000);
    },
  );

  it('writes a deadline without a time as the course date, never as a date Slack converts', async () => {
    const { all } = await command('deadlines');
    expect(all).toContain('due Thu Oct 30');
    expect(all).not.toContain('<!date^');
  });

  it('shares the answer in the channel when asked', async () => {
    const { body } = await command('next share');
    expect(body.response_type).toBe('in_channel');
    expect(body.text).toContain('Class 13');
  });

  it('answers an unknown word with help and a suggestion, privately', async () => {
    const { body, all } = await command('nxt share');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toMatch(/did you mean `?next`?/);
    expect(all).toContain('did you mean `next`');
    expect(body.text).toContain('What you can ask');
  });

  it('answers a bad argument with help naming the problem', async () => {
    const { body } = await command('class 99');
    expect(body.response_type).toBe('ephemeral');
    expect(body.text).toContain('There is no Class 99');
  });

  it.each([
    // Typed brackets arrive entity-encoded: they come back escaped, as typed.
    ['search &lt;!channel&gt; &amp; &lt;@U0PROF&gt; *x*', '“&lt;!channel&gt; &amp; &lt;@U0PROF&gt; *x*”'],
    // Mention tokens arrive as <…>: they come back as plain words that ping no one.
    ['search <!channel> <@U0PROF|prof> <!here>', '“@channel @prof @here”'],
  ])('escapes what a student typed (%s), so nothing pings or breaks the message', async (text, echoed) => {
    const { body, all } = await command(text);
    expect(body.text).toContain(`Nothing matches ${echoed}.`);
    const blockTexts = (body.blocks as { text?: { text: string }; elements?: { text: string }[] }[]).flatMap(
      (b) => [...(b.text ? [b.text.text] : []), ...(b.elements ?? []).map((e) => e.text)],
    );
    expect(blockTexts.some((t) => t.startsWith(`Nothing matches ${echoed}.`))).toBe(true);
    // Nowhere in the body (fallback text or any block) is there a raw special mention or user token.
    expect(all).not.toMatch(/<!channel>|<!here>|<@U/);
    expect(all).not.toMatch(/<[!@#]/);
  });

  it('routes a registered word to its handler instead of answering "unknown"', async () => {
    const { body } = await command('probe 14 snow day', { user_id: 'U0PROF' });
    expect(body.text).toBe('probe 14 snow day by U0PROF (staff: false)');
  });
});

describe('requests that are not from Slack', () => {
  const post = (headers: Record<string, string>, body = 'command=%2Fschedule&text=next') =>
    fetch(`${started.url}/slack/events`, { method: 'POST', headers, body });

  it.each([
    ['a wrong signature', { signature: 'v0=' + '0'.repeat(64) }],
    ['a timestamp more than 5 minutes old', { timestamp: Math.floor(Date.now() / 1000) - 6 * 60 }],
  ])('refuses %s with 401 and does nothing', async (_what, override) => {
    const before = started.askCalls.length;
    const response = await signedSlashCommand({
      url: `${started.url}/slack/events`,
      secret: SIGNING_SECRET,
      fields: { text: 'next' },
      ...override,
    });
    expect(response.status).toBe(401);
    expect(started.askCalls.length).toBe(before);
  });

  it('refuses a request without signature headers', async () => {
    const before = started.askCalls.length;
    const response = await post({ 'content-type': 'application/x-www-form-urlencoded' });
    expect(response.status).toBe(401);
    expect(started.askCalls.length).toBe(before);
  });

  it('answers GET /healthz with ok', async () => {
    const response = await fetch(`${started.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('ok');
  });
});
