// Failed sends: transient ones retried with growing delays while useful, permanent ones recorded and logged once.
import { afterEach, describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../src/delivery/send-post.ts';
import type { SendResult } from '../../src/delivery/sink.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { local, post, RecordingSink, rig, tempDatabase } from './delivery-kit.ts';

let temp: ReturnType<typeof tempDatabase>;
afterEach(() => temp?.cleanup());

const transient: SendResult = { ok: false, permanent: false, reason: 'internal_error' };

describe('retryDelayMs', () => {
  it('doubles from one minute, is capped, and lets Retry-After win', () => {
    expect([1, 2, 3, 4, 10].map((n) => retryDelayMs(n) / 60_000)).toEqual([1, 2, 4, 8, 30]);
    expect(retryDelayMs(1, 90_000)).toBe(90_000);
  });
});

describe('failed sends', () => {
  it('retries a transient failure after 1, 2 and 4 minutes, then records it posted', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T08:59:50'));
    let failures = 3;
    const sink = new RecordingSink(() => (failures-- > 0 ? transient : { ok: true, ts: '1.2' }));
    const r = await rig(temp.open(), clock, [post('2025-10-21T09:00', '#cs599', ['deadline:b'])], { sink });
    await r.dispatcher.start();
    const attemptsAt: string[] = [];
    for (let i = 0; i < 8 * 4; i++) {
      clock.advance({ seconds: 15 });
      const before = sink.sent.length;
      await r.dispatcher.tick();
      if (sink.sent.length > before) attemptsAt.push(clock.now().toFormat('HH:mm:ss'));
    }
    expect(attemptsAt).toEqual(['09:00:05', '09:01:05', '09:03:05', '09:07:05']);
    expect((await r.ledger.rows(['deadline:b'])).get('deadline:b')).toMatchObject({
      state: 'posted',
      attempts: 4,
    });
    // The fourth attempt came more than the late threshold after 09:00: it says so.
    expect(JSON.stringify(sink.sent[3]!.content)).toContain('Posted late: this reminder was due at 9:00 AM.');
  });

  it('gives up on a retry once it is no longer useful, recording why', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T08:59:50'));
    const sink = new RecordingSink(() => transient);
    const list = [post('2025-10-21T09:00', '#cs599', ['deadline:b'], '2025-10-21T09:10')];
    const r = await rig(temp.open(), clock, list, { sink });
    await r.dispatcher.start();
    for (let i = 0; i < 4 * 30; i++) {
      clock.advance({ seconds: 15 });
      await r.dispatcher.tick();
    }
    const row = (await r.ledger.rows(['deadline:b'])).get('deadline:b')!;
    expect(row).toMatchObject({ state: 'skipped', nextAttemptAt: null });
    expect(row.reason).toMatch(/already past.*gave up after: internal_error/);
    expect(sink.sent.length).toBe(4); // 09:00, 09:01, 09:03, 09:07; the subject passed at 09:10
  });

  it('records a permanent failure, logs one line with the channel and the fix, and does not retry', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T08:59:50'));
    const sink = new RecordingSink(() => ({
      ok: false,
      permanent: true,
      reason: 'not_in_channel',
      fix: 'coursebot is not in #cs599: type /invite @coursebot in #cs599',
    }));
    const r = await rig(temp.open(), clock, [post('2025-10-21T09:00', '#cs599', ['deadline:b'])], { sink });
    await r.dispatcher.start();
    for (let i = 0; i < 20; i++) {
      clock.advance({ minutes: 1 });
      await r.dispatcher.tick();
    }
    expect(sink.sent).toHaveLength(1);
    expect((await r.ledger.rows(['deadline:b'])).get('deadline:b')).toMatchObject({
      state: 'failed',
      reason: 'not_in_channel',
      nextAttemptAt: null,
    });
    const errors = r.logger.lines.filter((l) => l.startsWith('error'));
    expect(errors).toEqual([
      expect.stringMatching(
        /to #cs599: not_in_channel — coursebot is not in #cs599: type \/invite @coursebot in #cs599$/,
      ),
    ]);
  });

  it('a sink that throws counts as a transient failure', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T08:59:50'));
    const sink = new RecordingSink(() => {
      throw new Error('socket hang up');
    });
    const r = await rig(temp.open(), clock, [post('2025-10-21T09:00', '#cs599', ['deadline:b'])], { sink });
    await r.dispatcher.start();
    clock.advance({ seconds: 15 });
    expect(await r.dispatcher.tick()).toMatchObject({ retrying: 1 });
    expect(await r.ledger.pendingRetries()).toMatchObject([{ key: 'deadline:b', reason: 'socket hang up' }]);
  });

  it('keeps each channel in order: posts behind a failed one wait, other channels do not', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T08:59:50'));
    let failOnce = true;
    const sink = new RecordingSink((m) => {
      if (m.keys[0] === 'a1' && failOnce) {
        failOnce = false;
        return transient;
      }
      return { ok: true };
    });
    const list = [
      post('2025-10-21T09:00', '#a', ['a1']),
      post('2025-10-21T09:00', '#b', ['b1']),
      post('2025-10-21T09:00:05', '#a', ['a2']),
      post('2025-10-21T09:00:10', '#b', ['b2']),
    ];
    const r = await rig(temp.open(), clock, list, { sink });
    await r.dispatcher.start();
    clock.advance({ seconds: 30 });
    expect(await r.dispatcher.tick()).toMatchObject({ posted: 2, retrying: 1, deferred: 1 });
    clock.advance({ seconds: 30 });
    await r.dispatcher.tick(); // the retry is not due yet: #a still waits
    expect(sink.keysSent()).toEqual(['a1', 'b1', 'b2']);
    clock.advance({ seconds: 45 });
    await r.dispatcher.tick();
    expect(sink.keysSent()).toEqual(['a1', 'b1', 'b2', 'a1', 'a2']);
    await r.dispatcher.tick();
    expect(sink.sent).toHaveLength(5);
  });

  it('drops a retry whose reminder the plan no longer derives', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T08:59:50'));
    const list = [post('2025-10-21T09:00', '#cs599', ['deadline:moved'])];
    const r = await rig(temp.open(), clock, list, { sink: new RecordingSink(() => transient) });
    await r.dispatcher.start();
    clock.advance({ seconds: 15 });
    await r.dispatcher.tick();
    list.length = 0; // the instructor moved the deadline: its old reminder is gone
    clock.advance({ minutes: 2 });
    await r.dispatcher.tick();
    expect((await r.ledger.rows(['deadline:moved'])).get('deadline:moved')).toMatchObject({
      state: 'skipped',
      reason: 'no longer in the plan',
    });
    expect(await r.ledger.pendingRetries()).toEqual([]);
  });
});
