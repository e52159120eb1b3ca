// Staff against a store that refuses writes, and /schedule resend: a Confirm that cannot be stored gets a
// reply saying so (and nothing is announced); resend re-sends a post that failed because the bot was not
// in the channel, once, and says what it re-sent.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import type { SqlLedger } from '../../src/storage/sql/tables/sql-ledger.ts';
import { resendFailed, resendReply } from '../../src/delivery/resend-failed.ts';
import { type SlackApp } from '../../src/slack/create-slack-app.ts';
import { CONFIRM_ACTION, registerResend } from '../../src/slack/staff/staff-commands.ts';
import { openDatabase, type Database as Db } from '../../src/storage/database.ts';
import { revisedPlanOver } from '../support/revised-plan.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { cs599, MONDAY } from '../changes/plan-fixture.ts';
import { listDerive, post } from '../delivery/delivery-kit.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { staffBot, recordingLogger } from './slack-kit.ts';

const PROF = 'U0PROF';
type Payload = {
  text?: string;
  blocks?: { type: string; elements?: { action_id: string; value: string }[] }[];
};

let dir: string;
let fake: FakeSlack;
let db: Db;
let slack: SlackApp;
let dispatcher: Dispatcher;
let ledger: SqlLedger;
let clock: ManualClock;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-staff-store-'));
  fake = await startFakeSlack({ channels: [{ id: 'C0CLASS', name: 'cs599', isMember: false }] });
  clock = new ManualClock(MONDAY);
  const log = recordingLogger();
  // As the running bot: a lock held elsewhere is not waited for.
  db = openDatabase(join(dir, 'bot.db'), undefined, { busyTimeoutMs: 0 });
  const plans = await revisedPlanOver(db, cs599(), log);
  const bot = await staffBot({ fake, db, plans, clock, log });
  slack = bot.slack;
  ledger = bot.ledger;
  const due = post(MONDAY.toISO()!, 'C0CLASS', ['class-day:x']);
  dispatcher = new Dispatcher({
    ledger,
    sink: slack.sink,
    plans,
    clock,
    derive: listDerive([due]),
    defaultChannel: 'C0CLASS',
    catchUpSpacingMs: 0,
  });
  registerResend(slack.commands, async () =>
    resendReply(await resendFailed({ ledger, clock, tick: () => dispatcher.tick() })),
  );
  await slack.start();
});
afterEach(async () => {
  await slack.stop();
  await fake.close();
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const command = async (text: string, user = PROF) =>
  (await fake.sendSlashCommand({ text, user_id: user })).payload as Payload;

describe('a Confirm the store cannot keep', () => {
  it('gets a reply saying the change was not saved, and nothing is announced', async () => {
    const preview = await command('cancel 14 snow day');
    const value = preview
      .blocks!.find((b) => b.type === 'actions')!
      .elements!.find((e) => e.action_id === CONFIRM_ACTION)!.value;
    const other = new Database(join(dir, 'bot.db'));
    other.exec('BEGIN EXCLUSIVE');
    const before = fake.responses().length;
    await fake.sendInteractive({ actions: [{ action_id: CONFIRM_ACTION, value }], userId: PROF });
    for (
      const end = performance.now() + 5000;
      fake.responses().length === before && performance.now() < end;
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    other.exec('ROLLBACK');
    other.close();
    const reply = (fake.responses()[before]!.body as Payload).text;
    expect(reply).toMatch(
      /^The change could not be saved \(database is locked\): nothing was changed or announced\./,
    );
    expect(fake.messages('C0CLASS')).toEqual([]);
  });
});

describe('/schedule resend', () => {
  it('re-sends, once, a post that failed because the bot was not in the channel, and says so', async () => {
    await dispatcher.start();
    clock.set(MONDAY.plus({ seconds: 10 }));
    expect(await dispatcher.tick()).toMatchObject({ failed: 1 });
    expect((await command('resend', 'U0STUDENT')).text).toBe('Only the course staff can re-send posts.');
    fake.state.channels.get('C0CLASS')!.isMember = true; // /invite @coursebot
    clock.set(MONDAY.plus({ minutes: 1 }));
    expect((await command('resend')).text).toBe('Re-sent 1 reminder(s): class-day:x.');
    expect((await command('resend')).text).toBe(
      'Nothing to re-send: no post failed because coursebot was not in its channel.',
    );
    expect(fake.messages('C0CLASS')).toHaveLength(1);
    expect(
      DateTime.fromISO((await ledger.rows(['class-day:x'])).get('class-day:x')!.updatedAt) > MONDAY,
    ).toBe(true);
  });
});
