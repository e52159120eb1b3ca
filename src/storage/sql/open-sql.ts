import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import DatabaseConstructor from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import { cachedStatements } from './cached-statements.ts';
import type { CustomTypesConfig } from 'pg';
import type { Logger } from '../../util/logger.ts';
import { silentLogger } from '../../util/logger.ts';
import { UserError } from '../../util/user-error.ts';
import {
  databaseTargetOf,
  withoutPassword,
  type DatabaseSettings,
  type DatabaseTarget,
} from './database-target.ts';
import { createDatabaseRetry } from './retry.ts';
import { codeOf, errorKindOf, reasonOf } from './sql-errors.ts';
import type { AnyKysely, SqlStore } from './sql-store.ts';

type AnyTables = AnyKysely extends Kysely<infer T> ? T : never;

export interface OpenSqlOptions {
  /** PostgreSQL: connections one instance may hold; a few are plenty for one bot. */
  poolSize?: number;
  /** PostgreSQL: a statement running longer than this is cancelled by the server, so none hangs a tick. */
  statementTimeoutMs?: number;
  /** PostgreSQL: how long to wait for a connection (new or from the pool) before failing. */
  connectTimeoutMs?: number;
  /** SQLite: how long a statement waits for another process's lock (better-sqlite3 waits synchronously). */
  busyTimeoutMs?: number;
  /**
   * PostgreSQL: how long to wait for a server that is not there yet (one started beside the bot, or
   * restarting: "the database system is starting up") before giving up; 0 gives up at once.
   */
  startupWaitMs?: number;
  logger?: Logger;
}

/**
 * Opens the store the settings name (DATABASE_URL=postgres://… or the SQLite file) and checks it answers.
 * Whatever stops that is a UserError of one line naming the setting and the fix, without the password.
 * The schema is not touched here: migrateSql does that.
 */
export async function openSql(settings: DatabaseSettings, options: OpenSqlOptions = {}): Promise<SqlStore> {
  const target = databaseTargetOf(settings);
  return target.dialect === 'postgres' ? openPostgres(target, options) : openSqlite(target, options);
}

async function openPostgres(
  target: Extract<DatabaseTarget, { dialect: 'postgres' }>,
  {
    poolSize = 5,
    statementTimeoutMs = 30_000,
    connectTimeoutMs = 5_000,
    startupWaitMs = 0,
    logger = silentLogger,
  }: OpenSqlOptions,
): Promise<SqlStore> {
  // Loaded only for PostgreSQL: a bot on its SQLite file never holds the driver (a few MB of its heap).
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: target.url,
    max: poolSize,
    statement_timeout: statementTimeoutMs,
    connectionTimeoutMillis: connectTimeoutMs,
    idleTimeoutMillis: 30_000,
    application_name: 'coursebot',
    // int8 (counts, epoch milliseconds) as numbers, as SQLite returns them, so callers see one shape.
    types: {
      getTypeParser: (oid: number, format?: 'text' | 'binary') =>
        oid === 20 ? Number : pg.types.getTypeParser(oid, format),
    } as CustomTypesConfig,
  });
  // An idle connection that the server closes (a restart) emits here; unhandled, it would end the process.
  // The next query fails and the retry reports the outage, so this only notes it.
  pool.on('error', (error) =>
    logger.debug(`database connection closed: ${withoutPassword(reasonOf(error), target)}`),
  );
  // A connection that dies while checked out (mid-query) also emits on its client, where nothing listens:
  // unhandled, that too would end the process. The query itself fails with the same error, so it is known.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<AnyTables>({ dialect: new PostgresDialect({ pool }) });
  try {
    const retry = createDatabaseRetry({ logger, shown: target.shown, giveUpAfterMs: startupWaitMs });
    await retry.run(() => sql`select 1`.execute(db));
  } catch (error) {
    await db.destroy().catch(() => {});
    throw new UserError(withoutPassword(postgresProblem(error, target.shown), target));
  }
  return { db, dialect: 'postgres', shown: target.shown, close: () => db.destroy() };
}

function postgresProblem(error: unknown, shown: string): string {
  const reason = reasonOf(error);
  const code = codeOf(error);
  if (code === 'ENOTFOUND')
    return `Cannot find the host of DATABASE_URL ${shown} (${reason}): fix the host name in DATABASE_URL`;
  if (code === '28P01' || code === '28000') {
    return `PostgreSQL at ${shown} refused the login (${reason}): fix the user or password in DATABASE_URL`;
  }
  if (code === '3D000') {
    return `PostgreSQL at ${shown} has no such database (${reason}): create it (createdb) or fix the database name in DATABASE_URL`;
  }
  if (errorKindOf(error) === 'unreachable') {
    return `Cannot reach PostgreSQL at ${shown} (${reason}): start the server, or fix the host and port in DATABASE_URL`;
  }
  return `Cannot open PostgreSQL at ${shown}: ${reason} (check DATABASE_URL)`;
}

async function openSqlite(
  target: Extract<DatabaseTarget, { dialect: 'sqlite' }>,
  { busyTimeoutMs = 5_000 }: OpenSqlOptions,
): Promise<SqlStore> {
  const { path } = target;
  let file: DatabaseConstructor.Database;
  try {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    file = new DatabaseConstructor(path);
    // WAL: readers never block the running bot, and commits are cheap.
    file.pragma('journal_mode = WAL');
    file.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
    file.pragma('foreign_keys = ON');
  } catch (error) {
    throw new UserError(
      `Cannot open the database ${path}: ${reasonOf(error)} (set COURSEBOT_DB or --db to a writable file)`,
    );
  }
  return sqlStoreOverFile(file, path);
}

/**
 * The SQL layer over a SQLite connection already open: the running bot's file, which its instance lock
 * holds, so the lock, the migrations and every table share ONE connection (an in-memory database has no
 * other). Closing the store closes the connection.
 */
export function sqlStoreOverFile(file: DatabaseConstructor.Database, shown: string): SqlStore {
  const db = new Kysely<AnyTables>({ dialect: new SqliteDialect({ database: cachedStatements(file) }) });
  return { db, dialect: 'sqlite', shown, sqliteFile: file, close: () => db.destroy() };
}
