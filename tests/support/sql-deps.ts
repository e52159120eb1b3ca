import type { Database } from 'better-sqlite3';
import { migrateSql } from '../../src/storage/sql/migrate.ts';
import { sqlStoreOverFile } from '../../src/storage/sql/open-sql.ts';
import { createDatabaseRetry, type DatabaseRetry } from '../../src/storage/sql/retry.ts';
import { coursebotMigrations } from '../../src/storage/sql/schema/coursebot-migrations.ts';
import type { SqlStore } from '../../src/storage/sql/sql-store.ts';
import type { LedgerLease } from '../../src/storage/sql/tables/ledger-lease.ts';
import { SqlLedger } from '../../src/storage/sql/tables/sql-ledger.ts';
import { silentLogger } from '../../src/util/logger.ts';

export interface SqlDeps {
  sql: SqlStore;
  retry: DatabaseRetry;
  lease: LedgerLease;
}

/**
 * The SQL layer over a test's SQLite connection, migrated, as the running bot opens it (openAppStore): for
 * tests that build a deployment or a course runtime by hand. Closing the connection closes it.
 */
export async function sqlDepsOver(db: Database, lease: Partial<LedgerLease> = {}): Promise<SqlDeps> {
  const sql = sqlStoreOverFile(db, ':test:');
  await migrateSql(sql, coursebotMigrations);
  return {
    sql,
    retry: createDatabaseRetry({ logger: silentLogger, shown: sql.shown }),
    lease: { holder: 'test-holder', leaseMs: 60_000, wallNow: () => Date.now(), ...lease },
  };
}

/** A course's ledger over a test's SQLite connection, as a course runtime makes it (with the store's retry). */
export async function sqlLedgerOver(
  db: Database,
  courseId?: string,
  lease: Partial<LedgerLease> = {},
): Promise<SqlLedger> {
  const deps = await sqlDepsOver(db, lease);
  return new SqlLedger(deps.sql, deps.lease, courseId, deps.retry);
}
