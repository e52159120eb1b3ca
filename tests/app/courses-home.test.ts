// Each student's own view in a bot of two courses, as `coursebot start` composes it from a courses folder
// (Socket Mode against the fake Slack, the feeds on the small listener): the Home tab shows each viewer
// their own courses, with the staff part only where they are staff; a cancel from course B's Home form is
// previewed, confirmed and announced in B's channel only; `/schedule remind` and `/schedule calendar` act on
// the channel's course; each course's feed answers its own token only; leaving one course's channel stops
// that course's DMs only.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from '../../src/app/start-app.ts';
import { courseId } from '../../src/plan/course-id.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { HOME_CHANGE_CALLBACK } from '../../src/slack/home/home-modals.ts';
import { HOME_CHANGE_ACTIONS } from '../../src/slack/home/home-view.ts';
import { CONFIRM_ACTION } from '../../src/slack/staff/staff-commands.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { cs599, MONDAY } from '../changes/plan-fixture.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { recordingLogger } from '../slack/slack-kit.ts';
import { socketModeConfig } from './composed-app-kit.ts';
import { until as poll } from '../support/until.ts';

const STUDENT = 'U0STUDENT';
const PROF_A = 'U0PROFA';
const PROF_B = 'U0PROFB';
/** A student of both courses. */
const BOTH = 'U0BOTH';
const PUBLIC_URL = 'https://coursebot.example.edu';

/** Course A: CS 599 in C0CS599. Course B: the same term as MA 101 in C0MA101, its topics its own. */
function coursePlan(kind: 'A' | 'B'): Plan {
  const plan = cs599();
  plan.reminders.channels = { ...plan.reminders.channels, default: kind === 'A' ? 'C0CS599' : 'C0MA101' };
  if (kind === 'A') return { ...plan, course: { ...plan.course, staff: [PROF_A] } };
  return {
    ...plan,
    course: { ...plan.course, code: 'MA 101', title: 'Calculus', staff: [PROF_B] },
    sessions: plan.sessions.map((s) => ({ ...s, topic: s.topic && `Calculus: ${s.topic}` })),
  };
}
const A = courseId(coursePlan('A'));
const B = courseId(coursePlan('B'));

interface Block {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string }[];
}
type Payload = { text?: string; blocks?: Block[] };

let dir: string;
let fake: FakeSlack;
let app: RunningApp;
const clock = new ManualClock(MONDAY);

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-courses-home-'));
  mkdirSync(join(dir, 'courses'));
  writeFileSync(join(dir, 'courses', 'cs599.json'), JSON.stringify(coursePlan('A')));
  writeFileSync(join(dir, 'courses', 'ma101.json'), JSON.stringify(coursePlan('B')));
  const tz = 'America/New_York';
  fake = await startFakeSlack({
    channels: [
      { id: 'C0CS599', name: 'cs599', members: [STUDENT, PROF_A, BOTH] },
      { id: 'C0MA101', name: 'ma101', members: [PROF_B, BOTH] },
    ],
    users: [
      { id: STUDENT, name: 'student', tz },
      { id: PROF_A, name: 'profa', tz },
      { id: PROF_B, name: 'profb', tz },
      { id: BOTH, name: 'both', tz },
    ],
  });
  const config = socketModeConfig(fake, {
    schedulePath: join(dir, 'schedule.json'),
    databasePath: join(dir, 'bot.db'),
    publicUrl: PUBLIC_URL,
  });
  app = await startApp({
    config: {
      ...config,
      coursesPath: join(dir, 'courses'),
      instructors: [],
      slack: { ...(config.slack as { mode: 'socket'; botToken: string; appToken: string }), port: 0 },
    },
    clock,
    logger: recordingLogger(),
    write: () => {},
  });
  await fake.waitForConnection();
});
afterAll(async () => {
  await app?.stop();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

// With this file's own time limit, shorter than the shared one.
const until = <T>(get: () => T | undefined | false, ms = 4000) => poll(get, ms);
const publishes = (user: string) => fake.callsTo('views.publish').filter((c) => c.params.user_id === user);
async function openHome(
  user: string,
): Promise<{ text: string; json: string; buttons: { action_id?: string; value?: string }[] }> {
  const before = publishes(user).length;
  await fake.openAppHome(user);
  const view = (await until(() => publishes(user).length > before && publishes(user).at(-1)!)).params
    .view as { blocks: Block[] };
  return {
    text: view.blocks.map((b) => b.text?.text ?? '').join('\n'),
    json: JSON.stringify(view),
    buttons: view.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements ?? []),
  };
}
async function command(text: string, user: string, channel: string): Promise<string> {
  const ack = await fake.sendSlashCommand({ text, user_id: user, channel_id: channel });
  return (ack.payload as Payload).text ?? '';
}
const feedPath = (reply: string, course: string) => {
  const found = new RegExp(`${PUBLIC_URL}(/calendar/${course}/[A-Za-z0-9_-]{43}\\.ics)`).exec(reply);
  if (!found) throw new Error(`no feed link of ${course} in: ${reply}`);
  return found[1]!;
};

describe('each student’s own view, per course', () => {
  it('shows a student of A and a staff member of B their own courses, the staff part only to staff', async () => {
    const student = await openHome(STUDENT);
    expect(student.text).toContain('CS 599 E1 · Algorithms for Machine Learning');
    expect(student.text).not.toContain('MA 101');
    expect(student.text).not.toContain('Posts of the next 7 days');
    expect(student.json).toContain(`${PUBLIC_URL}/calendar/${A}/`);
    expect(student.buttons.filter((b) => b.action_id?.startsWith('home_remind')).length).toBeGreaterThan(0);
    expect(student.buttons.every((b) => b.value?.startsWith(`${A}|`))).toBe(true);

    const staff = await openHome(PROF_B);
    expect(staff.text).toContain('MA 101 · Calculus');
    expect(staff.text).not.toContain('CS 599 E1');
    expect(staff.text).toMatch(/\*Posts of the next 7 days\*\n.*C0MA101/);
    expect(staff.json).toContain(`${PUBLIC_URL}/calendar/${B}/`);
    expect(staff.json).not.toContain(`/calendar/${A}/`);
    const changes = staff.buttons.filter((b) => b.action_id === HOME_CHANGE_ACTIONS.cancel);
    expect(changes).toEqual([expect.objectContaining({ value: B })]);
  });

  it("cancels a class of B from B's Home form: previewed, confirmed, announced in B's channel only", async () => {
    const before = fake.callsTo('views.open').length;
    await fake.clickHomeButton(PROF_B, { action_id: HOME_CHANGE_ACTIONS.cancel, value: B });
    const form = (await until(() => fake.callsTo('views.open')[before])).params.view as {
      callback_id: string;
      private_metadata: string;
    };
    expect(form.callback_id).toBe(HOME_CHANGE_CALLBACK);
    await fake.sendViewSubmission({
      userId: PROF_B,
      view: { callback_id: form.callback_id, private_metadata: form.private_metadata },
      values: {
        class: { value: { type: 'static_select', selected_option: { value: '14' } } },
        reason: { value: { type: 'plain_text_input', value: 'snow day' } },
        shift: { value: { type: 'checkboxes', selected_options: [] } },
      },
    });
    const preview = await until(() => fake.messages('D0PROFB')[0]);
    expect(preview.text).toMatch(/^Class 14 \(Calculus: .*\) is cancelled on Tue Oct 21: snow day\./);
    const confirm = (preview.blocks as Block[])
      .flatMap((b) => b.elements ?? [])
      .find((e) => e.action_id === CONFIRM_ACTION)!;
    // The Confirm carries the course, as every preview's does.
    expect(confirm.value).toMatch(new RegExp(`^${B}\\|`));
    const answered = fake.responses().length;
    await fake.sendInteractive({
      actions: [{ action_id: CONFIRM_ACTION, value: confirm.value! }],
      userId: PROF_B,
      channelId: 'D0PROFB',
    });
    const done = await until(() => fake.responses()[answered]);
    expect((done.body as { text: string }).text).toMatch(/^Done \(#\d+\): cancelled Class 14/);
    const announced = await until(() =>
      fake.messages('C0MA101').find((m) => m.text?.includes('is cancelled on Tue Oct 21')),
    );
    expect(announced.text).toContain('snow day');
    expect(fake.messages('C0CS599').filter((m) => m.text?.includes('cancelled'))).toEqual([]);
    // A's plan is untouched: its Class 14 still meets.
    expect(await command('class 14', STUDENT, 'C0CS599')).not.toContain('cancelled');
  });

  it("subscribes to reminders of the channel's course only, and leaving it stops that course's only", async () => {
    expect(await command('remind me deadlines 1d', STUDENT, 'C0CS599')).toMatch(/^Done: I will DM you 1d/);
    expect(await command('remind list', STUDENT, 'C0CS599')).toBe('deadlines: 1d before');
    // Named course B from A's channel: nothing asked for there.
    expect(await command(`${B} remind list`, STUDENT, 'C0CS599')).toMatch(/^You have no personal reminders/);
    expect(await command(`${B} remind me classes 2h`, STUDENT, 'C0CS599')).toMatch(/^Done/);

    await fake.sendEvent({
      type: 'member_left_channel',
      user: STUDENT,
      channel: 'C0CS599',
      channel_type: 'C',
    });
    await expect
      .poll(() => command('remind list', STUDENT, 'C0CS599'), { timeout: 4000 })
      .toMatch(/^You have no personal reminders/);
    expect(await command(`${B} remind list`, STUDENT, 'C0CS599')).toBe('classes: 2h before');
  });

  it("serves each course's feed under its own token: 200, then 304; the other course's token is 404", async () => {
    const base = `http://127.0.0.1:${app.port}`;
    const pathA = feedPath(await command('calendar', STUDENT, 'C0CS599'), A);
    const pathB = feedPath(await command('calendar', PROF_B, 'C0MA101'), B);
    const feedA = await fetch(base + pathA);
    expect(feedA.status).toBe(200);
    expect(await feedA.text()).toContain('CS 599 E1');
    const feedB = await fetch(base + pathB);
    expect(feedB.status).toBe(200);
    expect(await feedB.text()).toContain('Calculus');
    const again = await fetch(base + pathB, { headers: { 'if-none-match': feedB.headers.get('etag')! } });
    expect(again.status).toBe(304);
    const tokenOfA = pathA.split('/').at(-1)!;
    expect((await fetch(`${base}/calendar/${B}/${tokenOfA}`)).status).toBe(404);

    // Rotating B's link leaves A's working.
    expect(await command('calendar rotate', PROF_B, 'C0MA101')).toContain(
      'the old calendar link no longer works',
    );
    expect((await fetch(base + pathB)).status).toBe(404);
    expect((await fetch(base + pathA)).status).toBe(200);
    expect(await command('calendar rotate', STUDENT, 'C0CS599')).toContain('only the course staff');
  });

  it("DMs each course's own subscribers at their own lead times, each DM naming its course", async () => {
    // The project proposal is due at the end of Thu Oct 30 in both courses.
    expect(await command('remind me deadlines 10d8h', BOTH, 'C0CS599')).toMatch(/^Done/);
    expect(await command('remind me deadlines 10d7h', BOTH, 'C0MA101')).toMatch(/^Done/);
    const dms = () => fake.messages('D0BOTH');

    clock.set(MONDAY.set({ hour: 16, minute: 0, second: 5 }));
    await app.deployment.tick();
    const first = await until(() => dms()[0]);
    expect(first.text).toContain('Reminder from CS 599 E1');
    expect(first.text).toContain('Project proposal');
    expect(first.text).toContain('/schedule remind list');
    expect(dms()).toHaveLength(1);

    clock.set(MONDAY.set({ hour: 17, minute: 0, second: 5 }));
    await app.deployment.tick();
    const second = await until(() => dms()[1]);
    expect(second.text).toContain('Reminder from MA 101');
    await app.deployment.tick();
    expect(dms()).toHaveLength(2);
  });
});
