import type { Database } from 'better-sqlite3';
import { logSkipped } from '../../src/changes/log-skipped.ts';
import { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { SqlRevisionLog } from '../../src/storage/sql/tables/sql-revisions.ts';
import type { Logger } from '../../src/util/logger.ts';
import { sqlDepsOver } from './sql-deps.ts';

/** A course's effective plan over a test's SQLite connection, through the SQL layer, as the bot opens it. */
export async function revisedPlanOver(
  db: Database,
  plan: Plan,
  log: Pick<Logger, 'warn'>,
  courseId?: string,
): Promise<RevisedPlanSource> {
  const { sql } = await sqlDepsOver(db);
  return RevisedPlanSource.open(plan, new SqlRevisionLog(sql, courseId), logSkipped(log));
}

/** A course's revision log over a test's SQLite connection, through the SQL layer. */
export async function revisionLogOver(db: Database, courseId?: string): Promise<SqlRevisionLog> {
  return new SqlRevisionLog((await sqlDepsOver(db)).sql, courseId);
}
