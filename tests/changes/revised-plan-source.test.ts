// The revision store and the effective plan: durable across reopening, undo, conflicting confirmations, and
// revisions re-applied over a reloaded file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../src/changes/change.ts';
import { lineText } from '../../src/content/content.ts';
import { memoryRevisionLog, type RevisionLog } from '../../src/changes/revision-log.ts';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { openDatabase, type Database } from '../../src/storage/database.ts';
import { SqlRevisionLog } from '../../src/storage/sql/tables/sql-revisions.ts';
import { sqlDepsOver } from '../support/sql-deps.ts';
import { cs599, MONDAY } from './plan-fixture.ts';

const cancel14: Change = { kind: 'cancel', number: 14, date: '2025-10-21', reason: 'snow day', shift: false };
const move15: Change = { kind: 'move', number: 15, from: '2025-10-23', to: '2025-10-24' };
const class14 = (source: RevisedPlanSource) => source.current().sessions.find((s) => s.number === 14)!;

let dir: string;
let dbs: Database[];
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-revisions-'));
  dbs = [];
});
afterEach(() => {
  for (const db of dbs) db.close();
  rmSync(dir, { recursive: true, force: true });
});
/** The course's revisions over a connection of its own to one file, as another process would open it. */
async function open(): Promise<SqlRevisionLog> {
  const db = openDatabase(join(dir, 'bot.db'));
  dbs.push(db);
  return new SqlRevisionLog((await sqlDepsOver(db)).sql);
}

describe('RevisedPlanSource over SQLite', () => {
  it('keeps changes across reopening the database', async () => {
    const source = await RevisedPlanSource.open(cs599(), await open());
    const committed = await source.commit(cancel14, 'U0PROF0001', MONDAY, source.version);
    expect(committed).toMatchObject({ ok: true, revision: { id: 1, kind: 'cancel', author: 'U0PROF0001' } });
    const reopened = await RevisedPlanSource.open(cs599(), await open());
    expect(class14(reopened).noClass).toBe('snow day');
    expect(await reopened.history()).toEqual([
      {
        id: 1,
        author: 'U0PROF0001',
        createdAt: '2025-10-20T10:00:00.000-04:00',
        kind: 'cancel',
        change: cancel14,
        summary: 'cancelled Class 14 (Tue Oct 21): snow day',
      },
    ]);
    expect((await (await open()).plans(1))?.after.sessions.find((s) => s.number === 14)?.noClass).toBe(
      'snow day',
    );
  });

  it('undoes the last change as a new revision, and undo again walks further back', async () => {
    const source = await RevisedPlanSource.open(cs599(), await open());
    await source.commit(cancel14, 'U1', MONDAY, source.version);
    await source.commit(move15, 'U1', MONDAY, source.version);
    await source.commit({ kind: 'announce', text: 'hello' }, 'U1', MONDAY, source.version);
    const undo = await source.undoChange();
    expect(undo).toEqual({ ok: true, change: { kind: 'undo', of: 2 } });
    if (!undo.ok) return;
    const preview = await source.preview(undo.change);
    expect(
      preview.announcement.blocks.flatMap((b) => (b.kind === 'section' ? b.lines.map(lineText) : [])),
    ).toEqual(['Class 15 (Mixture of experts) moved from Fri Oct 24 to Thu Oct 23.']);
    expect(await source.commit(undo.change, 'U1', MONDAY, source.version)).toMatchObject({
      ok: true,
      revision: {
        id: 4,
        kind: 'undo',
        undoneOf: 2,
        summary: 'undid #2 (moved Class 15 from Thu Oct 23 to Fri Oct 24)',
      },
    });
    expect(source.current().sessions.find((s) => s.number === 15)!.date).toBe('2025-10-23');
    expect(await source.undoChange()).toEqual({ ok: true, change: { kind: 'undo', of: 1 } });
    await source.commit({ kind: 'undo', of: 1 }, 'U1', MONDAY, source.version);
    expect(class14(source).noClass).toBeUndefined();
    expect(await source.undoChange()).toEqual({ ok: false, message: 'There is no change to undo.' });
    // And after a restart the undos still hold.
    expect(class14(await RevisedPlanSource.open(cs599(), await open())).noClass).toBeUndefined();
  });

  it('refuses the second of two confirmations made from the same plan, applying nothing of it', async () => {
    const source = await RevisedPlanSource.open(cs599(), await open());
    const version = source.version;
    expect((await source.commit(cancel14, 'U1', MONDAY, version)).ok).toBe(true);
    expect(await source.commit(move15, 'U2', MONDAY, version)).toEqual({
      ok: false,
      message: 'the schedule changed since this preview (#1 cancelled Class 14 (Tue Oct 21): snow day)',
    });
    expect(await source.history()).toHaveLength(1);
    expect(source.current().sessions.find((s) => s.number === 15)!.date).toBe('2025-10-23');
  });

  it('refuses a confirmation when another process wrote a revision first', async () => {
    const first = await RevisedPlanSource.open(cs599(), await open());
    const second = await RevisedPlanSource.open(cs599(), await open());
    expect((await first.commit(cancel14, 'U1', MONDAY, first.version)).ok).toBe(true);
    expect(await second.commit(move15, 'U2', MONDAY, second.version)).toEqual({
      ok: false,
      message: 'the schedule changed since this preview (#1 cancelled Class 14 (Tue Oct 21): snow day)',
    });
    // The refused process has caught up: it sees the other's change, and a fresh confirmation works.
    expect(class14(second).noClass).toBe('snow day');
    expect((await second.commit(move15, 'U2', MONDAY, second.version)).ok).toBe(true);
    expect((await (await open()).list()).map((r) => r.id)).toEqual([1, 2]);
  });
});

describe('RevisedPlanSource with its reads and writes at once', () => {
  it('takes a confirmed change in once while a refresh runs beside it', async () => {
    // The append's answer comes back late: a refresh started meanwhile already finds the revision stored.
    const log = memoryRevisionLog();
    const slow: RevisionLog = {
      ...log,
      append: async (revision, head) => {
        const appended = await log.append(revision, head);
        await new Promise((resolve) => setTimeout(resolve, 30));
        return appended;
      },
    };
    const source = new RevisedPlanSource(cs599(), slow);
    const committing = source.commit(cancel14, 'U1', MONDAY, source.version);
    await new Promise((resolve) => setTimeout(resolve, 10));
    const [committed] = await Promise.all([committing, source.refresh()]);
    expect(committed.ok).toBe(true);
    expect((await source.history()).map((r) => r.id)).toEqual([1]);
    expect(class14(source).noClass).toBe('snow day');
  });
});

describe('RevisedPlanSource over a reloaded file', () => {
  it('re-applies the revisions over the new file, and reports those that no longer apply', async () => {
    const skipped: string[] = [];
    const source = new RevisedPlanSource(cs599(), memoryRevisionLog(), (s) =>
      skipped.push(...s.map((x) => `#${x.revision.id}: ${x.reason}`)),
    );
    await source.commit(cancel14, 'U1', MONDAY, source.version);
    await source.commit({ kind: 'edit-topic', number: 27, topic: 'Wrap-up' }, 'U1', MONDAY, source.version);
    const edited = cs599();
    edited.sessions.find((s) => s.number === 16)!.topic = 'State space models';
    edited.sessions = edited.sessions.filter((s) => s.number !== 27);
    const version = source.version;
    const { before, after } = source.replaceBase(edited);
    expect(before.sessions.find((s) => s.number === 16)!.topic).toBe('Structured state space models');
    expect(after.sessions.find((s) => s.number === 16)!.topic).toBe('State space models');
    expect(class14(source).noClass).toBe('snow day');
    expect(skipped).toEqual(['#2: There is no Class 27 in the plan any more.']);
    // A preview made before the reload is refused.
    expect(await source.commit(move15, 'U1', MONDAY, version)).toEqual({
      ok: false,
      message: 'the schedule changed since this preview (schedule.json was reloaded)',
    });
  });
});
