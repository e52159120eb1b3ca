// Today's one-course setup (schedule.json, COURSEBOT_CHANNEL, COURSEBOT_INSTRUCTORS) in the real
// `coursebot start`: it prints, word for word, the summary the release before courses printed, and it
// starts on a database that release wrote (fixtures/previous-release.sql) with nothing posted again and
// the staff's recorded change kept.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeSlack, type FakeSlack } from '../fakes/fake-slack.ts';
import { APP_TOKEN, BOT_TOKEN } from '../slack/slack-kit.ts';
import { killBots, startBot } from '../support/bot-process.ts';
import type { Reply } from '../support/slack-replies.ts';

const PLAN = join(import.meta.dirname, '..', 'fixtures', 'plans', 'cs599-fall-2025.json');
const PREVIOUS_DATABASE = readFileSync(join(import.meta.dirname, 'fixtures', 'previous-release.sql'), 'utf8');
const ONE_COURSE = { COURSEBOT_CHANNEL: '#cs599', COURSEBOT_INSTRUCTORS: 'U0PROF' };

let dir: string;
let fake: FakeSlack;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-e2e-previous-'));
  copyFileSync(PLAN, join(dir, 'schedule.json'));
  fake = await startFakeSlack({
    channels: [{ id: 'C0CLASS', name: 'cs599', members: ['U0STUDENT', 'U0PROF'] }],
  });
});
afterAll(async () => {
  killBots();
  await fake?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** The summary: everything stdout shows before the first blank line. */
const summaryOf = (out: string) =>
  out
    .split('\n\n')[0]!
    .split('\n')
    .filter((l) => !/^\S+ (info|warn) /.test(l));

describe("today's one-course setup", () => {
  it('prints the summary the release before courses printed', async () => {
    const bot = startBot(dir, {
      ...ONE_COURSE,
      COURSEBOT_NOW: '2025-10-13T18:00:00-04:00',
      COURSEBOT_DB: './fresh.db',
    });
    await bot.waitFor('the summary', (out) => out.includes('Next post:'));
    expect(await bot.stop()).toBe(0);
    // As printed by the release before courses, with the same plan, settings and clock.
    expect(summaryOf(bot.out())).toEqual([
      'coursebot: CS 599 E1 Algorithms for Machine Learning, Fall 2025 (Tue Sep 2 2025 – Tue Dec 9 2025)',
      'Console mode: no Slack tokens configured, posts are printed here — see README to connect Slack.',
      'Database: ./fresh.db',
      'Clock: set to Mon Oct 13 2025 6:00:00 PM EDT by COURSEBOT_NOW, running on from there',
      'Next post: Tue Oct 14 9:00 AM to #cs599 (readings)',
    ]);
  });

  it(
    "starts on the previous release's database: nothing posted again, the change kept",
    { timeout: 20_000 },
    async () => {
      const path = join(dir, 'previous.db');
      const previous = new Database(path);
      previous.exec(PREVIOUS_DATABASE);
      previous.close();
      const bot = startBot(dir, {
        ...ONE_COURSE,
        SLACK_MODE: 'socket',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_APP_TOKEN: APP_TOKEN,
        SLACK_API_URL: fake.apiUrl,
        COURSEBOT_DB: path,
        // Half an hour after that release's last post (09:00) and its last stop.
        COURSEBOT_NOW: '2025-10-14T09:30:00-04:00',
      });
      await bot.waitFor('the summary', (out) => out.includes('Next post:'), 15_000);
      expect(summaryOf(bot.out())).toEqual([
        'coursebot: CS 599 E1 Algorithms for Machine Learning, Fall 2025 (Tue Sep 2 2025 – Tue Dec 9 2025)',
        'Slack mode (Socket Mode)',
        `Database: ${path}`,
        'Clock: set to Tue Oct 14 2025 9:30:00 AM EDT by COURSEBOT_NOW, running on from there',
        // The 09:00 readings post is not due again.
        'Next post: Thu Oct 16 8:00 AM to #cs599 (class-day)',
      ]);
      expect(bot.out()).toContain(
        "the database's earlier records now belong to the course cs599e1-fall-2025",
      );
      expect(await fake.waitForConnection(5000)).toBe(true);
      const ask = async (text: string) =>
        (
          (await fake.sendSlashCommand({ text, user_id: 'U0STUDENT', channel_id: 'C0CLASS' }))
            .payload as Reply
        ).text;
      expect(await ask('class 14')).toContain('Class 14 cancelled: snow day');
      // The start's own tick, which would send anything not recorded, has run by now.
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(await bot.stop()).toBe(0);
      expect(fake.messages()).toEqual([]);

      const db = new Database(path, { readonly: true });
      const rows = db.prepare('SELECT course_id, key, state FROM ledger ORDER BY key').all();
      db.close();
      expect(rows).toEqual([
        { course_id: 'cs599e1-fall-2025', key: 'announce:revision-2', state: 'posted' },
        { course_id: 'cs599e1-fall-2025', key: 'readings:class-13@2025-10-16:2d', state: 'posted' },
      ]);
    },
  );
});
