// Two courses from a COURSEBOT_COURSES folder in one real `coursebot start` process in Socket Mode against
// the fake Slack: each channel's /schedule next answers its own course, a DM from someone in both channels
// asks which course and a click answers, the staff of one course (course.staff in its plan) are refused in
// the other, and both courses' class-day reminders go to their own channels the same morning, exactly once.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { APP_TOKEN, BOT_TOKEN } from '../slack/slack-kit.ts';
import { killBots, nowJustBefore, startBot, type BotProcess } from '../support/bot-process.ts';
import { buttonsOf, clickButton, type Reply } from '../support/slack-replies.ts';

// Both courses meet on Wed Nov 5: their class-day posts are due at the same 08:00.
const CLASS_DAY = '2025-11-05T08:00:00-05:00';

const planOf = (code: string, title: string, channel: string, staff: string[]) => ({
  course: { code, title, timezone: 'America/New_York', term: 'Fall 2025', staff },
  sessions: [
    { number: 1, date: '2025-11-03', topic: `${title}: first steps` },
    { number: 2, date: '2025-11-05', topic: `${title}: second steps` },
    { number: 3, date: '2025-11-10', topic: `${title}: third steps` },
  ],
  events: [],
  reminders: {
    channels: { default: channel },
    classDay: { enabled: true, time: '08:00' },
    weeklyDigest: { enabled: false },
  },
});

let dir: string;
let fake: FakeSlack;
let bot: BotProcess;

beforeAll(async () => {
  fake = await startFakeSlack({
    channels: [
      { id: 'C0CS101', name: 'cs101', members: ['U0ONLYCS', 'U0BOTH', 'U0CSPROF'] },
      { id: 'C0MA202', name: 'ma202', members: ['U0BOTH', 'U0MAPROF'] },
    ],
    users: ['U0ONLYCS', 'U0BOTH', 'U0CSPROF', 'U0MAPROF'].map((id) => ({
      id,
      name: id.slice(2).toLowerCase(),
      tz: 'America/New_York',
    })),
  });
  dir = mkdtempSync(join(tmpdir(), 'coursebot-e2e-two-'));
  mkdirSync(join(dir, 'courses'));
  const write = (file: string, plan: object) =>
    writeFileSync(join(dir, 'courses', file), JSON.stringify(plan));
  write('cs101.json', planOf('CS 101', 'Compilers', '#cs101', ['U0CSPROF']));
  write('ma202.json', planOf('MA 202', 'Algebra', '#ma202', ['U0MAPROF']));
  bot = startBot(dir, {
    SLACK_MODE: 'socket',
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_APP_TOKEN: APP_TOKEN,
    SLACK_API_URL: fake.apiUrl,
    COURSEBOT_NOW: nowJustBefore(CLASS_DAY),
    COURSEBOT_DB: join(dir, 'bot.db'),
    COURSEBOT_COURSES: './courses',
  });
  await bot.waitFor('the summary', (out) => out.includes('ma202-fall-2025:'), 15_000);
  expect(await fake.waitForConnection(5000)).toBe(true);
}, 20_000);

afterAll(async () => {
  killBots();
  await fake?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

async function command(text: string, user: string, channel: string): Promise<Reply> {
  return (await fake.sendSlashCommand({ text, user_id: user, channel_id: channel })).payload as Reply;
}

describe('two courses in one running bot, through Slack', () => {
  it("answers /schedule next in each channel for that channel's course", async () => {
    const cs = await command('next', 'U0ONLYCS', 'C0CS101');
    expect(cs.text).toContain('Compilers');
    expect(cs.text).not.toContain('Algebra');
    const ma = await command('next', 'U0BOTH', 'C0MA202');
    expect(ma.text).toContain('Algebra');
    expect(ma.text).not.toContain('Compilers');
  });

  it('asks someone in both channels which course in a DM, and a click answers for the one chosen', async () => {
    const only = await command('next', 'U0ONLYCS', 'D0ONLYCS');
    expect(only.text).toContain('Compilers');

    const chooser = await command('next', 'U0BOTH', 'D0BOTH');
    expect(chooser.text).toContain('Which course?');
    expect(buttonsOf(chooser)).toHaveLength(2);
    const algebra = buttonsOf(chooser).find((b) => JSON.stringify(b).includes('ma202'));
    expect(algebra).toBeDefined();
    const answer = await clickButton(fake, chooser, algebra!.action_id, 'U0BOTH', 'D0BOTH');
    expect(answer.text).toContain('Algebra');
    expect(answer.text).not.toContain('Compilers');
  });

  it('refuses the staff of one course in the other, and previews a change in their own', async () => {
    const refused = await command('cancel 3 snow day', 'U0MAPROF', 'C0CS101');
    expect(refused.text).toContain('only the course staff');
    expect(buttonsOf(refused)).toEqual([]);
    expect(bot.out()).toContain('refused "cancel 3 snow day" from U0MAPROF: not staff of cs101-fall-2025');

    const own = await command('cancel 3 snow day', 'U0MAPROF', 'C0MA202');
    expect(buttonsOf(own).length).toBeGreaterThan(0);
    expect(own.text).not.toContain('only the course staff');
  });

  it(
    'posts both class-day reminders at 08:00, each to its own channel, exactly once',
    { timeout: 30_000 },
    async () => {
      const classDayPosts = () => fake.messages().filter((m) => /second steps/.test(JSON.stringify(m)));
      for (const end = performance.now() + 25_000; classDayPosts().length < 2;) {
        if (performance.now() > end) throw new Error(`no class-day posts:\n${bot.out()}`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // Two more slots of the scheduler: nothing is sent again.
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const posts = classDayPosts();
      expect(posts.map((m) => m.channel).sort()).toEqual(['C0CS101', 'C0MA202']);
      expect(JSON.stringify(posts.find((m) => m.channel === 'C0CS101'))).toContain('Compilers');
      expect(JSON.stringify(posts.find((m) => m.channel === 'C0MA202'))).toContain('Algebra');
      expect(fake.messages()).toHaveLength(2);
      expect(await bot.stop()).toBe(0);
    },
  );
});
