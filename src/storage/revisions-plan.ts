import { existsSync } from 'node:fs';
import { RevisedPlanSource } from '../changes/revised-plan-source.ts';
import { memoryRevisionLog } from '../changes/revision-log.ts';
import type { Plan } from '../plan/schema.ts';
import { logSafe } from '../util/log-safe.ts';
import type { Logger } from '../util/logger.ts';
import { openDatabase, type Database } from './database.ts';
import { SqliteRevisionLog } from './revisions.ts';

/** Revisions that no longer apply to the file are logged once per replay, with the reason. */
export function logSkipped(log: Pick<Logger, 'warn'>) {
  return (skipped: { revision: { id: number; summary: string }; reason: string }[]) => {
    for (const { revision, reason } of skipped) {
      // A summary quotes what staff typed (a reason, an announcement): logged like any user text.
      log.warn(
        `change #${revision.id} (${logSafe(revision.summary)}) no longer applies to schedule.json: ${reason}`,
      );
    }
  };
}

/** The running bot's effective plan: the file's plan with the revisions stored in `db`. */
export function revisedPlanSource(
  db: Database,
  plan: Plan,
  log: Pick<Logger, 'warn'>,
  courseId?: string,
): RevisedPlanSource {
  return new RevisedPlanSource(plan, new SqliteRevisionLog(db, courseId), logSkipped(log));
}

/**
 * The effective plan for a command that only reads (export, history): a missing database means no changes
 * yet, and is not created.
 */
export function readRevisedPlan(
  plan: Plan,
  path: string,
  log: Pick<Logger, 'warn'>,
  courseId?: string,
): { source: RevisedPlanSource; close(): void } {
  if (path !== ':memory:' && !existsSync(path)) {
    return { source: new RevisedPlanSource(plan, memoryRevisionLog()), close() {} };
  }
  const db: Database = openDatabase(path);
  return {
    source: new RevisedPlanSource(plan, new SqliteRevisionLog(db, courseId), logSkipped(log)),
    close: () => db.close(),
  };
}
