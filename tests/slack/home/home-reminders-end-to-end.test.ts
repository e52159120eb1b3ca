// The running bot as `coursebot start` composes it (Socket Mode against the fake Slack): a student in Tokyo
// subscribes from the Home tab. Their DM falls in their quiet hours, so it arrives at 08:00 Tokyo time, once,
// across restarts; the same wish is what `/schedule remind list` shows. The tab carries the calendar link.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../src/app/start-app.ts';
import { HOME_REMIND_ACTION_PREFIX } from '../../../src/slack/home/home-view.ts';
import { ManualClock } from '../../../src/util/clock.ts';
import { DM_PLAN_INPUT, ZONE } from '../../dms/dm-plan.ts';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.ts';
import { recordingLogger } from '../slack-kit.ts';
import { socketModeConfig, storedWatermark } from '../../app/composed-app-kit.ts';

const STUDENT = 'U0TOKYO';
const DM = 'D0TOKYO';
const COURSE = 'cs599e1-fall-2025';
const PRESENTER = 'U0MS00003';
const PUBLIC_URL = 'https://coursebot.example.edu';
const ny = (iso: string) => DateTime.fromISO(iso, { zone: ZONE });

let dir: string;
let fake: FakeSlack;
let app: RunningApp | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-home-dms-'));
  writeFileSync(join(dir, 'schedule.json'), JSON.stringify(DM_PLAN_INPUT));
  fake = await startFakeSlack({
    users: [
      { id: STUDENT, name: 'tokyo', tz: 'Asia/Tokyo' },
      { id: PRESENTER, name: 'presenter', tz: 'America/New_York' },
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

/** Starts the bot at `at` and waits for its first tick to have handled everything due by then. */
async function run(at: DateTime, publicUrl?: string): Promise<void> {
  app = await startApp({
    config: socketModeConfig(fake, {
      schedulePath: join(dir, 'schedule.json'),
      databasePath: join(dir, 'bot.db'),
      ...(publicUrl ? { publicUrl } : {}),
    }),
    clock: new ManualClock(at),
    logger: recordingLogger(),
    write: () => {},
  });
  await expect
    .poll(() => storedWatermark(join(dir, 'bot.db')), { timeout: 5000, interval: 20 })
    .toBe(at.toMillis());
}

async function stop(): Promise<void> {
  await app?.stop();
  app = undefined;
}

const publishes = (user: string) => fake.callsTo('views.publish').filter((c) => c.params.user_id === user);
const lastView = (user: string) => JSON.stringify(publishes(user).at(-1)?.params.view ?? null);

/** Clicks a reminder control of the tab and waits for the tab to be published again. */
async function click(user: string, kind: string, word: string): Promise<string> {
  const before = publishes(user).length;
  await fake.clickHomeButton(user, {
    action_id: `${HOME_REMIND_ACTION_PREFIX}:${kind}:${word}`,
    value: `${COURSE}|${kind} ${word}`,
  });
  await expect.poll(() => publishes(user).length, { timeout: 3000 }).toBe(before + 1);
  return lastView(user);
}

it('subscribes from Home; the DM comes at 08:00 in the student’s timezone, once across restarts', async () => {
  await run(ny('2025-11-02T10:00'), PUBLIC_URL);
  await fake.waitForConnection();
  await fake.openAppHome(STUDENT);
  await expect.poll(() => publishes(STUDENT).length, { timeout: 3000 }).toBe(1);
  const first = lastView(STUDENT);
  // The same link `/schedule calendar` gives.
  expect(first).toContain(`${PUBLIC_URL}/calendar/cs599e1-fall-2025/`);
  expect(first).toContain('deadlines: off');
  expect(first).toContain(`${HOME_REMIND_ACTION_PREFIX}:deadlines:2d`);
  // Not a presenter: no presentations control.
  expect(first).not.toContain(`${HOME_REMIND_ACTION_PREFIX}:presentations`);

  await click(STUDENT, 'deadlines', '2d');
  expect(await click(STUDENT, 'deadlines', '1d')).toContain('deadlines: 2d, 1d before');
  const afterToggle = await click(STUDENT, 'deadlines', '1d');
  expect(afterToggle).toContain('deadlines: 2d before');
  // Kept where the command keeps it, with the timezone from the Slack profile.
  const list = (await fake.sendSlashCommand({ text: 'remind list', user_id: STUDENT })).payload as {
    text?: string;
  };
  expect(list.text).toContain('deadlines: 2d before');
  expect(fake.callsTo('users.info').some((c) => c.params.user === STUDENT)).toBe(true);
  await stop();

  // 2 days before Homework 4 (Nov 4 12:00 New York) is 02:00 in Tokyo: quiet hours, so nothing yet at
  // 17:59 New York time; at 18:00 (08:00 in Tokyo, after the DST change in New York) it goes out.
  await run(ny('2025-11-02T17:59:30'));
  await stop();
  expect(fake.messages(DM)).toEqual([]);
  await run(ny('2025-11-02T18:00:05'));
  await stop();
  const dms = fake.messages(DM);
  expect(dms).toHaveLength(1);
  expect(dms[0]!.text).toContain('Homework 4 due');

  await run(ny('2025-11-02T18:10'));
  await stop();
  expect(fake.messages(DM)).toHaveLength(1);
});

it('turns a kind off, and lets a presenter turn their reminders off; no calendar link without a public URL', async () => {
  await run(ny('2025-11-02T10:00'));
  await fake.waitForConnection();
  await fake.openAppHome(PRESENTER);
  await expect.poll(() => publishes(PRESENTER).length, { timeout: 3000 }).toBe(1);
  const first = lastView(PRESENTER);
  expect(first).not.toContain('/calendar/');
  expect(first).toContain('presentations: 7d, 1d before');
  expect(await click(PRESENTER, 'presentations', 'off')).toContain('presentations: off');
  expect(await click(PRESENTER, 'classes', '2h')).toContain('classes: 2h before');
  const off = await click(PRESENTER, 'classes', 'off');
  expect(off).toContain('classes: off');
  const list = (await fake.sendSlashCommand({ text: 'remind list', user_id: PRESENTER })).payload as {
    text?: string;
  };
  expect(list.text).toContain('presentations: off');
  expect(list.text).not.toContain('classes:');
});
