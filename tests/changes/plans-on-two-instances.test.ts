// One course's plan on two instances sharing one database: each picks up the other's revisions, of two
// confirmations made against one plan exactly one is recorded, and a file reload seen by both is recorded
// and announced once. On SQLite the two sources share the one store a process would have.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Change } from '../../src/changes/change.ts';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { planReloader } from '../../src/files/plan-reloader.ts';
import { migrateSql } from '../../src/storage/sql/migrate.ts';
import { coursebotMigrations } from '../../src/storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../../src/storage/sql/sql-store.ts';
import { openSqlAnnouncements } from '../../src/storage/sql/tables/sql-announcements.ts';
import { SqlRevisionLog } from '../../src/storage/sql/tables/sql-revisions.ts';
import { dialects, type TestDatabase } from '../storage/sql/dialects.ts';
import { cs599, FIXTURE_PATH, MONDAY } from './plan-fixture.ts';

const COURSE = 'cs599';
const cancel14: Change = { kind: 'cancel', number: 14, date: '2025-10-21', reason: 'snow day', shift: false };
const move15: Change = { kind: 'move', number: 15, from: '2025-10-23', to: '2025-10-24' };
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

describe.each(dialects)('a course on two instances on $name', ({ name, skip, fresh }) => {
  let database: TestDatabase;
  let a: SqlStore;
  let b: SqlStore;
  beforeEach(async () => {
    if (skip) return;
    database = await fresh();
    a = await database.open();
    await migrateSql(a, coursebotMigrations);
    // SQLite: one store per process (a second connection would block this one's event loop on the lock).
    b = name === 'postgres' ? await database.open() : a;
  });
  afterEach(async () => {
    if (!skip) await database.cleanup();
  });
  const sourceOn = (store: SqlStore) => RevisedPlanSource.open(cs599(), new SqlRevisionLog(store, COURSE));

  it.skipIf(skip)("picks up the other instance's revision on refresh, with one query when none", async () => {
    const first = await sourceOn(a);
    const second = await sourceOn(b);
    expect(await second.refresh()).toBe(false);
    expect((await first.commit(cancel14, 'U1', MONDAY, first.version)).ok).toBe(true);
    const version = second.version;
    expect(await second.refresh()).toBe(true);
    expect(second.version).toBe(version + 1);
    expect(second.current().sessions.find((s) => s.number === 14)!.noClass).toBe('snow day');
    expect(await second.refresh()).toBe(false);
    // A preview made on the second before the refresh is refused, naming what changed.
    expect(await second.commit(move15, 'U2', MONDAY, version)).toEqual({
      ok: false,
      message: 'the schedule changed since this preview (#1 cancelled Class 14 (Tue Oct 21): snow day)',
    });
  });

  it.skipIf(skip)('records one of two confirmations made against the same plan', async () => {
    const first = await sourceOn(a);
    const second = await sourceOn(b);
    const results = await Promise.all([
      first.commit(cancel14, 'U1', MONDAY, first.version),
      second.commit(move15, 'U2', MONDAY, second.version),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.find((r) => !r.ok);
    expect(refused).toMatchObject({ ok: false, message: /^the schedule changed since this preview \(#1 / });
    expect((await new SqlRevisionLog(a, COURSE).list()).map((r) => r.id)).toEqual([1]);
    expect(await openSqlAnnouncements(a, COURSE)).toHaveLength(1);
    // Both now hold the one that won.
    await second.refresh();
    await first.refresh();
    expect(first.current()).toEqual(second.current());
  });

  describe('a reload of the shared file', () => {
    let dir: string;
    beforeEach(() => {
      dir = mkdtempSync(join(tmpdir(), 'coursebot-two-'));
    });
    afterEach(() => rmSync(dir, { recursive: true, force: true }));

    it.skipIf(skip)('is recorded and announced once, whichever instance sees it first', async () => {
      const path = join(dir, 'schedule.json');
      const original = readFileSync(FIXTURE_PATH, 'utf8');
      writeFileSync(path, original);
      const sources = [await sourceOn(a), await sourceOn(b)];
      // Both started with the file: it is recorded once, silently.
      await Promise.all(sources.map((s) => s.adoptFile('schedule.json', MONDAY)));
      const announced: number[] = [];
      const reloaders = sources.map((source) =>
        planReloader({
          path,
          source,
          log: quiet,
          now: () => MONDAY,
          announce: (id) => void announced.push(id),
          debounceMs: 20,
        }),
      );
      writeFileSync(path, original.replace('"Structured state space models"', '"State space models"'));
      for (const reloader of reloaders) reloader.changed();
      await Promise.all(reloaders.map((r) => r.settled()));
      await Promise.all(reloaders.map((r) => r.close()));

      const files = (await new SqlRevisionLog(a, COURSE).list()).filter((r) => r.kind === 'file');
      expect(files.map((r) => r.change.kind === 'file' && r.change.source)).toEqual(['start', 'edit']);
      expect(announced).toEqual([files[1]!.id]);
      expect(await openSqlAnnouncements(a, COURSE)).toHaveLength(1);
      for (const source of sources)
        expect(source.current().sessions.find((s) => s.number === 16)!.topic).toBe('State space models');
    });
  });
});
