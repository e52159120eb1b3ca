// The Slack side of running wrong: a host clock ahead of Slack's, a 429 with Retry-After on a due post,
// transient answers to auth.test at start, /healthz telling the truth, and a post that failed because the
// bot was not in the channel, re-sent when it joins.
import { afterEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { sqlLedgerOver } from '../support/sql-deps.ts';
import { resendFailed } from '../../src/delivery/resend-failed.ts';
import { staticPlanSource } from '../../src/plan/plan-source.ts';
import { ChannelDirectory } from '../../src/slack/channel-directory.ts';
import { ChannelPacer } from '../../src/slack/channel-pacer.ts';
import { SlackSink } from '../../src/slack/slack-sink.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { listDerive, MemoryLogger, post, smallPlan } from '../delivery/delivery-kit.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { postingClient, startApp, type StartedApp } from './slack-kit.ts';

let fake: FakeSlack | undefined;
let started: StartedApp | undefined;
let db: Database | undefined;
afterEach(async () => {
  await started?.slack.stop();
  await fake?.close();
  db?.close();
  fake = started = db = undefined;
});

/**
 * A dispatcher posting to the fake through the real sink, on the given clock (the pacer's too). Its sends'
 * leases run out at once, so a start finds a key the test left 'sending' as a crashed process's.
 */
async function slackRig(
  f: FakeSlack,
  clock: ManualClock,
  posts: ReturnType<typeof post>[],
  sleep?: (ms: number) => Promise<void>,
) {
  db = openDatabase(':memory:');
  const client = postingClient(f);
  const sink = new SlackSink({
    client,
    directory: new ChannelDirectory(client),
    botId: () => f.state.identity.botId,
    pacer: new ChannelPacer(1000, () => clock.now().toMillis()),
  });
  const ledger = await sqlLedgerOver(db, undefined, { leaseMs: 0 });
  const logger = new MemoryLogger();
  const make = () =>
    new Dispatcher({
      ledger,
      sink,
      clock,
      logger,
      plans: staticPlanSource(smallPlan(false)),
      derive: listDerive(posts),
      defaultChannel: '#cs599',
      catchUpSpacingMs: 0,
      ...(sleep ? { sleep } : {}),
    });
  return { sink, ledger, logger, make };
}

describe('the host clock 180 s ahead of Slack', () => {
  it('finds a post interrupted after it arrived, instead of posting it again', async () => {
    fake = await startFakeSlack({ clockOffsetMs: -180_000 });
    const now = DateTime.now().setZone('America/New_York').startOf('second');
    const clock = new ManualClock(now);
    const due = post(now.toISO()!, 'C0CLASS', ['class-day:a']);
    const r = await slackRig(fake, clock, [due]);
    // The process posts, then dies before recording the answer: the key stays 'sending'.
    await r.ledger.recordIntent({ channel: 'C0CLASS', at: due.at }, ['class-day:a'], now);
    await r.sink.send({ channel: 'C0CLASS', at: due.at, content: due.content, keys: ['class-day:a'] });
    const [message] = fake.messages('C0CLASS');
    expect(Number(message!.ts)).toBeLessThan(now.toSeconds() - 170);
    clock.advance({ seconds: 5 });

    expect(await r.make().start()).toMatchObject({ foundPosted: 1, toResend: 0 });
    expect((await r.ledger.rows(['class-day:a'])).get('class-day:a')).toMatchObject({
      state: 'posted',
      ts: message!.ts,
    });
    expect(fake.messages('C0CLASS')).toHaveLength(1);
    const [lookup] = fake.callsTo('conversations.history');
    expect(Number(lookup!.params.oldest)).toBeLessThanOrEqual(Number(message!.ts));
  });

  it('searches from the last post Slack confirmed in that channel, in Slack’s own time', async () => {
    fake = await startFakeSlack({ clockOffsetMs: -180_000 });
    const now = DateTime.now().setZone('America/New_York').startOf('second');
    const clock = new ManualClock(now.minus({ minutes: 1 }));
    const first = post(now.minus({ minutes: 1 }).toISO()!, 'C0CLASS', ['first']);
    const second = post(now.toISO()!, 'C0CLASS', ['second']);
    const r = await slackRig(fake, clock, [first, second]);
    await r.make().tick();
    const firstTs = (await r.ledger.rows(['first'])).get('first')!.ts!;
    clock.set(now);
    await r.ledger.recordIntent({ channel: 'C0CLASS', at: second.at }, ['second'], now);
    await r.sink.send({ channel: 'C0CLASS', at: second.at, content: second.content, keys: ['second'] });
    await r.make().start();
    expect(fake.callsTo('conversations.history').at(-1)!.params.oldest).toBe(
      String(Math.floor(Number(firstTs))),
    );
    expect(fake.messages('C0CLASS')).toHaveLength(2);
    expect((await r.ledger.inState('posted')).map((row) => row.key)).toEqual(['first', 'second']);
  });
});

describe('a 429 with Retry-After: 1 on a due post', () => {
  it('is posted again when the Retry-After says, within the same tick, once', async () => {
    fake = await startFakeSlack();
    const clock = new ManualClock(DateTime.fromISO('2025-10-21T08:00:00', { zone: 'America/New_York' }));
    const due = post('2025-10-21T08:00', 'C0CLASS', ['class-day:a']);
    // The tick's wait moves the clock (the sink's pacer reads it too) instead of taking real time.
    const waits: number[] = [];
    const sleep = async (ms: number) => {
      waits.push(ms);
      clock.advance({ seconds: ms / 1000 });
    };
    const r = await slackRig(fake, clock, [due], sleep);
    const dispatcher = r.make();
    await dispatcher.start();
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    expect(await dispatcher.tick()).toMatchObject({ retrying: 1, posted: 1 });
    expect(waits).toEqual([1000]);
    clock.advance({ seconds: 15 });
    await dispatcher.tick();
    expect(fake.messages('C0CLASS')).toHaveLength(1);
    expect(fake.callsTo('chat.postMessage')).toHaveLength(2);
  });
});

describe('auth.test at start', () => {
  it('is retried after one 429 (at its Retry-After) and one 500, and the bot starts', async () => {
    fake = await startFakeSlack();
    fake.failNext('auth.test', { status: 429, retryAfter: 1 });
    fake.failNext('auth.test', { status: 500 });
    started = await startApp(fake, 'http');
    const calls = fake.callsTo('auth.test');
    expect(calls).toHaveLength(3);
    expect(calls[1]!.at - calls[0]!.at).toBeGreaterThanOrEqual(950);
    expect(started.slack.identity()?.botId).toBe('B0BOT');
  });

  it('still stops with one line when Slack keeps failing', async () => {
    fake = await startFakeSlack();
    fake.failNext('auth.test', { status: 500 }, 3);
    await expect(startApp(fake, 'http')).rejects.toThrow(/^Cannot reach Slack at .+ \(HTTP 500\)/);
  });
});

describe('/healthz', () => {
  it('answers 503 with the reason while the store has a problem', async () => {
    fake = await startFakeSlack();
    started = await startApp(fake, 'http');
    const store: { problem?: string } = {};
    started.slack.reportHealth(() => store.problem);
    expect((await fetch(`${started.url}/healthz`)).status).toBe(200);
    const problem = 'the database ./data/coursebot.db was removed while coursebot ran';
    store.problem = problem;
    const response = await fetch(`${started.url}/healthz`);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe(problem);
  });
});

describe('a post that failed because the bot was not in the channel', () => {
  it('is sent again, once, when the bot joins the channel', async () => {
    fake = await startFakeSlack({ channels: [{ id: 'C0CLASS', name: 'cs599', isMember: false }] });
    started = await startApp(fake, 'socket');
    const clock = new ManualClock(DateTime.fromISO('2025-10-21T08:00:00', { zone: 'America/New_York' }));
    const due = post('2025-10-21T08:00', '#cs599', ['class-day:a']);
    const r = await slackRig(fake, clock, [due]);
    const dispatcher = r.make();
    await dispatcher.start();
    expect(await dispatcher.tick()).toMatchObject({ failed: 1 });
    const resend = { ledger: r.ledger, clock, tick: () => dispatcher.tick() };
    const results: Promise<unknown>[] = [];
    started.slack.onBotJoined((matches) => void results.push(resendFailed(resend, matches)));

    // Someone else joining changes nothing; the bot joining sends it.
    await fake.sendEvent({ type: 'member_joined_channel', user: 'U0STUDENT', channel: 'C0CLASS' });
    expect(results).toHaveLength(0);
    fake.state.channels.get('C0CLASS')!.isMember = true;
    clock.advance({ minutes: 5 });
    await fake.sendEvent({ type: 'member_joined_channel', user: 'U0BOT', channel: 'C0CLASS' });
    expect(await results[0]).toMatchObject({ posted: ['class-day:a'] });
    expect(await resendFailed(resend)).toMatchObject({ reopened: [] });
    expect(fake.messages('C0CLASS')).toHaveLength(1);
  });
});
