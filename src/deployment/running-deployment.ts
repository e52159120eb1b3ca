import type { DateTime } from 'luxon';
import { addReport, emptyReport, type DeliveryReport } from '../delivery/delivery-report.ts';
import type { StartReport } from '../delivery/dispatcher.ts';
import { courseId } from '../plan/course-id.ts';
import type { Plan } from '../plan/schema.ts';
import { adoptSqlLegacyRows } from '../storage/sql/tables/sql-adopt-legacy-rows.ts';
import type { SqlCourseStore } from '../storage/sql/tables/sql-courses.ts';
import { logSafe } from '../util/log-safe.ts';
import type { Logger } from '../util/logger.ts';
import { openCourseRuntime, type CourseRuntime, type CourseRuntimeDeps } from './course-runtime.ts';
import type { CourseSpec } from './course-spec.ts';
import type { Course, Deployment, SetupRequest, SetupResult, StaffEdit } from './deployment.ts';
import { inBatches } from './in-batches.ts';
import { specOfStored } from './course-specs.ts';
import { writeTransaction } from '../storage/sql/write-transaction.ts';

/** Courses due at the same tick are sent this many at a time. */
export const COURSES_AT_ONCE = 24;

export interface RunningDeploymentOptions extends Omit<CourseRuntimeDeps, 'isStaff'> {
  store: SqlCourseStore;
  admins: readonly string[];
  openSetup: boolean;
  /** A configured channel (a name such as "cs599" or an ID) as a Slack channel ID; in console mode the name itself. */
  channelId: (channel: string) => Promise<string | undefined>;
  logger: Logger;
}

/**
 * Every course the bot serves while it runs: one runtime per course, one scheduler tick for all of them, and
 * the operations Slack performs (setup, staff, retire), each persisted in the database before it is said.
 */
export class RunningDeployment implements Deployment {
  private readonly byId = new Map<string, CourseRuntime>();
  private readonly opening = new Map<string, Promise<CourseRuntime>>();
  private readonly channelIds = new Map<string, Promise<string | undefined>>();
  private readonly resolved = new Map<string, string>();
  /** The courses in id order, made again only when one is added: every command and tick reads it. */
  private sorted: readonly CourseRuntime[] | undefined;
  /** The course last found for a channel ID: checked on every use, since a reloaded plan can move channels. */
  private readonly byChannelId = new Map<string, CourseRuntime>();
  private started = false;
  /** Setups being stored now: the channel, and the course it is becoming. */
  private readonly settingUp = new Map<string, string>();

  private constructor(
    private readonly options: RunningDeploymentOptions,
    /** With more than one course, each log line says whose it is. */
    private prefixLogs: boolean,
  ) {}

  /** Every course's runtime, each with its plan's revisions and its staff read from the store. */
  static async open(
    specs: readonly CourseSpec[],
    options: RunningDeploymentOptions,
  ): Promise<RunningDeployment> {
    const deployment = new RunningDeployment(options, specs.length > 1);
    // Before any course reads its rows: the records of a database from before courses are the one course's.
    if (specs.length === 1) {
      const id = specs[0]!.id;
      const adopted = await options.retry.run(() => adoptSqlLegacyRows(options.sql, id));
      if (adopted > 0) options.logger.info(`the database's earlier records now belong to the course ${id}`);
    }
    for (const spec of specs) await deployment.add(spec);
    return deployment;
  }

  courses(): readonly CourseRuntime[] {
    return (this.sorted ??= [...this.byId.values()].sort((a, b) => a.id.localeCompare(b.id)));
  }

  course(id: string): CourseRuntime | undefined {
    return this.byId.get(id);
  }

  courseForChannel(channelId: string): CourseRuntime | undefined | Promise<CourseRuntime | undefined> {
    // A channel seen before costs one course's channels, however many courses there are.
    const known = this.byChannelId.get(channelId);
    if (known && this.posts(known, channelId)) return known;
    this.byChannelId.delete(channelId);
    // Names already resolved answer without waiting; only names never resolved are asked of Slack.
    const found = this.courses().find((course) => this.posts(course, channelId));
    if (found) {
      this.byChannelId.set(channelId, found);
      return found;
    }
    return this.resolveNames(channelId).then((named) => {
      if (named) this.byChannelId.set(channelId, named);
      return named;
    });
  }

  isAdmin(userId: string): boolean {
    return this.options.admins.includes(userId);
  }

  isStaff(course: Course, userId: string): boolean {
    return this.isAdmin(userId) || course.staff().includes(userId);
  }

  maySetUp(userId: string): boolean {
    return this.isAdmin(userId) || this.options.openSetup;
  }

  /**
   * Before the first tick: every course is remembered in the store; each resolves its interrupted posts.
   */
  async start(now: DateTime): Promise<Map<string, StartReport>> {
    const { store } = this.options;
    const courses = this.courses();
    for (const course of courses) {
      if (course.source.kind !== 'file') continue;
      await store.remember({
        id: course.id,
        source: course.source,
        home: course.homeChannel(),
        createdAt: now.toISO()!,
        createdBy: 'configuration',
      });
    }
    const reports = new Map<string, StartReport>();
    for (const course of courses) reports.set(course.id, await course.start());
    this.started = true;
    return reports;
  }

  /**
   * One tick for every course: a course is looked at only when something of it is due (see nextDueAt), and
   * the courses due are sent side by side, COURSES_AT_ONCE at a time.
   */
  async tick(): Promise<DeliveryReport> {
    const now = this.options.clock.now();
    const courses = this.courses();
    const due = courses.filter((c) => c.isDue(now));
    // The courses passed over have handled everything up to now: said in one transaction, run again whole
    // while the database is away (not while the store cannot be trusted: each course's own tick says why).
    if (!this.options.storeProblem?.()) {
      const ticking = new Set(due);
      // Only those whose progress is due: a transaction on every tick for nothing would cost each tick a write.
      const idle = courses.filter((course) => !ticking.has(course) && course.progressDue(now));
      const { sql, retry } = this.options;
      if (idle.length > 0) {
        await retry.run(() =>
          writeTransaction(sql, async (trx) => {
            for (const course of idle) await course.passOver(now, trx);
          }),
        );
      }
    }
    const report = emptyReport();
    const reports = await inBatches(due, COURSES_AT_ONCE, async (course) => {
      // A course with nothing to send finishes without giving the event loop back: without this, the first
      // tick after a start (every course looked at once) would hold every /schedule answer for seconds.
      await yieldToEventLoop();
      try {
        return await course.tick();
      } catch (error) {
        // One course's trouble must not hold the others' posts: its next tick starts from its watermark.
        this.options.logger.error(
          `reminder tick of ${course.id} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
        course.wake();
        return emptyReport();
      }
    });
    for (const one of reports) addReport(report, one);
    return report;
  }

  async setUp(request: SetupRequest): Promise<SetupResult> {
    const { store, logger } = this.options;
    const existing = await this.courseForChannel(request.channelId);
    // The channel is the course's home: its reminders go there whatever the page said.
    const plan: Plan = {
      ...request.plan,
      reminders: {
        ...request.plan.reminders,
        channels: { ...request.plan.reminders.channels, default: request.channelId },
      },
    };
    if (existing) {
      if (!this.isStaff(existing, request.userId))
        return refused(`Only the staff of ${existing.id} can replace its plan.`);
      if (existing.retiredAt()) return refused(`${existing.id} is retired: it posts nothing more.`);
      if (existing.source.kind === 'file') {
        return refused(
          `${existing.id}'s plan is the file ${existing.source.path} on the server: edit that file (it is reloaded when saved).`,
        );
      }
      await store.replaceBasePlan(existing.id, plan, request.url);
      const revisionId = await existing.replaceBase(plan, `<@${request.userId}>`, request.now);
      logger.info(
        `${logSafe(request.userId)} replaced the plan of ${existing.id} from ${logSafe(request.url)}`,
      );
      return {
        ok: true,
        course: existing,
        created: false,
        ...(revisionId === undefined ? {} : { revisionId }),
      };
    }
    if (!this.maySetUp(request.userId)) {
      logger.warn(
        `${logSafe(request.userId)} tried to set up a course in ${logSafe(request.channelId)}: refused (not an admin)`,
      );
      return refused('Only a deployment admin can set up a course here: ask one of them (COURSEBOT_ADMINS).');
    }
    // Another setup of this channel may have been confirmed while the lookup above was waiting: the
    // channel keeps the course that came first, and this person sees what it is.
    const homed =
      this.courses().find((c) => c.homeChannel() === request.channelId)?.id ??
      this.settingUp.get(request.channelId);
    if (homed) {
      return refused(
        `${homed} has just been set up in this channel: type setup again to see what would change.`,
      );
    }
    const id = courseId(plan);
    const taken = this.byId.get(id);
    const takenHome = taken?.homeChannel() ?? [...this.settingUp].find(([, c]) => c === id)?.[0];
    if (takenHome !== undefined) {
      return refused(
        `A course ${id} already exists (its channel is ${takenHome}): set it up there, or change the course code or term of the page.`,
      );
    }
    // Held until the course is added: a second setup arriving while this one is stored sees it.
    this.settingUp.set(request.channelId, id);
    try {
      return await this.create(request, id, plan);
    } finally {
      this.settingUp.delete(request.channelId);
    }
  }

  /** Stores a new course set up from Slack, its first staff member with it, and starts serving it. */
  private async create(request: SetupRequest, id: string, plan: Plan): Promise<SetupResult> {
    const { store, logger } = this.options;
    const at = request.now.toISO()!;
    await store.remember({
      id,
      source: { kind: 'slack', url: request.url },
      home: request.channelId,
      basePlan: plan,
      createdAt: at,
      createdBy: request.userId,
    });
    await store.addStaff(id, request.userId, request.userId, at);
    const course = await this.add({
      id,
      source: { kind: 'slack', url: request.url },
      plan,
      home: request.channelId,
      configuredStaff: [],
    });
    // Started now: its watermark is now, so reminders start from here (no backlog).
    if (this.started) await course.start();
    logger.info(
      `${logSafe(request.userId)} set up ${id} in ${logSafe(request.channelId)} from ${logSafe(request.url)}`,
    );
    return { ok: true, course, created: true };
  }

  async addStaff(course: Course, userId: string, by: string, now: DateTime): Promise<StaffEdit> {
    if (!this.isStaff(course, by))
      return { ok: false, message: `Only the staff of ${course.id} can add staff.` };
    if (course.staff().includes(userId))
      return { ok: true, message: `<@${userId}> is already staff of ${course.id}.` };
    await this.options.store.addStaff(course.id, userId, by, now.toISO()!);
    await this.byId.get(course.id)?.refreshStaff();
    this.options.logger.info(`${logSafe(by)} added ${logSafe(userId)} to the staff of ${course.id}`);
    return { ok: true, message: `<@${userId}> is now staff of ${course.id}.` };
  }

  async removeStaff(course: Course, userId: string, by: string, now: DateTime): Promise<StaffEdit> {
    void now;
    if (!this.isStaff(course, by))
      return { ok: false, message: `Only the staff of ${course.id} can remove staff.` };
    const removed = await this.options.store.removeStaff(course.id, userId);
    // Either way the store now says who the staff are: another instance may have changed them.
    await this.byId.get(course.id)?.refreshStaff();
    if (!removed) {
      const configured = course.staff().includes(userId);
      return {
        ok: false,
        message: configured
          ? `<@${userId}> is staff by the course's configuration (the plan's course.staff or COURSEBOT_INSTRUCTORS): remove them there.`
          : `<@${userId}> is not staff of ${course.id}.`,
      };
    }
    this.options.logger.info(`${logSafe(by)} removed ${logSafe(userId)} from the staff of ${course.id}`);
    return { ok: true, message: `<@${userId}> is no longer staff of ${course.id}.` };
  }

  async retire(course: Course, by: string, now: DateTime): Promise<StaffEdit> {
    if (!this.isAdmin(by) && !this.isStaff(course, by))
      return { ok: false, message: `Only the staff of ${course.id} or an admin can retire it.` };
    const runtime = this.byId.get(course.id);
    if (!runtime || course.retiredAt()) return { ok: true, message: `${course.id} is already retired.` };
    await this.options.store.retire(course.id, by, now.toISO()!);
    runtime.markRetired(now);
    this.options.logger.info(`${logSafe(by)} retired ${course.id}`);
    return { ok: true, message: `${course.id} is retired: it posts nothing more.` };
  }

  /**
   * Picks up what other instances on the same database changed: plan revisions, staff, retirements, and the
   * courses set up from Slack on another instance (served here from now on). Three reads for the whole
   * deployment, and one more per course that changed.
   */
  async refresh(): Promise<void> {
    const states = await this.options.store.states();
    for (const [id, state] of states) {
      const known = this.byId.get(id);
      if (known) {
        await known.applyState(state);
        continue;
      }
      if (!state.fromSlack || state.retiredAt) continue;
      const stored = await this.options.store.get(id);
      const spec = stored && specOfStored(stored);
      if (!spec || this.byId.has(id) || this.opening.has(id)) continue;
      const course = await this.add(spec);
      if (this.started) await course.start();
      this.options.logger.info(`serving ${id}, set up in ${stored.home} by another instance`);
    }
  }

  async stop(): Promise<void> {
    for (const course of this.courses()) await course.stop();
  }

  /**
   * The course's runtime, opened once: a setup confirmed here and the same course found by refresh (set up
   * on another instance) while it opens get the one runtime.
   */
  private add(spec: CourseSpec): Promise<CourseRuntime> {
    const opening = this.opening.get(spec.id);
    if (opening) return opening;
    if (spec.source.kind === 'slack') this.prefixLogs = true;
    const logger = this.prefixLogs ? prefixed(this.options.logger, `${spec.id}: `) : this.options.logger;
    const opened = openCourseRuntime(spec, {
      ...this.options,
      logger,
      isStaff: (c, user) => this.isStaff(c, user),
    }).then((course) => {
      this.byId.set(spec.id, course);
      this.sorted = undefined;
      return course;
    });
    this.opening.set(spec.id, opened);
    // A runtime that failed to open may be opened again later.
    opened.catch(() => this.opening.delete(spec.id));
    return opened;
  }

  /** The course with a channel name not resolved yet that turns out to be this ID. */
  private async resolveNames(channelId: string): Promise<CourseRuntime | undefined> {
    for (const course of this.courses()) {
      for (const channel of course.channels()) {
        if (!this.resolved.has(channel) && (await this.idOf(channel)) === channelId) return course;
      }
    }
    return undefined;
  }

  /** Whether one of the course's channels is known to be this channel ID. */
  private posts(course: CourseRuntime, channelId: string): boolean {
    return course.channels().some((channel) => this.resolved.get(channel) === channelId);
  }

  /** Configured channel names are resolved to IDs once; a name not found is asked again next time. */
  private async idOf(channel: string): Promise<string | undefined> {
    let pending = this.channelIds.get(channel);
    if (!pending) {
      pending = this.options.channelId(channel).catch(() => undefined);
      this.channelIds.set(channel, pending);
    }
    const id = await pending;
    if (id === undefined) this.channelIds.delete(channel);
    else this.resolved.set(channel, id);
    return id;
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The same logger, each line starting with `prefix`. */
function prefixed(logger: Logger, prefix: string): Logger {
  return {
    debug: (line) => logger.debug(prefix + line),
    info: (line) => logger.info(prefix + line),
    warn: (line) => logger.warn(prefix + line),
    error: (line) => logger.error(prefix + line),
  };
}

const refused = (message: string): SetupResult => ({ ok: false, message });
