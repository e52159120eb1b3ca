// Staff changes end to end against the fake Slack (Socket Mode): each command previewed and confirmed with the
// button, refusals, undo, expiry, conflicts, a restart, and schedule.json edited while running. Each asserts
// the announcement in the class channel and the effect on the reminders derived from the effective plan.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { Announcer } from '../../src/delivery/announcer.ts';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import { derivePosts } from '../../src/reminders/derive-posts.ts';
import { type SlackApp } from '../../src/slack/create-slack-app.ts';
import { CANCEL_ACTION, CONFIRM_ACTION } from '../../src/slack/staff/staff-commands.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { courseId } from '../../src/plan/course-id.ts';
import { revisedPlanOver } from '../support/revised-plan.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { staffBot, recordingLogger, type RecordingLogger } from '../slack/slack-kit.ts';
import { FIXTURE_PATH, MONDAY } from './plan-fixture.ts';
import { until } from '../support/until.ts';

const PROF = 'U0PROF';
const STUDENT = 'U0STUDENT';
type Payload = {
  text?: string;
  blocks?: { type: string; elements?: { action_id: string; value: string }[] }[];
};

interface Bot {
  slack: SlackApp;
  announcer: Announcer;
  plans: RevisedPlanSource;
  db: Database;
  stop(): Promise<void>;
}

let dir: string;
let schedule: string;
let fake: FakeSlack;
let clock: ManualClock;
let log: RecordingLogger;
let bot: Bot | undefined;

async function startBot(): Promise<Bot> {
  const db = openDatabase(join(dir, 'bot.db'));
  // As `coursebot start` does: the plan is schedule.json as it is on disk now.
  const file = parsePlanText(readFileSync(schedule, 'utf8'));
  if (!file.ok) throw new Error('schedule.json is invalid');
  // The course's own rows, as the running bot keeps them.
  const plans = await revisedPlanOver(db, file.plan, log, courseId(file.plan));
  const { slack, announcer, staff } = await staffBot({
    fake,
    db,
    plans,
    clock,
    log,
    schedulePath: schedule,
    debounceMs: 150,
    courseId: courseId(file.plan),
  });
  await slack.start();
  return {
    slack,
    announcer,
    plans,
    db,
    async stop() {
      await staff.stop();
      await slack.stop();
      db.close();
    },
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function command(text: string, user = PROF): Promise<Payload> {
  return (await fake.sendSlashCommand({ text, user_id: user })).payload as Payload;
}
function buttonValue(payload: Payload, actionId: string): string {
  const button = payload.blocks
    ?.find((b) => b.type === 'actions')
    ?.elements?.find((e) => e.action_id === actionId);
  if (!button) throw new Error(`no ${actionId} button in: ${payload.text}`);
  return button.value;
}
/** Clicks a button of a preview and returns the text that replaced the preview. */
async function click(payload: Payload, actionId = CONFIRM_ACTION, user = PROF): Promise<string> {
  const before = fake.responses().length;
  await fake.sendInteractive({
    actions: [{ action_id: actionId, value: buttonValue(payload, actionId) }],
    userId: user,
  });
  const response = await until(() => fake.responses()[before]);
  return (response.body as Payload).text ?? '';
}
const channelTexts = () => fake.messages('C0CLASS').map((m) => m.text);
const reminderKeys = (plans: RevisedPlanSource, from: string, to: string) =>
  derivePosts(
    plans.current(),
    {
      from: DateTime.fromISO(from, { zone: 'America/New_York' }),
      to: DateTime.fromISO(to, { zone: 'America/New_York' }),
    },
    { defaultChannel: 'C0CLASS' },
  ).flatMap((p) => p.reminders.map((r) => r.key));

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-staff-'));
  schedule = join(dir, 'schedule.json');
  writeFileSync(schedule, readFileSync(FIXTURE_PATH, 'utf8'));
  fake = await startFakeSlack();
  clock = new ManualClock(MONDAY);
  log = recordingLogger();
  bot = await startBot();
});
afterEach(async () => {
  await bot?.stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('staff changes through Slack', () => {
  it('cancel: preview, Confirm, one announcement, and the reminders and answers follow', async () => {
    const plans = bot!.plans;
    expect(reminderKeys(plans, '2025-10-21T00:00', '2025-10-22T00:00')).toContain(
      'class-day:class-14@2025-10-21',
    );
    const preview = await command('cancel 14 snow day');
    expect(preview.text).toBe(
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.\n' +
        'Confirm to apply this and post it in the class channel. The preview expires at 10:15 AM.',
    );
    expect(channelTexts()).toEqual([]);
    expect(await click(preview)).toBe(
      'Done (#2): cancelled Class 14 (Tue Oct 21): snow day.\nAnnounced in C0CLASS.',
    );
    expect(channelTexts()).toEqual([
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
    ]);
    expect(reminderKeys(plans, '2025-10-21T00:00', '2025-10-22T00:00')).not.toContain(
      'class-day:class-14@2025-10-21',
    );
    expect((await command('next', STUDENT)).text).toContain('Class 15');
    // A second click on the same preview does nothing.
    expect(await click(preview)).toMatch(/no longer available/);
    expect(channelTexts()).toHaveLength(1);
  });

  it('a change confirmed while Slack fails is queued, then announced once by a later pass', async () => {
    fake.failNext('chat.postMessage', { status: 500 });
    expect(await click(await command('cancel 14 snow day'))).toBe(
      'Done (#2): cancelled Class 14 (Tue Oct 21): snow day.\n' +
        'Queued: will be announced in C0CLASS when Slack answers.',
    );
    expect(channelTexts()).toEqual([]);
    expect(bot!.plans.current().sessions.find((s) => s.number === 14)!.noClass).toBe('snow day');
    clock.advance({ minutes: 1 });
    expect(await bot!.announcer.flush()).toMatchObject({ posted: 1 });
    clock.advance({ minutes: 5 });
    await bot!.announcer.flush();
    expect(channelTexts()).toEqual([
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
    ]);
  });

  it('a change whose announcement cannot be posted says why, and the change stands', async () => {
    fake.state.channels.get('C0CLASS')!.isMember = false;
    expect(await click(await command('cancel 14 snow day'))).toMatch(
      /^Done \(#2\): .*\nThe change is applied, but the announcement could not be posted: not_in_channel: /,
    );
    expect(await bot!.plans.history()).toHaveLength(2);
  });

  it.each([
    [
      'move 15 Oct 24',
      'Class 15 (Mixture of experts) moved from Thu Oct 23 to Fri Oct 24.',
      'class-day:class-15@2025-10-23',
      'class-day:class-15@2025-10-24',
    ],
    [
      'move 15 Oct 24 16:00',
      'Class 15 (Mixture of experts) moved from Thu Oct 23 to Fri Oct 24 at 4:00 PM.',
      'class-day:class-15@2025-10-23',
      'class-day:class-15@2025-10-24',
    ],
    [
      'extend proposal Nov 4',
      'Project proposal deadline moved from Thu Oct 30 to Tue Nov 4.',
      'deadline:project-proposal-due@2025-10-30:',
      'deadline:project-proposal-due@2025-11-04:',
    ],
  ])(
    '%s: the reminders of the old day are gone and those of the new day are due',
    async (text, said, gone, due) => {
      const keys = () => reminderKeys(bot!.plans, '2025-10-20T00:00', '2025-11-06T00:00');
      expect(keys().filter((k) => k.startsWith(gone)).length).toBeGreaterThan(0);
      expect(keys().filter((k) => k.startsWith(due))).toEqual([]);
      const preview = await command(text);
      expect(preview.text?.split('\n')[0]).toBe(said);
      expect(await click(preview)).toMatch(/^Done \(#2\)/);
      expect(channelTexts()).toEqual([said]);
      expect(keys().filter((k) => k.startsWith(gone))).toEqual([]);
      expect(keys().filter((k) => k.startsWith(due)).length).toBeGreaterThan(0);
    },
  );

  it.each([
    [
      'edit 15 topic Mixtures of experts',
      'Class 15 on Thu Oct 23 is now about Mixtures of experts (was: Mixture of experts).',
    ],
    [
      'edit 15 readings Switch Transformer',
      'Readings for Class 15 on Thu Oct 23: Switch Transformer (were: Switch Transformer, DeepSeek-V3).',
    ],
    [
      'edit 20 presenters CG: DeepSeek-v3',
      'Presentations in Class 20 on Tue Nov 11: DeepSeek-v3 by CG (were: DeepSeek-v3 by CG and OO).',
    ],
    ['add exam Nov 6 18:00 Midterm', 'New exam: Midterm on Thu Nov 6 at 6:00 PM.'],
  ])('%s: previewed, confirmed and announced', async (text, announcement) => {
    const preview = await command(text);
    expect(preview.text?.split('\n')[0]).toBe(announcement);
    expect(await click(preview)).toMatch(/^Done \(#2\)/);
    expect(channelTexts()).toEqual([announcement]);
  });

  it('add: the new exam has its reminders', async () => {
    const keys = () => reminderKeys(bot!.plans, '2025-10-20T00:00', '2025-11-07T00:00');
    expect(keys().filter((k) => k.includes(':midterm@'))).toEqual([]);
    await click(await command('add exam Nov 6 18:00 Midterm'));
    expect(keys().filter((k) => k.startsWith('deadline:midterm@2025-11-06:')).length).toBeGreaterThan(0);
  });

  it('announce: the text and who sent it, previewed exactly as posted', async () => {
    const preview = await command('announce No office hours today.');
    expect(preview.text).toBe(
      'No office hours today.\n— from @U0PROF\n' +
        'Confirm to apply this and post it in the class channel. The preview expires at 10:15 AM.',
    );
    expect(await click(preview)).toBe('Done (#2): announced “No office hours today.”\nAnnounced in C0CLASS.');
    const [posted] = fake.messages('C0CLASS');
    expect(posted!.text).toBe('No office hours today.\n— from @U0PROF');
    // In Block Kit the sender is a real mention, rendered by Slack as their name.
    expect(JSON.stringify(posted!.blocks)).toContain('— from <@U0PROF>');
    expect(JSON.stringify(preview.blocks)).toContain('— from <@U0PROF>');
  });

  it('cancel without a reason says so plainly', async () => {
    const preview = await command('cancel 2025-10-21');
    expect(preview.text?.split('\n')[0]).toBe(
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21.',
    );
    expect(await click(preview)).toBe('Done (#2): cancelled Class 14 (Tue Oct 21).\nAnnounced in C0CLASS.');
    expect(channelTexts()).toEqual([
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21.',
    ]);
    expect(bot!.plans.current().sessions.find((s) => s.number === 14)!.noClass).toBe('cancelled');
  });

  it('refuses a student politely, changes nothing and logs the attempt', async () => {
    const reply = await command('cancel 14 snow day', STUDENT);
    expect(reply.text).toBe(
      'Sorry, only the course staff can change the schedule. Try `/schedule help` for what you can ask.',
    );
    expect(reply.blocks?.some((b) => b.type === 'actions')).toBe(false);
    // Only the file the bot started with is recorded.
    expect((await bot!.plans.history()).map((r) => r.kind)).toEqual(['file']);
    expect(log.lines).toContain(
      'warn staff: refused "cancel 14 snow day" from U0STUDENT: not staff of cs599e1-fall-2025',
    );
  });

  it('Cancel and an expired preview change nothing', async () => {
    expect(await click(await command('cancel 14'), CANCEL_ACTION)).toBe('Cancelled: nothing was changed.');
    const late = await command('cancel 14');
    clock.advance({ minutes: 16 });
    expect(await click(late)).toBe('This preview has expired and did nothing: run the command again.');
    expect(channelTexts()).toEqual([]);
    expect(bot!.plans.current().sessions.find((s) => s.number === 14)!.noClass).toBeUndefined();
  });

  it('undo reverts the last change, announced like any other', async () => {
    await click(await command('cancel 14 snow day'));
    const undo = await command('undo');
    expect(undo.text?.split('\n')[0]).toBe(
      'Class 14 (Sparse approximation of attention) is no longer cancelled: it meets on Tue Oct 21.',
    );
    expect(await click(undo)).toMatch(/^Done \(#3\): undid #2/);
    expect(channelTexts()).toHaveLength(2);
    expect(reminderKeys(bot!.plans, '2025-10-21T00:00', '2025-10-22T00:00')).toContain(
      'class-day:class-14@2025-10-21',
    );
    expect((await command('history')).text).toMatch(
      /#2 Mon Oct 20 10:00 AM {2}U0PROF {2}cancelled Class 14.*\(undone by #3\)/,
    );
  });

  it('refuses the second of two conflicting confirmations', async () => {
    const first = await command('move 15 Oct 24');
    const second = await command('cancel 15 conference');
    await click(first);
    expect(await click(second)).toBe(
      'Not applied: the schedule changed since this preview (#2 moved Class 15 from Thu Oct 23 to Fri Oct 24). Run the command again for a fresh preview.',
    );
    expect(channelTexts()).toHaveLength(1);
    expect(bot!.plans.current().sessions.find((s) => s.number === 15)!.noClass).toBeUndefined();
  });

  it('announces an edit made while the bot was stopped at the next start, once', async () => {
    await click(await command('cancel 14 snow day'));
    await bot!.stop();
    writeFileSync(schedule, readFileSync(FIXTURE_PATH, 'utf8').replace('"2025-10-30"', '"2025-10-31"'));
    bot = await startBot();
    expect(log.lines).toContain(
      `info ${schedule} was edited while the bot was stopped: the changes are announced`,
    );
    expect(await bot.announcer.flush()).toMatchObject({ posted: 1 });
    expect(channelTexts()).toEqual([
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
      'Class 17 (Mamba and hybrid models) moved from Thu Oct 30 to Fri Oct 31.',
    ]);
    expect(bot.plans.current().sessions.find((s) => s.number === 14)!.noClass).toBe('snow day');
    // Another restart over the same file announces nothing more.
    await bot.stop();
    bot = await startBot();
    await bot.announcer.flush();
    expect(channelTexts()).toHaveLength(2);
    expect((await command('history')).text).toMatch(/#3 .*schedule\.json {2}schedule\.json edited$/m);
  });

  it('notifies the channel when staff ask for it with --notify, and never otherwise', async () => {
    await click(await command('announce Tell @channel the quiz moved'));
    await click(await command('cancel 14 snow day --notify'));
    const [plain, loud] = fake.messages('C0CLASS').map((m) => JSON.stringify(m));
    expect(plain).not.toContain('<!channel>');
    expect(loud).toContain('<!channel> Class 14 (Sparse approximation of attention) is cancelled');
  });

  it('moves a class to a make-up session at another hour: reminders and answers name it', async () => {
    await click(await command('move 15 Oct 24 16:00'));
    const post = derivePosts(
      bot!.plans.current(),
      {
        from: DateTime.fromISO('2025-10-24T00:00', { zone: 'America/New_York' }),
        to: DateTime.fromISO('2025-10-24T23:59', { zone: 'America/New_York' }),
      },
      { defaultChannel: 'C0CLASS' },
    ).find((p) => p.reminders.some((r) => r.key === 'class-day:class-15@2025-10-24'));
    expect(JSON.stringify(post!.content)).toContain('4:00 PM');
    clock.set(DateTime.fromISO('2025-10-24T09:00', { zone: 'America/New_York' }));
    expect((await command('next', STUDENT)).text).toMatch(/Class 15.*4:00 PM/);
  });

  it.each([
    ['cancel 10/23', 'Class 15 (Mixture of experts) is cancelled on Thu Oct 23.', true],
    [
      'cancel 21 Oct snow day',
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
      true,
    ],
    [
      'cancel 14 11:00 snow day',
      'A class is cancelled for its whole meeting: leave the time "11:00" out, e.g. `cancel 14 snow day`.',
      false,
    ],
    [
      'extend proposal 2026-11-04',
      'Wed Nov 4, 2026 is outside the term (Tue Sep 2 to Tue Dec 9, 2025) and its exam period: pick a day up to Sat Feb 7, 2026.',
      false,
    ],
    [
      'edit 14 topic Sparse approximation of attention',
      'Nothing to change: the schedule already says so.',
      false,
    ],
    ['remove proposal', 'Project proposal deadline on Thu Oct 30 is removed from the schedule.', true],
    ['add homework Oct 21 HW3 out, due Oct 28', 'New homework: HW3 released on Tue Oct 21.', true],
  ])('answers %s in Slack', async (text, first, confirmable) => {
    const reply = await command(text);
    expect(reply.text?.split('\n')[0]).toBe(first);
    expect(reply.blocks?.some((b) => b.type === 'actions') ?? false).toBe(confirmable);
  });

  it('restores a cancelled class in Slack, keeping the later changes', async () => {
    await click(await command('cancel 14 snow day'));
    await click(await command('extend proposal Nov 4'));
    expect(await click(await command('restore 14'))).toBe(
      'Done (#4): restored Class 14 (Tue Oct 21).\nAnnounced in C0CLASS.',
    );
    expect(channelTexts().at(-1)).toBe(
      'Class 14 (Sparse approximation of attention) is no longer cancelled: it meets on Tue Oct 21.',
    );
    expect(bot!.plans.current().events.find((e) => e.id === 'project-proposal-due')!.date).toBe('2025-11-04');
  });

  it.each([['stopped'], ['running']])(
    'undoes each change after coursebot export over schedule.json (bot %s)',
    async (state) => {
      await click(await command('cancel 14 snow day'));
      await click(await command('extend proposal Nov 4'));
      if (state === 'stopped') await bot!.stop();
      execFileSync(
        process.execPath,
        ['bin/coursebot.js', 'export', '--schedule', schedule, '--db', join(dir, 'bot.db'), '-o', schedule],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      if (state === 'stopped') bot = await startBot();
      else await until(() => log.lines.find((l) => l.includes('reloaded: nothing students see changed')));
      expect(readFileSync(schedule, 'utf8')).toContain('"2025-11-04"');
      const undo = await command('undo');
      expect(undo.text?.split('\n')[0]).toBe('Project proposal deadline moved from Tue Nov 4 to Thu Oct 30.');
      expect(await click(undo)).toMatch(/^Done \(#\d\): undid #3 /);
      const second = await command('undo');
      expect(second.text?.split('\n')[0]).toBe(
        'Class 14 (Sparse approximation of attention) is no longer cancelled: it meets on Tue Oct 21.',
      );
      await click(second);
      expect(channelTexts().slice(2)).toEqual([
        'Project proposal deadline moved from Tue Nov 4 to Thu Oct 30.',
        'Class 14 (Sparse approximation of attention) is no longer cancelled: it meets on Tue Oct 21.',
      ]);
      const history = (await command('history')).text ?? '';
      expect(history).toMatch(/#2 .*cancelled Class 14.*\(undone by #\d\)/);
      expect(history).toMatch(/#3 .*moved project-proposal-due.*\(undone by #\d\)/);
      expect(history).toMatch(/#4 .*coursebot export {2}exported the plan with the changes up to #3/);
    },
  );

  it('keeps the changes across a restart', async () => {
    await click(await command('cancel 14 snow day'));
    await bot!.stop();
    bot = await startBot();
    expect(bot.plans.current().sessions.find((s) => s.number === 14)!.noClass).toBe('snow day');
    expect(reminderKeys(bot.plans, '2025-10-21T00:00', '2025-10-22T00:00')).not.toContain(
      'class-day:class-14@2025-10-21',
    );
  });

  it('reloads an edited schedule.json once, keeps the changes, and keeps the last good plan when broken', async () => {
    await click(await command('cancel 14 snow day'));
    const keys = () => reminderKeys(bot!.plans, '2025-10-20T00:00', '2025-11-07T00:00');
    expect(keys()).toContain('class-day:class-17@2025-10-30');
    expect(
      keys().filter((k) => k.startsWith('deadline:project-proposal-due@2025-10-30:')).length,
    ).toBeGreaterThan(0);
    // Class 17 and the proposal deadline both move from Oct 30 to Oct 31 (Nov 6 for the deadline).
    const edited = readFileSync(FIXTURE_PATH, 'utf8')
      .replace('"2025-10-30"', '"2025-10-31"')
      .replace(
        '"date": "2025-10-30",\n      "title": "Project proposal due"',
        '"date": "2025-11-06",\n      "title": "Project proposal due"',
      );
    expect(edited).toContain('"2025-11-06"');
    writeFileSync(schedule, edited);
    await until(() => channelTexts()[1]);
    expect(channelTexts()).toEqual([
      'Class 14 (Sparse approximation of attention) is cancelled on Tue Oct 21: snow day.',
      'Class 17 (Mamba and hybrid models) moved from Thu Oct 30 to Fri Oct 31.\n' +
        'Project proposal deadline moved from Thu Oct 30 to Thu Nov 6.',
    ]);
    expect(bot!.plans.current().sessions.find((s) => s.number === 14)!.noClass).toBe('snow day');
    expect(keys()).toContain('class-day:class-17@2025-10-31');
    expect(keys()).not.toContain('class-day:class-17@2025-10-30');
    expect(keys().filter((k) => k.startsWith('deadline:project-proposal-due@2025-10-30:'))).toEqual([]);
    expect(
      keys().filter((k) => k.startsWith('deadline:project-proposal-due@2025-11-06:')).length,
    ).toBeGreaterThan(0);
    expect(keys()).not.toContain('class-day:class-14@2025-10-21');

    const good = bot!.plans.current();
    writeFileSync(schedule, edited.replace('"timezone": "America/New_York"', '"timezone": "Mars/Olympus"'));
    await until(() => log.lines.find((l) => l.includes('not a valid plan')));
    await sleep(100);
    expect(
      log.lines.some(
        (l) => l.includes(`${schedule}:`) && l.includes('course.timezone: expected an IANA timezone'),
      ),
    ).toBe(true);
    expect(bot!.plans.current()).toBe(good);
    expect(channelTexts()).toHaveLength(2);
  });
});
