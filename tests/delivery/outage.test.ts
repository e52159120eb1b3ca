// A PostgreSQL that goes away during a tick, played by a TCP proxy the test cuts and restores (the real
// server, which others use, is never touched): the tick waits for it, logged once each way by the store's
// retry, and the post is sent once and recorded once the database is back.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher } from '../../src/delivery/dispatcher.ts';
import { staticPlanSource } from '../../src/plan/plan-source.ts';
import { migrateSql } from '../../src/storage/sql/migrate.ts';
import { openSql } from '../../src/storage/sql/open-sql.ts';
import { createDatabaseRetry } from '../../src/storage/sql/retry.ts';
import { coursebotMigrations } from '../../src/storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../../src/storage/sql/sql-store.ts';
import { SqlLedger } from '../../src/storage/sql/tables/sql-ledger.ts';
import { ManualClock } from '../../src/util/clock.ts';
import { createTestSchema, postgresForTests, type TestSchema } from '../support/postgres.ts';
import { TcpProxy } from '../support/tcp-proxy.ts';
import { listDerive, local, MemoryLogger, post, RecordingSink, smallPlan } from './delivery-kit.ts';

const postgresUrl = postgresForTests();
const DUE = post('2025-10-21T08:00', '#cs599', ['class-day:a']);

describe.skipIf(!postgresUrl)('a tick while PostgreSQL is away', () => {
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
    await migrateSql(store, coursebotMigrations);
  });
  afterEach(async () => {
    await store.close().catch(() => {});
    await proxy.stop();
    await schema.drop();
  });

  function bot(sink: RecordingSink) {
    const logger = new MemoryLogger();
    const retry = createDatabaseRetry({ logger, shown: store.shown, firstDelayMs: 20, maxDelayMs: 100 });
    const lease = { holder: 'one', leaseMs: 60_000, wallNow: () => Date.now() };
    const clock = new ManualClock(local('2025-10-21T07:59:00'));
    const ledger = new SqlLedger(store, lease, 'cs-1', retry);
    const dispatcher = new Dispatcher({
      ledger,
      sink,
      clock,
      logger,
      plans: staticPlanSource(smallPlan()),
      derive: listDerive([DUE]),
      defaultChannel: '#cs599',
      catchUpSpacingMs: 0,
    });
    return { ledger, dispatcher, logger, clock };
  }

  const outageLines = (logger: MemoryLogger) =>
    logger.lines.filter((l) => /unreachable|is back after/.test(l)).map((l) => l.split(' ')[0]);

  it('waits when the database goes away before the tick, then posts once', async () => {
    const sink = new RecordingSink();
    const { dispatcher, ledger, logger, clock } = bot(sink);
    await dispatcher.start();
    clock.advance({ minutes: 1 });
    await proxy.cut();
    setTimeout(() => void proxy.restore(), 400);
    expect(await dispatcher.tick()).toMatchObject({ posted: 1 });
    await dispatcher.tick();
    expect(sink.keysSent()).toEqual(['class-day:a']);
    expect((await ledger.rows(['class-day:a'])).get('class-day:a')?.state).toBe('posted');
    expect(outageLines(logger)).toEqual(['warn', 'info']);
  });

  it('records a post that reached Slack while the database was away, once it is back, and never sends it again', async () => {
    const sink = new RecordingSink(async () => {
      // The post arrives; the database goes away before its answer is recorded.
      await proxy.cut();
      setTimeout(() => void proxy.restore(), 400);
      return { ok: true, ts: '1.5' };
    });
    const { dispatcher, ledger, logger, clock } = bot(sink);
    await dispatcher.start();
    clock.advance({ minutes: 1 });
    expect(await dispatcher.tick()).toMatchObject({ posted: 1 });
    clock.advance({ minutes: 1 });
    await dispatcher.tick();
    expect(sink.keysSent()).toEqual(['class-day:a']);
    expect((await ledger.rows(['class-day:a'])).get('class-day:a')).toMatchObject({
      state: 'posted',
      ts: '1.5',
    });
    expect(outageLines(logger)).toEqual(['warn', 'info']);
  });
});
