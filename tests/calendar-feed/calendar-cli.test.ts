// `coursebot calendar`: the same feed the bot serves, with the changes made from Slack, written to a file.
import { sqlDepsOver } from '../support/sql-deps.ts';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { publish } from '../../src/app/calendar-feed.ts';
import { calendarCommand } from '../../src/cli/commands/calendar.ts';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { revisionLogOver } from '../support/revised-plan.ts';
import { UserError } from '../../src/util/user-error.ts';
import { cs599, FIXTURE_PATH, MONDAY } from '../changes/plan-fixture.ts';
import { parseFeed } from './parse-feed.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-calendar-'));
  writeFileSync(join(dir, 'schedule.json'), readFileSync(FIXTURE_PATH));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  execFileSync(
    process.execPath,
    ['bin/coursebot.js', 'calendar', '--schedule', join(dir, 'schedule.json'), ...args],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

describe('coursebot calendar', () => {
  it('writes the effective plan with the sequence numbers the bot serves', async () => {
    const dbPath = join(dir, 'bot.db');
    const db = openDatabase(dbPath);
    // The bot served the feed, then a class was cancelled from Slack.
    const { sql } = await sqlDepsOver(db);
    await publish(sql, cs599(), MONDAY);
    const source = await RevisedPlanSource.open(cs599(), await revisionLogOver(db));
    await source.commit(
      { kind: 'cancel', number: 15, date: '2025-10-23', reason: 'snow day', shift: false },
      'U0PROF',
      MONDAY,
      0,
    );
    const served = (await publish(sql, source.current(), MONDAY.plus({ hours: 1 }))).body;
    db.close();

    const out = join(dir, 'cs599.ics');
    expect(run('--db', dbPath, '-o', out, '--course', 'cs599e1-fall-2025')).toBe(
      `Wrote ${out}: the calendar of cs599e1-fall-2025, 35 items.\n`,
    );
    const written = readFileSync(out, 'utf8');
    expect(written).toBe(served);
    const class15 = parseFeed(written).byUid('cs599e1-fall-2025-class-15@coursebot');
    expect([class15.status, class15.sequence]).toEqual(['CANCELLED', 1]);
  });

  // In process: the command's own checks, without paying for another process start.
  const inProcess = async (...args: string[]) => {
    let out = '';
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
      out += String(chunk);
      return true;
    });
    try {
      await calendarCommand().parseAsync(['--schedule', join(dir, 'schedule.json'), ...args], {
        from: 'user',
      });
    } finally {
      write.mockRestore();
    }
    return out;
  };

  it('writes the plan as it is to stdout when there is no database, creating none', async () => {
    const feed = parseFeed(await inProcess('--db', join(dir, 'none.db')));
    expect(feed.events.length).toBe(35);
    expect(feed.events.every((e) => e.sequence === 0)).toBe(true);
    expect(existsSync(join(dir, 'none.db'))).toBe(false);
  });

  it('says in one line when --course is no course, listing the courses', async () => {
    await expect(inProcess('--course', 'cs101')).rejects.toThrow(
      new UserError('No course cs101: the courses are cs599e1-fall-2025'),
    );
  });
});
