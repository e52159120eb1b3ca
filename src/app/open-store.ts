import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Database } from 'better-sqlite3';
import type { DateTime } from 'luxon';
import { settingsForStore, type Config } from '../config/env.ts';
import { expireLeasesOfOthers } from '../storage/sql/dead-holders.ts';
import { migrateSql } from '../storage/sql/migrate.ts';
import { openSql, sqlStoreOverFile } from '../storage/sql/open-sql.ts';
import { createDatabaseRetry, type DatabaseRetry } from '../storage/sql/retry.ts';
import { coursebotMigrations } from '../storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../storage/sql/sql-store.ts';
import type { LedgerLease } from '../storage/sql/tables/ledger-lease.ts';
import type { Logger } from '../util/logger.ts';
import { openDemoAwareStore } from './open-demo-aware-store.ts';

/**
 * How long a send may take before another instance takes it over (after looking it up at Slack first), unless
 * COURSEBOT_SEND_LEASE_SECONDS says otherwise.
 */
export const SEND_LEASE_MS = 60_000;

/**
 * The running bot's store, whichever is configured: every table through the SQL layer (`sql`), retried
 * while the database is away (`retry`), and this process's identity to the leases of posts it claims.
 */
export interface AppStore {
  readonly sql: SqlStore;
  readonly retry: DatabaseRetry;
  /** This process, to the ledger's leases and claims: a restarted process is a new holder. */
  readonly lease: LedgerLease;
  /** The SQLite file's instance lock makes this process the store's only user; PostgreSQL is shared. */
  readonly soleInstance: boolean;
  /**
   * SQLite only: the file's own connection (the one `sql` drives), for the tables not yet on the SQL layer.
   * PostgreSQL has none.
   */
  readonly db?: Database;
  /**
   * Why the store cannot be trusted now (SQLite: the file was removed or replaced, or another process took
   * it over), or undefined. PostgreSQL never says so: an outage is waited out by `retry`.
   */
  check(): string | undefined;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  now: DateTime;
  logger: Logger;
  /** Wall-clock milliseconds for the leases (not the course clock: a demo shifts that). */
  wallNow?: () => number;
  leaseMs?: number;
}

/**
 * Opens and migrates the configured store. SQLite (the default): the file is taken for this process alone
 * (its instance lock) and the SQL layer drives that same connection. PostgreSQL (DATABASE_URL): any number
 * of instances share it; migrations run in one transaction under an advisory lock, so of two instances
 * starting at once one migrates and the other waits.
 */
export async function openAppStore(config: Config, options: OpenStoreOptions): Promise<AppStore> {
  const { logger } = options;
  const lease: LedgerLease = {
    holder: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    leaseMs: options.leaseMs ?? config.sendLeaseMs ?? SEND_LEASE_MS,
    wallNow: options.wallNow ?? (() => Date.now()),
  };
  if (config.databaseUrl) {
    // A server started beside the bot (compose, systemd) may still be coming up: waited for a minute.
    const sql = await openSql(settingsForStore(config), { logger, startupWaitMs: 60_000 });
    try {
      await migrateSql(sql, coursebotMigrations, { logger });
    } catch (error) {
      await sql.close();
      throw error;
    }
    const retry = createDatabaseRetry({ logger, shown: sql.shown });
    return { sql, retry, lease, soleInstance: false, check: () => undefined, close: () => sql.close() };
  }
  // Refuses a second bot on the same file, and a file it cannot write.
  const file = await openDemoAwareStore(config.databasePath, config.demoDatabase, options.now, { logger });
  const sql = sqlStoreOverFile(file.db, config.databasePath);
  try {
    await migrateSql(sql, coursebotMigrations, { logger });
    // The instance lock is this process's: leases left by an earlier one are over.
    await expireLeasesOfOthers(sql, lease.holder);
  } catch (error) {
    file.close();
    throw error;
  }
  const retry = createDatabaseRetry({ logger, shown: sql.shown });
  return {
    sql,
    retry,
    lease,
    soleInstance: true,
    db: file.db,
    check: () => file.check(),
    async close() {
      // The lock's release needs the connection: given up first, then the connection is closed.
      file.close();
    },
  };
}
