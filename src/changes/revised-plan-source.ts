import type { DateTime } from 'luxon';
import type { PlanSource } from '../plan/plan-source.ts';
import type { Plan } from '../plan/schema.ts';
import { UserError } from '../util/user-error.ts';
import { announceChange } from './announce-diff.ts';
import { applyChange, type AppliedChange } from './apply-change.ts';
import type { Change } from './change.ts';
import { lastUndoable, replayRevisions, type Replayed } from './replay-revisions.ts';
import type { Revision, RevisionLog } from './revision-log.ts';

export type Committed =
  { ok: true; revision: Revision; applied: AppliedChange } | { ok: false; message: string };

/**
 * The effective plan: schedule.json with the stored revisions re-applied. Queries and the reminder dispatcher
 * read it through `current()`, so a confirmed change or a reloaded file takes effect on their next call.
 * `version` moves on every change, so a preview can tell whether the plan it was made from is still current.
 */
export class RevisedPlanSource implements PlanSource {
  private base: Plan;
  private effective: Plan;
  private changes = 0;
  private lastReason = '';
  /** The last revision this process has applied: a store whose head is elsewhere was written by another. */
  private seenHead = 0;

  constructor(
    base: Plan,
    private readonly log: RevisionLog,
    /** Told about revisions that no longer apply to the file (logged by the caller). */
    private readonly onSkipped: (skipped: Replayed['skipped']) => void = () => {},
  ) {
    this.base = base;
    this.effective = this.replay();
  }

  current(): Plan {
    return this.effective;
  }

  get version(): number {
    return this.changes;
  }

  history(): Revision[] {
    return this.log.list();
  }

  /** A new schedule.json: the revisions are re-applied over it. Returns the effective plans around it. */
  replaceBase(plan: Plan): { before: Plan; after: Plan } {
    const before = this.effective;
    this.base = plan;
    this.effective = this.replay();
    this.bump('schedule.json was reloaded');
    return { before, after: this.effective };
  }

  /** What a change would do to the current plan. Throws a UserError when it cannot apply. */
  preview(change: Change): AppliedChange {
    if (change.kind !== 'undo') return applyChange(this.effective, change);
    const target = this.log.list().find((r) => r.id === change.of);
    if (!target) throw new UserError(`There is no change #${change.of} to undo.`);
    const { plan } = replayRevisions(this.base, this.log.list(), change.of);
    return {
      plan,
      announcement: announceChange(this.effective, plan),
      summary: `undid #${target.id} (${target.summary})`,
      notes: [],
    };
  }

  /** The change `undo` would make now, or a message saying why there is none. */
  undoChange(): { ok: true; change: Change } | { ok: false; message: string } {
    const target = lastUndoable(this.log.list());
    return target
      ? { ok: true, change: { kind: 'undo', of: target.id } }
      : { ok: false, message: 'There is no change to undo.' };
  }

  /**
   * Records a change made against plan version `expectedVersion`. Refused, with the reason, when the plan has
   * changed since (another confirmation, a reload) or when the store holds revisions this process has not seen.
   */
  commit(change: Change, author: string, now: DateTime, expectedVersion: number): Committed {
    if (expectedVersion !== this.changes) {
      return { ok: false, message: `the schedule changed since this preview (${this.lastReason})` };
    }
    let applied: AppliedChange;
    try {
      applied = this.preview(change);
    } catch (error) {
      if (error instanceof UserError) return { ok: false, message: error.message };
      throw error;
    }
    const appended = this.log.append(
      {
        author,
        createdAt: now.toISO()!,
        kind: change.kind,
        change,
        summary: applied.summary,
        ...(change.kind === 'undo' ? { undoneOf: change.of } : {}),
        before: this.effective,
        after: applied.plan,
        announcement: applied.announcement,
      },
      this.seenHead,
    );
    if (!appended.ok) {
      this.effective = this.replay();
      this.bump('changes were made elsewhere');
      const others = appended.since.map((r) => `#${r.id} ${r.summary}`).join('; ');
      return { ok: false, message: `the schedule changed since this preview (${others})` };
    }
    this.effective = this.replay();
    this.bump(`#${appended.revision.id} ${appended.revision.summary}`);
    return { ok: true, revision: appended.revision, applied };
  }

  private replay(): Plan {
    const revisions = this.log.list();
    this.seenHead = revisions.at(-1)?.id ?? 0;
    const { plan, skipped } = replayRevisions(this.base, revisions);
    if (skipped.length > 0) this.onSkipped(skipped);
    return plan;
  }

  private bump(reason: string): void {
    this.changes += 1;
    this.lastReason = reason;
  }
}
