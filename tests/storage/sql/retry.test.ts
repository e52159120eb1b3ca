// Waiting out a database that went away: capped exponential backoff, one log line when it goes and one
// when it is back, and errors that waiting cannot cure thrown at once.
import { describe, expect, it } from 'vitest';
import { createDatabaseRetry, type RetryOptions } from '../../../src/storage/sql/retry.ts';
import { errorKindOf } from '../../../src/storage/sql/sql-errors.ts';
import { recordingLogger } from '../../slack/slack-kit.ts';

const coded = (code: string, message = `failed (${code})`) => Object.assign(new Error(message), { code });

/** A retry on a pretend clock: sleeping moves the clock, so a test waits for nothing. */
function pretendRetry(options: Partial<RetryOptions> = {}) {
  const logger = recordingLogger();
  const sleeps: number[] = [];
  let now = 0;
  const retry = createDatabaseRetry({
    logger,
    shown: 'postgres://bot@db:5432/coursebot',
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    elapsedMs: () => now,
    random: () => 1,
    ...options,
  });
  return { retry, logger, sleeps };
}

/** An operation that fails with `errors`, one per call, then succeeds. */
function failingThen<T>(errors: unknown[], value: T) {
  let calls = 0;
  const operation = async () => {
    calls += 1;
    if (calls <= errors.length) throw errors[calls - 1];
    return value;
  };
  return { operation, calls: () => calls };
}

describe('errorKindOf', () => {
  it.each([
    ['ECONNREFUSED', 'unreachable'],
    ['ECONNRESET', 'unreachable'],
    ['57P01', 'unreachable'], // admin shutdown: the server is restarting
    ['57P03', 'unreachable'], // the database system is starting up
    ['08006', 'unreachable'], // connection failure
    ['40001', 'conflict'],
    ['40P01', 'conflict'],
    ['SQLITE_BUSY', 'conflict'],
    ['23505', 'permanent'], // unique violation
    ['42601', 'permanent'], // syntax error
    ['57014', 'permanent'], // statement timeout: the same query would time out again
    ['SQLITE_CONSTRAINT_PRIMARYKEY', 'permanent'],
  ])('%s is %s', (code, kind) => {
    expect(errorKindOf(coded(code))).toBe(kind);
  });

  it('knows pg’s own words for a socket that closed under it', () => {
    expect(errorKindOf(new Error('Connection terminated unexpectedly'))).toBe('unreachable');
    expect(errorKindOf(new Error('something else'))).toBe('permanent');
  });

  it('looks inside an AggregateError (every address of a host failed)', () => {
    expect(errorKindOf(new AggregateError([coded('ECONNREFUSED'), coded('ECONNREFUSED')]))).toBe(
      'unreachable',
    );
  });
});

describe('createDatabaseRetry', () => {
  it('retries an outage with doubling, capped delays and logs it in one line each way', async () => {
    const { retry, logger, sleeps } = pretendRetry({ firstDelayMs: 100, maxDelayMs: 1_000 });
    const outage = Array.from({ length: 7 }, () =>
      coded('ECONNREFUSED', 'connect ECONNREFUSED 10.0.0.5:5432'),
    );
    const { operation, calls } = failingThen(outage, 'rows');
    expect(await retry.run(operation)).toBe('rows');
    expect(calls()).toBe(8);
    expect(sleeps).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
    expect(logger.lines).toEqual([
      'warn database postgres://bot@db:5432/coursebot is unreachable (connect ECONNREFUSED 10.0.0.5:5432); retrying with backoff up to every 1.0 s',
      'info database postgres://bot@db:5432/coursebot is back after 4.5 s',
    ]);
    expect(retry.down).toBe(false);
  });

  it('logs one outage however many callers wait through it', async () => {
    const { retry, logger } = pretendRetry();
    const callers = Array.from({ length: 5 }, () => failingThen([coded('57P01'), coded('57P03')], 'ok'));
    await Promise.all(callers.map((caller) => retry.run(caller.operation)));
    expect(logger.lines.filter((line) => line.startsWith('warn'))).toHaveLength(1);
    expect(logger.lines.filter((line) => line.startsWith('info'))).toHaveLength(1);
  });

  it('is not told the database is back by the answer to a question asked before it went away', async () => {
    const logger = recordingLogger();
    let now = 0;
    let wake = () => {};
    const retry = createDatabaseRetry({
      logger,
      shown: 'postgres://bot@db:5432/coursebot',
      sleep: () => new Promise<void>((resolve) => (wake = resolve)),
      elapsedMs: () => now,
      random: () => 1,
    });
    let answer: (rows: string) => void = () => {};
    const before = retry.run(() => new Promise<string>((resolve) => (answer = resolve)));
    now = 50;
    const during = retry.run(failingThen([coded('ECONNRESET', 'write ECONNRESET')], 'ok').operation);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(retry.down).toBe(true);
    // A reply that was on its way when the connections were cut.
    answer('rows');
    expect(await before).toBe('rows');
    expect(retry.down).toBe(true);
    now = 3050;
    wake();
    expect(await during).toBe('ok');
    expect(logger.lines).toEqual([
      'warn database postgres://bot@db:5432/coursebot is unreachable (write ECONNRESET); retrying with backoff up to every 5.0 s',
      'info database postgres://bot@db:5432/coursebot is back after 3.0 s',
    ]);
  });

  it('throws a constraint violation or a syntax error at once', async () => {
    for (const code of ['23505', '42601']) {
      const { retry, logger, sleeps } = pretendRetry();
      const { operation, calls } = failingThen([coded(code)], 'never');
      await expect(retry.run(operation)).rejects.toMatchObject({ code });
      expect(calls()).toBe(1);
      expect(sleeps).toEqual([]);
      expect(logger.lines).toEqual([]);
    }
  });

  it('runs a transaction that met another again, a few times, quietly', async () => {
    const { retry, logger } = pretendRetry({ conflictTries: 3 });
    const twice = failingThen([coded('40P01'), coded('SQLITE_BUSY')], 'done');
    expect(await retry.run(twice.operation)).toBe('done');
    const always = failingThen(
      Array.from({ length: 10 }, () => coded('40001')),
      'never',
    );
    await expect(retry.run(always.operation)).rejects.toMatchObject({ code: '40001' });
    expect(always.calls()).toBe(3);
    expect(logger.lines).toEqual([]);
  });

  it('gives up after giveUpAfterMs when asked to, with the last error', async () => {
    const { retry } = pretendRetry({ firstDelayMs: 100, maxDelayMs: 100, giveUpAfterMs: 1_000 });
    const { operation, calls } = failingThen(
      Array.from({ length: 100 }, () => coded('ECONNREFUSED')),
      'never',
    );
    await expect(retry.run(operation)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(calls()).toBe(11);
    expect(retry.down).toBe(true);
  });

  it('says nothing about retrying when it is told not to wait at all', async () => {
    const { retry, logger } = pretendRetry({ giveUpAfterMs: 0 });
    const { operation, calls } = failingThen([coded('ECONNREFUSED')], 'never');
    await expect(retry.run(operation)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(calls()).toBe(1);
    expect(logger.lines).toEqual([]);
  });
});
