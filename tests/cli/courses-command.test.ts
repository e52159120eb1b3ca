// `coursebot courses` on a folder of two plans and a database: each course with its channels, staff, term,
// source and next post, the staff added from Slack and a retirement included.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import { revisionLogOver } from '../support/revised-plan.ts';
import { SqlCourseStore } from '../../src/storage/sql/tables/sql-courses.ts';
import { sqlDepsOver } from '../support/sql-deps.ts';
import { openDatabase } from '../../src/storage/database.ts';

const BIN = fileURLToPath(new URL('../../bin/coursebot.js', import.meta.url));
const planOf = (code: string, channel: string, staff: string[]) => ({
  course: { code, title: `${code} course`, timezone: 'America/New_York', term: 'Fall 2025', staff },
  sessions: [{ number: 1, date: '2025-11-05', topic: 'First' }],
  reminders: { channels: { default: channel }, classDay: { enabled: true, time: '08:00' } },
});

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-courses-cli-'));
  mkdirSync(join(dir, 'courses'));
  writeFileSync(join(dir, 'courses', 'a.json'), JSON.stringify(planOf('CS 101', '#cs101', ['U0PROF'])));
  writeFileSync(join(dir, 'courses', 'b.json'), JSON.stringify(planOf('MA 202', '#ma202', [])));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) =>
  execFileSync(process.execPath, [BIN, ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env.PATH, COURSEBOT_COURSES: './courses', COURSEBOT_DB: join(dir, 'bot.db') },
  });

describe('coursebot courses', () => {
  it('lists every course with what the database knows of it', async () => {
    const db = openDatabase(join(dir, 'bot.db'));
    const store = new SqlCourseStore((await sqlDepsOver(db)).sql);
    await store.remember({
      id: 'ma202-fall-2025',
      source: { kind: 'file', path: 'courses/b.json' },
      home: '#ma202',
      createdAt: '2025-11-01T00:00:00Z',
      createdBy: 'configuration',
    });
    await store.addStaff('ma202-fall-2025', 'U0TA', 'U0ADMIN', '2025-11-01T00:00:00Z');
    await store.retire('cs101-fall-2025', 'U0ADMIN', '2025-11-02T00:00:00Z');
    db.close();
    const out = run('courses', '--now', '2025-11-04T12:00');
    expect(out).toContain('cs101-fall-2025: CS 101 CS 101 course, Fall 2025');
    expect(out).toContain('  staff: U0PROF');
    expect(out).toMatch(
      /ma202-fall-2025: [^\n]*\n {2}channels: #ma202\n {2}staff: U0TA\n {2}source: file courses\/b.json\n {2}next post: Wed Nov 5 2025 8:00 AM to #ma202/,
    );
  });

  it('asks for --course when there are several, in one line', async () => {
    expect(() => run('ask', 'next')).toThrow(
      /This deployment has 2 courses: name one with --course \(cs101-fall-2025, ma202-fall-2025\)/,
    );
    expect(run('ask', '--course', 'ma', 'next', '--now', '2025-11-04T12:00')).toContain(
      'MA 202 · First class',
    );
  });

  it('answers preview and ask from the course’s effective plan, with the change recorded in the database', async () => {
    const db = openDatabase(join(dir, 'bot.db'));
    const parsed = parsePlanText(JSON.stringify(planOf('MA 202', '#ma202', [])));
    if (!parsed.ok) throw new Error('bad plan');
    const source = await RevisedPlanSource.open(parsed.plan, await revisionLogOver(db, 'ma202-fall-2025'));
    await source.adoptFile('schedule.json', DateTime.fromISO('2025-11-01T12:00Z'));
    const cancel = { kind: 'cancel', number: 1, date: '2025-11-05', reason: 'snow', shift: false } as const;
    expect(
      (await source.commit(cancel, 'U0TA', DateTime.fromISO('2025-11-02T12:00Z'), source.version)).ok,
    ).toBe(true);
    db.close();
    expect(run('preview', '--course', 'ma202-fall-2025')).not.toContain('Class 1 today');
    expect(run('preview', '--course', 'cs101-fall-2025')).toContain('Class 1 today');
    expect(run('ask', '--course', 'ma202', 'class', '1', '--now', '2025-11-04T12:00')).toContain('snow');
  });

  it('validates every file of the folder, the broken ones too', async () => {
    writeFileSync(join(dir, 'courses', 'c.json'), '{"course": {}}');
    let out = '';
    let failed = false;
    try {
      run('validate');
    } catch (error) {
      failed = true;
      out = String((error as { stdout?: string }).stdout);
    }
    expect(failed).toBe(true);
    expect(out).toContain('courses/a.json: valid: CS 101, Fall 2025: 1 classes, 0 events');
    expect(out).toContain('courses/b.json: valid: MA 202');
    expect(out).toMatch(/courses\/c.json: invalid: \d+ error\(s\)/);
  });
});
