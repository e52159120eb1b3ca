// The running bot as `coursebot start` composes it (Socket Mode against the fake Slack): a student in Tokyo
// subscribes by command; the DM falls in their quiet hours, so it arrives at 08:00 Tokyo time (19:00 in New
// York), merged for two deadlines, once, across restarts.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/start-app.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { recordingLogger } from '../slack/slack-kit.ts';
import { DM_PLAN_INPUT, ZONE } from './dm-plan.ts';
import { socketModeConfig, storedWatermark } from '../app/composed-app-kit.ts';

const STUDENT = 'U0TOKYO';
const DM = 'D0TOKYO';
const ny = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

let dir: string;
let fake: FakeSlack;
let app: RunningApp | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-dms-'));
  writeFileSync(join(dir, 'schedule.json'), JSON.stringify(DM_PLAN_INPUT));
  fake = await startFakeSlack({
    users: [
      { id: STUDENT, name: 'tokyo', tz: 'Asia/Tokyo' },
      { id: 'U0MS00003', name: 'presenter', tz: 'America/New_York' },
      { id: 'U0PROF', name: 'professor', tz: 'America/New_York' },
    ],
  });
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Starts the bot at `at` and waits for its first tick (run at once) to have handled everything due by then. */
async function run(at: DateTime): Promise<RunningApp> {
  app = await startApp({
    config: socketModeConfig(fake, {
      schedulePath: join(dir, 'schedule.json'),
      databasePath: join(dir, 'bot.db'),
    }),
    clock: new ManualClock(at),
    logger: recordingLogger(),
    write: () => {},
  });
  await expect
    .poll(() => storedWatermark(join(dir, 'bot.db')), { timeout: 5000, interval: 20 })
    .toBe(at.toMillis());
  return app;
}

async function stop(): Promise<void> {
  await app?.stop();
  app = undefined;
}

type AckPayload = { text?: string };

it('DMs a subscriber in another timezone at 08:00 their time, once across restarts', async () => {
  await run(ny('2025-10-30T18:50'));
  await fake.waitForConnection();
  const bad = (await fake.sendSlashCommand({ text: 'remind me deadlines 12x', user_id: STUDENT }))
    .payload as AckPayload;
  expect(bad.text).toContain('"12x" is not a lead time');
  const ok = (await fake.sendSlashCommand({ text: 'remind me deadlines 12h', user_id: STUDENT }))
    .payload as AckPayload;
  expect(ok.text).toContain('12h before each deadline');
  expect(ok.text).toContain('Asia/Tokyo');
  const list = (await fake.sendSlashCommand({ text: 'remind list', user_id: STUDENT })).payload as AckPayload;
  expect(list.text).toContain('deadlines: 12h before');
  await stop();

  // 12h before 23:59 in New York is 00:59 in Tokyo: quiet hours, so not yet at 18:59 New York time.
  await run(ny('2025-10-30T18:59:30'));
  await stop();
  expect(fake.messages(DM)).toEqual([]);

  // 19:00 in New York is 08:00 in Tokyo: one DM for both deadlines due that night.
  await run(ny('2025-10-30T19:00:05'));
  await stop();
  const dms = fake.messages(DM);
  expect(dms).toHaveLength(1);
  expect(dms[0]!.text).toContain('Homework 3 due');
  expect(dms[0]!.text).toContain('Quiz 2 closes');
  expect(String(dms[0]!.metadata?.event_payload?.keys)).toContain(
    `dm:cs599e1-fall-2025:${STUDENT}:deadline:hw3-due@2025-10-30:12h`,
  );
  expect(fake.callsTo('conversations.open')).toHaveLength(1);

  // Another restart: recorded in the ledger, not sent again.
  await run(ny('2025-10-30T19:05'));
  await stop();
  expect(fake.messages(DM)).toHaveLength(1);
  // Nothing went to the channel on the student's behalf.
  expect(fake.messages('C0CLASS').some((m) => (m.text ?? '').includes('Homework 3'))).toBe(false);
});

it("stops a student's personal DMs when they leave the course's channel", async () => {
  await run(ny('2025-10-30T18:50'));
  await fake.waitForConnection();
  await fake.sendSlashCommand({ text: 'remind me deadlines 12h', user_id: STUDENT });
  const listed = async () =>
    ((await fake.sendSlashCommand({ text: 'remind list', user_id: STUDENT })).payload as AckPayload).text;
  expect(await listed()).toContain('deadlines: 12h before');
  // Leaving another channel changes nothing.
  await fake.sendEvent({ type: 'member_left_channel', user: STUDENT, channel: 'C0OTHER', channel_type: 'C' });
  await fake.sendEvent({ type: 'member_left_channel', user: STUDENT, channel: 'C0CLASS', channel_type: 'C' });
  await expect.poll(listed, { timeout: 3000 }).toContain('You have no personal reminders');
  await stop();
  await run(ny('2025-10-30T19:00:05'));
  await stop();
  expect(fake.messages(DM)).toEqual([]);
});
