// After a restart the start summary's "Next post" never names a post already sent: here one sent early by
// a clock that was two days ahead. The summary also says the clock is behind the stored progress.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { startupSummary } from '../../src/app/startup-summary.ts';
import { ConsoleSink } from '../../src/delivery/console-sink.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { staticPlanSource } from '../../src/plan/plan-source.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { SqlLedger } from '../../src/storage/sql/tables/sql-ledger.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { sqlDepsOver } from '../support/sql-deps.ts';
import { coursePlan } from '../app/app-kit.ts';
import { tempDatabase } from './delivery-kit.ts';

let temp: ReturnType<typeof tempDatabase>;
afterEach(() => temp?.cleanup());

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe('the start summary after a restart', () => {
  it('names as next post the first one not yet recorded, and says the clock is behind', async () => {
    temp = tempDatabase();
    const plan = coursePlan();
    const out: string[] = [];
    const clock = new ManualClock(at('2025-10-23T07:59:00-04:00'));
    const run = async () => {
      const { sql, lease, retry } = await sqlDepsOver(temp.open());
      const ledger = new SqlLedger(sql, lease, undefined, retry);
      const dispatcher = new Dispatcher({
        ledger,
        sink: new ConsoleSink((text) => out.push(text)),
        plans: staticPlanSource(plan),
        clock,
        derive: derivePosts,
        defaultChannel: '#cs599',
        catchUpSpacingMs: 0,
      });
      return { ledger, dispatcher };
    };
    // A clock two days ahead: Thursday's 8:00 post goes out on Tuesday.
    const ahead = await run();
    await ahead.dispatcher.start();
    clock.set(at('2025-10-23T08:00:10-04:00'));
    await ahead.dispatcher.tick();
    expect(out.map((t) => t.split('\n')[0])).toEqual(['── #cs599 · Thu Oct 23 8:00 AM ──']);

    // Restarted with the right time, Tuesday 9:30.
    clock.set(at('2025-10-21T09:30:00-04:00'));
    const right = await run();
    const started = await right.dispatcher.start();
    const recorded = await right.ledger.keys();
    const summary = startupSummary({
      plan,
      now: clock.now(),
      mode: 'Console mode',
      databasePath: 'bot.db',
      derive: derivePosts,
      defaultChannel: '#cs599',
      due: await right.dispatcher.due(),
      notes: started.clockNote ? [started.clockNote] : [],
      recorded: (keys) => keys.every((key) => recorded.has(key)),
    });
    expect(summary.slice(3)).toEqual([
      'The clock is 1 day 22 hours behind what the database has already handled (up to 2025-10-23T08:00:10-04:00): it was ahead before. Posts already sent stay sent.',
      expect.stringMatching(/^Next post: (?!Thu Oct 23 8:00 AM)/),
    ]);
    expect(summary.at(-1)).not.toContain('Thu Oct 23 8:00 AM');
  });
});
