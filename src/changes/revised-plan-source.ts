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
  /**
   * The last revision the preview saw (RevisedPlanSource.head): checked instead of the version, so a
   * preview made on another instance (whose versions count differently) can be confirmed here.
   */
  expectedHead?: number;
}

export type Committed =
  { ok: true; revision: Revision; applied: AppliedChange } | { ok: false; message: string };

/**
 * The effective plan: schedule.json with the stored revisions re-applied. Queries and the reminder dispatcher
 * read it through `current()`, in memory, so a confirmed change or a reloaded file takes effect on their next
 * call. `version` moves on every change, so a preview can tell whether the plan it was made from is still
 * current. Revisions another instance recorded are picked up by `refresh()`, which every path that changes
 * the plan (or previews a change) calls first.
 */
export class RevisedPlanSource implements PlanSource {
  private base: Plan;
  private effective: Plan;
  /** The log as this process last read it (or wrote it). */
  private revisions: Revision[];
  private changes = 0;
  private lastReason = '';
  /** The last revision this process has applied: a store whose head is elsewhere was written by another. */
  private seenHead = 0;
  /** The log operations of this source, one after another (see alone). */
  private queue: Promise<unknown> = Promise.resolve();

  /** Over revisions already read (none, for a new log); `open` reads them from the log. */
  constructor(
    base: Plan,
    private readonly log: RevisionLog,
    /** Told about revisions that no longer apply to the file (logged by the caller). */
    private readonly onSkipped: (skipped: Replayed['skipped']) => void = () => {},
    revisions: Revision[] = [],
  ) {
    this.base = base;
    this.revisions = revisions;
    this.effective = this.replay();
  }

  /** The effective plan of `base` with the revisions the log holds now. */
  static async open(
    base: Plan,
    log: RevisionLog,
    onSkipped?: (skipped: Replayed['skipped']) => void,
  ): Promise<RevisedPlanSource> {
    return new RevisedPlanSource(base, log, onSkipped, await log.list());
  }

  current(): Plan {
    return this.effective;
  }

  /** The last revision this source has applied (0: none): a store whose head is elsewhere has news. */
  get head(): number {
    return this.seenHead;
  }

  get version(): number {
    return this.changes;
  }

  /** Every revision of the course, oldest first, as the store holds them now. */
  history(): Promise<Revision[]> {
    return this.alone(async () => {
      await this.catchUp();
      return [...this.revisions];
    });
  }

  /**
   * Picks up the revisions recorded since this process last looked (by another instance, or another
   * command): one query of the head when nothing changed. True when there were some; `version` moves when
   * one of them changed the plan (a record of schedule.json does not).
   */
  refresh(): Promise<boolean> {
    return this.alone(() => this.catchUp());
  }

  private async catchUp(): Promise<boolean> {
    if ((await this.log.head()) === this.seenHead) return false;
    const known = this.seenHead;
    this.revisions = await this.log.list();
    this.effective = this.replay();
    const changed = this.revisions.filter((r) => r.id > known && r.kind !== 'file');
    if (changed.length > 0) this.bump(changed.map((r) => `#${r.id} ${r.summary}`).join('; '));
    return true;
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
   * the last file recorded. The announcement is stored with the revision, so it is queued exactly once: of
   * two instances that see the same edit, the second finds it recorded (its append's head check fails, and
   * the log then holds the file's hash) and records nothing.
   */
  adoptFile(author: string, now: DateTime, previous?: Plan): Promise<AdoptedFile> {
    return this.alone(async () => {
      for (let attempt = 0; attempt < 3; attempt++) {
        await this.catchUp();
        const revisions = this.revisions;
        const hash = planHash(this.base);
        const last = lastFile(revisions);
        if (last?.change.hash === hash) return {};
        // `previous`: the effective plan this process had before a reload, when the store knows no file yet.
        const before = last ? replayRevisions(last.change.plan, revisions).plan : previous;
        // An export come back (a file reverted to it) keeps replaying over the plan its changes were made over.
        const plan = originOf(this.base, hash, revisions);
        const change: FileRecord = { kind: 'file', source: before ? 'edit' : 'start', hash, plan };
        const announcement = before && announceDiff(diffPlans(before, this.effective), dayInTerm(before));
        const appended = await this.log.append(
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
          this.seenHead,
        );
        if (appended.ok) {
          this.recorded(appended.revision);
          return { revision: appended.revision, ...(announcement ? { announcement } : {}) };
        }
      }
      return {};
    });
  }

  /**
   * Records that `exported` (the effective plan, as `coursebot export` wrote it) is a file holding every
   * revision so far: when it becomes schedule.json, the revisions still replay over the plan they were made
   * over, so each stays undoable and the history stays true.
   */
  recordExport(exported: Plan, author: string, now: DateTime): Promise<Revision | undefined> {
    return this.alone(async () => {
      await this.catchUp();
      const revisions = this.revisions;
      const hash = planHash(exported);
      const through = this.seenHead;
      const last = lastFile(revisions);
      if (through === 0 || (last?.change.hash === hash && last.id === through)) return undefined;
      const origin = originOf(this.base, planHash(this.base), revisions);
      const appended = await this.log.append(
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
      if (!appended.ok) return undefined;
      this.recorded(appended.revision);
      return appended.revision;
    });
  }

  /**
   * What a change would do to the current plan, once the revisions recorded elsewhere are picked up. Throws
   * a UserError when it cannot apply. `command` is the slash command the staff type, for the notes that
   * suggest one.
   */
  preview(change: Change, command?: string): Promise<AppliedChange> {
    return this.alone(async () => {
      await this.catchUp();
      return this.apply(change, command);
    });
  }

  /** The change `undo` would make now, or a message saying why there is none. */
  undoChange(): Promise<{ ok: true; change: Change } | { ok: false; message: string }> {
    return this.alone(async () => {
      await this.catchUp();
      const target = lastUndoable(this.revisions);
      return target
        ? { ok: true, change: { kind: 'undo', of: target.id } }
        : { ok: false, message: 'There is no change to undo.' };
    });
  }

  /**
   * Records a change made against plan version `expectedVersion`. Refused, with the reason, when the plan has
   * changed since (another confirmation here or on another instance, a reload). The store checks the head
   * the change was made against in the same transaction as it records it, so of two confirmations made
   * against one plan, on one instance or two, exactly one is recorded.
   */
  commit(
    change: Change,
    author: string,
    now: DateTime,
    expectedVersion: number,
    options: CommitOptions = {},
  ): Promise<Committed> {
    return this.alone(() => this.record(change, author, now, expectedVersion, options));
  }

  private async record(
    change: Change,
    author: string,
    now: DateTime,
    expectedVersion: number,
    options: CommitOptions,
  ): Promise<Committed> {
    await this.catchUp();
    const since = this.changedSince(expectedVersion, options.expectedHead);
    if (since) return { ok: false, message: `the schedule changed since this preview (${since})` };
    let applied: AppliedChange;
    try {
      applied = this.apply(change);
    } catch (error) {
      if (error instanceof UserError) return { ok: false, message: error.message };
      throw error;
    }
    if (options.notify) applied = notifying(applied);
    const appended = await this.log.append(
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
      await this.catchUp();
      return this.record(change, author, now, this.changes, { ...options, retried: true });
    }
    if (!appended.ok) {
      await this.catchUp();
      const others = appended.since.map((r) => `#${r.id} ${r.summary}`).join('; ');
      return { ok: false, message: `the schedule changed since this preview (${others})` };
    }
    this.recorded(appended.revision);
    this.effective = this.replay();
    this.bump(`#${appended.revision.id} ${appended.revision.summary}`);
    return { ok: true, revision: appended.revision, applied };
  }

  /**
   * What changed the plan since a preview, or undefined. A preview made on this instance can be told by
   * its version; one made on any instance by the last revision it saw (`expectedHead`): a change recorded
   * after it, here or elsewhere, refuses the Confirm, while a record of the file alone does not.
   */
  private changedSince(expectedVersion: number, expectedHead?: number): string | undefined {
    if (expectedHead === undefined) return expectedVersion === this.changes ? undefined : this.lastReason;
    const later = this.revisions.filter((r) => r.id > expectedHead && r.kind !== 'file');
    return later.length > 0 ? later.map((r) => `#${r.id} ${r.summary}`).join('; ') : undefined;
  }

  /** What a change does to the effective plan as this process holds it. */
  private apply(change: Change, command?: string): AppliedChange {
    if (change.kind === 'file') throw new UserError('A file record is not a change to preview.');
    if (change.kind !== 'undo') return applyChange(this.effective, change, command);
    const revisions = this.revisions;
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

  /**
   * Runs `work` after every other read or write of the log this source started: a refresh (the scheduler's)
   * landing between a confirmation's append and its record would otherwise take the same revision in twice.
   */
  private alone<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => {});
    return run;
  }

  /** A revision this process appended: the log's head is now its own. */
  private recorded(revision: Revision): void {
    this.revisions = [...this.revisions, revision];
    this.seenHead = revision.id;
  }

  /** The plan the revisions replay over: the file's own, or the one an export of it was made from. */
  private origin(revisions: Revision[]): Plan {
    return originOf(this.base, planHash(this.base), revisions);
  }

  private replay(): Plan {
    const revisions = this.revisions;
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
