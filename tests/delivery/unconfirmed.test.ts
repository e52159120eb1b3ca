// A send that may have arrived, on a destination that could tell but did not this time (history failed):
// never sent again on a guess; looked up again on the retry schedule; skipped once no longer useful.
import { afterEach, describe, expect, it } from 'vitest';
import type { SendResult } from '../../src/delivery/sink.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { afterTheLease, local, post, RecordingSink, rig, tempDatabase } from './delivery-kit.ts';

let temp: ReturnType<typeof tempDatabase>;
afterEach(() => temp?.cleanup());

const historyFails = { found: 'unknown', reason: 'http_500' } as const;
const KEY = 'class-day:a';

/** A post at 08:00 (its subject at `subjectAt`), a later one in the same channel, another channel's. */
const postsWith = (subjectAt?: string) => [
  post('2025-10-21T08:00', '#cs599', [KEY], subjectAt),
  post('2025-10-21T08:01', '#cs599', ['after-it']),
  post('2025-10-21T08:01', '#other', ['elsewhere']),
];

/** The process dies while the 08:00 post is being sent: its key stays 'sending'. */
async function crashMidSend(posts: ReturnType<typeof postsWith>) {
  temp = tempDatabase();
  const clock = new ManualClock(local('2025-10-21T07:59:30'));
  const dying = await rig(temp.open(), clock, posts, {
    sink: new RecordingSink(() => new Promise(() => {})),
  });
  await dying.dispatcher.start();
  clock.advance({ seconds: 45 });
  void dying.dispatcher.tick();
  await new Promise((resolve) => setImmediate(resolve));
  expect((await dying.ledger.inState('sending')).map((r) => r.key)).toEqual([KEY]);
  clock.advance({ seconds: 20 }); // restarted at 08:00:35
  return clock;
}

describe('an interrupted post whose lookup fails', () => {
  it('is held, not sent again, and looked up again with growing delays until it is found', async () => {
    const posts = postsWith();
    const clock = await crashMidSend(posts);
    const sink = new RecordingSink(undefined, historyFails);
    const r = await rig(temp.open(), clock, posts, { sink, lease: afterTheLease() });
    expect(await r.dispatcher.start()).toEqual({ foundPosted: 0, toResend: 0, unknown: 0, unconfirmed: 1 });
    expect((await r.ledger.rows([KEY])).get(KEY)).toMatchObject({
      state: 'sending',
      reason: 'could not confirm whether it was posted: http_500',
      nextAttemptAt: local('2025-10-21T08:01:35').toISO(),
    });
    const lookupsAt: string[] = [];
    for (let i = 0; i < 4 * 4; i++) {
      const before = sink.searched.length;
      await r.dispatcher.tick();
      if (sink.searched.length > before) lookupsAt.push(clock.now().toFormat('HH:mm:ss'));
      clock.advance({ seconds: 15 });
    }
    // 1 minute after the first lookup, then 2: the schedule of failed sends.
    expect(lookupsAt).toEqual(['08:01:35', '08:03:35']);
    // Nothing was sent again, and the channel's next post waited behind it; the other channel did not.
    expect(sink.keysSent()).toEqual(['elsewhere']);
    sink.found = { found: true, ts: 'ts-found' };
    clock.set(local('2025-10-21T08:07:35'));
    expect(await r.dispatcher.tick()).toMatchObject({ posted: 1 });
    expect((await r.ledger.rows([KEY])).get(KEY)).toMatchObject({ state: 'posted', ts: 'ts-found' });
    expect(sink.keysSent()).toEqual(['elsewhere', 'after-it']);
  });

  it('is sent once when a later lookup finds it did not arrive', async () => {
    const posts = postsWith();
    const clock = await crashMidSend(posts);
    const sink = new RecordingSink(undefined, historyFails);
    const r = await rig(temp.open(), clock, posts, { sink, lease: afterTheLease() });
    await r.dispatcher.start();
    await r.dispatcher.tick();
    sink.found = { found: false };
    clock.set(local('2025-10-21T08:01:35'));
    await r.dispatcher.tick();
    clock.advance({ minutes: 5 });
    await r.dispatcher.tick();
    expect(sink.keysSent().filter((k) => k === KEY)).toEqual([KEY]);
    expect((await r.ledger.rows([KEY])).get(KEY)).toMatchObject({ state: 'posted' });
  });

  it("waits at least the destination's Retry-After before looking again", async () => {
    const posts = postsWith();
    const clock = await crashMidSend(posts);
    const sink = new RecordingSink(undefined, {
      ...historyFails,
      reason: 'ratelimited',
      retryAfterMs: 300_000,
    });
    const r = await rig(temp.open(), clock, posts, { sink, lease: afterTheLease() });
    await r.dispatcher.start();
    expect((await r.ledger.rows([KEY])).get(KEY)?.nextAttemptAt).toBe(local('2025-10-21T08:05:35').toISO());
    clock.set(local('2025-10-21T08:05:30'));
    await r.dispatcher.tick();
    expect(sink.searched).toHaveLength(1);
  });

  it('is recorded skipped, with one line, once it is no longer useful', async () => {
    const posts = postsWith('2025-10-21T08:05');
    const clock = await crashMidSend(posts);
    const sink = new RecordingSink(undefined, historyFails);
    const r = await rig(temp.open(), clock, posts, { sink, lease: afterTheLease() });
    await r.dispatcher.start();
    for (let i = 0; i < 4 * 10; i++) {
      clock.advance({ seconds: 15 });
      await r.dispatcher.tick();
    }
    expect((await r.ledger.rows([KEY])).get(KEY)).toMatchObject({
      state: 'skipped',
      reason: 'could not confirm whether it was posted: http_500',
      nextAttemptAt: null,
    });
    expect(sink.keysSent()).not.toContain(KEY);
    expect(r.logger.lines.filter((l) => l.includes('skipped'))).toEqual([
      expect.stringMatching(
        /^warn skipped 1 reminder\(s\) due .* to #cs599: could not confirm whether it was posted: http_500; no longer worth sending \(too late/,
      ),
    ]);
    // The channel is free again: the post behind it went out.
    expect(sink.keysSent()).toContain('after-it');
  });
});

describe('a send that may have arrived (its answer was lost)', () => {
  const lost: SendResult = {
    ok: false,
    permanent: false,
    reason: 'network: socket hang up',
    mayHaveArrived: true,
  };

  it('is looked up before any retry, also after a restart, and sent once when it had not arrived', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T07:59:50'));
    const posts = postsWith();
    const first = await rig(temp.open(), clock, posts, { sink: new RecordingSink(() => lost) });
    await first.dispatcher.start();
    clock.advance({ seconds: 15 });
    expect(await first.dispatcher.tick()).toMatchObject({ retrying: 1, posted: 0 });
    expect((await first.ledger.rows([KEY])).get(KEY)).toMatchObject({ state: 'sending', attempts: 1 });

    // Restarted before the lookup is due: the key is not "interrupted", it waits for its lookup.
    const sink = new RecordingSink();
    const second = await rig(temp.open(), clock, posts, { sink });
    expect(await second.dispatcher.start()).toEqual({
      foundPosted: 0,
      toResend: 0,
      unknown: 0,
      unconfirmed: 0,
    });
    await second.dispatcher.tick();
    expect(sink.searched).toEqual([]);
    clock.advance({ minutes: 1 });
    await second.dispatcher.tick();
    expect(sink.searched).toHaveLength(1);
    // Its own channel waits for the lookup; another channel is not held up by it.
    expect(sink.keysSent().filter((k) => k !== 'elsewhere')).toEqual([KEY, 'after-it']);
    expect(sink.keysSent()).toContain('elsewhere');
    expect((await second.ledger.rows([KEY])).get(KEY)).toMatchObject({ state: 'posted', attempts: 2 });
  });

  it('is recorded posted, not sent again, when the lookup finds it', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T07:59:50'));
    const sink = new RecordingSink(() => lost, { found: true, ts: 'ts-arrived' });
    const r = await rig(temp.open(), clock, postsWith(), { sink });
    await r.dispatcher.start();
    clock.advance({ seconds: 15 });
    await r.dispatcher.tick();
    clock.advance({ minutes: 1 });
    await r.dispatcher.tick();
    expect(sink.sent.filter((m) => m.keys.includes(KEY))).toHaveLength(1);
    expect((await r.ledger.rows([KEY])).get(KEY)).toMatchObject({ state: 'posted', ts: 'ts-arrived' });
  });

  it('on a destination that can never tell, is retried as an ordinary failure', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T07:59:50'));
    const sink = new RecordingSink(() => lost, { found: 'unknown', reason: 'no history' }, false);
    const r = await rig(temp.open(), clock, postsWith(), { sink });
    await r.dispatcher.start();
    clock.advance({ seconds: 15 });
    await r.dispatcher.tick();
    expect((await r.ledger.rows([KEY])).get(KEY)).toMatchObject({
      state: 'failed',
      reason: 'network: socket hang up',
    });
    expect(sink.searched).toEqual([]);
  });
});
