// Reminders through the real dispatcher and ledger into the fake Slack: a channel given by name, a 429
// then success, a permanent channel error recorded with its reason, and a crash between a post and its
// ledger record followed by a restart that finds the post by its metadata instead of posting again.
import { DateTime } from 'luxon';
import { afterEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import type { LedgerLease } from '../../src/storage/sql/tables/ledger-lease.ts';
import { afterTheLease } from '../delivery/delivery-kit.ts';
import { sqlLedgerOver } from '../support/sql-deps.ts';
import type { Sink } from '../../src/delivery/sink.ts';
import { staticPlanSource } from '../../src/plan/plan-source.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { ChannelDirectory } from '../../src/slack/channel-directory.ts';
import { ChannelPacer } from '../../src/slack/channel-pacer.ts';
import { SlackSink } from '../../src/slack/slack-sink.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { fixturePlan, postingClient, recordingLogger, diesAfterSending } from './slack-kit.ts';

const ZONE = 'America/New_York';
const READINGS_KEY = 'readings:class-13@2025-10-16:2d';
const at = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

let fake: FakeSlack | undefined;
let db: Database | undefined;
afterEach(async () => {
  db?.close();
  await fake?.close();
  db = undefined;
  fake = undefined;
});

let runs = 0;

/** One running bot: a fresh sink (as after a restart) over the shared database, a process of its own. */
async function bot(
  f: FakeSlack,
  database: Database,
  clock: ManualClock,
  wrap = (sink: Sink) => sink,
  lease: Partial<LedgerLease> = {},
) {
  const client = postingClient(f);
  const sink = new SlackSink({
    client,
    directory: new ChannelDirectory(client),
    botId: () => f.state.identity.botId,
    // Paced on the test's clock, so a held channel frees up when the test moves time.
    pacer: new ChannelPacer(0, () => clock.now().toMillis()),
  });
  const log = recordingLogger();
  const ledger = await sqlLedgerOver(database, undefined, { holder: `bot-${(runs += 1)}`, ...lease });
  const dispatcher = new Dispatcher({
    ledger,
    sink: wrap(sink),
    plans: staticPlanSource(fixturePlan()),
    clock,
    derive: derivePosts,
    defaultChannel: '#cs599',
    logger: log,
  });
  return { dispatcher, ledger, log };
}

async function setUp(channels?: Parameters<typeof startFakeSlack>[0]) {
  fake = await startFakeSlack(channels);
  db = openDatabase(':memory:');
  // Tue Oct 14, just before the 9:00 readings reminder for Class 13.
  const clock = new ManualClock(at('2025-10-14T08:59:00'));
  return { f: fake, database: db, clock };
}

describe('reminders to Slack', () => {
  it('posts a reminder to a channel given by name, once, and records its ts', async () => {
    const { f, database, clock } = await setUp();
    const { dispatcher, ledger } = await bot(f, database, clock);
    await dispatcher.start();
    clock.set(at('2025-10-14T09:00:05'));
    expect(await dispatcher.tick()).toMatchObject({ posted: 1, failed: 0 });
    const [message] = f.messages('C0CLASS');
    expect(message?.metadata?.event_payload).toEqual({ keys: READINGS_KEY });
    expect(message?.text).toContain('Class 13');
    expect(JSON.stringify(message?.blocks)).toContain('on Thu Oct 16 (in 2 days)');
    expect((await ledger.rows([READINGS_KEY])).get(READINGS_KEY)).toMatchObject({
      state: 'posted',
      ts: message?.ts,
    });
    clock.advance({ minutes: 1 });
    await dispatcher.tick();
    expect(f.messages('C0CLASS')).toHaveLength(1);
  });

  it('retries after a 429 and posts once', async () => {
    const { f, database, clock } = await setUp();
    const { dispatcher, ledger } = await bot(f, database, clock);
    await dispatcher.start();
    f.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
    clock.set(at('2025-10-14T09:00:05'));
    expect(await dispatcher.tick()).toMatchObject({ posted: 0, retrying: 1 });
    expect((await ledger.rows([READINGS_KEY])).get(READINGS_KEY)).toMatchObject({
      state: 'failed',
      reason: 'ratelimited',
    });
    clock.advance({ minutes: 2 });
    expect(await dispatcher.tick()).toMatchObject({ posted: 1 });
    expect(f.messages('C0CLASS')).toHaveLength(1);
    expect(f.callsTo('chat.postMessage')).toHaveLength(2);
  });

  it('records a permanent channel error in the ledger with its reason, and logs the fix', async () => {
    const { f, database, clock } = await setUp({
      channels: [{ id: 'C0CLASS', name: 'cs599', isMember: false }],
    });
    const { dispatcher, ledger, log } = await bot(f, database, clock);
    await dispatcher.start();
    clock.set(at('2025-10-14T09:00:05'));
    expect(await dispatcher.tick()).toMatchObject({ posted: 0, failed: 1 });
    expect((await ledger.rows([READINGS_KEY])).get(READINGS_KEY)).toMatchObject({
      state: 'failed',
      reason: 'not_in_channel',
      nextAttemptAt: null,
    });
    expect(log.lines.join('\n')).toContain('coursebot is not in #cs599: type /invite @coursebot in #cs599');
    clock.advance({ hours: 1 });
    await dispatcher.tick();
    expect(f.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('after a crash between the post and its record, the restarted bot finds the post and does not repeat it', async () => {
    const { f, database, clock } = await setUp();
    // The post reaches Slack but its answer is lost, and the process dies before recording anything.
    f.failNext('chat.postMessage', { loseResponse: true });
    const crashing = await bot(f, database, clock, diesAfterSending);
    await crashing.dispatcher.start();
    clock.set(at('2025-10-14T09:00:05'));
    void crashing.dispatcher.tick();
    await waitFor(() => f.messages('C0CLASS').length === 1 && f.callsTo('chat.postMessage').length === 1);
    expect((await crashing.ledger.rows([READINGS_KEY])).get(READINGS_KEY)?.state).toBe('sending');

    clock.advance({ minutes: 1 });
    const restarted = await bot(f, database, clock, undefined, afterTheLease());
    expect(await restarted.dispatcher.start()).toMatchObject({ foundPosted: 1, toResend: 0 });
    expect(await restarted.dispatcher.tick()).toMatchObject({ posted: 0 });
    expect(f.messages('C0CLASS')).toHaveLength(1);
    expect(f.callsTo('chat.postMessage')).toHaveLength(1);
    expect((await restarted.ledger.rows([READINGS_KEY])).get(READINGS_KEY)).toMatchObject({
      state: 'posted',
      ts: f.messages('C0CLASS')[0]!.ts,
    });
    expect(f.callsTo('conversations.history')[0]?.params).toMatchObject({ include_all_metadata: 'true' });
  });
});

describe('reminders to Slack when the history cannot be read', () => {
  /** The post reaches Slack, its answer is lost, and the process dies before recording anything. */
  async function crashAfterPosting() {
    const { f, database, clock } = await setUp();
    f.failNext('chat.postMessage', { loseResponse: true });
    const crashing = await bot(f, database, clock, diesAfterSending);
    await crashing.dispatcher.start();
    clock.set(at('2025-10-14T09:00:05'));
    void crashing.dispatcher.tick();
    await waitFor(() => f.messages('C0CLASS').length === 1);
    clock.advance({ minutes: 1 });
    return { f, database, clock };
  }

  it('after a crash, holds the post while the history fails, then finds it: posted once', async () => {
    const { f, database, clock } = await crashAfterPosting();
    f.failNext('conversations.history', { status: 500 });
    const restarted = await bot(f, database, clock, undefined, afterTheLease());
    expect(await restarted.dispatcher.start()).toMatchObject({ foundPosted: 0, unconfirmed: 1 });
    expect(await restarted.dispatcher.tick()).toMatchObject({ posted: 0 });
    expect((await restarted.ledger.rows([READINGS_KEY])).get(READINGS_KEY)).toMatchObject({
      state: 'sending',
      reason: 'could not confirm whether it was posted: http_500',
    });
    expect(restarted.log.lines).toContainEqual(
      expect.stringMatching(/^warn could not confirm whether 1 reminder\(s\) due .* was posted/),
    );
    clock.advance({ minutes: 1 });
    await restarted.dispatcher.tick();
    expect(f.callsTo('chat.postMessage')).toHaveLength(1);
    expect((await restarted.ledger.rows([READINGS_KEY])).get(READINGS_KEY)).toMatchObject({
      state: 'posted',
      ts: f.messages('C0CLASS')[0]!.ts,
    });
  });

  it('a lost answer is looked up before any retry; a failed lookup is not a reason to post again', async () => {
    const { f, database, clock } = await setUp();
    const { dispatcher, ledger } = await bot(f, database, clock);
    await dispatcher.start();
    f.failNext('chat.postMessage', { loseResponse: true });
    clock.set(at('2025-10-14T09:00:05'));
    expect(await dispatcher.tick()).toMatchObject({ retrying: 1 });
    f.failNext('conversations.history', { status: 500 });
    for (let i = 0; i < 4 * 10; i++) {
      clock.advance({ seconds: 15 });
      await dispatcher.tick();
    }
    expect(f.callsTo('chat.postMessage')).toHaveLength(1);
    expect(f.messages('C0CLASS')).toHaveLength(1);
    expect((await ledger.rows([READINGS_KEY])).get(READINGS_KEY)).toMatchObject({ state: 'posted' });
  });

  it('a post that did not arrive is sent once, when the history answers', async () => {
    const { f, database, clock } = await setUp();
    const { dispatcher, ledger } = await bot(f, database, clock);
    await dispatcher.start();
    f.failNext('chat.postMessage', { dropConnection: true });
    clock.set(at('2025-10-14T09:00:05'));
    await dispatcher.tick();
    f.failNext('conversations.history', { status: 500 }, 2);
    for (let i = 0; i < 4 * 10; i++) {
      clock.advance({ seconds: 15 });
      await dispatcher.tick();
    }
    expect(f.callsTo('conversations.history')).toHaveLength(3);
    expect(f.messages('C0CLASS')).toHaveLength(1);
    expect((await ledger.rows([READINGS_KEY])).get(READINGS_KEY)).toMatchObject({ state: 'posted' });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
