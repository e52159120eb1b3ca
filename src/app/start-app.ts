import { writeSync } from 'node:fs';
import { describeDatabase, type Config } from '../config/env.ts';
import { staticPlanSource, type PlanSource } from '../plan/plan-source.ts';
import { startScheduler } from '../delivery/scheduler.ts';
import type { DerivePosts } from '../delivery/due-posts.ts';
import { derivePosts } from '../reminders/derive-posts.ts';
import { derivePersonalDms, presenterUserIds } from '../reminders/personal-dms.ts';
import { registerRemindCommand } from '../slack/remind-command.ts';
import { stopDmsOnLeave } from '../slack/stop-dms-on-leave.ts';
import { SqlDmSubscriptions } from '../storage/sql/tables/sql-dm-subscriptions.ts';
import { sqlConfirmationStore } from '../storage/sql/tables/sql-confirmations.ts';
import { SqlSlackDeliveries } from '../storage/sql/tables/sql-slack-deliveries.ts';
import { slackForConfig } from '../slack/slack-for-config.ts';
import { installHome } from '../slack/home/install-home.ts';
import { resendFailed, resendReply } from '../delivery/resend-failed.ts';
import { registerResend } from '../slack/staff/staff-commands.ts';
import { lateDeployment } from '../courses/late-deployment.ts';
import { SqlCourseStore } from '../storage/sql/tables/sql-courses.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/logger.ts';
import type { CourseSpec } from '../deployment/course-spec.ts';
import type { Course } from '../deployment/deployment.ts';
import { coursesOf } from '../slack/course-commands/resolve-course.ts';
import { configuredCourses, noCourseProblem, withStoredCourses } from '../deployment/course-specs.ts';
import { UserError } from '../util/user-error.ts';
import { RunningDeployment } from '../deployment/running-deployment.ts';
import { planFolderWatchers } from '../files/watch-plan-folder.ts';
import { SubscriptionCache } from '../deployment/subscription-cache.ts';
import { calendarFeedFor } from './calendar-feed.ts';
import { createSink, describeMode } from './create-sink.ts';
import { openAppStore, type AppStore } from './open-store.ts';
import { deploymentSummary } from './deployment-summary.ts';

export interface AppOptions {
  config: Config;
  clock: Clock;
  logger: Logger;
  /** stdout by default: the summary and, in console mode, the posts. */
  write?: (text: string) => void;
  /** Told the effective plan as soon as it is known, e.g. to show log times in the course's timezone. */
  onPlans?: (plans: PlanSource) => void;
}

export interface RunningApp {
  /** The HTTP listener's port, when there is one (HTTP mode, or Socket Mode with PORT). */
  port?: number;
  /** Every course the bot serves. */
  deployment: RunningDeployment;
  /** Finishes the post in flight, stops the schedule, closes the database. */
  stop(): Promise<void>;
}

/**
 * The composition root of `coursebot start`, the one place the bot is wired: settings → courses → store →
 * sink → each course's dispatcher → one scheduler → Slack. A bad plan, setting or database stops it here
 * with a UserError, before anything is posted.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const configured = configuredCourses(config, logger);
  if (configured[0]) options.onPlans?.(staticPlanSource(configured[0].plan));
  // SQLite refuses a second bot on the same file, and a file it cannot write.
  const store = await openAppStore(config, { now: options.clock.now(), logger });
  try {
    return await startWithDatabase(store, options, configured);
  } catch (error) {
    await store.close();
    throw error;
  }
}

async function startWithDatabase(
  store: AppStore,
  { config, clock, logger, write = stdout, onPlans }: AppOptions,
  configured: CourseSpec[],
): Promise<RunningApp> {
  const courses = new SqlCourseStore(store.sql, store.retry);
  const specs = await withStoredCourses(configured, courses);
  const nothing = specs.length === 0 ? noCourseProblem(config) : undefined;
  if (nothing) throw new UserError(nothing);
  // Assigned once the sink exists; the Slack app, made before it, reads the courses through it only later.
  const late: { deployment?: RunningDeployment } = {};
  const deployment = lateDeployment(() => late.deployment);
  // The calendar feeds, one per course: served on the Slack app's HTTP listener, told by /schedule calendar.
  const calendar = calendarFeedFor(config, { sql: store.sql, deployment, clock, logger });
  // Previews awaiting Confirm (setups, retirements, staff changes) live in the store: any instance confirms.
  const confirmations = sqlConfirmationStore(store.sql);
  const slack = slackForConfig(config, {
    deployment,
    clock,
    logger,
    routes: calendar?.routes,
    confirmations,
    // One instance on a SQLite file receives every re-send itself: remembered in memory, a request costs no
    // write. Instances sharing PostgreSQL record each delivery there, so a re-send to another is seen too.
    ...(store.soleInstance ? {} : { deliveries: new SqlSlackDeliveries(store.sql) }),
  });
  if (slack) calendar?.attach(slack.commands);
  const sink = createSink(config, { logger, write, slack });
  // Personal reminders by DM (Slack only): derived with each course's channel posts, so they share its
  // outbox, ledger and dispatcher's retries; a DM post is addressed to the user's ID.
  const subscriptions = new SubscriptionCache(new SqlDmSubscriptions(store.sql), (id) =>
    late.deployment?.course(id)?.wake(),
  );
  await subscriptions.refresh();
  const derive = (course: () => Course): DerivePosts =>
    slack
      ? (p, window, opts) => [
          ...derivePosts(p, window, opts),
          ...derivePersonalDms(
            p,
            course().id,
            subscriptions.list(course().id),
            window,
            (user) => slack.sink.users.knownTimezone(user),
            config.command,
          ),
        ]
      : derivePosts;
  // The Slack app's own directory: App's client carries no token (requests are authorized one by one).
  const directory = slack?.directory;
  // A courses folder is watched once for all its plan files; the single schedule.json keeps its own watcher.
  const planFolders = config.coursesPath ? planFolderWatchers(logger) : undefined;
  const running = await RunningDeployment.open(specs, {
    sql: store.sql,
    retry: store.retry,
    soleInstance: store.soleInstance,
    confirmations,
    lease: store.lease,
    store: courses,
    sink,
    clock,
    logger,
    derive,
    admins: config.admins,
    openSetup: config.openSetup,
    // Console mode has no IDs: a channel is its configured name.
    channelId: async (channel) => {
      if (!directory) return channel;
      const found = await directory.idOf(channel);
      return found.ok ? found.id : undefined;
    },
    command: config.command,
    monotonicMs: () => performance.now(),
    ...(config.now === undefined ? {} : { clockSetBy: config.nowSource }),
    storeProblem: () => store.check(),
    ...(planFolders ? { planFolders } : {}),
  });
  late.deployment = running;
  // The first configured course's plan: what the one-course log lines are dated by.
  const first = running.courses()[0];
  if (first) onPlans?.(first.plans);
  await calendar?.start();
  let home: { stop(): void } | undefined;
  if (slack) {
    // Set by `/schedule remind` and by the Home tab's controls alike, per course, with the timezone from
    // Slack's profile.
    const reminders = {
      store: subscriptions,
      timezoneOf: (user: string) => slack.sink.users.timezoneOf(user),
      log: logger,
    };
    const memberChannels = (user: string) => slack.memberChannels(user);
    home = installHome(slack.listeners, {
      deployment: running,
      memberCourses: (user) => coursesOf({ deployment: running, memberChannels, log: logger }, user),
      clock,
      log: logger,
      command: config.command,
      reminders,
      ...(calendar ? { calendarFeedUrl: (id: string) => calendar.url(id) } : {}),
    });
    registerRemindCommand(slack.commands, reminders);
    stopDmsOnLeave(slack.listeners, {
      // A channel of no course stops nothing; a course's channel stops that course's DMs only.
      stop: async (user, channel) => {
        const course = await running.courseForChannel(channel);
        return course ? subscriptions.leave(course.id, user, clock.now()) : 0;
      },
      log: logger,
    });
    // Posts that failed because the bot was not in the channel: sent again on /schedule resend and on joining.
    const resendAll = async (matches?: (channel: string) => Promise<boolean>) => {
      const all: Awaited<ReturnType<typeof resendFailed>> = { reopened: [], posted: [], notPosted: [] };
      for (const course of running.courses()) {
        if (course.retiredAt()) continue;
        const one = await resendFailed({ ledger: course.ledger, clock, tick: () => course.tick() }, matches);
        all.reopened.push(...one.reopened);
        all.posted.push(...one.posted);
        all.notPosted.push(...one.notPosted);
      }
      return all;
    };
    registerResend(slack.commands, async () => resendReply(await resendAll()));
    slack.onBotJoined(
      (matches) =>
        void resendAll(matches).catch((error: unknown) =>
          logger.error(
            `re-sending on joining a channel failed: ${error instanceof Error ? error.message : String(error)}`,
          ),
        ),
    );
    slack.reportHealth(() => store.check());
  }
  let port: number | undefined;
  let started;
  try {
    // Slack first: it checks the token and learns the bot's identity, which finding interrupted posts needs.
    port = (await slack?.start())?.port;
    // Presenters are reminded without subscribing: their timezones (for quiet hours) are asked for now.
    if (slack) {
      for (const course of running.courses())
        for (const user of presenterUserIds(course.plans.current())) void slack.sink.users.timezoneOf(user);
    }
    started = await running.start(clock.now());
  } catch (error) {
    home?.stop();
    await slack?.stop();
    await running.stop();
    await planFolders?.close();
    throw error;
  }
  const summary = await deploymentSummary({
    deployment: running,
    now: clock.now(),
    mode: describeMode(config),
    databasePath: describeDatabase(config),
    clockSetBy: config.now === undefined ? undefined : config.nowSource,
    started,
  });
  write(`${summary.join('\n')}\n\n`);
  // Other instances on the same database write behind this one's back: what they changed is read first.
  const shared = !store.soleInstance;
  const scheduler = startScheduler(
    async () => {
      if (shared) {
        await running.refresh();
        await subscriptions.refresh();
      }
      return running.tick();
    },
    { tickNow: true, logger },
  );
  return {
    ...(port === undefined ? {} : { port }),
    deployment: running,
    async stop() {
      for (const course of running.courses()) course.dispatcher.interrupt();
      home?.stop();
      await slack?.stop();
      await scheduler.stop();
      await running.stop();
      await planFolders?.close();
      await store.close();
    },
  };
}

const stdout = (text: string): void => {
  // Synchronous, so a post is on the terminal before the ledger records it (see ConsoleSink).
  writeSync(1, text);
};
