// The real derivation through the dispatcher and the console sink: the Class 14 post of Tue Oct 21 2025.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultChannelOf } from '../../src/app/default-channel.ts';
import { startupSummary } from '../../src/app/startup-summary.ts';
import { parseConfig } from '../../src/config/env.ts';
import { ConsoleSink } from '../../src/delivery/console-sink.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { sqlLedgerOver } from '../support/sql-deps.ts';
import { staticPlanSource } from '../../src/plan/plan-source.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { tempDatabase } from '../delivery/delivery-kit.ts';
import { coursePlan } from './app-kit.ts';

let temp: ReturnType<typeof tempDatabase>;
afterEach(() => temp?.cleanup());

const at = (iso: string) => DateTime.fromISO(iso, { setZone: true });

describe('a start half a minute before the class-day post', () => {
  it('posts no backlog, then prints the Class 14 post at the first tick after 8:00', async () => {
    temp = tempDatabase();
    const plan = coursePlan();
    const clock = new ManualClock(at('2025-10-21T07:59:30-04:00'));
    const out: string[] = [];
    const dispatcher = new Dispatcher({
      ledger: await sqlLedgerOver(temp.open()),
      sink: new ConsoleSink((text) => out.push(text)),
      plans: staticPlanSource(plan),
      clock,
      derive: derivePosts,
      defaultChannel: '#cs599',
    });
    await dispatcher.start();
    for (let i = 0; i < 2; i++) {
      await dispatcher.tick();
      clock.advance({ seconds: 15 });
    }
    expect(out).toEqual([]); // 07:59:30 and 07:59:45: the morning's earlier days are not posted
    await dispatcher.tick(); // 08:00:00
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^── #cs599 · Tue Oct 21 8:00 AM ──\n/);
    expect(out[0]).toContain('Class 14 today, Tue Oct 21: Sparse approximation of attention');
    expect(out[0]).not.toContain('Posted late');
    clock.advance({ minutes: 30 });
    await dispatcher.tick();
    expect(out).toHaveLength(1);
  });
});

describe('startupSummary', () => {
  const config = parseConfig({});
  const base = () => {
    const plan = coursePlan();
    return {
      plan,
      mode: 'Console mode',
      databasePath: './data/coursebot.db',
      derive: derivePosts,
      defaultChannel: defaultChannelOf(config, plan),
      due: [],
    };
  };

  it('names the course, the term, the mode, the database and the next post', () => {
    const lines = startupSummary({ ...base(), now: at('2025-10-21T07:59:30-04:00') });
    expect(lines).toEqual([
      'coursebot: CS 599 E1 Algorithms for Machine Learning, Fall 2025 (Tue Sep 2 2025 – Tue Dec 9 2025)',
      'Console mode',
      'Database: ./data/coursebot.db',
      'Next post: Tue Oct 21 8:00 AM to #cs599e1 (class-day)',
    ]);
  });

  it('after the term says so, with a way to see the reminders', () => {
    const lines = startupSummary({ ...base(), now: at('2026-11-28T12:00:00-05:00') });
    expect(lines.slice(3)).toEqual([
      'The term ended on Tue Dec 9 2025.',
      'Nothing more will be posted. To see the reminders, try `coursebot preview` or COURSEBOT_NOW=2025-10-21T07:59:30-04:00 npm start',
    ]);
  });
});
