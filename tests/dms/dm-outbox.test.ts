// Personal DMs through the real dispatcher, ledger and Slack sink into the fake Slack: the DM channel is
// opened once per user, a 429 is retried, a crash between the DM and its record is found in the DM's
// history on restart instead of sending twice, and a user Slack does not know fails once with the reason.
import { DateTime } from 'luxon';
import { afterEach, expect, it } from 'vitest';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import type { LedgerLease } from '../../src/storage/sql/tables/ledger-lease.ts';
import { afterTheLease } from '../delivery/delivery-kit.ts';
import { sqlLedgerOver } from '../support/sql-deps.ts';
import type { Sink } from '../../src/delivery/sink.ts';
import { staticPlanSource } from '../../src/plan/plan-source.ts';
import type { DmSubscription } from '../../src/reminders/dm-subscription.ts';
import { derivePersonalDms } from '../../src/reminders/personal-dms.ts';
import { ChannelDirectory } from '../../src/slack/channel-directory.ts';
import { ChannelPacer } from '../../src/slack/channel-pacer.ts';
import { SlackSink } from '../../src/slack/slack-sink.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { diesAfterSending, postingClient, recordingLogger } from '../slack/slack-kit.ts';
import { dmPlan, ZONE } from './dm-plan.ts';

const ny = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });
const COURSE = 'cs599e1-fall-2025';
// Two hours before the two deadlines at 23:59 on Oct 30: one DM for both.
const SUBS: DmSubscription[] = [
  { userId: 'U0STUDENT', kind: 'deadlines', leadsMinutes: [120], timezone: ZONE },
  { userId: 'U0MS00003', kind: 'presentations', leadsMinutes: [] },
];
const KEYS = [
  `dm:${COURSE}:U0STUDENT:deadline:hw3-due@2025-10-30:2h`,
  `dm:${COURSE}:U0STUDENT:deadline:quiz-2@2025-10-30:2h`,
];

let fake: FakeSlack | undefined;
let db: Database | undefined;
afterEach(async () => {
  db?.close();
  await fake?.close();
  db = undefined;
  fake = undefined;
});

let runs = 0;

/** One run of the bot over the shared database: a process of its own to the ledger's leases. */
async function bot(
  f: FakeSlack,
  database: Database,
  clock: ManualClock,
  subs = SUBS,
  wrap = (s: Sink) => s,
  lease: Partial<LedgerLease> = {},
) {
  const client = postingClient(f);
  const sink = new SlackSink({
    client,
    directory: new ChannelDirectory(client),
    botId: () => f.state.identity.botId,
    pacer: new ChannelPacer(0, () => clock.now().toMillis()),
    dmPacer: new ChannelPacer(0, () => clock.now().toMillis()),
  });
  const log = recordingLogger();
  const ledger = await sqlLedgerOver(database, undefined, { holder: `bot-${(runs += 1)}`, ...lease });
  const dispatcher = new Dispatcher({
    ledger,
    sink: wrap(sink),
    plans: staticPlanSource(dmPlan()),
    clock,
    derive: (plan, window) => derivePersonalDms(plan, COURSE, subs, window),
    defaultChannel: 'C0CLASS',
    logger: log,
  });
  return { dispatcher, ledger, log };
}

async function setUp() {
  fake = await startFakeSlack();
  db = openDatabase(':memory:');
  return { f: fake, database: db, clock: new ManualClock(ny('2025-10-30T21:58')) };
}

async function waitFor(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('opens the DM channel once, retries after a 429, and records both reminders of the merged DM', async () => {
  const { f, database, clock } = await setUp();
  const { dispatcher, ledger } = await bot(f, database, clock);
  await dispatcher.start();
  f.failNext('chat.postMessage', { status: 429, retryAfter: 30 });
  clock.set(ny('2025-10-30T21:59:05'));
  expect(await dispatcher.tick()).toMatchObject({ posted: 0, retrying: 2 });
  clock.advance({ minutes: 2 });
  expect(await dispatcher.tick()).toMatchObject({ posted: 2 });
  clock.advance({ minutes: 2 });
  await dispatcher.tick();
  const dms = f.messages('D0STUDENT');
  expect(dms).toHaveLength(1);
  expect(f.callsTo('chat.postMessage').map((c) => c.params.channel)).toEqual(['D0STUDENT', 'D0STUDENT']);
  expect(f.callsTo('conversations.open')).toHaveLength(1);
  for (const key of KEYS)
    expect((await ledger.rows([key])).get(key)).toMatchObject({ state: 'posted', ts: dms[0]!.ts });
});

it('after a crash between the DM and its record, the restarted bot finds it in the DM and does not repeat it', async () => {
  const { f, database, clock } = await setUp();
  f.failNext('chat.postMessage', { loseResponse: true });
  const crashing = await bot(f, database, clock, SUBS, diesAfterSending);
  await crashing.dispatcher.start();
  clock.set(ny('2025-10-30T21:59:05'));
  void crashing.dispatcher.tick();
  await waitFor(() => f.messages('D0STUDENT').length === 1);
  clock.advance({ minutes: 1 });
  const restarted = await bot(f, database, clock, SUBS, undefined, afterTheLease());
  expect(await restarted.dispatcher.start()).toMatchObject({ foundPosted: 2, toResend: 0 });
  expect(await restarted.dispatcher.tick()).toMatchObject({ posted: 0 });
  expect(f.messages('D0STUDENT')).toHaveLength(1);
  expect(f.callsTo('conversations.history')[0]?.params).toMatchObject({ channel: 'D0STUDENT' });
});

it('fails once, with the reason, for a user Slack does not know', async () => {
  const { f, database, clock } = await setUp();
  const { dispatcher, ledger, log } = await bot(f, database, clock, [
    { userId: 'U0GONE', kind: 'deadlines', leadsMinutes: [120] },
    { userId: 'U0MS00003', kind: 'presentations', leadsMinutes: [] },
  ]);
  await dispatcher.start();
  clock.set(ny('2025-10-30T21:59:05'));
  expect(await dispatcher.tick()).toMatchObject({ failed: 2 });
  const key = `dm:${COURSE}:U0GONE:deadline:hw3-due@2025-10-30:2h`;
  expect((await ledger.rows([key])).get(key)).toMatchObject({ state: 'failed', nextAttemptAt: null });
  expect(log.lines.join('\n')).toContain('cannot DM U0GONE: user_not_found');
  clock.advance({ hours: 1 });
  await dispatcher.tick();
  expect(f.callsTo('conversations.open')).toHaveLength(1);
});
