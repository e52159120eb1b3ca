import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import DatabaseConstructor, { type Database } from 'better-sqlite3';
import { UserError } from '../util/user-error.ts';
import { migrations as allMigrations, type Migration } from './migrations.ts';

export type { Database } from 'better-sqlite3';

export interface OpenOptions {
  /**
   * How long a statement waits for another process's lock. better-sqlite3 waits synchronously, so the
   * running bot keeps this short: a long wait would hold every /schedule answer (a tick that meets a
   * lock fails and is retried by the next tick instead).
   */
  busyTimeoutMs?: number;
}

/** The running bot's wait for a lock: short enough that no answer waits noticeably. */
export const BOT_BUSY_TIMEOUT_MS = 200;

/**
 * Opens (creating it and its folder when needed) the bot's SQLite database and brings its schema up to
 * date. Anything that stops that is a UserError naming the file and what to do.
 */
export function openDatabase(
  path: string,
  migrations: Migration[] = allMigrations,
  { busyTimeoutMs = 5000 }: OpenOptions = {},
): Database {
  let db: Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    db = new DatabaseConstructor(path);
    db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    // WAL: readers (coursebot commands, a test) never block the running bot, and commits are cheap.
    switchToWal(db, busyTimeoutMs);
    db.pragma('foreign_keys = ON');
  } catch (error) {
    throw new UserError(
      `Cannot open the database ${path}: ${reasonOf(error)} (set COURSEBOT_DB or --db to a writable file)`,
    );
  }
  try {
    migrate(db, path, migrations);
  } catch (error) {
    db.close();
    if (error instanceof UserError) throw error;
    throw new UserError(`Cannot prepare the database ${path}: ${reasonOf(error)}`);
  }
  return db;
}

function migrate(db: Database, path: string, migrations: Migration[]): void {
  const versionOf = () => db.pragma('user_version', { simple: true }) as number;
  const version = versionOf();
  if (version > migrations.length) {
    throw new UserError(
      `The database ${path} was written by a newer coursebot (schema ${version}, this one knows ${migrations.length}): upgrade coursebot, or point COURSEBOT_DB at another file`,
    );
  }
  if (version === migrations.length) return;
  // One IMMEDIATE transaction that reads the version again: of two processes opening a new file at the
  // same moment, one migrates and the other waits, then finds nothing left to do. A crash never leaves
  // a half-migrated schema.
  db.transaction(() => {
    for (const [index, migration] of migrations.entries()) {
      if (index < versionOf()) continue;
      migration.up(db);
      db.pragma(`user_version = ${index + 1}`);
    }
  }).immediate();
}

/**
 * Switching a new file to WAL needs it alone for a moment, and SQLite answers SQLITE_BUSY at once, without
 * its busy wait, when another process is opening or migrating it: two bots started at the same moment would
 * otherwise fail here instead of one of them being refused by the instance lock. Retried for the busy time.
 */
function switchToWal(db: Database, waitMs: number): void {
  const until = performance.now() + waitMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || performance.now() > until) throw error;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
}

function reasonOf(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  return code && !message.includes(code) ? `${message} (${code})` : message;
}
