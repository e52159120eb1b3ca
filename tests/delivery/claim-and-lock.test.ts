// Two writers on one database: the intent to send is a claim only one of them wins, and a second bot is
// refused at start by the instance lock, which a holder that died does not keep.
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { acquireInstanceLock } from '../../src/storage/instance-lock.ts';
import { openBotStore } from '../../src/storage/bot-store.ts';
import { SqlLedger } from '../../src/storage/sql/tables/sql-ledger.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { sqlDepsOver } from '../support/sql-deps.ts';
import { local, MemoryLogger, post, RecordingSink, rig, tempDatabase } from './delivery-kit.ts';

let temp: ReturnType<typeof tempDatabase>;
afterEach(() => temp?.cleanup());

describe('the claim', () => {
  it('lets only one of two dispatchers on one database send a post, even ticking at the same moment', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T07:59:00'));
    // One channel: its posts go one after the other, so the second dispatcher decides while the first is
    // still sending the first post, and both reach for the second.
    const posts = [post('2025-10-21T08:00', '#cs599', ['a', 'b']), post('2025-10-21T08:00', '#cs599', ['c'])];
    // Each send waits a moment, so both dispatchers are between deciding and recording at once.
    const slow = () =>
      new RecordingSink(() => new Promise((r) => setTimeout(() => r({ ok: true, ts: '1.0' }), 20)));
    const one = await rig(temp.open(), clock, posts, { sink: slow() });
    const two = await rig(temp.open(), clock, posts, { sink: slow() });
    await one.dispatcher.start();
    await two.dispatcher.start();
    clock.advance({ minutes: 1 });
    await Promise.all([one.dispatcher.tick(), two.dispatcher.tick()]);
    const sent = [...one.sink.keysSent(), ...two.sink.keysSent()].sort();
    expect(sent).toEqual(['a', 'b', 'c']);
    expect((await one.ledger.inState('posted')).map((r) => r.key)).toEqual(['a', 'b', 'c']);
    expect([...one.logger.lines, ...two.logger.lines].join('\n')).toContain(
      'another process has already claimed it',
    );
  });

  it('claims all keys of a post or none, and a failure due for a retry once', async () => {
    temp = tempDatabase();
    const process = async (holder: string) => {
      const { sql, lease } = await sqlDepsOver(temp.open(), { holder });
      return new SqlLedger(sql, lease);
    };
    const ledger = await process('one');
    const other = await process('two');
    const now = local('2025-10-21T08:00');
    const at = { channel: '#cs599', at: now.toISO()! };
    expect(await ledger.recordIntent(at, ['a'], now)).toEqual({ claimed: true, takenOver: [] });
    expect(await other.recordIntent(at, ['b', 'a'], now)).toEqual({ claimed: false });
    expect((await other.rows(['b'])).size).toBe(0); // rolled back with 'a'
    await ledger.markFailed(['a'], 'http_500', now, now);
    expect((await other.recordIntent(at, ['a'], now)).claimed).toBe(true);
    expect((await ledger.recordIntent(at, ['a'], now)).claimed).toBe(false);
    await ledger.markPosted(['a'], '1.0', now);
    expect((await ledger.recordIntent(at, ['a'], now)).claimed).toBe(false);
  });
});

describe('the instance lock', () => {
  it('refuses a second holder with one line while the first is alive, and is free again on release', () => {
    temp = tempDatabase();
    // The first holder: another live process of this host (the parent of this one).
    const first = acquireInstanceLock(temp.open(), temp.path, { pid: process.ppid });
    expect(() => acquireInstanceLock(temp.open(), temp.path)).toThrow(
      new RegExp(
        `^Another coursebot \\(pid ${process.ppid} on .+\\) is already running on the database .+: stop it first, or give this one its own COURSEBOT_DB$`,
      ),
    );
    expect(first.renew()).toBe(true);
    first.release();
    expect(() => acquireInstanceLock(temp.open(), temp.path)).not.toThrow();
  });

  it('is taken over at once from a holder whose process is gone, and after its lease from another host', () => {
    temp = tempDatabase();
    const dead = acquireInstanceLock(temp.open(), temp.path, { pid: 999_999, isAlive: () => false });
    const heir = acquireInstanceLock(temp.open(), temp.path);
    expect(dead.renew()).toBe(false); // it would stop sending, had it survived
    heir.release();

    // A container restarted after a kill: the same hostname, the bot pid 1 again, an unexpired lease.
    acquireInstanceLock(temp.open(), temp.path, { pid: 1, host: 'box' });
    acquireInstanceLock(temp.open(), temp.path, { pid: 1, host: 'box' }).release();

    const nowMs = 1_000_000;
    const far = acquireInstanceLock(temp.open(), temp.path, {
      host: 'elsewhere',
      nowMs: () => nowMs,
      leaseMs: 30_000,
    });
    expect(far.renew()).toBe(true);
    expect(() => acquireInstanceLock(temp.open(), temp.path, { nowMs: () => nowMs + 29_000 })).toThrow(
      /elsewhere/,
    );
    expect(() => acquireInstanceLock(temp.open(), temp.path, { nowMs: () => nowMs + 31_000 })).not.toThrow();
  });

  it('refuses a database it cannot write with one line', () => {
    temp = tempDatabase();
    temp.open().close();
    const readOnly = new Database(temp.path, { readonly: true });
    expect(() => acquireInstanceLock(readOnly, temp.path)).toThrow(
      /^Cannot write to the database .+: attempt to write a readonly database \(make the file and its folder writable, or set COURSEBOT_DB\)$/,
    );
  });
});

describe('the bot store', () => {
  it('notices its file removed, says so once, and stops the dispatcher sending', async () => {
    temp = tempDatabase();
    const logger = new MemoryLogger();
    const store = openBotStore(temp.path, { logger });
    const clock = new ManualClock(local('2025-10-21T07:59:00'));
    const r = await rig(store.db, clock, [post('2025-10-21T08:00', '#cs599', ['a'])], {
      storeProblem: () => store.check(),
    });
    await r.dispatcher.start();
    expect(store.check()).toBeUndefined();
    temp.cleanup();
    clock.advance({ minutes: 2 });
    expect(await r.dispatcher.tick()).toMatchObject({ posted: 0 });
    await r.dispatcher.tick();
    expect(r.sink.sent).toEqual([]);
    expect(store.problem()).toMatch(
      /^the database .+ was removed or replaced while coursebot ran: nothing more is sent/,
    );
    expect(logger.lines.filter((l) => l.startsWith('error'))).toHaveLength(1);
    store.close();
  });

  it('notices a store that cannot be written any more, sends nothing meanwhile, and resumes after', async () => {
    temp = tempDatabase();
    const logger = new MemoryLogger();
    const store = openBotStore(temp.path, { logger });
    const clock = new ManualClock(local('2025-10-21T07:59:00'));
    const r = await rig(store.db, clock, [post('2025-10-21T08:00', '#cs599', ['a'])], {
      storeProblem: () => store.check(),
    });
    await r.dispatcher.start();
    // As a file made read-only under the bot: every write is refused.
    store.db.pragma('query_only = ON');
    clock.advance({ minutes: 1 });
    await r.dispatcher.tick();
    expect(r.sink.sent).toEqual([]);
    expect(store.problem()).toMatch(
      /^cannot write to the database .+ \(attempt to write a readonly database\): nothing is sent until it can be written$/,
    );
    store.db.pragma('query_only = OFF');
    clock.advance({ seconds: 15 });
    expect(await r.dispatcher.tick()).toMatchObject({ posted: 1 });
    expect(logger.lines.map((l) => l.split(' ')[0])).toEqual(['error', 'info']);
    store.close();
  });

  it('does not hold a tick (or an answer) while another process holds the database locked; the tick retries and posts once', async () => {
    temp = tempDatabase();
    const store = openBotStore(temp.path, { logger: new MemoryLogger() });
    const clock = new ManualClock(local('2025-10-21T07:59:00'));
    const r = await rig(store.db, clock, [post('2025-10-21T08:00', '#cs599', ['a'])]);
    await r.dispatcher.start();
    const other = new Database(temp.path);
    other.exec('BEGIN EXCLUSIVE');
    clock.advance({ minutes: 1 });
    // The tick tries its transaction a few times (the store's retry), each wait for the lock short, and gives
    // the event loop back in between: answers are never held for longer than one wait.
    let last = performance.now();
    let longestGap = 0;
    const beat = setInterval(() => {
      const at = performance.now();
      longestGap = Math.max(longestGap, at - last);
      last = at;
    }, 20);
    await expect(r.dispatcher.tick()).rejects.toThrow(/database is locked/);
    clearInterval(beat);
    expect(longestGap).toBeLessThan(600);
    other.exec('ROLLBACK');
    other.close();
    clock.advance({ seconds: 15 });
    expect(await r.dispatcher.tick()).toMatchObject({ posted: 1 });
    await r.dispatcher.tick();
    expect(r.sink.keysSent()).toEqual(['a']);
    store.close();
  });

  it('records a post that arrived while another process held the lock, once it is let go', async () => {
    temp = tempDatabase();
    const store = openBotStore(temp.path, { logger: new MemoryLogger() });
    const clock = new ManualClock(local('2025-10-21T07:59:00'));
    const other = new Database(temp.path);
    const sink = new RecordingSink(() => {
      other.exec('BEGIN EXCLUSIVE');
      setTimeout(() => other.exec('ROLLBACK'), 400);
      return { ok: true, ts: '1.5' };
    });
    const r = await rig(store.db, clock, [post('2025-10-21T08:00', '#cs599', ['a'])], { sink });
    await r.dispatcher.start();
    clock.advance({ minutes: 1 });
    expect(await r.dispatcher.tick()).toMatchObject({ posted: 1 });
    expect((await r.ledger.rows(['a'])).get('a')).toMatchObject({ state: 'posted', ts: '1.5' });
    other.close();
    store.close();
  });
});
