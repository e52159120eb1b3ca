// `coursebot store copy` as a person runs it: a SQLite file the current release wrote copied into an
// empty PostgreSQL schema (counts per table, the password never shown), a second copy refused in one
// line, a bad destination URL in one line.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { adminQuery, createTestSchema, postgresForTests, type TestSchema } from '../support/postgres.ts';
import { writeReleaseDatabase } from '../storage/sql/release-database.ts';
import { coursebot } from './cli-kit.ts';

const server = postgresForTests();
const SECRET = 'never-shown-4217';

/** The schema's URL with a password in it (the test server trusts local logins, so any password works). */
const withPassword = (url: string): string => {
  const parsed = new URL(url);
  parsed.password = SECRET;
  return parsed.toString();
};

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'coursebot-store-copy-'));
  writeReleaseDatabase(join(dir, 'coursebot.db'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(!server)('coursebot store copy to PostgreSQL', () => {
  let schema: TestSchema;
  beforeEach(async () => {
    schema = await createTestSchema(server!);
  });
  afterEach(async () => schema.drop());

  it('copies every table once, prints the counts, and never the password', async () => {
    const to = withPassword(schema.url);
    const first = await coursebot(dir, ['store', 'copy', '--from', 'coursebot.db', '--to', to]);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^Copied coursebot\.db to postgres:\/\/postgres@127\.0\.0\.1:5432\/test:\n/);
    expect(first.stdout).toMatch(/^ {2}ledger +5 rows$/m);
    expect(first.stdout).toMatch(/^ {2}feed_tokens +1 row$/m);
    expect(first.stdout).not.toContain(SECRET);

    const second = await coursebot(dir, ['store', 'copy', '--from', 'coursebot.db'], { DATABASE_URL: to });
    expect(second.code).toBe(1);
    expect(second.stdout).toBe('');
    expect(second.stderr.trim().split('\n')).toEqual([
      'The destination postgres://postgres@127.0.0.1:5432/test already holds coursebot data (2 rows in meta): copy into an empty database; nothing was copied',
    ]);
    expect(second.stderr).not.toContain(SECRET);
  });

  it('says in one line that a copy failing half-way wrote no row', async () => {
    // A destination whose feed_items refuses the copied row: the copy fails after copying the ledger.
    await adminQuery(
      server!,
      `create table ${schema.name}.feed_items (course_id text not null, uid text not null, fingerprint text not null,
         sequence integer not null check (sequence < 0), last_modified text not null, primary key (course_id, uid))`,
    );
    const result = await coursebot(dir, [
      'store',
      'copy',
      '--from',
      'coursebot.db',
      '--to',
      withPassword(schema.url),
    ]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^The copy from coursebot\.db to postgres:\/\/postgres@127\.0\.0\.1:5432\/test failed: .*feed_items_sequence_check.*; no row was written, so it can be run again$/,
    );
    expect(result.stderr).not.toContain(SECRET);
    const { rows } = await adminQuery(server!, `select count(*)::int as n from ${schema.name}.ledger`);
    expect(rows).toEqual([{ n: 0 }]);
  });
});

describe('coursebot store copy, what it refuses', () => {
  it.each([
    ['not a URL', `https://user:${SECRET}@example.org/db`, /^DATABASE_URL must start with postgres:\/\//],
    ['no host', `postgres://user:${SECRET}@:5432/db`, /^DATABASE_URL (names no host|is not a URL)/],
    [
      'a port nothing listens on',
      `postgres://user:${SECRET}@127.0.0.1:9/db`,
      /^Cannot reach PostgreSQL at postgres:\/\/user@127\.0\.0\.1:9\/db/,
    ],
  ])('a destination that is %s, in one line without the password', async (_what, url, message) => {
    const result = await coursebot(dir, ['store', 'copy', '--from', 'coursebot.db', '--to', url]);
    expect(result.code).toBe(1);
    const lines = result.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(message);
    expect(result.stderr + result.stdout).not.toContain(SECRET);
  });

  it('a source that is not there, in one line', async () => {
    const result = await coursebot(dir, [
      'store',
      'copy',
      '--from',
      'nope.db',
      '--to',
      'postgres://u@127.0.0.1/db',
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(
      'There is no database at nope.db: give the SQLite file with --from (or COURSEBOT_DB)',
    );
  });
});
