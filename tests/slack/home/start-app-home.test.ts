// The running bot as `coursebot start` composes it (Socket Mode against the fake Slack): opening the Home tab
// publishes it, with the staff part for an instructor of COURSEBOT_INSTRUCTORS only.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../../src/app/start-app.ts';
import { ManualClock } from '../../../src/util/clock.ts';
import { FIXTURE_PATH } from '../../changes/plan-fixture.ts';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.ts';
import { recordingLogger } from '../slack-kit.ts';
import { socketModeConfig } from '../../app/composed-app-kit.ts';

let dir: string;
let fake: FakeSlack;
let app: RunningApp | undefined;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-home-app-'));
  fake = await startFakeSlack();
});
afterEach(async () => {
  await app?.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

it('publishes the Home tab from the composed app, with the staff part only for staff', async () => {
  app = await startApp({
    config: socketModeConfig(fake, {
      schedulePath: FIXTURE_PATH,
      databasePath: join(dir, 'bot.db'),
    }),
    clock: new ManualClock(DateTime.fromISO('2025-10-20T10:00', { zone: 'America/New_York' })),
    logger: recordingLogger(),
    write: () => {},
  });
  const viewOf = async (user: string) => {
    await fake.openAppHome(user);
    await expect.poll(() => fake.state.views.get(user), { timeout: 3000 }).toBeDefined();
    return JSON.stringify(fake.state.views.get(user)!.view);
  };
  const student = await viewOf('U0STUDENT');
  expect(student).toContain('Next class');
  expect(student).not.toContain('home_cancel_class');
  const staff = await viewOf('U0PROF');
  expect(staff).toContain('Posts of the next 7 days');
  expect(staff).toContain('home_cancel_class');
});
