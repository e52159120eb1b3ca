// The CLI's readers on PostgreSQL: with DATABASE_URL set, `history`, `ask` and `export` read the changes
// recorded there (by a bot on another machine), and create no SQLite file.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { courseId } from '../../src/plan/course-id.ts';
import { migrateSql } from '../../src/storage/sql/migrate.ts';
import { openSql } from '../../src/storage/sql/open-sql.ts';
import { coursebotMigrations } from '../../src/storage/sql/schema/coursebot-migrations.ts';
import { SqlRevisionLog } from '../../src/storage/sql/tables/sql-revisions.ts';
import { cs599, FIXTURE_PATH, MONDAY } from '../changes/plan-fixture.ts';
import { createTestSchema, postgresForTests, type TestSchema } from '../support/postgres.ts';

const server = postgresForTests();

describe.skipIf(!server)('the CLI with DATABASE_URL', { timeout: 60_000 }, () => {
  let schema: TestSchema;
  let dir: string;
  beforeAll(async () => {
    schema = await createTestSchema(server!);
    dir = mkdtempSync(join(tmpdir(), 'coursebot-cli-pg-'));
    const store = await openSql({ databaseUrl: schema.url, sqlitePath: 'unused.db' });
    try {
      await migrateSql(store, coursebotMigrations);
      const plan = cs599();
      const source = await RevisedPlanSource.open(plan, new SqlRevisionLog(store, courseId(plan)));
      const cancel = {
        kind: 'cancel',
        number: 14,
        date: '2025-10-21',
        reason: 'snow day',
        shift: false,
      } as const;
      const committed = await source.commit(cancel, 'U0PROF0001', MONDAY, source.version);
      if (!committed.ok) throw new Error(committed.message);
    } finally {
      await store.close();
    }
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await schema?.drop();
  });

  const run = (...args: string[]) =>
    execFileSync(process.execPath, [join(process.cwd(), 'bin/coursebot.js'), ...args], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { PATH: process.env.PATH, DATABASE_URL: schema.url, COURSEBOT_SCHEDULE: FIXTURE_PATH },
    });

  it('lists, answers from and exports the changes recorded in PostgreSQL', () => {
    expect(run('history')).toMatch(
      /^#1 Mon Oct 20 10:00 AM {2}U0PROF0001 {2}cancelled Class 14 \(Tue Oct 21\)/,
    );
    expect(run('ask', 'class', '14', '--now', '2025-10-20T12:00-04:00')).toContain('snow day');
    const out = join(dir, 'out.json');
    run('export', '-o', out);
    expect(readFileSync(out, 'utf8')).toContain('"noClass": "snow day"');
    // The export is recorded where the changes are.
    expect(run('history')).toMatch(
      /\n#2 .* {2}coursebot export {2}exported the plan with the changes up to #1\n/,
    );
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });
});
