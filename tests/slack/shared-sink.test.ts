// One Slack sink shared by several senders (courses): posts to different channels go out side by side,
// posts to one channel one second apart whoever sends them, and a 429 holds only its own channel — also
// for a post that was already queued behind the refused one.
import { afterEach, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { sinkFor, textContent } from './slack-kit.ts';

let fake: FakeSlack | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

const at = '2025-10-28T08:00:00-04:00';
const CHANNELS = ['C0A', 'C0B', 'C0C', 'C0D'].map((id) => ({ id, name: id.toLowerCase() }));
const send = (sink: ReturnType<typeof sinkFor>['sink'], channel: string, key: string) =>
  sink.send({ channel, at, content: textContent(key), keys: [key] });

describe('a SlackSink shared by several senders', () => {
  it('sends to different channels side by side, not one after the other', async () => {
    fake = await startFakeSlack({ channels: CHANNELS, limits: { latencyMs: 200 } });
    const { sink } = sinkFor(fake);
    const started = performance.now();
    const results = await Promise.all(CHANNELS.map((c) => send(sink, c.id, `class-day:${c.id}`)));
    expect(results.every((r) => r.ok)).toBe(true);
    // Four calls of 200 ms each, in parallel: well under the 800 ms they would take in a row.
    expect(performance.now() - started).toBeLessThan(600);
  });

  it('paces one channel to a post a second, whichever sender posts', async () => {
    fake = await startFakeSlack({ channels: CHANNELS, limits: { postIntervalMs: 1000 } });
    const { sink } = sinkFor(fake);
    const results = await Promise.all([
      send(sink, 'C0A', 'course-one:class-day'),
      send(sink, 'C0A', 'course-two:class-day'),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    const [first, second] = fake.callsTo('chat.postMessage');
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(990);
    expect(fake.callsTo('chat.postMessage').some((c) => c.failure)).toBe(false);
  });

  it('holds only the refused channel, and a post queued behind the refused one is not sent into the hold', async () => {
    fake = await startFakeSlack({
      channels: CHANNELS,
      limits: { refusePost: (n) => (n === 1 ? 2 : undefined) },
    });
    const { sink } = sinkFor(fake, { intervalMs: 0 });
    const [refused, queued, other] = await Promise.all([
      send(sink, 'C0A', 'course-one:class-day'),
      send(sink, 'C0A', 'course-two:class-day'),
      send(sink, 'C0B', 'course-three:class-day'),
    ]);
    expect(refused).toMatchObject({ ok: false, reason: 'ratelimited', retryAfterMs: 2000 });
    expect(queued).toMatchObject({ ok: false, reason: 'ratelimited' });
    expect((queued as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(1500);
    expect(other).toMatchObject({ ok: true });
    expect(fake.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['C0A', 'C0B']);
  });
});
