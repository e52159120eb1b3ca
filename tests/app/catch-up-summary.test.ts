// The start summary says what the first tick does with posts already due, from the dispatcher's own
// survey: a restart at 9:30 on Tue Oct 21 sends the missed 8:00 and 9:00 posts late, skips the older ones.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { catchUpSummary } from '../../src/app/catch-up-summary.ts';
import { startupSummary } from '../../src/app/startup-summary.ts';
import { ConsoleSink } from '../../src/delivery/console-sink.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { sqlLedgerOver } from '../support/sql-deps.ts';
import { staticPlanSource } from '../../src/plan/plan-source.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { local, post, RecordingSink, rig, tempDatabase, ZONE } from '../delivery/delivery-kit.ts';
import { coursePlan } from './app-kit.ts';

let temp: ReturnType<typeof tempDatabase>;
afterEach(() => temp?.cleanup());

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe('the start summary after downtime', () => {
  it('names the missed posts the first tick sends late and the ones it skips, then the next post', async () => {
    temp = tempDatabase();
    const plan = coursePlan();
    const clock = new ManualClock(at('2025-10-18T12:00:00-04:00'));
    const out: string[] = [];
    const dispatcher = async () =>
      new Dispatcher({
        ledger: await sqlLedgerOver(temp.open()),
        sink: new ConsoleSink((text) => out.push(text)),
        plans: staticPlanSource(plan),
        clock,
        derive: derivePosts,
        defaultChannel: '#cs599',
        catchUpSpacingMs: 0,
      });
    const before = await dispatcher();
    await before.start();
    await before.tick();
    // Down from Saturday noon until Tuesday 9:30.
    clock.set(at('2025-10-21T09:30:00-04:00'));
    const after = await dispatcher();
    await after.start();
    const lines = startupSummary({
      plan,
      now: clock.now(),
      mode: 'Console mode',
      databasePath: 'bot.db',
      derive: derivePosts,
      defaultChannel: '#cs599',
      due: await after.due(),
    });
    expect(lines.slice(3)).toEqual([
      '2 missed posts (due 8:00 AM, 9:00 AM) will be sent late now; 2 others are skipped as too late to be useful.',
      'Next post: Thu Oct 23 8:00 AM to #cs599 (class-day)',
    ]);
    // …and that is what the first tick does.
    expect(await after.tick()).toMatchObject({ posted: 2, skipped: 2 });
    expect(out.map((text) => text.split('\n')[0])).toEqual([
      '── #cs599 · Tue Oct 21 8:00 AM ──',
      '── #cs599 · Tue Oct 21 9:00 AM ──',
    ]);
  });
});

describe('catchUpSummary', () => {
  it('is silent when nothing is due, and tells posts due now, retries, lookups and posts behind them', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T08:59:50'));
    const posts = [
      post('2025-10-21T09:00', '#a', ['a1']),
      post('2025-10-21T09:00', '#b', ['b1']),
      post('2025-10-21T09:00:05', '#c', ['c1']),
      post('2025-10-21T09:00:20', '#a', ['a2']),
    ];
    const sink = new RecordingSink((m) =>
      m.channel === '#a'
        ? { ok: false, permanent: false, reason: 'internal_error' }
        : m.channel === '#b'
          ? { ok: false, permanent: false, reason: 'lost', mayHaveArrived: true }
          : { ok: true },
    );
    const r = await rig(temp.open(), clock, posts, { sink });
    const summary = async () => catchUpSummary(await r.dispatcher.due(), clock.now(), ZONE);
    await r.dispatcher.start();
    expect(await summary()).toBeUndefined();
    clock.advance({ seconds: 10 });
    expect(await summary()).toBe('2 posts due at 9:00 AM will be sent now.');
    await r.dispatcher.tick();
    clock.advance({ seconds: 30 });
    expect(await summary()).toBe(
      '1 post due at 9:00 AM will be sent now; 1 post waits for a lookup, as it may already have been posted; 1 post waits for a retry; 1 post waits behind an earlier one.',
    );
    await r.dispatcher.tick();
    clock.advance({ seconds: 35 });
    expect(await summary()).toBe(
      '2 posts due at 9:00 AM will be sent now; 1 post is looked up first, as it may already have been posted.',
    );
  });
});
