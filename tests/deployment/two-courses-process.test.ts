// Two courses from a COURSEBOT_COURSES folder in one real `coursebot start` process (console mode): both
// courses' class-day reminders go out the same morning, each to its own channel, and a restart sends
// neither again. Both plans have a "Class 2" that day, so their reminder keys are the same.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { killBots, startBot } from '../support/bot-process.ts';

const planOf = (code: string, channel: string, title: string) => ({
  course: { code, title, timezone: 'America/New_York', term: 'Fall 2025' },
  sessions: [
    { number: 1, date: '2025-11-03', topic: `${title} begins` },
    { number: 2, date: '2025-11-05', topic: `${title} goes on` },
  ],
  events: [],
  reminders: {
    channels: { default: channel },
    classDay: { enabled: true, time: '08:00' },
    weeklyDigest: { enabled: false },
  },
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-courses-'));
  mkdirSync(join(dir, 'courses'));
  writeFileSync(join(dir, 'courses', 'cs101.json'), JSON.stringify(planOf('CS 101', '#cs101', 'Compilers')));
  writeFileSync(join(dir, 'courses', 'ma202.json'), JSON.stringify(planOf('MA 202', '#ma202', 'Algebra')));
});
afterEach(() => {
  killBots();
  rmSync(dir, { recursive: true, force: true });
});

const start = (now: string) =>
  startBot(dir, { COURSEBOT_NOW: now, COURSEBOT_DB: join(dir, 'bot.db'), COURSEBOT_COURSES: './courses' });

/** A moment for the process to finish starting (its signal handlers) on a busy machine. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 500));

const headers = (text: string): string[] => text.match(/^── .* ──$/gm) ?? [];

describe('a deployment of two courses from a folder', () => {
  it(
    'posts both courses the same morning, each to its channel, once across a restart',
    { timeout: 45_000 },
    async () => {
      // Started the evening before: no backlog, and both courses listed.
      const first = start('2025-11-04T20:00:00-05:00');
      await first.waitFor('the summary', (out) => out.includes('ma202-fall-2025:'));
      expect(first.out()).toContain('coursebot: 2 courses');
      expect(first.out()).toMatch(
        /cs101-fall-2025: CS 101 Compilers, Fall 2025[^\n]*\n {2}Next post: Wed Nov 5 8:00 AM to #cs101/,
      );
      expect(first.out()).toMatch(
        /ma202-fall-2025: MA 202 Algebra, Fall 2025[^\n]*\n {2}Next post: Wed Nov 5 8:00 AM to #ma202/,
      );
      await settle();
      expect(await first.stop()).toBe(0);

      // The morning: both class-day posts are due at 08:00.
      const second = start('2025-11-05T07:59:58-05:00');
      // The scheduler ticks every 15 seconds of real time.
      await second.waitFor('both posts', (out) => headers(out).length >= 2, 20_000);
      expect(await second.stop()).toBe(0);
      expect(headers(second.out()).sort()).toEqual([
        '── #cs101 · Wed Nov 5 8:00 AM ──',
        '── #ma202 · Wed Nov 5 8:00 AM ──',
      ]);
      expect(second.out()).toContain('Compilers goes on');
      expect(second.out()).toContain('Algebra goes on');

      // Restarted later that morning: nothing is sent again.
      const third = start('2025-11-05T08:30:00-05:00');
      await third.waitFor('the summary', (out) => out.includes('ma202-fall-2025:'));
      await settle();
      expect(await third.stop()).toBe(0);
      expect(headers(third.out())).toEqual([]);

      const db = new Database(join(dir, 'bot.db'), { readonly: true });
      const rows = db
        .prepare(
          "SELECT course_id, key, channel, state FROM ledger WHERE state = 'posted' ORDER BY course_id",
        )
        .all() as {
        course_id: string;
        key: string;
        channel: string;
      }[];
      db.close();
      expect(rows.map((r) => [r.course_id, r.channel])).toEqual([
        ['cs101-fall-2025', '#cs101'],
        ['ma202-fall-2025', '#ma202'],
      ]);
      // The same reminder key in both courses: two rows, neither in the way of the other.
      expect(rows[0]!.key).toBe(rows[1]!.key);
    },
  );
});
