import { statSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { Logger } from '../util/logger.ts';
import { BOT_BUSY_TIMEOUT_MS, openDatabase } from './database.ts';
import { acquireInstanceLock, LEASE_MS, type LockOptions } from './instance-lock.ts';

export interface BotStore {
  db: Database;
  /**
   * Checks now why the store cannot be trusted, or undefined: the file was removed or replaced, it cannot
   * be written, or another process took it over (a stat and one write; a new problem is logged once).
   */
  check(): string | undefined;
  /** The problem found by the last check (they run on every tick and between ticks). */
  problem(): string | undefined;
  /** Stops the checks, gives the database up, closes it. */
  close(): void;
}

export interface BotStoreOptions extends LockOptions {
  logger: Pick<Logger, 'warn' | 'error' | 'info'>;
  /** How often the lease is renewed and the file checked between ticks. */
  checkEveryMs?: number;
}

/**
 * The running bot's database: opened (and migrated), taken for this process alone (a second bot is
 * refused, see acquireInstanceLock), then watched. A file deleted under the bot is never re-created: the
 * staff's changes and the ledger live in it, so the bot stops sending and says so instead.
 */
export function openBotStore(path: string, options: BotStoreOptions): BotStore {
  const { logger } = options;
  const db = openDatabase(path);
  let lock;
  try {
    lock = acquireInstanceLock(db, path, options);
  } catch (error) {
    db.close();
    throw error;
  }
  // Waiting for a lock is synchronous: past the start, the bot waits briefly and retries on the next tick.
  db.pragma(`busy_timeout = ${BOT_BUSY_TIMEOUT_MS}`);
  const identity = path === ':memory:' ? undefined : fileIdentity(path);
  let reported: string | undefined;
  const check = (): string | undefined => {
    let problem: string | undefined;
    if (identity && fileIdentity(path) !== identity) {
      problem = `the database ${path} was removed or replaced while coursebot ran: nothing more is sent; restore the file (the staff's changes and what was posted are in it), then restart coursebot`;
    } else {
      try {
        if (!lock.renew()) {
          problem = `another process took over the database ${path}: nothing more is sent by this one; stop one of them`;
        }
      } catch (error) {
        const why = error instanceof Error ? error.message : String(error);
        problem = `cannot write to the database ${path} (${why}): nothing is sent until it can be written`;
      }
    }
    if (problem && problem !== reported) logger.error(problem);
    if (!problem && reported) logger.info(`the database ${path} can be written again: sending resumes`);
    reported = problem;
    return problem;
  };
  const timer = setInterval(check, options.checkEveryMs ?? Math.floor((options.leaseMs ?? LEASE_MS) / 3));
  timer.unref();
  return {
    db,
    check,
    problem: () => reported,
    close() {
      clearInterval(timer);
      try {
        if (!reported) lock.release();
      } catch {
        // A store that cannot be written keeps its row; the lease runs out, or the pid is seen gone.
      }
      db.close();
    },
  };
}

/** Device and inode: a file removed (or replaced by another) no longer matches the one opened. */
function fileIdentity(path: string): string | undefined {
  try {
    const stat = statSync(path);
    return `${stat.dev}:${stat.ino}`;
  } catch {
    return undefined;
  }
}
