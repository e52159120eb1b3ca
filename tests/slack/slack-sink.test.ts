// The Slack sink against the fake Slack: names resolved from a paginated list, metadata for crash-safe
// dedup, pacing per channel, 429s and permanent channel errors as values with their fix.
import { afterEach, describe, expect, it } from 'vitest';
import { REMINDER_EVENT_TYPE } from '../../src/slack/slack-sink.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { sinkFor, textContent } from './slack-kit.ts';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const KEYS = ['deadline:project-proposal-due@2025-10-30:-2d', 'readings:class-17@2025-10-28:-2d'];
const at = '2025-10-28T09:00:00-04:00';

describe('SlackSink.send', () => {
  it('posts blocks, fallback text and the keys as metadata to a channel given by name', async () => {
    fake = await startFakeSlack({
      maxPageSize: 2,
      channels: [
        { id: 'C0A', name: 'general' },
        { id: 'C0B', name: 'random' },
        { id: 'C0CLASS', name: 'cs599' },
      ],
    });
    const { sink } = sinkFor(fake, { intervalMs: 0 });
    const result = await sink.send({
      channel: '#cs599',
      at,
      content: textContent('Due <soon> & now'),
      keys: KEYS,
    });
    expect(result).toMatchObject({ ok: true, ts: expect.stringMatching(/^\d+\.\d+$/) });
    const [message] = fake.messages('C0CLASS');
    expect(message?.text).toBe('Due &lt;soon&gt; &amp; now');
    expect(message?.blocks).toEqual([
      { type: 'section', text: { type: 'mrkdwn', text: 'Due &lt;soon&gt; &amp; now' } },
    ]);
    expect(message?.metadata).toEqual({
      event_type: REMINDER_EVENT_TYPE,
      event_payload: { keys: KEYS.join(' ') },
    });
    // The name was found on the second page of two; a second post does not list again.
    expect(fake.callsTo('conversations.list')).toHaveLength(2);
    await sink.send({ channel: '#cs599', at, content: textContent('again'), keys: ['k2'] });
    expect(fake.callsTo('conversations.list')).toHaveLength(2);
  });

  it('spaces two posts to one channel by at least a second', async () => {
    fake = await startFakeSlack();
    const { sink } = sinkFor(fake);
    await Promise.all([
      sink.send({ channel: 'C0CLASS', at, content: textContent('one'), keys: ['a'] }),
      sink.send({ channel: 'C0CLASS', at, content: textContent('two'), keys: ['b'] }),
    ]);
    const [first, second] = fake.callsTo('chat.postMessage');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
    expect(fake.messages('C0CLASS').map((m) => m.text)).toEqual(['one', 'two']);
  });

  it('returns Retry-After on a 429, holds the channel without calling Slack, then posts', async () => {
    fake = await startFakeSlack();
    const { sink } = sinkFor(fake, { intervalMs: 0 });
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    const outgoing = { channel: 'C0CLASS', at, content: textContent('hi'), keys: ['k'] };
    expect(await sink.send(outgoing)).toEqual({
      ok: false,
      permanent: false,
      reason: 'ratelimited',
      retryAfterMs: 1000,
    });
    const held = await sink.send(outgoing);
    expect(held).toMatchObject({ ok: false, permanent: false, reason: 'ratelimited' });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    await new Promise((r) => setTimeout(r, (held as { retryAfterMs: number }).retryAfterMs + 20));
    expect(await sink.send(outgoing)).toMatchObject({ ok: true });
    expect(fake.messages('C0CLASS')).toHaveLength(1);
  });

  it('reports channel problems as permanent failures with the fix', async () => {
    fake = await startFakeSlack({
      channels: [
        { id: 'C0CLASS', name: 'cs599', isMember: false },
        { id: 'C0OLD', name: 'old', isArchived: true },
      ],
    });
    const { sink } = sinkFor(fake);
    const send = (channel: string) => sink.send({ channel, at, content: textContent('x'), keys: ['k'] });
    expect(await send('#cs599')).toEqual({
      ok: false,
      permanent: true,
      reason: 'not_in_channel',
      fix: 'coursebot is not in #cs599: type /invite @coursebot in #cs599',
    });
    expect(await send('#old')).toMatchObject({ permanent: true, reason: 'is_archived' });
    expect(await send('#nowhere')).toMatchObject({ permanent: true, reason: 'channel_not_found' });
    expect(fake.messages()).toHaveLength(0);
  });

  it('treats a 5xx and a lost answer as transient', async () => {
    fake = await startFakeSlack();
    const { sink } = sinkFor(fake, { intervalMs: 0 });
    fake.failNext('chat.postMessage', { status: 503 });
    fake.failNext('chat.postMessage', { loseResponse: true });
    const outgoing = { channel: 'C0CLASS', at, content: textContent('x'), keys: ['k'] };
    expect(await sink.send(outgoing)).toMatchObject({
      ok: false,
      permanent: false,
      reason: 'http_503',
      mayHaveArrived: true,
    });
    expect(await sink.send(outgoing)).toMatchObject({ ok: false, permanent: false, mayHaveArrived: true });
    // The lost answer still posted, once: no automatic retry doubled it.
    expect(fake.messages('C0CLASS')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    // The retry looks first, finds the post the lost answer hid, and does not post again.
    const retried = await sink.send(outgoing);
    expect(retried).toEqual({ ok: true, ts: fake.messages('C0CLASS')[0]!.ts });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
    // It looked before the second attempt too (after the 5xx), and found nothing then.
    expect(fake.callsTo('conversations.history')).toHaveLength(2);
  });

  it('posts the retry when the failed attempt did not arrive', async () => {
    fake = await startFakeSlack();
    const { sink } = sinkFor(fake, { intervalMs: 0 });
    fake.failNext('chat.postMessage', { dropConnection: true });
    const outgoing = { channel: 'C0CLASS', at, content: textContent('x'), keys: ['k'] };
    expect(await sink.send(outgoing)).toMatchObject({ ok: false, permanent: false });
    expect(await sink.send(outgoing)).toMatchObject({ ok: true });
    expect(fake.messages('C0CLASS')).toHaveLength(1);
    // Once posted, a send of other keys does not look in the history first.
    await sink.send({ ...outgoing, keys: ['other'] });
    expect(fake.callsTo('conversations.history')).toHaveLength(1);
  });
});

describe('SlackSink.send after an answer was lost, when the history cannot be read', () => {
  const outgoing = { channel: 'C0CLASS', at, content: textContent('x'), keys: ['k'] };

  it('does not post again, reports a transient failure that may have arrived, then finds the post', async () => {
    fake = await startFakeSlack();
    const { sink } = sinkFor(fake, { intervalMs: 0 });
    fake.failNext('chat.postMessage', { loseResponse: true });
    expect(await sink.send(outgoing)).toMatchObject({ ok: false, mayHaveArrived: true });
    fake.failNext('conversations.history', { status: 500 });
    expect(await sink.send(outgoing)).toEqual({
      ok: false,
      permanent: false,
      reason: 'could not confirm whether it was posted: http_500',
      mayHaveArrived: true,
    });
    fake.failNext('conversations.history', { status: 429, retryAfter: 60 });
    expect(await sink.send(outgoing)).toMatchObject({ ok: false, retryAfterMs: 60_000 });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    // The history answers at last: the lost answer's post is there.
    expect(await sink.send(outgoing)).toEqual({ ok: true, ts: fake.messages('C0CLASS')[0]!.ts });
    expect(fake.callsTo('chat.postMessage')).toHaveLength(1);
    expect(fake.messages('C0CLASS')).toHaveLength(1);
  });

  it('posts once when the history, answering at last, shows the post did not arrive', async () => {
    fake = await startFakeSlack();
    const { sink } = sinkFor(fake, { intervalMs: 0 });
    fake.failNext('chat.postMessage', { dropConnection: true });
    expect(await sink.send(outgoing)).toMatchObject({ ok: false, mayHaveArrived: true });
    fake.failNext('conversations.history', { status: 500 });
    expect(await sink.send(outgoing)).toMatchObject({ ok: false, mayHaveArrived: true });
    expect(fake.messages('C0CLASS')).toHaveLength(0);
    expect(await sink.send(outgoing)).toMatchObject({ ok: true });
    expect(await sink.send({ ...outgoing, keys: ['other'] })).toMatchObject({ ok: true });
    expect(fake.messages('C0CLASS')).toHaveLength(2);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(3);
  });

  it("forgets the doubt once the dispatcher's own lookup has settled it", async () => {
    fake = await startFakeSlack();
    const { sink } = sinkFor(fake, { intervalMs: 0 });
    fake.failNext('chat.postMessage', { dropConnection: true });
    await sink.send(outgoing);
    expect(await sink.findPosted('C0CLASS', ['k'], 0)).toEqual({ found: false });
    expect(await sink.send(outgoing)).toMatchObject({ ok: true });
    // One lookup, not a second one inside the send.
    expect(fake.callsTo('conversations.history')).toHaveLength(1);
  });
});

describe('SlackSink.findPosted', () => {
  it('finds its own post by the metadata keys, across pages', async () => {
    fake = await startFakeSlack({ maxPageSize: 1 });
    const { sink, client } = sinkFor(fake, { intervalMs: 0 });
    const since = Math.floor(Date.now() / 1000) - 1;
    fake.failNext('chat.postMessage', { loseResponse: true });
    await sink.send({ channel: '#cs599', at, content: textContent('x'), keys: KEYS });
    // Later messages, including another one's post with the same keys typed in its text.
    await client.chat.postMessage({ channel: 'C0CLASS', text: KEYS.join(' ') });
    const posted = { found: true, ts: fake.messages('C0CLASS')[0]!.ts };
    expect(await sink.findPosted('#cs599', KEYS, since)).toEqual(posted);
    expect(await sink.findPosted('C0CLASS', [KEYS[0]!], since)).toEqual(posted);
    expect(await sink.findPosted('C0CLASS', ['other-key'], since)).toEqual({ found: false });
    expect(await sink.findPosted('C0CLASS', KEYS, Math.floor(Date.now() / 1000) + 60)).toEqual({
      found: false,
    });
    expect(fake.callsTo('conversations.history')[0]?.params).toMatchObject({ include_all_metadata: 'true' });
  });

  it("ignores other bots' posts and says 'unknown' when it cannot look", async () => {
    fake = await startFakeSlack();
    const { sink, client } = sinkFor(fake);
    const since = Math.floor(Date.now() / 1000) - 1;
    await client.chat.postMessage({
      channel: 'C0CLASS',
      text: 'x',
      metadata: { event_type: REMINDER_EVENT_TYPE, event_payload: { keys: 'k' } },
    });
    fake.state.messages[0]!.botId = 'B0OTHER';
    expect(await sink.findPosted('C0CLASS', ['k'], since)).toEqual({ found: false });
    expect(sink.canConfirm).toBe(true);
    fake.failNext('conversations.history', { status: 500 });
    expect(await sink.findPosted('C0CLASS', ['k'], since)).toEqual({ found: 'unknown', reason: 'http_500' });
    fake.failNext('conversations.history', { error: 'not_in_channel' });
    expect(await sink.findPosted('C0CLASS', ['k'], since)).toMatchObject({
      found: 'unknown',
      reason: 'not_in_channel',
    });
    fake.failNext('conversations.history', { status: 429, retryAfter: 60 });
    expect(await sink.findPosted('C0CLASS', ['k'], since)).toEqual({
      found: 'unknown',
      reason: 'ratelimited',
      retryAfterMs: 60_000,
    });
  });
});

describe('ChannelDirectory.problems', () => {
  it('gives one line per unusable channel with its fix', async () => {
    fake = await startFakeSlack({
      channels: [
        { id: 'C0CLASS', name: 'cs599', isMember: false },
        { id: 'C0OLD', name: 'old', isArchived: true },
        { id: 'C0OK', name: 'ok' },
      ],
    });
    const { directory } = sinkFor(fake);
    expect(await directory.problems(['#cs599', '#old', '#ok', 'C0OK', '#nowhere', '#cs599'])).toEqual([
      'coursebot is not in #cs599: type /invite @coursebot in #cs599',
      '#old is archived: unarchive it or point reminders.channels at another channel',
      expect.stringMatching(/^no channel #nowhere visible to the bot: fix reminders.channels/),
    ]);
  });
});
