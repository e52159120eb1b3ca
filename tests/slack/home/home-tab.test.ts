// The App Home tab end to end: the real Bolt app in Socket Mode against the fake Slack, with the staff desk and
// the change history of a real (temporary) database. A student and a staff member see different tabs; a staff
// change made from the tab's form is previewed in a DM, confirmed and announced; plan changes refresh the tab.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RevisedPlanSource } from '../../../src/changes/revised-plan-source.ts';
import type { Plan } from '../../../src/plan/schema.ts';
import { HOME_CHANGE_CALLBACK } from '../../../src/slack/home/home-modals.ts';
import { HOME_CHANGE_ACTIONS, HOME_UNDO_ACTION } from '../../../src/slack/home/home-view.ts';
import { installHome, type Home } from '../../../src/slack/home/install-home.ts';
import { CONFIRM_ACTION } from '../../../src/slack/staff/staff-commands.ts';
import { openDatabase } from '../../../src/storage/database.ts';
import { revisedPlanOver } from '../../support/revised-plan.ts';
import { ManualClock } from '../../../src/util/clock.ts';
import { cs599, MONDAY } from '../../changes/plan-fixture.ts';
import { startFakeSlack, type FakeSlack } from '../../fakes/fake-slack.ts';
import { staffBot, recordingLogger, type RecordingLogger } from '../slack-kit.ts';
import { until as poll } from '../../support/until.ts';

const PROF = 'U0PROF';
const STUDENT = 'U0STUDENT';
/** The course's id: what the tab's buttons carry. */
const COURSE = 'cs599e1-fall-2025';

interface Block {
  type: string;
  text?: { text: string };
  elements?: { action_id?: string; value?: string; text?: string | { text: string } }[];
}
type View = { type: string; blocks: Block[] };

let dir: string;
let schedule: string;
let fake: FakeSlack;
let log: RecordingLogger;
let plans: RevisedPlanSource;
let home: Home;
let stop: () => Promise<void>;

/** CS 599 with the student on the roster as CG, a Piazza link, and a topic with markup in it. */
function plan(): Plan {
  const p = cs599();
  p.course.roster = { ...p.course.roster, CG: STUDENT };
  p.course.links = { piazza: 'https://piazza.com/class/cs599' };
  const class14 = p.sessions.find((s) => s.number === 14)!;
  class14.topic = 'Sparse <b>attention</b> & friends';
  return p;
}

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-home-'));
  schedule = join(dir, 'schedule.json');
  writeFileSync(schedule, JSON.stringify(plan()));
  fake = await startFakeSlack();
  log = recordingLogger();
  const clock = new ManualClock(MONDAY);
  const db = openDatabase(join(dir, 'bot.db'));
  plans = await revisedPlanOver(db, plan(), log);
  const { slack, staff } = await staffBot({
    fake,
    db,
    plans,
    clock,
    log,
    schedulePath: schedule,
    debounceMs: 100,
    channels: ['C0CLASS'],
  });
  home = installHome(slack.listeners, {
    deployment: slack.deployment,
    // One course: shown whatever the viewer's channels.
    memberCourses: async () => [],
    clock,
    log,
    refreshIntervalMs: 50,
  });
  await slack.start();
  stop = async () => {
    home.stop();
    await staff.stop();
    await slack.stop();
    db.close();
  };
});
afterEach(async () => {
  await stop();
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

// With this file's own time limit, shorter than the shared one.
const until = <T>(get: () => T | undefined | false, ms = 3000) => poll(get, ms);

const publishes = (user: string) => fake.callsTo('views.publish').filter((c) => c.params.user_id === user);
/** Opens Home as `user` and returns the view published for them. */
async function openHome(user: string): Promise<View> {
  const before = publishes(user).length;
  await fake.openAppHome(user);
  await until(() => publishes(user).length > before);
  return publishes(user).at(-1)!.params.view as View;
}
const texts = (view: View) =>
  view.blocks.map((b) => b.text?.text ?? JSON.stringify(b.elements ?? [])).join('\n');
const buttons = (view: View) =>
  view.blocks.filter((b) => b.type === 'actions').flatMap((b) => b.elements!.map((e) => e.action_id));
const dm = (user: string) => fake.messages(`D${user.slice(1)}`);
function valueOf(message: { blocks?: unknown[] }, actionId: string): string {
  const button = (message.blocks as Block[] | undefined)
    ?.flatMap((b) => b.elements ?? [])
    .find((e) => e.action_id === actionId);
  if (!button?.value) throw new Error(`no ${actionId} button`);
  return button.value;
}

/** Clicks a staff button of the Home tab and returns the modal it opened. */
async function openForm(kind: keyof typeof HOME_CHANGE_ACTIONS, user = PROF) {
  const before = fake.callsTo('views.open').length;
  await fake.clickHomeButton(user, { action_id: HOME_CHANGE_ACTIONS[kind], value: COURSE });
  await until(() => fake.callsTo('views.open').length > before);
  const call = fake.callsTo('views.open').at(-1)!;
  expect(call.params.trigger_id).toMatch(/trigger/);
  return call.params.view as {
    callback_id: string;
    private_metadata: string;
    blocks: { block_id?: string }[];
  };
}

describe('the App Home tab', () => {
  it('shows a student their next class, deadlines, presentations and Piazza, and no staff part', async () => {
    const view = await openHome(STUDENT);
    expect(view.type).toBe('home');
    const text = texts(view);
    expect(text).toContain('CS 599 E1 · Algorithms for Machine Learning');
    expect(text).toContain('*Next class*');
    // User-written text is escaped like every reply: the markup shows as typed, nothing is injected.
    expect(text).toContain('Sparse &lt;b&gt;attention&lt;/b&gt; &amp; friends');
    expect(text).toMatch(/\*Deadlines in the next 14 days\*\n.*Project proposal.*\(in 10 days\)/);
    expect(text).toMatch(/\*Your presentations\*\n<@U0STUDENT>, <@U0OO00001> — DeepSeek-v3 \(Class 20, /);
    expect(text).toContain('<https://piazza.com/class/cs599|Piazza>');
    expect(text).not.toContain('Posts of the next');
    expect(text).not.toContain('Recent changes');
    expect(buttons(view)).toEqual([]);
    expect(view.blocks.length).toBeLessThanOrEqual(100);
  });

  it('shows the staff the week of posts, the history and the change buttons', async () => {
    const view = await openHome(PROF);
    const text = texts(view);
    expect(text).toMatch(/\*Posts of the next 7 days\*\n.*C0CLASS {2}(class-day|readings|presentation)/);
    expect(text).toContain('*Recent changes*\nNo changes made from Slack yet.');
    expect(buttons(view)).toEqual([
      HOME_CHANGE_ACTIONS.cancel,
      HOME_CHANGE_ACTIONS.move,
      HOME_CHANGE_ACTIONS.extend,
    ]);
    // The staff member is not on the roster: no presentations of their own.
    expect(text).not.toContain('Your presentations');
  });

  it('publishes nothing when the Messages tab is opened', async () => {
    await fake.openAppHome(STUDENT, 'messages');
    await openHome(PROF); // a later event is handled, so the first one has been too
    expect(publishes(STUDENT)).toEqual([]);
  });

  it('cancels a class from the form: previewed in a DM, confirmed, announced, and the tabs refreshed', async () => {
    await openHome(STUDENT);
    await openHome(PROF);
    const form = await openForm('cancel');
    expect(form.callback_id).toBe(HOME_CHANGE_CALLBACK);
    expect(form.blocks.map((b) => b.block_id)).toEqual(['class', 'reason', 'shift']);
    const ack = await fake.sendViewSubmission({
      userId: PROF,
      view: { callback_id: form.callback_id, private_metadata: form.private_metadata },
      values: {
        class: { value: { type: 'static_select', selected_option: { value: '14' } } },
        reason: { value: { type: 'plain_text_input', value: 'snow day' } },
        shift: { value: { type: 'checkboxes', selected_options: [] } },
      },
    });
    expect(ack.payload ?? {}).toEqual({});
    const preview = await until(() => dm(PROF)[0]);
    expect(preview.text).toMatch(
      /^Class 14 \(Sparse &lt;b&gt;attention&lt;\/b&gt; &amp; friends\) is cancelled on Tue Oct 21: snow day\./,
    );
    expect(fake.messages('C0CLASS')).toEqual([]);

    await fake.sendInteractive({
      actions: [{ action_id: CONFIRM_ACTION, value: valueOf(preview, CONFIRM_ACTION) }],
      userId: PROF,
      channelId: 'D0PROF',
    });
    const done = await until(() => fake.responses()[0]);
    // #1 is the record of the schedule.json the bot started with.
    expect((done.body as { text: string }).text).toMatch(/^Done \(#2\): cancelled Class 14/);
    expect(fake.messages('C0CLASS').map((m) => m.text)).toEqual([
      'Class 14 (Sparse &lt;b&gt;attention&lt;/b&gt; &amp; friends) is cancelled on Tue Oct 21: snow day.',
    ]);

    // Both recent viewers get a fresh tab: the staff member with the change and its Undo.
    const refreshed = await until(() => publishes(PROF).length === 2 && publishes(PROF)[1]!);
    const staffView = refreshed.params.view as View;
    expect(texts(staffView)).toMatch(/\*Recent changes\*\n#2 .*<@U0PROF>.*cancelled Class 14/);
    expect(buttons(staffView)).toContain(HOME_UNDO_ACTION);
    await until(() => publishes(STUDENT).length === 2);
    expect(texts(publishes(STUDENT)[1]!.params.view as View)).toContain('Class 14 cancelled: snow day');
  });

  it('logs the words a form made as safely as a typed command', async () => {
    await openHome(PROF);
    const form = await openForm('cancel');
    await fake.sendViewSubmission({
      userId: PROF,
      view: { callback_id: form.callback_id, private_metadata: form.private_metadata },
      values: {
        class: { value: { type: 'static_select', selected_option: { value: '14' } } },
        // A right-to-left override would reorder the rest of the log line for whoever reads it.
        reason: { value: { type: 'plain_text_input', value: 'snow \u202eday' } },
        shift: { value: { type: 'checkboxes', selected_options: [] } },
      },
    });
    await until(() => dm(PROF)[0]);
    const line = log.lines.find((l) => l.includes('from the Home tab'));
    expect(line).toBe(
      'info home: U0PROF previewed "cancel 14 snow \\u202eday" for cs599e1-fall-2025 from the Home tab',
    );
  });

  it('keeps a refused change in the form with the reason next to it', async () => {
    await openHome(PROF);
    const form = await openForm('move');
    const ack = await fake.sendViewSubmission({
      userId: PROF,
      view: { callback_id: form.callback_id, private_metadata: form.private_metadata },
      values: {
        class: { value: { type: 'static_select', selected_option: { value: '14' } } },
        date: { value: { type: 'datepicker', selected_date: '2025-10-23' } },
      },
    });
    expect(ack.payload).toEqual({
      response_action: 'errors',
      errors: { class: expect.stringMatching(/Class 15 .*is already on Thu Oct 23/) },
    });
    expect(dm(PROF)).toEqual([]);
  });

  it('extends a deadline from the form to the same preview as the command', async () => {
    await openHome(PROF);
    const form = await openForm('extend');
    await fake.sendViewSubmission({
      userId: PROF,
      view: { callback_id: form.callback_id, private_metadata: form.private_metadata },
      values: {
        deadline: { value: { type: 'static_select', selected_option: { value: 'project-proposal-due' } } },
        date: { value: { type: 'datepicker', selected_date: '2025-11-04' } },
        time: { value: { type: 'timepicker', selected_time: null } },
      },
    });
    const preview = await until(() => dm(PROF)[0]);
    expect(preview.text?.split('\n')[0]).toBe(
      'Project proposal deadline moved from Thu Oct 30 to Tue Nov 4.',
    );
  });

  it('offers Undo of the latest change, previewed like /schedule undo', async () => {
    const preview = (await fake.sendSlashCommand({ text: 'cancel 14 snow day', user_id: PROF })).payload;
    await fake.sendInteractive({
      actions: [
        { action_id: CONFIRM_ACTION, value: valueOf(preview as { blocks: unknown[] }, CONFIRM_ACTION) },
      ],
      userId: PROF,
    });
    await until(() => fake.messages('C0CLASS').length === 1);
    const view = await openHome(PROF);
    expect(buttons(view)).toContain(HOME_UNDO_ACTION);
    await fake.clickHomeButton(PROF, { action_id: HOME_UNDO_ACTION, value: COURSE });
    const undo = await until(() => dm(PROF)[0]);
    expect(undo.text?.split('\n')[0]).toBe(
      'Class 14 (Sparse &lt;b&gt;attention&lt;/b&gt; &amp; friends) is no longer cancelled: it meets on Tue Oct 21.',
    );
    expect(valueOf(undo, CONFIRM_ACTION)).toBeTruthy();
  });

  it('does not open a form for a student, even from a forged click', async () => {
    await fake.clickHomeButton(STUDENT, { action_id: HOME_CHANGE_ACTIONS.cancel, value: COURSE });
    const refusal = await until(() => dm(STUDENT)[0]);
    expect(refusal.text).toMatch(/only the course staff can change the schedule/);
    expect(fake.callsTo('views.open')).toEqual([]);
  });

  it('refreshes recent viewers when schedule.json is edited', async () => {
    await openHome(STUDENT);
    const edited = plan();
    edited.sessions.find((s) => s.number === 14)!.topic = 'Sparse attention, revised';
    writeFileSync(schedule, JSON.stringify(edited));
    await until(() => publishes(STUDENT).length === 2, 4000);
    expect(texts(publishes(STUDENT)[1]!.params.view as View)).toContain('Sparse attention, revised');
    expect(plans.current().sessions.find((s) => s.number === 14)!.topic).toBe('Sparse attention, revised');
  });
});
