// A destination's Retry-After is honoured inside the tick: the post leaves when it said, once; a long one is
// left to later ticks; a rate-limited channel does not hold up the others; a stop cuts the wait short.
import { afterEach, describe, expect, it } from 'vitest';
import type { Outgoing, SendResult } from '../../src/delivery/sink.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { local, post, RecordingSink, rig, tempDatabase } from './delivery-kit.ts';

let temp: ReturnType<typeof tempDatabase> | undefined;
afterEach(() => {
  temp?.cleanup();
  temp = undefined;
});

const limited = (retryAfterMs: number): SendResult => ({
  ok: false,
  permanent: false,
  reason: 'ratelimited',
  retryAfterMs,
});

/** A sink refusing the first send to each channel named in `refuse` with that Retry-After. */
function refusingOnce(clock: ManualClock, refuse: Record<string, number>) {
  const at: Array<{ keys: string; ms: number }> = [];
  const refused = new Set<string>();
  const sink = new RecordingSink((m: Outgoing) => {
    at.push({ keys: m.keys.join(' '), ms: clock.now().toMillis() });
    const wait = refuse[m.channel];
    if (wait === undefined || refused.has(m.channel)) return { ok: true, ts: '1.0' };
    refused.add(m.channel);
    return limited(wait);
  });
  return { sink, at };
}

/** A sleep that moves the injected clock on instead of waiting. */
function virtualSleep(clock: ManualClock, pauses: number[]) {
  return async (ms: number) => {
    pauses.push(ms);
    clock.advance({ seconds: ms / 1000 });
  };
}

async function started(clock: ManualClock, refuse: Record<string, number>, posts = [dueAt8('#cs599')]) {
  temp = tempDatabase();
  const pauses: number[] = [];
  const { sink, at } = refusingOnce(clock, refuse);
  const r = await rig(temp.open(), clock, posts, { sink, sleep: virtualSleep(clock, pauses) });
  await r.dispatcher.start();
  clock.set(local('2025-10-21T08:00:00'));
  return { ...r, at, pauses };
}

const dueAt8 = (channel: string, key = `class-day:${channel}`) => post('2025-10-21T08:00', channel, [key]);

describe('a 429 with Retry-After inside a tick', () => {
  it('is sent again when the Retry-After says, in the same tick, once', async () => {
    const clock = new ManualClock(local('2025-10-21T07:59:00'));
    const r = await started(clock, { '#cs599': 2000 });
    expect(await r.dispatcher.tick()).toMatchObject({ retrying: 1, posted: 1 });
    expect(r.pauses).toEqual([2000]);
    expect(r.at.map((a) => a.ms - r.at[0]!.ms)).toEqual([0, 2000]);
    expect((await r.ledger.rows(['class-day:#cs599'])).get('class-day:#cs599')).toMatchObject({
      state: 'posted',
      attempts: 2,
    });
    await r.dispatcher.tick();
    expect(r.sink.sent).toHaveLength(2);
  });

  it('leaves a long Retry-After to the tick after it, not to the generic backoff', async () => {
    const clock = new ManualClock(local('2025-10-21T07:59:00'));
    const r = await started(clock, { '#cs599': 30_000 });
    expect(await r.dispatcher.tick()).toMatchObject({ retrying: 1, posted: 0 });
    expect(r.pauses).toEqual([]);
    clock.advance({ seconds: 15 });
    expect(await r.dispatcher.tick()).toMatchObject({ posted: 0 });
    clock.advance({ seconds: 15 });
    expect(await r.dispatcher.tick()).toMatchObject({ posted: 1 });
    expect(r.sink.sent).toHaveLength(2);
  });

  it('does not hold up another channel while one waits', async () => {
    const clock = new ManualClock(local('2025-10-21T07:59:00'));
    const posts = [dueAt8('#cs599'), dueAt8('#cs599', 'later:#cs599'), dueAt8('#other')];
    const r = await started(clock, { '#cs599': 1000 }, posts);
    expect(await r.dispatcher.tick()).toMatchObject({ retrying: 1, posted: 3 });
    const sent = r.at.map((a) => a.keys);
    // #other goes out at once, before #cs599's retry; #cs599 keeps its own order.
    expect(sent.indexOf('class-day:#other')).toBeLessThan(sent.lastIndexOf('class-day:#cs599'));
    expect(sent.filter((k) => k.endsWith('#cs599'))).toEqual([
      'class-day:#cs599',
      'class-day:#cs599',
      'later:#cs599',
    ]);
    expect(r.at.find((a) => a.keys === 'class-day:#other')!.ms).toBe(local('2025-10-21T08:00').toMillis());
  });

  it('is cut short by a stop, and the post is retried by the next run', async () => {
    const clock = new ManualClock(local('2025-10-21T07:59:00'));
    temp = tempDatabase();
    const { sink } = refusingOnce(clock, { '#cs599': 2000 });
    const r = await rig(temp.open(), clock, [dueAt8('#cs599')], {
      sink,
      sleep: async () => r.dispatcher.interrupt(),
    });
    await r.dispatcher.start();
    clock.set(local('2025-10-21T08:00:00'));
    expect(await r.dispatcher.tick()).toMatchObject({ retrying: 1, posted: 0 });
    expect((await r.ledger.rows(['class-day:#cs599'])).get('class-day:#cs599')).toMatchObject({
      state: 'failed',
      nextAttemptAt: local('2025-10-21T08:00:02').toISO(),
    });
  });
});
