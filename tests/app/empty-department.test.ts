// A department whose courses all come from Slack starts with an empty courses folder: it says there is no
// course yet and how to set one up, answers /schedule with the same advice, and refuses to start when
// nobody could set a course up (no admins, setup not open) or when there is no Slack to set it up from.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/start-app.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { MONDAY } from '../changes/plan-fixture.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { recordingLogger } from '../slack/slack-kit.ts';
import { socketModeConfig } from './composed-app-kit.ts';

let dir: string;
let fake: FakeSlack | undefined;
let app: RunningApp | undefined;

function emptyFolder(): string {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-empty-dept-'));
  mkdirSync(join(dir, 'courses'));
  return dir;
}

afterEach(async () => {
  await app?.stop();
  await fake?.close();
  app = undefined;
  fake = undefined;
  rmSync(dir, { recursive: true, force: true });
});

describe('a department with no course files yet', () => {
  it('starts when admins can set courses up from Slack, and says how', async () => {
    const root = emptyFolder();
    fake = await startFakeSlack({ channels: [{ id: 'C0NEW', name: 'new-course', members: ['U0ADMIN'] }] });
    const base = socketModeConfig(fake, {
      schedulePath: join(root, 'schedule.json'),
      databasePath: join(root, 'bot.db'),
    });
    let summary = '';
    app = await startApp({
      config: { ...base, coursesPath: join(root, 'courses'), instructors: [], admins: ['U0ADMIN'] },
      clock: new ManualClock(MONDAY),
      logger: recordingLogger(),
      write: (text) => void (summary += text),
    });
    await fake.waitForConnection();
    expect(summary).toContain('coursebot: no courses');
    expect(summary).toContain('/schedule setup URL');
    expect(app.deployment.courses()).toHaveLength(0);
    const ack = await fake.sendSlashCommand({ text: 'next', channel_id: 'C0NEW', user_id: 'U0STUDENT' });
    expect(JSON.stringify(ack)).toMatch(/setup/);
  });

  it('refuses to start with one line when nobody could set a course up', async () => {
    const root = emptyFolder();
    fake = await startFakeSlack({});
    const base = socketModeConfig(fake, {
      schedulePath: join(root, 'schedule.json'),
      databasePath: join(root, 'bot.db'),
    });
    const start = startApp({
      config: { ...base, coursesPath: join(root, 'courses'), instructors: [] },
      clock: new ManualClock(MONDAY),
      logger: recordingLogger(),
      write: () => {},
    });
    await expect(start).rejects.toThrow(/No course to serve .*COURSEBOT_ADMINS/);
  });

  it('refuses to start in console mode, where no course can be set up', async () => {
    const root = emptyFolder();
    const { slack: _slack, ...consoleConfig } = socketModeConfig(
      { apiUrl: 'http://127.0.0.1:1/' } as FakeSlack,
      {
        schedulePath: join(root, 'schedule.json'),
        databasePath: join(root, 'bot.db'),
      },
    );
    const start = startApp({
      config: { ...consoleConfig, coursesPath: join(root, 'courses'), admins: ['U0ADMIN'] },
      clock: new ManualClock(MONDAY),
      logger: recordingLogger(),
      write: () => {},
    });
    await expect(start).rejects.toThrow(/No course to serve .*add a plan file/);
  });
});
