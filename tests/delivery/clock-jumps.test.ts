// A host clock that jumps a week ahead while the bot runs, then back: nothing goes out a week early
// without a log line, the catch-up after the jump is bounded, and back at the right time the posts due
// are sent (those sent early are not sent again).
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/util/clock.ts';
import { local, post, rig, tempDatabase } from './delivery-kit.ts';

let temp: ReturnType<typeof tempDatabase>;
afterEach(() => temp?.cleanup());

/** One post a day at 09:00, Oct 21–28, each about the next day; and two in the hour before Oct 28 08:00. */
const posts = () => [
  ...[21, 22, 23, 24, 25, 26, 27, 28].map((d) => post(`2025-10-${d}T09:00`, '#cs599', [`day-${d}`])),
  post('2025-10-28T07:30', '#cs599', ['early-bird']),
  // Its subject is past by 08:00: a clock a week ahead records it skipped as too late.
  post('2025-10-28T07:10', '#cs599', ['short-lived'], '2025-10-28T07:20'),
];

describe('a clock that jumps a week ahead while running, then back', () => {
  it('logs both jumps, bounds the catch-up, and sends what is due when the clock is right again', async () => {
    temp = tempDatabase();
    let mono = 0;
    const clock = new ManualClock(local('2025-10-21T08:00'));
    const r = await rig(temp.open(), clock, posts(), { monotonicMs: () => mono });
    await r.dispatcher.start();
    await r.dispatcher.tick();

    clock.set(local('2025-10-28T08:00'));
    mono += 15_000;
    const ahead = await r.dispatcher.tick();
    // Only the hour before the new time is caught up on: one post sent a week early, and logged.
    expect(r.sink.keysSent()).toEqual(['early-bird']);
    expect(ahead).toMatchObject({ posted: 1, skipped: 1 });
    expect(r.logger.lines).toContainEqual(
      'warn the clock jumped forward by 7 days since the last tick (from 2025-10-21T08:00:00-04:00 to 2025-10-28T08:00:00-04:00): posts due before 2025-10-28T07:00:00-04:00 are not caught up on (a clock that is wrong would send them early)',
    );
    expect((await r.ledger.rows(['day-21', 'day-22'])).size).toBe(0); // not recorded as skipped

    clock.set(local('2025-10-21T08:00:30'));
    mono += 15_000;
    await r.dispatcher.tick();
    expect(r.logger.lines).toContainEqual(
      'warn The clock is 7 days behind what the database has already handled (up to 2025-10-28T08:00:00-04:00): it was ahead before. Posts already sent stay sent; 1 reminder(s) skipped by that clock will be sent at their time.',
    );

    // Back at the right time, day by day with real time passing as fast: every post goes out at its
    // time, the early one not again.
    const steadyTo = async (text: string) => {
      mono += local(text).toMillis() - clock.now().toMillis();
      clock.set(local(text));
      await r.dispatcher.tick();
    };
    for (const d of [21, 22, 23, 24, 25, 26, 27]) await steadyTo(`2025-10-${d}T09:00`);
    await steadyTo('2025-10-28T07:10');
    await steadyTo('2025-10-28T09:00');
    expect(r.sink.keysSent()).toEqual([
      'early-bird',
      ...[21, 22, 23, 24, 25, 26, 27].map((d) => `day-${d}`),
      'short-lived',
      'day-28',
    ]);
    expect(r.logger.lines.filter((l) => l.includes('jumped forward'))).toHaveLength(1);
  });
});

describe('a start with the clock behind the stored progress', () => {
  it('is said in one line for the start summary, and the progress is set back', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-11-20T12:00'));
    const demo = await rig(temp.open(), clock, posts());
    await demo.dispatcher.start();
    clock.set(local('2025-10-21T08:00'));
    const real = await rig(temp.open(), clock, posts());
    const started = await real.dispatcher.start();
    expect(started.clockNote).toMatch(
      /^The clock is 30 days \d+ hours? behind what the database has already handled/,
    );
    clock.set(local('2025-10-21T09:00'));
    await real.dispatcher.tick();
    expect(real.sink.keysSent()).toEqual(['day-21']);
  });

  it('says in the log how far a start ahead of the stored progress catches up (downtime, or a clock ahead)', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-10-21T08:00'));
    await (await rig(temp.open(), clock, posts())).dispatcher.start();
    clock.set(local('2025-10-28T08:00'));
    const later = await rig(temp.open(), clock, posts());
    await later.dispatcher.start();
    expect(later.logger.lines).toEqual([
      'warn the last run handled posts up to 2025-10-21T08:00:00-04:00, 7 days ago: catching up on the posts due since (reminders.catchUp); if this clock is wrong, stop coursebot and fix it',
    ]);
  });

  it('is refused with one line when the clock was set by hand (COURSEBOT_NOW)', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-11-20T12:00'));
    await (await rig(temp.open(), clock, posts())).dispatcher.start();
    clock.set(local('2025-10-21T08:00'));
    await expect(
      (await rig(temp.open(), clock, posts(), { clockSetBy: 'COURSEBOT_NOW' })).dispatcher.start(),
    ).rejects.toThrow(
      'COURSEBOT_NOW (2025-10-21T08:00:00-04:00) is behind what this database has already handled (up to 2025-11-20T12:00:00-05:00): give the demo its own COURSEBOT_DB, or a time after that',
    );
  });

  it('names --now when the flag set the clock', async () => {
    temp = tempDatabase();
    const clock = new ManualClock(local('2025-11-20T12:00'));
    await (await rig(temp.open(), clock, posts())).dispatcher.start();
    clock.set(local('2025-10-21T08:00'));
    await expect(
      (await rig(temp.open(), clock, posts(), { clockSetBy: '--now' })).dispatcher.start(),
    ).rejects.toThrow(/^--now \(2025-10-21T08:00:00-04:00\) is behind/);
  });
});
