import { existsSync } from 'node:fs';
import type { Revision } from '../changes/revision-log.ts';
import type { Settings } from '../config/env.ts';
import { loadPlanOrThrow } from '../files/plan-file.ts';
import type { Plan } from '../plan/schema.ts';

export interface RecordedChanges {
  /** The plan with every change recorded in the database: what the running bot uses. */
  plan: Plan;
  /** Recorded changes in effect (not undone, still applying to the file). */
  applied: number;
  /** Recorded changes that no longer apply to the file, each a line with the reason. */
  skipped: string[];
}

export interface EffectivePlan extends RecordedChanges {
  /** The file's plan alone. */
  base: Plan;
  /** The file's warnings, each a line naming the file. */
  warnings: string[];
}

/**
 * The plan every command reads, in one place: schedule.json plus the revisions in the database, replayed as
 * the bot replays them. A command that read the bare file would keep showing a class the staff cancelled
 * from Slack. A bad file stops it with a UserError listing the problems.
 */
export async function loadEffectivePlan(
  settings: Pick<Settings, 'schedulePath' | 'databasePath'>,
): Promise<EffectivePlan> {
  const { plan: base, warnings } = loadPlanOrThrow(settings.schedulePath);
  return { ...(await applyRecordedChanges(base, settings.databasePath)), base, warnings };
}

/** The file's plan with the database's revisions; a missing database means no changes yet (not created). */
export async function applyRecordedChanges(base: Plan, databasePath: string): Promise<RecordedChanges> {
  if (databasePath !== ':memory:' && !existsSync(databasePath))
    return { plan: base, applied: 0, skipped: [] };
  // The database driver is loaded only when there is a database to read, so `ask` and `validate` stay light.
  const { readRevisedPlan } = await import('../storage/revisions-plan.ts');
  const skipped: string[] = [];
  const revised = readRevisedPlan(base, databasePath, { warn: (line) => skipped.push(line) });
  try {
    const { source } = revised;
    return { plan: source.current(), applied: inEffect(source.history()) - skipped.length, skipped };
  } finally {
    revised.close();
  }
}

/** Revisions that change the plan and are not undone (nor undos or announcements themselves). */
function inEffect(history: Revision[]): number {
  const undone = new Set(history.flatMap((r) => (r.undoneOf === undefined ? [] : [r.undoneOf])));
  return history.filter((r) => r.kind !== 'undo' && r.kind !== 'announce' && !undone.has(r.id)).length;
}
