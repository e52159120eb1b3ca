// Opening the store from the settings: SQLite by default, PostgreSQL from DATABASE_URL, and one line
// naming the setting and the fix (never the password) when that fails.
import { createServer } from 'node:net';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { openSql } from '../../../src/storage/sql/open-sql.ts';
import { UserError } from '../../../src/util/user-error.ts';
import { createTestSchema, postgresForTests, type TestSchema } from '../../support/postgres.ts';
import { dialects } from './dialects.ts';

const postgresUrl = postgresForTests();
const SECRET = 'pw-s3cret-never-shown';

async function openError(databaseUrl: string | undefined, sqlitePath = 'unused.db'): Promise<UserError> {
  const error = await openSql({ databaseUrl, sqlitePath }, { connectTimeoutMs: 2_000 }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  const message = (error as UserError).message;
  expect(message).not.toContain(SECRET);
  expect(message).not.toContain('\n');
  return error as UserError;
}

/** A port on which nothing listens: taken from the system, then let go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe.each(dialects)('openSql on $name', ({ name, skip, fresh }) => {
  it.skipIf(skip)(
    'opens a database that answers queries, with counts as numbers on both dialects',
    async () => {
      const database = await fresh();
      try {
        const store = await database.open();
        expect(store.dialect).toBe(name);
        const { rows } = await sql<{ n: number }>`select cast(${41} as bigint) + 1 as n`.execute(store.db);
        expect(rows[0]!.n).toBe(42);
      } finally {
        await database.cleanup();
      }
    },
  );
});

describe('openSql with SQLite', () => {
  it('writes ahead (WAL), so readers never block the bot', async () => {
    const database = await dialects[0]!.fresh();
    try {
      const store = await database.open();
      const { rows } = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
      expect(rows[0]!.journal_mode).toBe('wal');
    } finally {
      await database.cleanup();
    }
  });

  it('names COURSEBOT_DB when the file cannot be created', async () => {
    const error = await openError(undefined, '/dev/null/inside/coursebot.db');
    expect(error.message).toMatch(
      /^Cannot open the database \/dev\/null\/inside\/coursebot\.db: .*COURSEBOT_DB/,
    );
  });
});

describe('openSql with a DATABASE_URL that cannot work', () => {
  it('refuses text that is not a URL without echoing it', async () => {
    const error = await openError(`not a url ${SECRET}`);
    expect(error.message).toBe(
      'DATABASE_URL is not a URL: write it like postgres://user:password@host:5432/coursebot',
    );
  });

  it('refuses another kind of database', async () => {
    const error = await openError(`mysql://me:${SECRET}@db/coursebot`);
    expect(error.message).toMatch(
      /^DATABASE_URL must start with postgres:\/\/ \(it starts with mysql:\/\/\)/,
    );
  });

  it('says nothing answers at the host and port, without the password', async () => {
    const port = await closedPort();
    const error = await openError(`postgres://bot:${SECRET}@127.0.0.1:${port}/coursebot`);
    expect(error.message).toMatch(
      new RegExp(
        `^Cannot reach PostgreSQL at postgres://bot@127\\.0\\.0\\.1:${port}/coursebot \\(.*ECONNREFUSED.*\\): start the server, or fix the host and port in DATABASE_URL$`,
      ),
    );
  });
});

describe.skipIf(!postgresUrl)('openSql with a real PostgreSQL server', () => {
  let schema: TestSchema | undefined;
  afterEach(async () => {
    await schema?.drop();
    schema = undefined;
  });

  const withCredentials = (url: string, user: string, database?: string) => {
    const parsed = new URL(url);
    parsed.username = user;
    parsed.password = SECRET;
    if (database) parsed.pathname = `/${database}`;
    return parsed.toString();
  };

  it('says which database does not exist and how to fix it', async () => {
    const error = await openError(withCredentials(postgresUrl!, 'postgres', 'coursebot_no_such_database'));
    expect(error.message).toMatch(
      /^PostgreSQL at postgres:\/\/postgres@.*\/coursebot_no_such_database has no such database .*DATABASE_URL$/,
    );
  });

  it('says the server refused the login', async () => {
    const error = await openError(withCredentials(postgresUrl!, 'coursebot_no_such_role'));
    expect(error.message).toMatch(
      /^PostgreSQL at postgres:\/\/coursebot_no_such_role@.* refused the login \(.*\): fix the user or password in DATABASE_URL$/,
    );
  });

  it('cancels a statement that runs past the statement timeout', async () => {
    schema = await createTestSchema(postgresUrl!);
    const store = await openSql(
      { databaseUrl: schema.url, sqlitePath: 'unused.db' },
      { statementTimeoutMs: 200 },
    );
    try {
      await expect(sql`select pg_sleep(5)`.execute(store.db)).rejects.toMatchObject({ code: '57014' });
    } finally {
      await store.close();
    }
  });
});
