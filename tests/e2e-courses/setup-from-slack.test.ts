// A course set up from Slack in the real `coursebot start` process (Socket Mode, the fake Slack): an admin
// types `/schedule setup URL` for a schedule page served by a local HTTP server, sees the preview, confirms;
// the course then answers in its channel, `coursebot courses` lists it as set up from Slack, its class-day
// reminder goes out in its channel at 08:00, and a person added with `staff add` may change its plan. A
// restart keeps the course, its staff and its posts (nothing sent again). Setting up is refused to
// everyone but the admins, unless COURSEBOT_OPEN_SETUP lets anyone set up a channel that has no course.
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SETUP_CONFIRM_ACTION } from '../../src/slack/course-commands/setup-command.ts';
import { CONFIRM_ACTION } from '../../src/slack/staff/staff-commands.ts';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { page, startPageServer, type PageServer } from '../fetch/page-server.ts';
import { APP_TOKEN, BOT_TOKEN } from '../slack/slack-kit.ts';
import { killBots, nowJustBefore, startBot, type BotProcess } from '../support/bot-process.ts';
import { buttonsOf, clickButton, type Reply } from '../support/slack-replies.ts';

const BIN = fileURLToPath(new URL('../../bin/coursebot.js', import.meta.url));
const CLASS_DAY = '2025-11-05T08:00:00-05:00';

/** An operating-systems course's schedule page, as a department site might publish it. */
const SCHEDULE_PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>CS 350 Operating Systems — Schedule</title></head>
  <body>
    <header><h1>CS 350: Operating Systems</h1><p>Fall 2025 · Mondays and Wednesdays, 10:00–11:15, Hall B</p></header>
    <p>Readings are from <em>Operating Systems: Three Easy Pieces</em> (OSTEP).</p>
    <table>
      <thead><tr><th>Date</th><th>Lecture</th><th>Topic</th><th>Reading</th><th>Due</th></tr></thead>
      <tbody>
        <tr><td>11/3</td><td>1</td><td>Processes and the kernel boundary</td><td>OSTEP ch. 4</td><td></td></tr>
        <tr><td>11/5</td><td>2</td><td>CPU scheduling</td><td>OSTEP ch. 7</td><td></td></tr>
        <tr><td>11/10</td><td>3</td><td>Address spaces</td><td>OSTEP ch. 13</td><td></td></tr>
        <tr><td>11/12</td><td>4</td><td>Paging and TLBs</td><td>OSTEP ch. 18–19</td><td></td></tr>
        <tr><td>11/17</td><td>5</td><td>Locks and condition variables</td><td>OSTEP ch. 28</td><td></td></tr>
        <tr><td>11/19</td><td>6</td><td>File systems</td><td>OSTEP ch. 39</td><td></td></tr>
      </tbody>
    </table>
  </body>
</html>`;

// A course already served from a file, so the deployment is one of several courses from the start.
const PHYSICS = {
  course: { code: 'PH 301', title: 'Optics', timezone: 'America/New_York', term: 'Fall 2025' },
  sessions: [
    { number: 1, date: '2025-11-04', topic: 'Lenses' },
    { number: 2, date: '2025-11-06', topic: 'Interference' },
  ],
  events: [],
  reminders: { channels: { default: '#ph301' }, weeklyDigest: { enabled: false } },
};

let dir: string;
let fake: FakeSlack;
let site: PageServer;
let bot: BotProcess;

const env = (extra: Record<string, string>) => ({
  SLACK_MODE: 'socket',
  SLACK_BOT_TOKEN: BOT_TOKEN,
  SLACK_APP_TOKEN: APP_TOKEN,
  SLACK_API_URL: fake.apiUrl,
  COURSEBOT_DB: join(dir, 'bot.db'),
  COURSEBOT_COURSES: './courses',
  COURSEBOT_ADMINS: 'U0ADMIN',
  ...extra,
});

async function startAt(now: string, extra: Record<string, string> = {}): Promise<BotProcess> {
  const started = startBot(dir, env({ COURSEBOT_NOW: now, ...extra }));
  // The summary is written at once: one course's form, then two courses' once the setup is stored.
  await started.waitFor('the summary', (out) => /next post:/i.test(out), 15_000);
  expect(await fake.waitForConnection(5000)).toBe(true);
  return started;
}

beforeAll(async () => {
  fake = await startFakeSlack({
    channels: [
      { id: 'C0PH301', name: 'ph301', members: ['U0STUDENT'] },
      { id: 'C0CS350', name: 'cs350', members: ['U0ADMIN', 'U0TA', 'U0STUDENT'] },
      { id: 'C0CLUB', name: 'reading-club', members: ['U0STUDENT'] },
    ],
    users: ['U0ADMIN', 'U0TA', 'U0STUDENT'].map((id) => ({
      id,
      name: id.slice(2).toLowerCase(),
      tz: 'America/New_York',
    })),
  });
  site = await startPageServer({ '/cs350/schedule.html': page(SCHEDULE_PAGE, 'text/html; charset=utf-8') });
  dir = mkdtempSync(join(tmpdir(), 'coursebot-e2e-setup-'));
  mkdirSync(join(dir, 'courses'));
  writeFileSync(join(dir, 'courses', 'ph301.json'), JSON.stringify(PHYSICS));
  // Time for the setup and the change below before the 08:00 slot: a course set up after it has no post
  // for it. They take 2-4 s; a busy machine, or the bot run from its sources through tsx, takes longer.
  bot = await startAt(nowJustBefore(CLASS_DAY, 12_000));
}, 25_000);

afterAll(async () => {
  killBots();
  await site?.close();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function command(text: string, user: string, channel: string): Promise<Reply> {
  return (await fake.sendSlashCommand({ text, user_id: user, channel_id: channel })).payload as Reply;
}

const postsIn = (channel: string) => fake.messages(channel).map((m) => JSON.stringify(m));

describe('a course set up from Slack', () => {
  const url = () => site.url('/cs350/schedule.html');

  it('refuses a setup by someone not an admin, politely and in the log', async () => {
    const refused = await command(`setup ${url()}`, 'U0STUDENT', 'C0CLUB');
    expect(refused.text).toContain('only the deployment admins');
    expect(buttonsOf(refused)).toEqual([]);
    await bot.waitFor('the log line', (out) => /warn setup: refused .* from U0STUDENT in C0CLUB/.test(out));
  });

  it('previews the page, and on Confirm the channel answers for the new course', async () => {
    const preview = await command(`setup ${url()} America/New_York`, 'U0ADMIN', 'C0CS350');
    expect(preview.text).toContain('CS 350');
    expect(preview.text).toContain('6 classes');
    expect(preview.text).toContain('The first week of posts');
    const done = await clickButton(fake, preview, SETUP_CONFIRM_ACTION, 'U0ADMIN', 'C0CS350');
    expect(done.text).toContain('is set up here');
    const next = await command('next', 'U0STUDENT', 'C0CS350');
    expect(next.text).toContain('CPU scheduling');
  });

  it('gives a person added with staff add the right to change the plan', async () => {
    const before = await command('cancel 4 conference travel', 'U0TA', 'C0CS350');
    expect(before.text).toContain('only the course staff');
    expect((await command('staff add <@U0TA|ta>', 'U0ADMIN', 'C0CS350')).text).toContain('now staff');
    const preview = await command('cancel 4 conference travel', 'U0TA', 'C0CS350');
    expect(buttonsOf(preview).map((b) => b.action_id)).toContain(CONFIRM_ACTION);
    const done = await clickButton(fake, preview, CONFIRM_ACTION, 'U0TA', 'C0CS350');
    expect(done.text).toMatch(/^Done \(#\d+\)/);
    // The change is announced in the course's channel, once.
    await bot.waitFor('the announcement', () => postsIn('C0CS350').some((m) => m.includes('Paging')));
  });

  it("sends the new course's class-day reminder to its channel at 08:00", { timeout: 45_000 }, async () => {
    const classDay = () => postsIn('C0CS350').filter((m) => m.includes('CPU scheduling'));
    // 08:00 comes at most 12 s after the start, and the next 15-second tick sends it.
    await bot.waitFor('the class-day post', () => classDay().length > 0, 40_000);
    expect(classDay()).toHaveLength(1);
    // The change's announcement and the class-day post, each once.
    expect(postsIn('C0CS350')).toHaveLength(2);
    expect(postsIn('C0PH301')).toEqual([]); // no Optics class on Wednesdays
    expect(await bot.stop()).toBe(0);
  });

  it('is listed by coursebot courses as set up from Slack, with its staff', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'courses'], {
      cwd: dir,
      env: { PATH: process.env.PATH, TZ: 'UTC', ...env({ COURSEBOT_NOW: '2025-11-05T08:30:00-05:00' }) },
    });
    expect(stdout).toMatch(/^cs350-fall-2025: CS 350 Operating Systems, Fall 2025/m);
    const cs350 = stdout.slice(stdout.indexOf('cs350-fall-2025:'));
    expect(cs350).toMatch(/channels: C0CS350/);
    expect(cs350).toMatch(/staff: U0ADMIN, U0TA|staff: U0TA/);
    expect(cs350).toMatch(new RegExp(`source: Slack \\(${url().replace(/[.?]/g, '\\$&')}\\)`));
    expect(stdout).toMatch(/ph301-fall-2025[^]*source: file/);
  });

  it('answers and exports from the plan with the change made in Slack', async () => {
    const cli = (...args: string[]) =>
      promisify(execFile)(process.execPath, [BIN, ...args, '--course', 'cs350'], {
        cwd: dir,
        env: { PATH: process.env.PATH, TZ: 'UTC', ...env({ COURSEBOT_NOW: '2025-11-05T08:30:00-05:00' }) },
      }).then((r) => r.stdout);
    expect(await cli('ask', 'class 4')).toContain('cancelled: conference travel');
    const exported = JSON.parse(await cli('export')) as {
      sessions: { number?: number; noClass?: unknown }[];
    };
    expect(exported.sessions.find((s) => s.number === 4)?.noClass).toBeDefined();
  });

  it(
    'keeps the course, its staff and its posts across a restart; open setup lets anyone set up a free channel',
    {
      timeout: 30_000,
    },
    async () => {
      const posted = fake.messages().length;
      bot = await startAt('2025-11-05T08:30:00-05:00', { COURSEBOT_OPEN_SETUP: 'true' });
      expect(bot.out()).toContain('cs350-fall-2025: CS 350 Operating Systems');
      const next = await command('next', 'U0STUDENT', 'C0CS350');
      expect(next.text).toContain('CPU scheduling'); // at 10:00, after this morning's post
      // The staff added from Slack are still staff.
      const change = await command('cancel 5', 'U0TA', 'C0CS350');
      expect(buttonsOf(change).map((b) => b.action_id)).toContain(CONFIRM_ACTION);
      // Someone not an admin may now set up a channel without a course, but not take over one that has one.
      const open = await command(`setup ${url()} America/New_York`, 'U0STUDENT', 'C0CLUB');
      expect(buttonsOf(open).map((b) => b.action_id)).toContain(SETUP_CONFIRM_ACTION);
      const taken = await command(`setup ${url()} America/New_York`, 'U0STUDENT', 'C0CS350');
      expect(buttonsOf(taken)).toEqual([]);
      // The start's own tick, where a restart would send anything again, has run by now: nothing was.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(fake.messages()).toHaveLength(posted);
      expect(await bot.stop()).toBe(0);
    },
  );
});
