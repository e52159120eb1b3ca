// A change confirmed in Slack is recorded in the database; every command that reads the plan sees it, as
// the running bot does: preview no longer lists the cancelled class's post, ask no longer names it, and
// validate says the recorded change applies to the file.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { revisionLogOver } from '../support/revised-plan.ts';
import { cs599, FIXTURE_PATH, MONDAY } from '../changes/plan-fixture.ts';
import { coursebot } from './cli-kit.ts';

let dir: string;
let db: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-effective-'));
  db = join(dir, 'data', 'coursebot.db');
  // What a confirmed `/schedule cancel 14 snow day` records.
  const database = openDatabase(db);
  const source = await RevisedPlanSource.open(cs599(), await revisionLogOver(database));
  const committed = await source.commit(
    { kind: 'cancel', number: 14, date: '2025-10-21', reason: 'snow day', shift: false },
    'U0PROF0001',
    MONDAY,
    0,
  );
  database.close();
  if (!committed.ok) throw new Error(committed.message);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DAY = ['--from', '2025-10-21', '--to', '2025-10-21'];

describe.concurrent('the effective plan on the command line', { timeout: 60_000 }, () => {
  it('preview leaves out the cancelled class, from --db or the default database', async () => {
    const bare = await coursebot(dir, [
      'preview',
      '--schedule',
      FIXTURE_PATH,
      ...DAY,
      '--db',
      join(dir, 'none.db'),
    ]);
    expect(bare.stdout).toContain('Class 14 today');
    const withDb = await coursebot(dir, ['preview', '--schedule', FIXTURE_PATH, ...DAY, '--db', db]);
    expect(withDb.code).toBe(0);
    expect(withDb.stdout).not.toContain('Class 14 today');
    expect(withDb.stdout).not.toMatch(/class-day/);
    // ./data/coursebot.db, where `coursebot start` records changes, is read without being named.
    const byDefault = await coursebot(dir, ['preview', '--schedule', FIXTURE_PATH, ...DAY]);
    expect(byDefault.stdout).not.toContain('Class 14 today');
  });

  it('ask next no longer names the cancelled class', async () => {
    const now = ['--now', '2025-10-20T18:00-04:00'];
    const bare = await coursebot(dir, [
      'ask',
      'next',
      ...now,
      '--schedule',
      FIXTURE_PATH,
      '--db',
      join(dir, 'none.db'),
    ]);
    expect(bare.stdout).toContain('Class 14');
    const { stdout, code } = await coursebot(dir, [
      'ask',
      'next',
      ...now,
      '--schedule',
      FIXTURE_PATH,
      '--db',
      db,
    ]);
    expect(code).toBe(0);
    expect(stdout).not.toMatch(/Next: Class 14|^Class 14/m);
    expect(stdout).toContain('Class 15');
  });

  it('validate checks the file and says the recorded change applies to it', async () => {
    const { stdout, code } = await coursebot(dir, ['validate', FIXTURE_PATH, '--db', db]);
    expect(code).toBe(0);
    expect(stdout).toContain(`${FIXTURE_PATH}: valid: CS 599 E1`);
    expect(stdout).toContain(`${db}: 1 recorded change(s) from Slack apply to this file`);
  });

  it('validate reports a recorded change the file no longer has a place for', async () => {
    const raw = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as { sessions: { number: number | null }[] };
    const without = { ...raw, sessions: raw.sessions.filter((s) => s.number !== 14) };
    const file = join(dir, 'without-14.json');
    writeFileSync(file, JSON.stringify(without, null, 2));
    const { stdout, code } = await coursebot(dir, ['validate', file, '--db', db]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/warning: change #1 \(.*\) no longer applies to schedule\.json: /);
    expect(stdout).toContain(`${db}: 0 recorded change(s) from Slack apply to this file, 1 no longer apply`);
  });
});
