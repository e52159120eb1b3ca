import { DateTime } from 'luxon';
import { logSkipped } from '../changes/log-skipped.ts';
import { RevisedPlanSource } from '../changes/revised-plan-source.ts';
import { StaffDesk } from '../changes/staff-desk.ts';
import { Announcer, type AnnounceStatus } from '../delivery/announcer.ts';
import { emptyReport, type DeliveryReport } from '../delivery/delivery-report.ts';
import { Dispatcher, type StartReport } from '../delivery/dispatcher.ts';
import type { DerivePosts } from '../delivery/due-posts.ts';
import type { Sink } from '../delivery/sink.ts';
import { watchCourseFile } from '../files/watch-course-file.ts';
import type { PlanFolderWatchers } from '../files/watch-plan-folder.ts';
import { FILE_AUTHOR, type PlanWatcher } from '../files/watch-plan.ts';
import { narrowPostContent } from '../reminders/narrow-post.ts';
import type { Plan } from '../plan/schema.ts';
import { revisionAnnouncementKey } from '../delivery/announcement.ts';
import type { DatabaseRetry } from '../storage/sql/retry.ts';
import type { AnyKysely, SqlStore } from '../storage/sql/sql-store.ts';
import type { LedgerLease } from '../storage/sql/tables/ledger-lease.ts';
import { SqlLedger } from '../storage/sql/tables/sql-ledger.ts';
import { CourseTickLease } from '../storage/sql/tick-lease.ts';
import type { SqlCourseStore, StoredState } from '../storage/sql/tables/sql-courses.ts';
import { SqlRevisionLog } from '../storage/sql/tables/sql-revisions.ts';
import type { ConfirmationStore } from '../changes/confirmations.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/logger.ts';
import { courseChannels } from './course-channels.ts';
import { courseStaff } from './course-staff.ts';
import type { Course } from './deployment.ts';
import type { CourseSpec } from './course-spec.ts';
import { nextDueAt } from './next-due.ts';

export interface CourseRuntimeDeps {
  /** The store every table is reached through (SQLite or PostgreSQL). */
  sql: SqlStore;
  /** The store's one retry: a transaction is run again while the database is away. */
  retry: DatabaseRetry;
  /** This process, to the leases of the posts it claims. */
  lease: LedgerLease;
  /** No other instance can share the store (SQLite's instance lock): no course tick need be claimed. */
  soleInstance?: boolean;
  /** Where staff previews wait for Confirm (the store, so any instance may confirm); in memory without. */
  confirmations?: ConfirmationStore;
  store: SqlCourseStore;
  sink: Sink;
  clock: Clock;
  logger: Logger;
  /** The posts a course derives (channel posts, and personal DMs in Slack mode). */
  derive: (course: () => Course) => DerivePosts;
  /** The deployment's one staff rule, asked by the desk. */
  isStaff: (course: Course, userId: string) => boolean;
  command?: string;
  monotonicMs?: () => number;
  clockSetBy?: string;
  storeProblem?: () => string | undefined;
  debounceMs?: number;
  /** One watcher per folder of plan files, shared by the courses (a department of many files). */
  planFolders?: PlanFolderWatchers;
}

/** A course while the bot runs: its plan, ledger view, announcer, dispatcher, desk and watcher. */
export interface CourseRuntime extends Course {
  readonly ledger: SqlLedger;
  readonly dispatcher: Dispatcher;
  readonly announcer: Announcer;
  /** Resolves interrupted posts, adopts an edit made while stopped, starts the watcher. */
  start(): Promise<StartReport>;
  /** Whether the scheduler's tick has something to do for this course now (see nextDueAt). */
  isDue(now: DateTime): boolean;
  /**
   * Sends what is due, on one instance at a time: an instance that finds another one ticking the course
   * skips it this tick (an empty report).
   */
  tick(): Promise<DeliveryReport>;
  /** Replaces the base plan of a course set up from Slack (setup typed again): recorded, announced. */
  replaceBase(plan: CourseSpec['plan'], author: string, now: DateTime): Promise<number | undefined>;
  /** From now on the course posts nothing (the store already says so). */
  markRetired(at: DateTime): void;
  /** Reads the course's staff from the store again (after an edit here, or one made on another instance). */
  refreshStaff(): Promise<void>;
  /**
   * Picks up what another instance changed in the store: revisions of the plan, staff, retirement. True
   * when the plan moved.
   */
  refresh(): Promise<boolean>;
  /**
   * The same from a state read for every course at once (SqlCourseStore.states): the plan is read again only
   * when its last revision is not the one this instance applied.
   */
  applyState(state: StoredState): Promise<void>;
  /**
   * For a course passed over by the tick: records that everything up to `now` is handled (nothing was due),
   * at most every few minutes, so a restart does not take an idle course for one that missed its posts.
   * Written through `trx`, the one transaction the tick gives every course it passes over.
   */
  passOver(now: DateTime, trx: AnyKysely): Promise<void>;
  /** Whether passOver would record anything now: most ticks, for most courses, it would not. */
  progressDue(now: DateTime): boolean;
  /** Marks the course as needing a look on the next tick (a change was recorded, staff asked to resend). */
  wake(): void;
  stop(): Promise<void>;
}

/** How far ahead a course's next post is looked for; a course with none in this window is looked at again then. */
const LOOK_AHEAD_DAYS = 2;
/** How often the watermark of a course the tick passes over is brought up to date. */
const PROGRESS_EVERY_MS = 10 * 60_000;

/** A course's runtime, with its plan's revisions and its staff read from the store. */
export async function openCourseRuntime(spec: CourseSpec, deps: CourseRuntimeDeps): Promise<CourseRuntime> {
  const { store, logger, clock } = deps;
  const log = logger;
  const plans = await RevisedPlanSource.open(
    spec.plan,
    new SqlRevisionLog(deps.sql, spec.id, deps.retry),
    logSkipped(log),
  );
  // Kept here, not read from the store on every call: staff() answers every command and Home tab.
  let storedStaff = (await store.staff(spec.id)).map((s) => s.userId);
  const ledger = new SqlLedger(deps.sql, deps.lease, spec.id, deps.retry);
  const announcer = new Announcer({
    sql: deps.sql,
    retry: deps.retry,
    ledger,
    sink: deps.sink,
    plans,
    clock,
    defaultChannel: spec.home,
    logger: log,
  });
  let watcher: PlanWatcher | undefined;
  // Kept here, not read from the store on every tick: retiring goes through markRetired.
  let retired: DateTime | undefined = spec.retiredAt
    ? DateTime.fromISO(spec.retiredAt, { setZone: true })
    : undefined;
  // The next instant the course has something to send; recomputed when its plan or ledger may have moved.
  let due: { at: DateTime; plan: unknown } | undefined;
  // When the watermark was last moved, by a tick or by passOver.
  let progressAt: DateTime | undefined;
  // Deciding, claiming, sending and resolving interrupted sends: one instance at a time per course.
  const tickLease = new CourseTickLease(deps, spec.id);
  /** `work` under the course's tick lease; undefined when another instance holds it (said in the debug log). */
  const alone = async <T>(what: string, work: () => Promise<T>): Promise<T | undefined> => {
    const turn = await tickLease.run(work);
    if (turn.ran) return turn.value;
    log.debug(`${what} of ${spec.id} left to ${turn.holder}, which is ticking it`);
    return undefined;
  };

  const staff = (): string[] => courseStaff(spec.configuredStaff, plans.current(), storedStaff);
  // Asked on every request typed in a channel (which course is it?): made once for each plan.
  let channelsOf: { plan: Plan; channels: readonly string[] } | undefined;
  const channels = (): readonly string[] => {
    const plan = plans.current();
    if (channelsOf?.plan !== plan) channelsOf = { plan, channels: courseChannels(plan, spec.home) };
    return channelsOf.channels;
  };
  const course: CourseRuntime = {
    id: spec.id,
    source: spec.source,
    plans,
    desk: undefined as unknown as StaffDesk,
    ledger,
    announcer,
    dispatcher: undefined as unknown as Dispatcher,
    homeChannel: () => spec.home,
    channels,
    staff,
    retiredAt: () => retired,
    markRetired(at) {
      retired = at;
    },
    async refreshStaff() {
      storedStaff = (await store.staff(spec.id)).map((s) => s.userId);
    },
    async applyState(state) {
      storedStaff = state.staff;
      if (state.retiredAt && !retired) retired = DateTime.fromISO(state.retiredAt, { setZone: true });
      if (state.head !== plans.head && (await plans.refresh())) course.wake();
    },
    async refresh() {
      const moved = await plans.refresh();
      await course.refreshStaff();
      const retiredAt = (await store.get(spec.id))?.retiredAt;
      if (retiredAt && !retired) retired = DateTime.fromISO(retiredAt, { setZone: true });
      if (moved) course.wake();
      return moved;
    },
    announce: async (revisionId: number): Promise<AnnounceStatus> => {
      // A retired course posts nothing more, announcements included.
      if (retired) return { state: 'failed', channel: spec.home, reason: `${spec.id} is retired` };
      course.wake();
      const key = revisionAnnouncementKey(revisionId);
      // Another instance ticking the course sends it; this one's next tick tells what became of it.
      const status = await alone('the announcement', () => announcer.announce(key));
      return status ?? { state: 'queued', channel: spec.home };
    },
    async start() {
      // A course set up from Slack records its base plan too: a later setup is then a difference to announce.
      if (!spec.watchPath)
        await plans.adoptFile(spec.source.kind === 'slack' ? 'setup' : FILE_AUTHOR, clock.now());
      if (spec.watchPath) {
        watcher = await watchCourseFile({
          path: spec.watchPath,
          plans,
          now: () => clock.now(),
          log,
          announce: (revisionId) => course.announce(revisionId),
          ...(deps.debounceMs === undefined ? {} : { debounceMs: deps.debounceMs }),
          ...(deps.planFolders ? { folders: deps.planFolders } : {}),
        });
      }
      const started = await alone('resolving interrupted sends', () => course.dispatcher.start());
      // Another instance is ticking the course: it resolves what was cut off; the clock is checked here.
      return started ?? course.dispatcher.start({ resolve: false });
    },
    isDue(now) {
      if (course.retiredAt()) return false;
      if (!due || due.plan !== plans.current()) return true;
      return due.at <= now;
    },
    async tick() {
      if (course.retiredAt()) return emptyReport();
      const ticked = await alone('the tick', async () => {
        const report = await course.dispatcher.tick();
        const now = clock.now();
        progressAt = now;
        // Held back (a catch-up's spacing, a stop): looked at again on the very next tick.
        if (report.deferred > 0 || report.unconfirmed > 0) {
          due = { plan: plans.current(), at: now };
          return report;
        }
        const plan = plans.current();
        due = {
          plan,
          at: await nextDueAt({
            ledger,
            plan,
            derive: deps.derive(() => course),
            defaultChannel: spec.home,
            now,
            announcementsWaiting: (await announcer.open()).length > 0,
            lookAhead: { days: LOOK_AHEAD_DAYS },
            sendLeaseMs: deps.lease.leaseMs,
          }),
        };
        return report;
      });
      // Skipped: `due` is left as it was, so the course is looked at again on the next tick.
      return ticked ?? emptyReport();
    },
    progressDue(now) {
      if (retired || !due || due.plan !== plans.current() || due.at <= now) return false;
      return !progressAt || now.toMillis() - progressAt.toMillis() >= PROGRESS_EVERY_MS;
    },
    async passOver(now, trx) {
      if (!course.progressDue(now)) return;
      await ledger.setWatermark(now, trx);
      progressAt = now;
    },
    async replaceBase(plan, author, now) {
      const { before } = plans.replaceBase(plan);
      const adopted = await plans.adoptFile(author, now, before);
      course.wake();
      return adopted.revision?.id;
    },
    wake() {
      due = undefined;
    },
    async stop() {
      course.dispatcher.interrupt();
      await watcher?.close();
    },
  };
  (course as { desk: StaffDesk }).desk = new StaffDesk({
    source: plans,
    instructors: (userId) => deps.isStaff(course, userId),
    log,
    command: deps.command,
    courseId: spec.id,
    ...(deps.confirmations ? { confirmations: deps.confirmations } : {}),
  });
  (course as { dispatcher: Dispatcher }).dispatcher = new Dispatcher({
    ledger,
    announcer,
    sink: deps.sink,
    plans,
    clock,
    derive: deps.derive(() => course),
    // A post whose other reminders already went out carries only the new ones.
    narrow: (post, reminders) => narrowPostContent(plans.current(), post, reminders),
    defaultChannel: spec.home,
    logger: log,
    ...(deps.monotonicMs ? { monotonicMs: deps.monotonicMs } : {}),
    ...(deps.clockSetBy ? { clockSetBy: deps.clockSetBy } : {}),
    ...(deps.storeProblem ? { storeProblem: deps.storeProblem } : {}),
  });
  return course;
}
