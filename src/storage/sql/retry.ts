import { setTimeout as delay } from 'node:timers/promises';
import type { Logger } from '../../util/logger.ts';
import { errorKindOf, reasonOf } from './sql-errors.ts';

export interface RetryOptions {
  logger: Logger;
  /** The database as messages name it (SqlStore.shown: never the password). */
  shown: string;
  firstDelayMs?: number;
  /** The backoff doubles up to this, so a long outage is probed every few seconds, not hammered. */
  maxDelayMs?: number;
  /** Stop waiting for a database that stays away this long and throw its last error (default: never). */
  giveUpAfterMs?: number;
  /** Tries of a transaction that keeps meeting another one (deadlock, serialization, SQLITE_BUSY). */
  conflictTries?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds of a monotonic clock, to say how long the outage lasted. */
  elapsedMs?: () => number;
  random?: () => number;
}

export interface DatabaseRetry {
  /**
   * Runs `operation`, again and again while the database is away, until it succeeds or fails for a reason
   * waiting cannot cure (a constraint, a syntax error: thrown at once). The operation must be safe to run
   * again: a whole transaction, never a statement of one, since a lost connection rolls its transaction back
   * (and a COMMIT whose answer was lost may have landed: the claim treats "already mine" as won).
   */
  run<T>(operation: () => Promise<T>): Promise<T>;
  /** Whether the last thing seen of the database was that it had gone away. */
  readonly down: boolean;
}

/**
 * One retry per store, shared by every caller, so an outage is logged in ONE line when it starts and one
 * when the database is back, however many ticks and requests were waiting for it.
 */
export function createDatabaseRetry({
  logger,
  shown,
  firstDelayMs = 100,
  maxDelayMs = 5_000,
  giveUpAfterMs = Number.POSITIVE_INFINITY,
  conflictTries = 5,
  sleep = (ms) => delay(ms),
  elapsedMs = () => performance.now(),
  random = Math.random,
}: RetryOptions): DatabaseRetry {
  let downSince: number | undefined;

  const wentAway = (error: unknown) => {
    if (downSince !== undefined) return;
    downSince = elapsedMs();
    logger.warn(
      `database ${shown} is unreachable (${reasonOf(error)}); retrying with backoff up to every ${seconds(maxDelayMs)} s`,
    );
  };
  /**
   * `askedAt`: when the attempt that was answered began. An answer to a question asked before the outage
   * began (a reply already on its way when the connections were cut) says nothing about the database now.
   */
  const cameBack = (askedAt: number) => {
    if (downSince === undefined || askedAt < downSince) return;
    logger.info(`database ${shown} is back after ${seconds(elapsedMs() - downSince)} s`);
    downSince = undefined;
  };

  return {
    get down() {
      return downSince !== undefined;
    },
    async run<T>(operation: () => Promise<T>): Promise<T> {
      const started = elapsedMs();
      let conflicts = 0;
      for (let attempt = 0; ; attempt += 1) {
        const askedAt = elapsedMs();
        try {
          const result = await operation();
          cameBack(askedAt);
          return result;
        } catch (error) {
          const kind = errorKindOf(error);
          if (kind === 'permanent') {
            // The database answered: it is there, whatever was wrong with the question.
            cameBack(askedAt);
            throw error;
          }
          if (kind === 'conflict' && (conflicts += 1) >= conflictTries) throw error;
          if (kind === 'unreachable') {
            // Given up before the first wait: no "retrying" line for a retry that will not happen.
            if (elapsedMs() - started >= giveUpAfterMs) throw error;
            wentAway(error);
          }
          // Capped exponential backoff with jitter, so instances that lost the database together do not
          // all come back in the same millisecond.
          const ceiling = Math.min(maxDelayMs, firstDelayMs * 2 ** Math.min(attempt, 30));
          await sleep(Math.round(ceiling / 2 + (random() * ceiling) / 2));
        }
      }
    },
  };
}

function seconds(ms: number): string {
  return (ms / 1000).toFixed(ms < 10_000 ? 1 : 0);
}
