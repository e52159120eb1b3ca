import type { Plan } from '../plan/schema.ts';
import { UserError } from '../util/user-error.ts';
import { applyChange } from './apply-change.ts';
import type { FileRecord } from './change.ts';
import type { Revision } from './revision-log.ts';

export interface Replayed {
  plan: Plan;
  /** Revisions that no longer apply (their class or event left the file), with the reason. */
  skipped: { revision: Revision; reason: string }[];
}

/**
 * The effective plan: the file's plan with every revision re-applied in order, except undos and the
 * revisions they revert (`alsoUndone` previews an undo). A revision whose target has left the file is
 * skipped and reported, never fatal: the rest still apply.
 */
export function replayRevisions(base: Plan, revisions: Revision[], alsoUndone?: number): Replayed {
  const undone = undoneIds(revisions);
  if (alsoUndone !== undefined) undone.add(alsoUndone);
  let plan = base;
  const skipped: Replayed['skipped'] = [];
  for (const revision of revisions) {
    const { change } = revision;
    if (
      change.kind === 'undo' ||
      change.kind === 'announce' ||
      change.kind === 'file' ||
      undone.has(revision.id)
    )
      continue;
    try {
      plan = applyChange(plan, change).plan;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      skipped.push({ revision, reason: error.message });
    }
  }
  return { plan, skipped };
}

/** The revision `undo` would revert: the last change to the plan not already undone. */
export function lastUndoable(revisions: Revision[]): Revision | undefined {
  const undone = undoneIds(revisions);
  return [...revisions]
    .reverse()
    .find((r) => r.kind !== 'undo' && r.kind !== 'announce' && r.kind !== 'file' && !undone.has(r.id));
}

const undoneIds = (revisions: Revision[]) =>
  new Set(revisions.flatMap((r) => (r.undoneOf === undefined ? [] : [r.undoneOf])));

/** The last record of schedule.json, if any. */
export function lastFile(revisions: Revision[]): (Revision & { change: FileRecord }) | undefined {
  return [...revisions]
    .reverse()
    .find((r): r is Revision & { change: FileRecord } => r.change.kind === 'file');
}

/**
 * The plan the revisions replay over for a file whose plan hashes to `hash`: the plan recorded for the last
 * record of that file (an export gives back the plan its changes were made over), else the file's own.
 */
export function originOf(file: Plan, hash: string, revisions: Revision[]): Plan {
  const known = [...revisions].reverse().find((r) => r.change.kind === 'file' && r.change.hash === hash);
  return known?.change.kind === 'file' ? known.change.plan : file;
}
