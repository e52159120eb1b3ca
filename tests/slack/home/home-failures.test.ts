// The Home tab's and the leave event's listeners are bound through the one binding point: an unexpected
// error in them is logged in one line by its one failure handler, and the bot goes on answering.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { ask } from '../../../src/queries/ask.ts';
import { createSlackApp, type SlackApp } from '../../../src/slack/create-slack-app.ts';
import { installHome, type Home } from '../../../src/slack/home/install-home.ts';
import { stopDmsOnLeave } from '../../../src/slack/stop-dms-on-leave.ts';
import { ManualClock } from '../../../src/util/clock.ts';
import { cs599, MONDAY } from '../../changes/plan-fixture.ts';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.ts';
import { memoryDeployment } from '../../support/memory-deployment.ts';
import { APP_TOKEN, BOT_TOKEN, recordingLogger, type RecordingLogger } from '../slack-kit.ts';

let fake: FakeSlack;
let slack: SlackApp;
let home: Home;
let log: RecordingLogger;

beforeEach(async () => {
  fake = await startFakeSlack();
  const plan = cs599();
  const deployment = memoryDeployment([
    { plan, channels: ['C0CLASS'] },
    { plan: { ...plan, course: { ...plan.course, code: 'MA 101' } }, channels: ['C0MATH'] },
  ]);
  log = recordingLogger();
  const clock = new ManualClock(MONDAY);
  slack = createSlackApp({
    settings: { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl },
    deployment,
    clock,
    ask,
    log,
  });
  home = installHome(slack.listeners, {
    deployment,
    memberCourses: () => Promise.reject(new Error('the membership lookup broke')),
    clock,
    log,
  });
  stopDmsOnLeave(slack.listeners, {
    stop: () => {
      throw new Error('the database is read-only');
    },
    log,
  });
  await slack.start();
  await fake.waitForConnection();
});
afterEach(async () => {
  home.stop();
  await slack.stop();
  await fake.close();
});

it('logs a failing Home open and a failing leave in one line each, and keeps answering', async () => {
  await fake.openAppHome('U0STUDENT');
  await fake.sendEvent({
    type: 'member_left_channel',
    user: 'U0STUDENT',
    channel: 'C0CLASS',
    channel_type: 'C',
  });
  await expect
    .poll(() => log.lines.filter((l) => l.startsWith('error')).sort(), { timeout: 3000 })
    .toEqual([
      'error slack: event app_home_opened failed: the membership lookup broke',
      'error slack: event member_left_channel failed: the database is read-only',
    ]);
  expect(fake.callsTo('views.publish')).toEqual([]);
  const answer = await fake.sendSlashCommand({ text: 'help', channel_id: 'C0CLASS' });
  expect(JSON.stringify(answer.payload)).toContain('next');
});
