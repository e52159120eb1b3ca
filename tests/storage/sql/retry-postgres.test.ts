// A real PostgreSQL that goes away and comes back, played by a TCP proxy the test cuts and restores
// (the real server, which others use, is never touched), and a backend terminated by the administrator.
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openSql } from '../../../src/storage/sql/open-sql.ts';
import { createDatabaseRetry } from '../../../src/storage/sql/retry.ts';
import type { SqlStore } from '../../../src/storage/sql/sql-store.ts';
import { adminQuery, createTestSchema, postgresForTests, type TestSchema } from '../../support/postgres.ts';
import { TcpProxy } from '../../support/tcp-proxy.ts';
import { recordingLogger } from '../../slack/slack-kit.ts';

const postgresUrl = postgresForTests();

describe.skipIf(!postgresUrl)('retrying a PostgreSQL that went away', () => {
  let schema: TestSchema;
  let proxy: TcpProxy;
  let store: SqlStore;
  beforeEach(async () => {
    schema = await createTestSchema(postgresUrl!);
    const server = new URL(postgresUrl!);
    proxy = await new TcpProxy(server.hostname, Number(server.port || 5432)).start();
    store = await openSql(
      { databaseUrl: proxy.urlFor(schema.url), sqlitePath: 'unused.db' },
      { connectTimeoutMs: 1_000 },
    );
    await sql`create table notes (id integer primary key, text text not null)`.execute(store.db);
  });
  afterEach(async () => {
    await store.close().catch(() => {});
    await proxy.stop();
    await schema.drop();
  });

  it('waits out a cut connection, then answers, logging one line each way', async () => {
    const logger = recordingLogger();
    const retry = createDatabaseRetry({ logger, shown: store.shown, firstDelayMs: 20, maxDelayMs: 200 });
    await proxy.cut();
    let attempts = 0;
    const insert = retry.run(async () => {
      attempts += 1;
      return store.db.insertInto('notes').values({ id: 1, text: 'after the outage' }).execute();
    });
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(retry.down).toBe(true);
    await proxy.restore();
    await insert;

    expect(attempts).toBeGreaterThan(2);
    expect(await store.db.selectFrom('notes').select('text').execute()).toEqual([
      { text: 'after the outage' },
    ]);
    expect(logger.lines).toHaveLength(2);
    expect(logger.lines[0]).toMatch(
      new RegExp(
        `^warn database postgres://postgres@127\\.0\\.0\\.1:${proxy.port}/test is unreachable \\(.+\\); retrying with backoff up to every 0\\.2 s$`,
      ),
    );
    expect(logger.lines[1]).toMatch(/^info database .* is back after \d+\.\d s$/);
  });

  it('runs a transaction cut in the middle again, whole, once the database is back', async () => {
    const logger = recordingLogger();
    const retry = createDatabaseRetry({ logger, shown: store.shown, firstDelayMs: 20, maxDelayMs: 100 });
    let attempts = 0;
    await retry.run(() =>
      store.db.transaction().execute(async (trx) => {
        attempts += 1;
        await trx.insertInto('notes').values({ id: 1, text: 'first half' }).execute();
        if (attempts === 1) {
          // The connection is reset between the two statements: the server rolls the first one back.
          await proxy.cut();
          setTimeout(() => void proxy.restore(), 300);
        }
        await trx.insertInto('notes').values({ id: 2, text: 'second half' }).execute();
      }),
    );
    expect(attempts).toBeGreaterThanOrEqual(2);
    const rows = await store.db.selectFrom('notes').select(['id', 'text']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 1, text: 'first half' },
      { id: 2, text: 'second half' },
    ]);
    expect(logger.lines.map((line) => line.split(' ')[0])).toEqual(['warn', 'info']);
  });

  it('retries a statement whose backend the administrator terminated (57P01)', async () => {
    const logger = recordingLogger();
    const retry = createDatabaseRetry({ logger, shown: store.shown, firstDelayMs: 20 });
    const errors: unknown[] = [];
    let attempts = 0;
    const result = await retry.run(async () => {
      attempts += 1;
      const { rows: pids } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(store.db);
      if (attempts === 1) {
        setTimeout(
          () => void adminQuery(postgresUrl!, 'select pg_terminate_backend($1)', [pids[0]!.pid]),
          200,
        );
        try {
          await sql`select pg_sleep(3)`.execute(store.db);
        } catch (error) {
          errors.push(error);
          throw error;
        }
      }
      return 'answered';
    });
    expect(result).toBe('answered');
    expect(errors[0]).toMatchObject({ code: '57P01' });
    expect(logger.lines[0]).toMatch(
      /^warn .* is unreachable \(terminating connection due to administrator command \(57P01\)\)/,
    );
  });

  it('waits at start for a server that is not there yet, when told to', async () => {
    await proxy.cut();
    const url = proxy.urlFor(schema.url);
    await expect(openSql({ databaseUrl: url, sqlitePath: 'unused.db' })).rejects.toThrow(
      /^Cannot reach PostgreSQL at /,
    );
    const logger = recordingLogger();
    setTimeout(() => void proxy.restore(), 400);
    const later = await openSql(
      { databaseUrl: url, sqlitePath: 'unused.db' },
      { startupWaitMs: 10_000, logger },
    );
    try {
      expect((await sql<{ one: number }>`select 1 as one`.execute(later.db)).rows).toEqual([{ one: 1 }]);
      expect(logger.lines.map((line) => line.split(' ')[0])).toEqual(['warn', 'info']);
    } finally {
      await later.close();
    }
  });

  it('does not retry a constraint violation', async () => {
    const retry = createDatabaseRetry({ logger: recordingLogger(), shown: store.shown });
    await store.db.insertInto('notes').values({ id: 1, text: 'one' }).execute();
    let attempts = 0;
    const again = retry.run(() => {
      attempts += 1;
      return store.db.insertInto('notes').values({ id: 1, text: 'one again' }).execute();
    });
    await expect(again).rejects.toMatchObject({ code: '23505' });
    expect(attempts).toBe(1);
  });
});
