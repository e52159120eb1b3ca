import type { DateTime } from 'luxon';
import type { PlanSource } from '../plan/plan-source.ts';
import type { Plan } from '../plan/schema.ts';
import { UserError } from '../util/user-error.ts';
import type { Content } from '../content/content.ts';
import { announceChange, announceDiff } from './announce-diff.ts';
import { applyChange, type AppliedChange } from './apply-change.ts';
import type { Change, FileRecord } from './change.ts';
import { dayInTerm } from './describe.ts';
import { diffPlans } from './diff-plans.ts';
import { notifying } from './notify.ts';
import { planHash } from './plan-hash.ts';
import { lastFile, lastUndoable, originOf, replayRevisions, type Replayed } from './replay-revisions.ts';
import type { Revision, RevisionLog } from './revision-log.ts';

/** What recording the file did: a revision when it was new to the store, announced when students see it. */
export interface AdoptedFile {
  revision?: Revision;
  announcement?: Content;
}

export interface CommitOptions {
  /** Staff asked for the announcement to notify everyone in the channel. */
  notify?: boolean;
  retried?: boolean;
}

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

  /**
   * Records the current schedule.json in the store when the store has not seen it, so that an edit made while
   * the bot was stopped is told at the next start like one seen while running. The first file is recorded
   * silently; a later one is announced with what students see changed, compared with the effective plan of
   * the last file recorded. The announcement is stored with the revision, so it is queued exactly once.
   */
  adoptFile(author: string, now: DateTime, previous?: Plan): AdoptedFile {
    for (let attempt = 0; attempt < 3; attempt++) {
      const revisions = this.log.list();
      const hash = planHash(this.base);
      const last = lastFile(revisions);
      if (last?.change.hash === hash) return {};
      // `previous`: the effective plan this process had before a reload, when the store knows no file yet.
      const before = last ? replayRevisions(last.change.plan, revisions).plan : previous;
      // An export come back (a file reverted to it) keeps replaying over the plan its changes were made over.
      const plan = originOf(this.base, hash, revisions);
      const change: FileRecord = { kind: 'file', source: before ? 'edit' : 'start', hash, plan };
      const announcement = before && announceDiff(diffPlans(before, this.effective), dayInTerm(before));
      const appended = this.log.append(
        {
          author,
          createdAt: now.toISO()!,
          kind: 'file',
          change,
          summary: before
            ? `schedule.json edited${announcement ? '' : ' (nothing students see changed)'}`
            : 'started with schedule.json',
          before: before ?? this.effective,
          after: this.effective,
          ...(announcement ? { announcement } : {}),
        },
        revisions.at(-1)?.id ?? 0,
      );
      if (appended.ok) {
        this.seenHead = appended.revision.id;
        return { revision: appended.revision, ...(announcement ? { announcement } : {}) };
      }
    }
    return {};
  }

  /**
   * Records that `exported` (the effective plan, as `coursebot export` wrote it) is a file holding every
   * revision so far: when it becomes schedule.json, the revisions still replay over the plan they were made
   * over, so each stays undoable and the history stays true.
   */
  recordExport(exported: Plan, author: string, now: DateTime): Revision | undefined {
    const revisions = this.log.list();
    const hash = planHash(exported);
    const through = revisions.at(-1)?.id ?? 0;
    const last = lastFile(revisions);
    if (through === 0 || (last?.change.hash === hash && last.id === through)) return undefined;
    const origin = originOf(this.base, planHash(this.base), revisions);
    const appended = this.log.append(
      {
        author,
        createdAt: now.toISO()!,
        kind: 'file',
        change: { kind: 'file', source: 'export', hash, plan: origin, through },
        summary: `exported the plan with the changes up to #${through}`,
        before: this.effective,
        after: this.effective,
      },
      through,
    );
    return appended.ok ? appended.revision : undefined;
  }

  /**
   * What a change would do to the current plan. Throws a UserError when it cannot apply. `command` is the
   * slash command the staff type, for the notes that suggest one.
   */
  preview(change: Change, command?: string): AppliedChange {
    if (change.kind === 'file') throw new UserError('A file record is not a change to preview.');
    if (change.kind !== 'undo') return applyChange(this.effective, change, command);
    const revisions = this.log.list();
    const target = revisions.find((r) => r.id === change.of);
    if (!target) throw new UserError(`There is no change #${change.of} to undo.`);
    const { plan } = replayRevisions(this.origin(revisions), revisions, change.of);
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
  commit(
    change: Change,
    author: string,
    now: DateTime,
    expectedVersion: number,
    options: CommitOptions = {},
  ): Committed {
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
    if (options.notify) applied = notifying(applied);
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
    if (!appended.ok && appended.since.every((r) => r.kind === 'file') && !options.retried) {
      // Only a record of schedule.json (an export, a reload elsewhere) came in between: nothing to confirm again.
      this.effective = this.replay();
      return this.commit(change, author, now, this.changes, { ...options, retried: true });
    }
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

  /** The plan the revisions replay over: the file's own, or the one an export of it was made from. */
  private origin(revisions: Revision[]): Plan {
    return originOf(this.base, planHash(this.base), revisions);
  }

  private replay(): Plan {
    const revisions = this.log.list();
    this.seenHead = revisions.at(-1)?.id ?? 0;
    const { plan, skipped } = replayRevisions(this.origin(revisions), revisions);
    if (skipped.length > 0) this.onSkipped(skipped);
    return plan;
  }

  private bump(reason: string): void {
    this.changes += 1;
    this.lastReason = reason;
  }
}
