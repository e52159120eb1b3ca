// `coursebot export` and `coursebot history`: the effective plan as a valid schedule.json that keeps the
// author's "$schema" and reminders section, and the list of recorded changes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { exportText } from '../../src/cli/commands/export.ts';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { SqliteRevisionLog } from '../../src/storage/revisions.ts';
import { cs599, FIXTURE_PATH, MONDAY } from './plan-fixture.ts';

const withHeader = () => {
  const raw = JSON.parse(readFileSync(FIXTURE_PATH, 'utf8')) as Record<string, unknown>;
  return JSON.stringify({
    $schema: './schedule.schema.json',
    ...raw,
    reminders: { classDay: { time: '07:30' } },
  });
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-export-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function recordChanges(dbPath: string, plan = cs599()) {
  const db = openDatabase(dbPath);
  const source = new RevisedPlanSource(plan, new SqliteRevisionLog(db));
  source.commit(
    { kind: 'cancel', number: 14, date: '2025-10-21', reason: 'snow day', shift: true },
    'U0PROF0001',
    MONDAY,
    0,
  );
  source.commit(
    { kind: 'extend', eventId: 'project-proposal-due', from: '2025-10-30', to: '2025-11-04' },
    'U0TA000001',
    MONDAY,
    1,
  );
  const effective = source.current();
  db.close();
  return effective;
}

describe('exportText', () => {
  it('writes the effective plan, keeping "$schema" and the reminders as written', () => {
    const original = withHeader();
    const plan = parsePlanText(original);
    if (!plan.ok) throw new Error('invalid');
    const effective = recordChanges(join(dir, 'bot.db'), plan.plan);
    const text = exportText(original, effective);
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(raw.$schema).toBe('./schedule.schema.json');
    expect(raw.reminders).toEqual({ classDay: { time: '07:30' } });
    const reread = parsePlanText(text);
    expect(reread.ok && reread.plan).toEqual(effective);
    // Re-applying the same revisions over the export changes nothing (the shift is not done twice).
    expect(exportText(text, recordChanges(join(dir, 'again.db'), effective))).toBe(text);
  });
});

describe('coursebot export and history', () => {
  it('exports from the file and the database, and lists who changed what', () => {
    const schedule = join(dir, 'schedule.json');
    const db = join(dir, 'bot.db');
    writeFileSync(schedule, withHeader());
    recordChanges(db);
    const out = join(dir, 'out.json');
    const run = (...args: string[]) =>
      execFileSync(process.execPath, ['bin/coursebot.js', ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    run('export', '--schedule', schedule, '--db', db, '-o', out);
    const exported = parsePlanText(readFileSync(out, 'utf8'));
    expect(exported.ok && exported.plan.events.find((e) => e.id === 'project-proposal-due')!.date).toBe(
      '2025-11-04',
    );
    expect(run('history', '--db', db, '--schedule', schedule)).toBe(
      '#1 Mon Oct 20 10:00 AM  U0PROF0001  cancelled Class 14 (Tue Oct 21): snow day; later classes shifted\n' +
        '#2 Mon Oct 20 10:00 AM  U0TA000001  moved project-proposal-due from Thu Oct 30 to Tue Nov 4\n',
    );
    expect(run('history', '--db', join(dir, 'none.db'))).toBe(
      `No changes recorded: there is no database at ${join(dir, 'none.db')} yet.\n`,
    );
  });
});
