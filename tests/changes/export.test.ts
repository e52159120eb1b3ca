// `coursebot export` and `coursebot history`: the effective plan as a valid schedule.json that keeps the
// author's "$schema" and reminders section, and the list of recorded changes.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { historyLines } from '../../src/changes/history-lines.ts';
import { exportText } from '../../src/cli/commands/export.ts';
import { lineText } from '../../src/content/content.ts';
import { renderText } from '../../src/content/render-text.ts';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import { courseId } from '../../src/plan/course-id.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { revisionLogOver } from '../support/revised-plan.ts';
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

async function recordChanges(dbPath: string, plan = cs599()) {
  const db = openDatabase(dbPath);
  const source = await RevisedPlanSource.open(plan, await revisionLogOver(db));
  await source.commit(
    { kind: 'cancel', number: 14, date: '2025-10-21', reason: 'snow day', shift: true },
    'U0PROF0001',
    MONDAY,
    0,
  );
  await source.commit(
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
  it('writes the effective plan, keeping "$schema" and the reminders as written', async () => {
    const original = withHeader();
    const plan = parsePlanText(original);
    if (!plan.ok) throw new Error('invalid');
    const effective = await recordChanges(join(dir, 'bot.db'), plan.plan);
    const text = exportText(original, effective);
    const raw = JSON.parse(text) as Record<string, unknown>;
    expect(raw.$schema).toBe('./schedule.schema.json');
    expect(raw.reminders).toEqual({ classDay: { time: '07:30' } });
    const reread = parsePlanText(text);
    expect(reread.ok && reread.plan).toEqual(effective);
    // Re-applying the same revisions over the export changes nothing (the shift is not done twice).
    expect(exportText(text, await recordChanges(join(dir, 'again.db'), effective))).toBe(text);
  });

  it('reads a plan saved with a byte-order mark, and writes it without', async () => {
    const original = withHeader();
    const plan = parsePlanText(original);
    if (!plan.ok) throw new Error('invalid');
    const text = exportText(`\uFEFF${original}`, plan.plan);
    expect(text.startsWith('{')).toBe(true);
    expect(JSON.parse(text)).toMatchObject({ $schema: './schedule.schema.json' });
  });
});

describe('coursebot export and history', () => {
  it('exports from the file and the database, and lists who changed what', async () => {
    const schedule = join(dir, 'schedule.json');
    const db = join(dir, 'bot.db');
    writeFileSync(schedule, withHeader());
    await recordChanges(db);
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
    const lines = run('history', '--db', db, '--schedule', schedule).split('\n');
    expect(lines.slice(0, 2).join('\n') + '\n').toBe(
      '#1 Mon Oct 20 10:00 AM  U0PROF0001  cancelled Class 14 (Tue Oct 21): snow day; later classes shifted\n' +
        '#2 Mon Oct 20 10:00 AM  U0TA000001  moved project-proposal-due from Thu Oct 30 to Tue Nov 4\n',
    );
    // The export is recorded, so the file it wrote is recognised if it becomes schedule.json.
    expect(lines[2]).toMatch(/^#3 .* {2}coursebot export {2}exported the plan with the changes up to #2$/);
    expect(run('history', '--db', join(dir, 'none.db'))).toBe(
      `No changes recorded: there is no database at ${join(dir, 'none.db')} yet.\n`,
    );
  });
});

describe('export over schedule.json, then undo', () => {
  it('keeps each undo undoing the latest change, announced, and the history true', async () => {
    const schedule = join(dir, 'schedule.json');
    const dbPath = join(dir, 'bot.db');
    writeFileSync(schedule, readFileSync(FIXTURE_PATH, 'utf8'));
    await recordChanges(dbPath);
    execFileSync(
      process.execPath,
      ['bin/coursebot.js', 'export', '--schedule', schedule, '--db', dbPath, '-o', schedule],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const file = parsePlanText(readFileSync(schedule, 'utf8'));
    if (!file.ok) throw new Error('the export is invalid');
    // The bot starts again over the exported file (the export gave the course the rows written before it).
    const db = openDatabase(dbPath);
    try {
      const source = await RevisedPlanSource.open(file.plan, await revisionLogOver(db, courseId(file.plan)));
      expect(await source.adoptFile('schedule.json', MONDAY)).toEqual({});
      const proposal = () => source.current().events.find((e) => e.id === 'project-proposal-due')!.date;
      expect(proposal()).toBe('2025-11-04');
      const undo = await source.undoChange();
      if (!undo.ok) throw new Error(undo.message);
      expect(renderText((await source.preview(undo.change)).announcement)).toBe(
        '  Project proposal deadline moved from Tue Nov 4 to Thu Oct 30.',
      );
      expect((await source.commit(undo.change, 'U0PROF0001', MONDAY, source.version)).ok).toBe(true);
      expect(proposal()).toBe('2025-10-30');
      const second = await source.undoChange();
      if (!second.ok) throw new Error(second.message);
      expect(second.change).toEqual({ kind: 'undo', of: 1 });
      expect((await source.commit(second.change, 'U0PROF0001', MONDAY, source.version)).ok).toBe(true);
      expect(source.current().sessions.find((s) => s.number === 14)!.noClass).toBeUndefined();
      expect(historyLines(await source.history(), 'America/New_York').map(lineText)).toEqual([
        '#1 Mon Oct 20 10:00 AM  U0PROF0001  cancelled Class 14 (Tue Oct 21): snow day; later classes shifted  (undone by #5)',
        '#2 Mon Oct 20 10:00 AM  U0TA000001  moved project-proposal-due from Thu Oct 30 to Tue Nov 4  (undone by #4)',
        expect.stringMatching(/^#3 .* {2}coursebot export {2}exported the plan with the changes up to #2$/),
        '#4 Mon Oct 20 10:00 AM  U0PROF0001  undid #2 (moved project-proposal-due from Thu Oct 30 to Tue Nov 4)',
        '#5 Mon Oct 20 10:00 AM  U0PROF0001  undid #1 (cancelled Class 14 (Tue Oct 21): snow day; later classes shifted)',
      ]);
    } finally {
      db.close();
    }
  });
});
