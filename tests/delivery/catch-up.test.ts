// After downtime: still-useful missed posts go out late, labelled and in order; the rest are recorded skipped.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { renderText } from '../../src/content/render-text.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { local, post, rig, smallPlan, tempDatabase } from './delivery-kit.ts';

let temp: ReturnType<typeof tempDatabase>;
beforeEach(() => {
  temp = tempDatabase();
});
afterEach(() => temp.cleanup());

// Down from Sat Oct 18 18:00 until Tue Oct 21 10:30.
const posts = [
  post('2025-10-18T17:00', '#cs599', ['before-the-stop']),
  post('2025-10-19T09:00', '#cs599', ['sunday-digest']),
  post('2025-10-20T09:00', '#cs599', ['monday-deadline-reminder'], '2025-10-24T23:59'),
  post('2025-10-21T08:00', '#cs599', ['class-day:today']),
  post('2025-10-21T09:00', '#cs599', ['deadline:tomorrow'], '2025-10-22T23:59'),
  post('2025-10-21T09:00', '#other', ['deadline:past-already'], '2025-10-21T10:00'),
  post('2025-10-21T10:29', '#cs599', ['just-now']),
  post('2025-10-21T11:00', '#cs599', ['later-today']),
];

async function runThenStopThreeDays(sameDayOnly: boolean) {
  const clock = new ManualClock(local('2025-10-18T16:59:50'));
  const plan = smallPlan(sameDayOnly);
  const before = await rig(temp.open(), clock, posts, { plan });
  await before.dispatcher.start();
  clock.advance({ seconds: 15 });
  await before.dispatcher.tick();
  clock.set(local('2025-10-18T18:00'));
  await before.dispatcher.tick();
  expect(before.sink.keysSent()).toEqual(['before-the-stop']);
  clock.set(local('2025-10-21T10:30'));
  const after = await rig(temp.open(), clock, posts, { plan });
  await after.dispatcher.start();
  return { after, report: await after.dispatcher.tick() };
}

describe('downtime catch-up', () => {
  it('sends same-day, still-useful posts late with a note; records the others skipped with the reason', async () => {
    const { after, report } = await runThenStopThreeDays(true);
    expect(after.sink.keysSent()).toEqual(['class-day:today', 'deadline:tomorrow', 'just-now']);
    expect(report).toMatchObject({ posted: 3, skipped: 3 });
    const texts = after.sink.sent.map((m) => renderText(m.content));
    expect(texts[0]).toContain('Posted late: this reminder was due at 8:00 AM.');
    expect(texts[1]).toContain('Posted late: this reminder was due at 9:00 AM.');
    expect(texts[2]).not.toContain('Posted late'); // a minute after its time is not late
    const rows = await after.ledger.rows([
      'sunday-digest',
      'monday-deadline-reminder',
      'deadline:past-already',
    ]);
    expect(rows.get('sunday-digest')).toMatchObject({ state: 'skipped' });
    expect(rows.get('sunday-digest')!.reason).toMatch(/due Sun Oct 19 9:00 AM.*same day.*sameDayOnly/);
    expect(rows.get('monday-deadline-reminder')!.state).toBe('skipped');
    expect(rows.get('deadline:past-already')!.reason).toMatch(/already past/);
    // Nothing of the future is touched, and nothing is sent twice on the next ticks.
    expect((await after.ledger.rows(['later-today'])).size).toBe(0);
    await after.dispatcher.tick();
    expect(after.sink.sent).toHaveLength(3);
  });

  it('with sameDayOnly off, earlier days whose subject is ahead go out too, oldest first', async () => {
    const { after } = await runThenStopThreeDays(false);
    expect(after.sink.keysSent()).toEqual([
      'monday-deadline-reminder',
      'class-day:today',
      'deadline:tomorrow',
      'just-now',
    ]);
    expect(renderText(after.sink.sent[0]!.content)).toContain('was due at Mon Oct 20 9:00 AM.');
    // Its subject (Mon Oct 20 9:00) is past: not useful even with sameDayOnly off.
    expect((await after.ledger.rows(['sunday-digest'])).get('sunday-digest')!.reason).toMatch(/already past/);
  });

  it('paces late posts one after the other', async () => {
    const clock = new ManualClock(local('2025-10-21T07:00'));
    const pauses: number[] = [];
    const sleep = async (ms: number) => void pauses.push(ms);
    const first = await rig(temp.open(), clock, posts, { catchUpSpacingMs: 1000, sleep });
    await first.dispatcher.start();
    clock.set(local('2025-10-21T10:30'));
    await first.dispatcher.tick();
    expect(first.sink.sent).toHaveLength(3);
    expect(pauses).toEqual([1000]); // between the two late ones; the third is on time
  });

  it('the first start posts no backlog: the watermark starts at now', async () => {
    const clock = new ManualClock(local('2025-10-21T10:30'));
    const r = await rig(temp.open(), clock, posts);
    await r.dispatcher.start();
    expect((await r.ledger.watermark())!.toMillis()).toBe(clock.now().toMillis());
    await r.dispatcher.tick();
    expect(r.sink.sent).toEqual([]);
    clock.set(local('2025-10-21T11:00:10'));
    await r.dispatcher.tick();
    expect(r.sink.keysSent()).toEqual(['later-today']);
  });
});
