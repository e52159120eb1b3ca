// Two courses in one running bot, end to end with the real Bolt app (Socket Mode) against the fake Slack:
// each channel answers for its own course, a DM finds the person's course or asks which, staff rights are
// per course, a course is set up from a page served by a local HTTP server, staff are added, and a course
// is retired.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Plan } from '../../src/plan/schema.ts';
import { ask } from '../../src/queries/ask.ts';
import { RETIRE_CONFIRM_ACTION } from '../../src/slack/course-commands/retire-command.ts';
import { SETUP_CONFIRM_ACTION } from '../../src/slack/course-commands/setup-command.ts';
import { createSlackApp, type SlackApp } from '../../src/slack/create-slack-app.ts';
import { CONFIRM_ACTION } from '../../src/slack/staff/staff-commands.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { page, startPageServer, type PageServer } from '../fetch/page-server.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { memoryDeployment, type MemoryDeployment } from '../support/memory-deployment.ts';
import { APP_TOKEN, BOT_TOKEN, fixturePlan, recordingLogger, type RecordingLogger } from './slack-kit.ts';
import { until } from '../support/until.ts';

type Payload = {
  text?: string;
  blocks?: { type: string; elements?: { action_id: string; value: string }[] }[];
};

const NOW = DateTime.fromISO('2025-10-13T18:00:00-04:00', { setZone: true });
const FALL_PAGE = readFileSync(join(import.meta.dirname, '..', 'fixtures', 'importer', 'fall.html'), 'utf8');

/** A second course: the same term, its own code and topics, so an answer shows whose it is. */
function mathPlan(): Plan {
  const plan = fixturePlan();
  return {
    ...plan,
    course: { ...plan.course, code: 'MA 101', title: 'Calculus' },
    sessions: plan.sessions.map((s) => ({ ...s, topic: s.topic && `Calculus: ${s.topic}` })),
  };
}

let fake: FakeSlack;
let slack: SlackApp;
let deployment: MemoryDeployment;
let log: RecordingLogger;
let site: PageServer;

beforeEach(async () => {
  fake = await startFakeSlack({
    channels: [
      { id: 'C0CS599', name: 'cs599', members: ['U0ONE', 'U0BOTH', 'U0PROF'] },
      { id: 'C0MA101', name: 'ma101', members: ['U0BOTH', 'U0MATH'] },
      { id: 'C0CS101', name: 'cs101', members: ['U0ADMIN', 'U0ONE'] },
    ],
    users: [
      { id: 'U0MATH', name: 'math', tz: 'America/New_York' },
      { id: 'U0TA', name: 'ta', tz: 'America/New_York' },
      { id: 'U0GRADER', name: 'grader', tz: 'America/New_York' },
    ],
  });
  site = await startPageServer({
    '/cs101/schedule.html': page(FALL_PAGE, 'text/html; charset=utf-8'),
    '/welcome.html': page('<h1>Welcome</h1><p>Office hours are on Tuesdays.</p>', 'text/html'),
  });
  deployment = memoryDeployment(
    [
      { plan: fixturePlan(), channels: ['C0CS599'], staff: ['U0PROF'] },
      { plan: mathPlan(), channels: ['C0MA101'], staff: ['U0MATH'] },
    ],
    { admins: ['U0ADMIN'] },
  );
  log = recordingLogger();
  slack = createSlackApp({
    settings: { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl },
    deployment,
    clock: new ManualClock(NOW),
    ask,
    log,
    // Past the ack's 2 s budget, so that a hung lookup is first "working on it", then given up.
    requestTimeoutMs: 2500,
  });
  await slack.start();
});
afterEach(async () => {
  await slack.stop();
  await site.close();
  await fake.close();
});

async function command(text: string, user: string, channel: string): Promise<Payload> {
  return (await fake.sendSlashCommand({ text, user_id: user, channel_id: channel })).payload as Payload;
}
function buttons(payload: Payload) {
  return payload.blocks?.find((b) => b.type === 'actions')?.elements ?? [];
}
/** Clicks the button `actionId` (or the n-th button) and returns what replaced the message. */
async function click(payload: Payload, actionId: string, user: string, channel: string): Promise<Payload> {
  const button = buttons(payload).find((b) => b.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} button in: ${payload.text}`);
  const before = fake.responses().length;
  await fake.sendInteractive({
    actions: [{ action_id: actionId, value: button.value }],
    userId: user,
    channelId: channel,
  });
  return (await until(() => fake.responses()[before])).body as Payload;
}

describe('one bot, many courses', () => {
  it("answers /schedule next in each channel for that channel's course", async () => {
    expect((await command('next', 'U0ONE', 'C0CS599')).text).not.toContain('Calculus');
    expect((await command('next', 'U0BOTH', 'C0MA101')).text).toContain('Calculus');
  });

  it('answers for a course named first, and lists the courses an ambiguous name fits', async () => {
    expect((await command('ma101 next', 'U0ONE', 'C0CS599')).text).toContain('Calculus');
    expect((await command('MA next', 'U0ONE', 'C0CS599')).text).toContain('Calculus');
  });

  it("answers a DM for the person's only course, and asks which when they have two", async () => {
    const one = await command('next', 'U0ONE', 'D0DM1');
    expect(one.text).toMatch(/Class \d+/);
    expect(one.text).not.toContain('Calculus');

    const chooser = await command('next', 'U0BOTH', 'D0DM2');
    expect(chooser.text).toContain('Which course?');
    const choices = buttons(chooser);
    expect(choices.map((b) => b.action_id)).toEqual(['course_choose-0', 'course_choose-1']);
    const answer = await click(chooser, 'course_choose-1', 'U0BOTH', 'D0DM2');
    expect(answer.text).toContain('Calculus');
    expect(fake.responses().at(-1)?.body).toMatchObject({ replace_original: true });
  });

  it('says "working on it" while the membership lookup hangs, then asks which course once it times out', async () => {
    // Longer than both the ack's budget (2 s) and the Web API timeout (2.5 s here).
    fake.failNext('users.conversations', { delayMs: 2800 });
    const before = fake.responses().length;
    const ack = await command('next', 'U0ONE', 'D0DM3');
    expect(ack.text).toBe('Working on it…');
    const answer = (await until(() => fake.responses()[before])).body as Payload & {
      replace_original?: boolean;
    };
    expect(answer.text).toContain('Which course?');
    expect(answer.replace_original).toBe(true);
    expect(log.lines.some((l) => l.startsWith('warn slack: the channels of U0ONE could not be listed'))).toBe(
      true,
    );
  });

  it('refuses the staff of one course in the other, and lets them change their own', async () => {
    const refused = await command('cancel 14 snow day', 'U0MATH', 'C0CS599');
    expect(refused.text).toContain('only the course staff');
    expect(buttons(refused)).toEqual([]);
    expect(log.lines).toContain(
      'warn staff: refused "cancel 14 snow day" from U0MATH: not staff of cs599e1-fall-2025',
    );

    const preview = await command('cancel 14 snow day', 'U0MATH', 'C0MA101');
    const math = deployment.course('ma101-fall-2025')!;
    expect(buttons(preview)[0]?.value).toMatch(/^ma101-fall-2025\|/);
    const done = await click(preview, CONFIRM_ACTION, 'U0MATH', 'C0MA101');
    expect(done.text).toMatch(/^Done \(#\d+\)/);
    expect(math.plans.current().sessions.find((s) => s.number === 14)?.noClass).toBeDefined();
    const cs = deployment.course('cs599e1-fall-2025')!;
    expect(cs.plans.current().sessions.find((s) => s.number === 14)?.noClass).toBeUndefined();
    expect(deployment.announced).toEqual([{ course: 'ma101-fall-2025', revisionId: expect.any(Number) }]);
  });

  it('changes nothing on a Confirm without a course id when the bot serves several courses', async () => {
    const preview = await command('cancel 14', 'U0MATH', 'C0MA101');
    const value = buttons(preview).find((b) => b.action_id === CONFIRM_ACTION)!.value;
    const before = fake.responses().length;
    await fake.sendInteractive({
      actions: [{ action_id: CONFIRM_ACTION, value: value.split('|')[1]! }],
      userId: 'U0MATH',
      channelId: 'C0MA101',
    });
    const answer = (await until(() => fake.responses()[before])).body as Payload;
    expect(answer.text).toContain('nothing was changed');
    const math = deployment.course('ma101-fall-2025')!;
    expect(math.plans.current().sessions.find((s) => s.number === 14)?.noClass).toBeUndefined();
  });

  it('sets up a course from its page: preview, Confirm, then the channel answers for it', async () => {
    const url = site.url('/cs101/schedule.html');
    const preview = await command(`setup ${url} America/New_York`, 'U0ADMIN', 'C0CS101');
    expect(preview.text).toContain('CS 101');
    expect(preview.text).toMatch(/\d+ classes/);
    expect(preview.text).toContain('The first week of posts');
    const done = await click(preview, SETUP_CONFIRM_ACTION, 'U0ADMIN', 'C0CS101');
    expect(done.text).toContain('is set up here');
    expect(done.text).toContain('staff add');
    expect(deployment.setUps).toEqual([
      expect.objectContaining({ channelId: 'C0CS101', userId: 'U0ADMIN', url }),
    ]);
    const course = await deployment.courseForChannel('C0CS101');
    expect(course?.plans.current().course.code).toBe('CS 101');
    expect(deployment.isStaff(course!, 'U0ADMIN')).toBe(true);
    expect((await command('help', 'U0ONE', 'C0CS101')).text).toContain('setup');
  });

  it('previews what changes when the channel has a course, and replaces its plan on Confirm (its staff only)', async () => {
    const url = site.url('/cs101/schedule.html');
    const refused = await command(`setup ${url}`, 'U0MATH', 'C0CS599');
    expect(refused.text).toContain('only the staff of CS 599');
    const preview = await command(`setup ${url} America/New_York`, 'U0PROF', 'C0CS599');
    expect(preview.text).toContain('What changes:');
    expect(preview.text).not.toContain('The first week of posts');
    const done = await click(preview, SETUP_CONFIRM_ACTION, 'U0PROF', 'C0CS599');
    expect(done.text).toContain('Replaced the plan of `cs599e1-fall-2025`');
    expect(deployment.setUps).toEqual([expect.objectContaining({ channelId: 'C0CS599', userId: 'U0PROF' })]);
    expect(deployment.course('cs599e1-fall-2025')!.plans.current().course.code).toBe('CS 101');
  });

  it('refuses a setup by someone who may not, logs it, and says what is wrong with a bad address', async () => {
    const url = site.url('/cs101/schedule.html');
    const refused = await command(`setup ${url}`, 'U0ONE', 'C0CS101');
    expect(refused.text).toContain('only the deployment admins');
    expect(log.lines.some((l) => l.startsWith('warn setup: refused') && l.includes('U0ONE'))).toBe(true);
    const missing = await command(`setup ${site.url('/nothing.html')}`, 'U0ADMIN', 'C0CS101');
    expect(missing.text?.split('\n')).toHaveLength(1);
    expect(missing.text).toContain('404');
    for (const address of [site.url('/welcome.html'), 'http://127.0.0.1:1/schedule.html']) {
      const answer = await command(`setup ${address}`, 'U0ADMIN', 'C0CS101');
      expect(answer.text?.split('\n'), address).toHaveLength(1);
      expect(answer.text).toContain(address);
      expect(buttons(answer)).toEqual([]);
    }
    expect(deployment.setUps).toEqual([]);
  });

  it('gives a person added with staff add the right to change the plan, and lists the staff', async () => {
    const before = await command('cancel 14', 'U0TA', 'C0MA101');
    expect(before.text).toContain('only the course staff');
    const added = await command('staff add <@U0TA|ta>', 'U0MATH', 'C0MA101');
    expect(added.text).toContain('now staff');
    expect((await command('staff', 'U0ONE', 'C0MA101')).text).toContain('only the course staff');
    const list = await command('staff', 'U0MATH', 'C0MA101');
    expect(JSON.stringify(list.blocks)).toMatch(/<@U0MATH>.*<@U0TA>/);
    const preview = await command('cancel 14', 'U0TA', 'C0MA101');
    expect(buttons(preview).map((b) => b.action_id)).toContain(CONFIRM_ACTION);
  });

  it('finds a person named as typed (@name) when Slack sends no mention, and says so when no one is', async () => {
    expect((await command('staff add @nobody', 'U0MATH', 'C0MA101')).text).toBe(
      'No one in this workspace is called @nobody.',
    );
    expect((await command('staff add @grader', 'U0MATH', 'C0MA101')).text).toContain('U0GRADER is now staff');
    const removed = await command('staff remove <@U0GRADER>', 'U0MATH', 'C0MA101');
    expect(removed.text).toContain('no longer staff');
    expect(deployment.isStaff(deployment.course('ma101-fall-2025')!, 'U0GRADER')).toBe(false);
  });

  it('retires a course after Confirm: its answers say so and it takes no more changes', async () => {
    const preview = await command('retire', 'U0MATH', 'C0MA101');
    expect(preview.text).toContain('No reminder');
    const done = await click(preview, RETIRE_CONFIRM_ACTION, 'U0MATH', 'C0MA101');
    expect(done.text).toContain('retired');
    expect(deployment.course('ma101-fall-2025')!.retiredAt()).toBeDefined();
    expect((await command('next', 'U0BOTH', 'C0MA101')).text).toContain('was retired on Mon Oct 13, 2025');
    const change = await command('cancel 14', 'U0MATH', 'C0MA101');
    expect(change.text).toContain('was retired');
    expect(buttons(change)).toEqual([]);
  });
});
