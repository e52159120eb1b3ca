// Announcements of changes through the outbox, against the fake Slack: queued with the revision, posted
// once after a 500, found after a crash instead of posted again, a permanent error recorded with its reason,
// kept in order behind a retry, and given up once a day old.
import { afterEach, describe, expect, it } from 'vitest';
import type { Change } from '../../src/changes/change.ts';
import { Announcer } from '../../src/delivery/announcer.ts';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import type { Sink } from '../../src/delivery/sink.ts';
import { ChannelDirectory } from '../../src/slack/channel-directory.ts';
import { ChannelPacer } from '../../src/slack/channel-pacer.ts';
import { SlackSink } from '../../src/slack/slack-sink.ts';
import { revisionAnnouncementKey } from '../../src/delivery/announcement.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { sqlStoreOverFile } from '../../src/storage/sql/open-sql.ts';
import type { LedgerLease } from '../../src/storage/sql/tables/ledger-lease.ts';
import { openSqlAnnouncements } from '../../src/storage/sql/tables/sql-announcements.ts';
import { SqlLedger } from '../../src/storage/sql/tables/sql-ledger.ts';
import { revisedPlanOver } from '../support/revised-plan.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { cs599, MONDAY } from '../changes/plan-fixture.ts';
import { diesAfterSending, postingClient, recordingLogger } from '../slack/slack-kit.ts';
import { sqlDepsOver } from '../support/sql-deps.ts';
import { afterTheLease } from './delivery-kit.ts';

const CANCEL: Change = { kind: 'cancel', number: 14, date: '2025-10-21', reason: 'snow day', shift: false };
const MOVE: Change = { kind: 'move', number: 15, from: '2025-10-23', to: '2025-10-24' };
const FIRST = revisionAnnouncementKey(1);
const SECOND = revisionAnnouncementKey(2);

let runs = 0;
let fake: FakeSlack | undefined;
let db: Database | undefined;
afterEach(async () => {
  db?.close();
  await fake?.close();
  db = fake = undefined;
});

/** The open announcements, read as the running bot reads them. */
const openAnnouncements = (database: Database) => openSqlAnnouncements(sqlStoreOverFile(database, ':test:'));

/**
 * One run of the bot over the shared database: a fresh sink, announcer and dispatcher (no reminders), a
 * process of its own to the ledger's leases.
 */
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
    pacer: new ChannelPacer(0, () => clock.now().toMillis()),
  });
  const log = recordingLogger();
  const deps = await sqlDepsOver(database, { holder: `bot-${(runs += 1)}`, ...lease });
  const ledger = new SqlLedger(deps.sql, deps.lease, undefined, deps.retry);
  const plans = await revisedPlanOver(database, cs599(), log);
  const common = { ledger, sink: wrap(sink), plans, clock, defaultChannel: 'C0CLASS', logger: log };
  const announcer = new Announcer({ ...common, sql: deps.sql, retry: deps.retry });
  const dispatcher = new Dispatcher({ ...common, announcer, derive: () => [] });
  const commit = async (change: Change) => {
    const committed = await plans.commit(change, 'U0PROF', clock.now(), plans.version);
    if (!committed.ok) throw new Error(committed.message);
    return committed.revision.id;
  };
  return { announcer, dispatcher, ledger, log, commit };
}

async function setUp(options?: Parameters<typeof startFakeSlack>[0]) {
  fake = await startFakeSlack(options);
  db = openDatabase(':memory:');
  return { f: fake, database: db, clock: new ManualClock(MONDAY) };
}

const texts = (f: FakeSlack) => f.messages('C0CLASS').map((m) => m.text);

describe('announcements through the outbox', () => {
  it('queues the announcement in the same transaction as the revision', async () => {
    const { f, database, clock } = await setUp();
    await (await bot(f, database, clock)).commit(CANCEL);
    expect((await openAnnouncements(database)).map((a) => a.key)).toEqual([FIRST]);
    expect(f.callsTo('chat.postMessage')).toHaveLength(0);
  });

  it('after a 500, is posted exactly once on a later tick', async () => {
    const { f, database, clock } = await setUp();
    const { announcer, dispatcher, ledger, commit } = await bot(f, database, clock);
    await dispatcher.start();
    f.failNext('chat.postMessage', { status: 500 });
    await commit(CANCEL);
    expect(await announcer.announce(FIRST)).toEqual({
      state: 'queued',
      channel: 'C0CLASS',
      reason: 'http_500; it may have arrived',
    });
    expect(texts(f)).toEqual([]);
    expect(await dispatcher.tick()).toMatchObject({ posted: 0 });
    clock.advance({ minutes: 1 });
    expect(await dispatcher.tick()).toMatchObject({ posted: 1 });
    for (let i = 0; i < 8; i++) {
      clock.advance({ minutes: 5 });
      await dispatcher.tick();
    }
    expect(texts(f)).toEqual([
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
    ]);
    expect(f.callsTo('chat.postMessage')).toHaveLength(2);
    expect((await ledger.rows([FIRST])).get(FIRST)).toMatchObject({
      state: 'posted',
      ts: f.messages('C0CLASS')[0]!.ts,
    });
    expect(f.messages('C0CLASS')[0]!.metadata?.event_payload).toEqual({ keys: FIRST });
  });

  it('after a crash between the post and its record, the restarted bot finds it and does not post again', async () => {
    const { f, database, clock } = await setUp();
    f.failNext('chat.postMessage', { loseResponse: true });
    const crashing = await bot(f, database, clock, diesAfterSending);
    await crashing.dispatcher.start();
    await crashing.commit(CANCEL);
    void crashing.announcer.announce(FIRST);
    await waitFor(() => f.messages('C0CLASS').length === 1);
    expect((await crashing.ledger.rows([FIRST])).get(FIRST)?.state).toBe('sending');

    clock.advance({ minutes: 1 });
    const restarted = await bot(f, database, clock, undefined, afterTheLease());
    expect(await restarted.dispatcher.start()).toMatchObject({ foundPosted: 1 });
    for (let i = 0; i < 8; i++) {
      await restarted.dispatcher.tick();
      clock.advance({ minutes: 5 });
    }
    expect(f.callsTo('chat.postMessage')).toHaveLength(1);
    expect((await restarted.ledger.rows([FIRST])).get(FIRST)).toMatchObject({ state: 'posted' });
    expect(await restarted.announcer.announce(FIRST)).toEqual({ state: 'posted', channel: 'C0CLASS' });
  });

  it('records a permanent channel error with its reason, tells the fix, and never tries again', async () => {
    const { f, database, clock } = await setUp({
      channels: [{ id: 'C0CLASS', name: 'cs599', isMember: false }],
    });
    const { announcer, dispatcher, ledger, log, commit } = await bot(f, database, clock);
    await dispatcher.start();
    await commit(CANCEL);
    const status = await announcer.announce(FIRST);
    expect(status).toMatchObject({ state: 'failed', channel: 'C0CLASS' });
    expect(status.state === 'failed' && status.reason).toMatch(/^not_in_channel: .*\/invite @coursebot/);
    expect((await ledger.rows([FIRST])).get(FIRST)).toMatchObject({
      state: 'failed',
      reason: 'not_in_channel',
      nextAttemptAt: null,
    });
    expect(log.lines.filter((l) => l.startsWith('error '))).toEqual([
      expect.stringMatching(
        /^error could not post announcement announce:revision-1 to C0CLASS: not_in_channel — /,
      ),
    ]);
    clock.advance({ hours: 2 });
    await dispatcher.tick();
    expect(f.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('keeps announcements in order: a later one waits behind a retry', async () => {
    const { f, database, clock } = await setUp();
    const { announcer, dispatcher, commit } = await bot(f, database, clock);
    await dispatcher.start();
    f.failNext('chat.postMessage', { status: 500 });
    await commit(CANCEL);
    expect((await announcer.announce(FIRST)).state).toBe('queued');
    await commit(MOVE);
    expect((await announcer.announce(SECOND)).state).toBe('queued');
    expect(f.callsTo('chat.postMessage')).toHaveLength(1);
    clock.advance({ minutes: 1 });
    expect(await dispatcher.tick()).toMatchObject({ posted: 2 });
    expect(texts(f)).toEqual([
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
      'Class 15 (Mixture of experts) moved from Thu Oct 23 to Fri Oct 24.',
    ]);
  });

  it('gives up, recorded with the last failure, once a day old', async () => {
    const { f, database, clock } = await setUp();
    const { dispatcher, ledger, commit } = await bot(f, database, clock);
    await dispatcher.start();
    await commit(CANCEL);
    f.failNext('chat.postMessage', { status: 429, retryAfter: 30 }, 1000);
    for (let i = 0; i < 30; i++) {
      await dispatcher.tick();
      clock.advance({ hours: 1 });
    }
    expect(f.messages('C0CLASS')).toHaveLength(0);
    expect((await ledger.rows([FIRST])).get(FIRST)).toMatchObject({
      state: 'skipped',
      reason: expect.stringMatching(/^too late: queued Mon Oct 20 10:00 AM .*; gave up after: ratelimited$/),
    });
    expect(await openAnnouncements(database)).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}
