// Several instances on one database, on SQLite and PostgreSQL alike: a due post claimed by two at once is
// sent by one; a send taken over from an instance that died is looked up first; an instance that starts
// leaves another's live send alone; one course's tick runs on one instance at a time; and the watermark
// never goes back because one instance's clock is a little behind another's.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { sendThroughOutbox, type OutboxDeps } from '../../src/delivery/send-post.ts';
import { staticPlanSource } from '../../src/plan/plan-source.ts';
import { migrateSql } from '../../src/storage/sql/migrate.ts';
import { coursebotMigrations } from '../../src/storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../../src/storage/sql/sql-store.ts';
import type { LedgerLease } from '../../src/storage/sql/tables/ledger-lease.ts';
import { SqlLedger } from '../../src/storage/sql/tables/sql-ledger.ts';
import { CourseTickLease } from '../../src/storage/sql/tick-lease.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { dialects, type TestDatabase } from '../storage/sql/dialects.ts';
import { listDerive, local, MemoryLogger, post, RecordingSink, smallPlan } from './delivery-kit.ts';

const COURSE = 'cs-1';
const LEASE_MS = 60_000;
const DUE = post('2025-10-21T08:00', '#cs599', ['class-day:a', 'deadline:b']);
const KEYS = DUE.reminders.map((r) => r.key);

describe.each(dialects)('instances on one $name database', ({ name, skip, fresh }) => {
  let database: TestDatabase;
  let clock: ManualClock;
  /** The wall clock every instance's leases are measured by (one machine's, or synchronised ones). */
  let wall: number;

  let shared: SqlStore;

  /**
   * One instance, its own holder. On PostgreSQL its own pool; on SQLite the one store (one connection),
   * as the bot runs there: two connections of one process would wait for each other's write lock while
   * holding the only thread.
   */
  async function instance(holder: string, sink = new RecordingSink()) {
    const store = name === 'postgres' ? await database.open() : shared;
    const lease: LedgerLease = { holder, leaseMs: LEASE_MS, wallNow: () => wall };
    const ledger = new SqlLedger(store, lease, COURSE);
    const logger = new MemoryLogger();
    const dispatcher = new Dispatcher({
      ledger,
      sink,
      clock,
      logger,
      plans: staticPlanSource(smallPlan()),
      derive: listDerive([DUE]),
      defaultChannel: '#cs599',
      catchUpSpacingMs: 0,
    });
    const outbox: OutboxDeps = { ledger, sink, clock, logger };
    const tickLease = new CourseTickLease({ sql: store, retry: { run: (op) => op() }, lease }, COURSE);
    return { store, ledger, sink, logger, dispatcher, outbox, tickLease };
  }

  /** A sink whose sends take a moment, so two instances are between deciding and recording at once. */
  const slowSink = (found: ConstructorParameters<typeof RecordingSink>[1] = { found: false }) =>
    new RecordingSink(() => new Promise((r) => setTimeout(() => r({ ok: true, ts: '1.0' }), 30)), found);

  beforeEach(async () => {
    if (skip) return;
    clock = new ManualClock(local('2025-10-21T07:59:00'));
    wall = Date.parse('2025-10-21T12:00:00Z');
    database = await fresh();
    shared = await database.open();
    await migrateSql(shared, coursebotMigrations);
  });
  afterEach(async () => {
    if (!skip) await database.cleanup();
  });

  it.skipIf(skip)('sends a due post once when two instances tick it at the same moment', async () => {
    const a = await instance('a', slowSink());
    const b = await instance('b', slowSink());
    await a.dispatcher.start();
    await b.dispatcher.start();
    clock.advance({ minutes: 1 });
    await Promise.all([a.dispatcher.tick(), b.dispatcher.tick()]);
    expect([...a.sink.keysSent(), ...b.sink.keysSent()].sort()).toEqual(KEYS.sort());
    expect(a.sink.sent.length + b.sink.sent.length).toBe(1);
    expect((await a.ledger.inState('posted')).map((r) => r.key)).toEqual(KEYS);
  });

  describe('a send taken over from an instance whose lease ran out', () => {
    /** Instance "dead" claimed the post and died before recording anything; its lease has since run out. */
    async function diedMidSend() {
      const dead = await instance('dead');
      expect(await dead.ledger.recordIntent(DUE, KEYS, clock.now())).toEqual({
        claimed: true,
        takenOver: [],
      });
      wall += LEASE_MS + 1;
      clock.advance({ minutes: 1 });
    }

    it.skipIf(skip)('found at the destination: recorded posted, not sent again', async () => {
      await diedMidSend();
      const heir = await instance('heir', new RecordingSink(undefined, { found: true, ts: '9.9' }));
      expect(await sendThroughOutbox(heir.outbox, DUE, KEYS, DUE.content)).toBe('posted');
      expect(heir.sink.searched).toEqual([{ channel: '#cs599', keys: KEYS, since: expect.any(Number) }]);
      // Searched from no later than when the dead instance began its send.
      expect(heir.sink.searched[0]!.since).toBeLessThanOrEqual(local('2025-10-21T07:59:00').toSeconds());
      expect(heir.sink.sent).toEqual([]);
      expect((await heir.ledger.rows(KEYS)).get('class-day:a')).toMatchObject({ state: 'posted', ts: '9.9' });
    });

    it.skipIf(skip)('not at the destination: sent once', async () => {
      await diedMidSend();
      const heir = await instance('heir');
      expect(await sendThroughOutbox(heir.outbox, DUE, KEYS, DUE.content)).toBe('posted');
      expect(await sendThroughOutbox(heir.outbox, DUE, KEYS, DUE.content)).toBe('taken');
      expect(heir.sink.searched).toHaveLength(1);
      expect(heir.sink.keysSent()).toEqual(KEYS);
    });
  });

  it.skipIf(skip)(
    "leaves another live instance's send alone at start, and resolves it once its lease runs out",
    async () => {
      const busy = await instance('busy');
      await busy.ledger.recordIntent(DUE, KEYS, clock.now());
      const starting = await instance('starting', new RecordingSink(undefined, { found: true, ts: '2.0' }));
      expect(await starting.dispatcher.start()).toEqual({
        foundPosted: 0,
        toResend: 0,
        unknown: 0,
        unconfirmed: 0,
      });
      expect(starting.sink.searched).toEqual([]);
      expect((await starting.ledger.rows(['class-day:a'])).get('class-day:a')?.state).toBe('sending');

      // The busy instance died: once its lease has run out, the next tick looks the post up.
      wall += LEASE_MS + 1;
      clock.advance({ minutes: 1 });
      await starting.dispatcher.tick();
      expect(starting.sink.searched).toHaveLength(1);
      expect(starting.sink.sent).toEqual([]);
      expect((await starting.ledger.rows(['class-day:a'])).get('class-day:a')).toMatchObject({
        state: 'posted',
        ts: '2.0',
      });
    },
  );

  it.skipIf(skip)(
    'runs one course tick at a time: the other instance skips it, and ticks it after',
    async () => {
      const a = await instance('a', slowSink());
      const b = await instance('b', slowSink());
      await a.dispatcher.start();
      clock.advance({ minutes: 1 });
      const [first, second] = await Promise.all([
        a.tickLease.run(() => a.dispatcher.tick()),
        // Asked while a's claim has landed: a holds the course's tick.
        new Promise((r) => setTimeout(r, 10)).then(() => b.tickLease.run(() => b.dispatcher.tick())),
      ]);
      expect(first).toMatchObject({ ran: true, value: { posted: 2 } });
      expect(second).toEqual({ ran: false, holder: 'a' });
      expect(b.sink.sent).toEqual([]);
      // Released at the end of a's tick: b may tick the course now (and has nothing left to send).
      expect(await b.tickLease.run(() => b.dispatcher.tick())).toMatchObject({
        ran: true,
        value: { posted: 0 },
      });
      expect(a.sink.keysSent()).toEqual(KEYS);
    },
  );

  it.skipIf(skip)(
    'takes over the tick of an instance that died holding it, once the lease runs out',
    async () => {
      const a = await instance('a');
      const b = await instance('b');
      // a dies in the middle of its tick: the work never ends, so its lease is never released.
      void a.tickLease.run(() => new Promise(() => {}));
      await new Promise((r) => setTimeout(r, 50));
      expect(await b.tickLease.run(async () => 'ticked')).toEqual({ ran: false, holder: 'a' });
      wall += 3 * 60_000 + 1;
      expect(await b.tickLease.run(async () => 'ticked')).toEqual({ ran: true, value: 'ticked' });
    },
  );

  it.skipIf(skip)(
    "never moves the watermark back for an instance whose clock is a little behind another's",
    async () => {
      const ahead = await instance('ahead');
      const behind = await instance('behind');
      await ahead.dispatcher.start();
      clock.advance({ minutes: 1 });
      await ahead.dispatcher.tick();
      const handled = clock.now();
      expect((await ahead.ledger.watermark())!.toMillis()).toBe(handled.toMillis());

      // The other machine's clock is five seconds behind: not "a clock that went back", and no progress lost.
      clock.set(handled.minus({ seconds: 5 }));
      await behind.dispatcher.start();
      await behind.dispatcher.tick();
      await behind.ledger.setWatermark(clock.now());
      expect((await behind.ledger.watermark())!.toMillis()).toBe(handled.toMillis());
      expect(behind.logger.lines.filter((l) => l.startsWith('warn'))).toEqual([]);
      expect(behind.sink.sent).toEqual([]);

      // Progress made after the old value still moves it on, across a change of the UTC offset too.
      const later = local('2025-11-03T08:00');
      await behind.ledger.setWatermark(later);
      await ahead.ledger.setWatermark(later.minus({ days: 1 }));
      expect((await ahead.ledger.watermark())!.toMillis()).toBe(later.toMillis());
    },
  );
});
