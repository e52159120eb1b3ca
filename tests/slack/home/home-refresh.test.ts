// The Home tab of a bot of two courses, with the real Bolt app against the fake Slack: a plan change in one
// course refreshes the tabs of that course's recent viewers only, each published with the hash of the view
// it replaces (Slack's race guard); a tab published since by the viewer's own open is left as it is.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ask } from '../../../src/queries/ask.ts';
import { createSlackApp, type SlackApp } from '../../../src/slack/create-slack-app.ts';
import { coursesOf } from '../../../src/slack/course-commands/resolve-course.ts';
import { installHome, type Home } from '../../../src/slack/home/install-home.ts';
import { ManualClock } from '../../../src/util/clock.ts';
import { cs599, MONDAY } from '../../changes/plan-fixture.ts';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.ts';
import { memoryDeployment, type MemoryDeployment } from '../../support/memory-deployment.ts';
import { APP_TOKEN, BOT_TOKEN, recordingLogger, type RecordingLogger } from '../slack-kit.ts';

const tz = 'America/New_York';
let fake: FakeSlack;
let slack: SlackApp;
let deployment: MemoryDeployment;
let home: Home;
let log: RecordingLogger;

function mathPlan() {
  const plan = cs599();
  return { ...plan, course: { ...plan.course, code: 'MA 101', title: 'Calculus' } };
}

beforeEach(async () => {
  fake = await startFakeSlack({
    channels: [
      { id: 'C0CS599', name: 'cs599', members: ['U0CS', 'U0BOTH'] },
      { id: 'C0MA101', name: 'ma101', members: ['U0MA', 'U0BOTH'] },
    ],
    users: ['U0CS', 'U0MA', 'U0BOTH', 'U0PROF'].map((id) => ({ id, name: id.toLowerCase(), tz })),
  });
  deployment = memoryDeployment([
    { plan: cs599(), channels: ['C0CS599'] },
    { plan: mathPlan(), channels: ['C0MA101'], staff: ['U0PROF'] },
  ]);
  log = recordingLogger();
  const clock = new ManualClock(MONDAY);
  slack = createSlackApp({
    settings: { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl },
    deployment,
    clock,
    ask,
    log,
    requestTimeoutMs: 2000,
  });
  home = installHome(slack.listeners, {
    deployment,
    memberCourses: (user) =>
      coursesOf({ deployment, memberChannels: (u) => slack.memberChannels(u), log }, user),
    clock,
    log,
    // Refreshed by the test itself.
    refreshIntervalMs: 60_000,
  });
  await slack.start();
  await fake.waitForConnection();
});
afterEach(async () => {
  home.stop();
  await slack.stop();
  await fake.close();
});

const publishes = (user: string) => fake.callsTo('views.publish').filter((c) => c.params.user_id === user);
async function open(user: string): Promise<string> {
  const before = publishes(user).length;
  await fake.openAppHome(user);
  await expect.poll(() => publishes(user).length, { timeout: 3000 }).toBe(before + 1);
  return JSON.stringify(publishes(user).at(-1)!.params.view);
}
/** Cancels Class 14 of MA 101 through its desk, as a Confirm does. */
async function changeMath(): Promise<void> {
  const math = deployment.courses().find((c) => c.plans.current().course.code === 'MA 101')!;
  const preview = await math.desk.request('cancel 14 snow day', 'U0PROF', MONDAY);
  if (preview.kind !== 'preview') throw new Error('no preview');
  await math.desk.confirm(preview.previewId, 'U0PROF', MONDAY);
}

describe('refreshing Home tabs per course', () => {
  it('shows a member of both courses both, and refreshes only the viewers of the changed course', async () => {
    expect(await open('U0BOTH')).toMatch(/CS 599 E1 ·.*MA 101 ·/);
    expect(await open('U0CS')).not.toContain('MA 101');
    expect(await open('U0MA')).not.toContain('CS 599 E1');
    const hashBefore = fake.state.views.get('U0MA')!.hash;

    await changeMath();
    expect(await home.refreshIfChanged()).toBe(2);
    expect(publishes('U0CS')).toHaveLength(1);
    const refreshed = publishes('U0MA').at(-1)!;
    expect(refreshed.params.hash).toBe(hashBefore);
    expect(JSON.stringify(refreshed.params.view)).toContain('Class 14 cancelled: snow day');
    expect(JSON.stringify(publishes('U0BOTH').at(-1)!.params.view)).toContain('Class 14 cancelled');
    // Nothing changed since: nothing published.
    expect(await home.refreshIfChanged()).toBe(0);
  });

  it('leaves a tab that changed since its last publish as it is, without a warning', async () => {
    await open('U0MA');
    // Another publish (as a second instance's would be) moves the view's hash on.
    await slack.app.client.views.publish({
      token: BOT_TOKEN,
      user_id: 'U0MA',
      view: { type: 'home', blocks: [] },
    });
    await changeMath();
    expect(await home.refreshIfChanged()).toBe(0);
    expect(fake.callsTo('views.publish').at(-1)!.params.hash).toBeDefined();
    expect(log.lines.filter((l) => l.startsWith('warn'))).toEqual([]);
  });
});
