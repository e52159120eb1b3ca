// The outbox: each reminder key is sent once, across ticks, restarts and crashes between send and record.
import { afterEach, describe, expect, it } from 'vitest';
import { expireLeasesOfOthers } from '../../src/storage/sql/dead-holders.ts';
import { sqlStoreOverFile } from '../../src/storage/sql/open-sql.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { afterTheLease, local, post, RecordingSink, rig, tempDatabase } from './delivery-kit.ts';

let temp: ReturnType<typeof tempDatabase>;
afterEach(() => temp?.cleanup());

const posts = [
  post('2025-10-21T08:00', '#cs599', ['class-day:a']),
  post('2025-10-21T09:00', '#cs599', ['deadline:b', 'deadline:c']),
];

describe('the outbox', () => {
  it('sends each due post once, however often it ticks or restarts', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T07:59:30'));
    const first = await rig(temp.open(), clock, posts);
    await first.dispatcher.start();
    expect(await first.dispatcher.tick()).toMatchObject({ posted: 0 });
    clock.advance({ seconds: 45 });
    expect(await first.dispatcher.tick()).toMatchObject({ posted: 1 });
    await first.dispatcher.tick();
    clock.advance({ hours: 1 });
    await first.dispatcher.tick();
    expect(first.sink.keysSent()).toEqual(['class-day:a', 'deadline:b', 'deadline:c']);
    expect(first.sink.sent[0]).toMatchObject({ channel: '#cs599', at: posts[0]!.at });

    const second = await rig(temp.open(), clock, posts);
    await second.dispatcher.start();
    clock.advance({ minutes: 1 });
    await second.dispatcher.tick();
    expect(second.sink.sent).toEqual([]);
    expect((await second.ledger.rows(['deadline:b'])).get('deadline:b')).toMatchObject({
      state: 'posted',
      ts: 'ts-1',
    });
  });

  describe('a crash between sending and recording', () => {
    // The process "dies" mid-send: the sink never answers, the dispatcher is dropped, the keys stay 'sending'.
    async function crashMidSend() {
      temp = tempDatabase();
      const clock = new ManualClock(local('2025-10-21T07:59:30'));
      const dying = await rig(temp.open(), clock, posts, {
        sink: new RecordingSink(() => new Promise(() => {})),
      });
      await dying.dispatcher.start();
      clock.advance({ seconds: 45 });
      void dying.dispatcher.tick();
      await new Promise((resolve) => setImmediate(resolve));
      expect(dying.sink.sent).toHaveLength(1);
      expect((await dying.ledger.inState('sending')).map((r) => r.key)).toEqual(['class-day:a']);
      clock.advance({ seconds: 20 });
      return clock;
    }

    it('found at the destination: recorded as posted, not sent again', async () => {
      const clock = await crashMidSend();
      const found = new RecordingSink(undefined, { found: true, ts: 'ts-found' });
      const restarted = await rig(temp.open(), clock, posts, { sink: found, lease: afterTheLease() });
      expect(await restarted.dispatcher.start()).toEqual({
        foundPosted: 1,
        toResend: 0,
        unknown: 0,
        unconfirmed: 0,
      });
      expect(restarted.sink.searched).toEqual([
        { channel: '#cs599', keys: ['class-day:a'], since: expect.any(Number) },
      ]);
      // Searched from shortly before the intent was recorded (08:00:15).
      expect(restarted.sink.searched[0]!.since).toBeLessThanOrEqual(local('2025-10-21T08:00:15').toSeconds());
      await restarted.dispatcher.tick();
      expect(restarted.sink.sent).toEqual([]);
      expect((await restarted.ledger.rows(['class-day:a'])).get('class-day:a')).toMatchObject({
        state: 'posted',
        ts: 'ts-found',
      });
    });

    it('not found: sent again, once', async () => {
      const clock = await crashMidSend();
      const restarted = await rig(temp.open(), clock, posts, {
        sink: new RecordingSink(),
        lease: afterTheLease(),
      });
      expect(await restarted.dispatcher.start()).toEqual({
        foundPosted: 0,
        toResend: 1,
        unknown: 0,
        unconfirmed: 0,
      });
      await restarted.dispatcher.tick();
      await restarted.dispatcher.tick();
      expect(restarted.sink.keysSent()).toEqual(['class-day:a']);
      // Less than the late threshold after its time: no late note.
      expect(JSON.stringify(restarted.sink.sent[0]!.content)).not.toContain('Posted late');
      expect((await restarted.ledger.rows(['class-day:a'])).get('class-day:a')).toMatchObject({
        state: 'posted',
        attempts: 2,
      });
    });

    it('a sink that can never tell (the console): sent again, with a warning that it may repeat', async () => {
      const clock = await crashMidSend();
      const console = new RecordingSink(undefined, { found: 'unknown', reason: 'no history' }, false);
      const restarted = await rig(temp.open(), clock, posts, { sink: console, lease: afterTheLease() });
      expect(await restarted.dispatcher.start()).toEqual({
        foundPosted: 0,
        toResend: 0,
        unknown: 1,
        unconfirmed: 0,
      });
      await restarted.dispatcher.tick();
      expect(restarted.sink.keysSent()).toEqual(['class-day:a']);
      expect(restarted.logger.lines.filter((l) => l.startsWith('warn'))).toEqual([
        expect.stringMatching(/#cs599.*interrupted.*may repeat/),
      ]);
    });

    it('resolves at once after a restart that took the SQLite file: the instance lock proves the sender gone', async () => {
      const clock = await crashMidSend();
      // As `coursebot start` does once it holds the file's instance lock.
      const holder = 'restarted';
      await expireLeasesOfOthers(sqlStoreOverFile(temp.open(), temp.path), holder);
      const restarted = await rig(temp.open(), clock, posts, {
        sink: new RecordingSink(undefined, { found: true, ts: 'ts-found' }),
        lease: { holder },
      });
      expect(await restarted.dispatcher.start()).toMatchObject({ foundPosted: 1 });
      await restarted.dispatcher.tick();
      expect(restarted.sink.sent).toEqual([]);
    });

    it('leaves a send alone after a restart while its lease still runs (another instance may be sending it)', async () => {
      const clock = await crashMidSend();
      const restarted = await rig(temp.open(), clock, posts, { sink: new RecordingSink() });
      expect(await restarted.dispatcher.start()).toMatchObject({ foundPosted: 0, toResend: 0 });
      await restarted.dispatcher.tick();
      expect(restarted.sink.searched).toEqual([]);
      expect(restarted.sink.sent).toEqual([]);
      expect((await restarted.ledger.rows(['class-day:a'])).get('class-day:a')?.state).toBe('sending');
    });
  });

  it('a post mixing recorded and new keys sends only the new reminders', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T08:59:50'));
    const list = [post('2025-10-21T09:00', '#cs599', ['deadline:b'])];
    const narrowed: string[][] = [];
    const r = await rig(temp.open(), clock, list, {
      narrow: (p, reminders) => {
        narrowed.push(reminders.map((x) => x.key));
        return { blocks: [{ kind: 'section', lines: reminders.map((x) => [x.key]) }] };
      },
    });
    await r.dispatcher.start();
    clock.advance({ seconds: 10 });
    await r.dispatcher.tick();
    // A plan edit adds a reminder to the very post just sent; the window still covers it (at == watermark).
    list[0] = post('2025-10-21T09:00', '#cs599', ['deadline:b', 'deadline:new']);
    await r.dispatcher.tick();
    expect(r.sink.sent.map((m) => m.keys)).toEqual([['deadline:b'], ['deadline:new']]);
    expect(narrowed).toEqual([['deadline:new']]);
    expect(JSON.stringify(r.sink.sent[1]!.content)).not.toContain('deadline:b');
  });
});
