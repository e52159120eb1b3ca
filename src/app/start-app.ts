import { writeSync } from 'node:fs';
import type { Database } from '../storage/database.ts';
import { describeDatabase, type Config } from '../config/env.ts';
import { staticPlanSource, type PlanSource } from '../plan/plan-source.ts';
import type { Plan } from '../plan/schema.ts';
import { Announcer } from '../delivery/announcer.ts';
import { Dispatcher } from '../delivery/dispatcher.ts';
import { Ledger } from '../delivery/ledger.ts';
import { startScheduler } from '../delivery/scheduler.ts';
import { loadPlanOrThrow } from '../files/plan-file.ts';
import { courseId } from '../plan/course-id.ts';
import type { DerivePosts } from '../delivery/due-posts.ts';
import { derivePosts } from '../reminders/derive-posts.ts';
import { derivePersonalDms, presenterUserIds } from '../reminders/personal-dms.ts';
import { ChannelDirectory } from '../slack/channel-directory.ts';
import { registerRemindCommand } from '../slack/remind-command.ts';
import { stopDmsOnLeave } from '../slack/stop-dms-on-leave.ts';
import { DmSubscriptions } from '../storage/dm-subscriptions.ts';
import { narrowPostContent } from '../reminders/narrow-post.ts';
import { slackForConfig } from '../slack/slack-for-config.ts';
import { installHome } from '../slack/home/install-home.ts';
import { installStaffChanges } from '../slack/staff/install-staff-changes.ts';
import type { BotStore } from '../storage/bot-store.ts';
import { resendFailed, resendReply } from '../delivery/resend-failed.ts';
import { registerResend } from '../slack/staff/staff-commands.ts';
import { revisedPlanSource } from '../storage/revisions-plan.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger } from '../util/logger.ts';
import { calendarFeedFor } from './calendar-feed.ts';
import { createSink, describeMode } from './create-sink.ts';
import { defaultChannelOf } from './default-channel.ts';
import { openDemoAwareStore } from './open-demo-aware-store.ts';
import { startupSummary } from './startup-summary.ts';

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
  /** Finishes the post in flight, stops the schedule, closes the database. */
  stop(): Promise<void>;
}

/**
 * The composition root of `coursebot start`: plan → database → sink → dispatcher → scheduler. A bad plan,
 * setting or database stops it here with a UserError, before anything is posted.
 */
export async function startApp(options: AppOptions): Promise<RunningApp> {
  const { config, logger } = options;
  const { plan, warnings } = loadPlanOrThrow(config.schedulePath);
  options.onPlans?.(staticPlanSource(plan));
  for (const warning of warnings) logger.warn(warning);
  const defaultChannel = defaultChannelOf(config, plan, logger);
  // Refuses a second bot on the same database, and a database it cannot write.
  const store = openDemoAwareStore(config.databasePath, config.demoDatabase, options.clock.now(), { logger });
  try {
    return await startWithDatabase(store, options, plan, defaultChannel);
  } catch (error) {
    store.close();
    throw error;
  }
}

async function startWithDatabase(
  store: BotStore,
  { config, clock, logger, write = stdout, onPlans }: AppOptions,
  plan: Plan,
  defaultChannel: string,
): Promise<RunningApp> {
  const db: Database = store.db;
  // The effective plan: the file with the staff's recorded changes; reloaded when the file is edited.
  const plans = revisedPlanSource(db, plan, logger);
  onPlans?.(plans);
  // Slack mode: /schedule answers from the same plan and clock, and the sink reminders post with.
  // The calendar feed: served on the Slack app's HTTP listener, its link told by /schedule calendar.
  const calendar = calendarFeedFor(config, { db, plans, clock, logger });
  const slack = slackForConfig(config, { plans, clock, logger, defaultChannel, routes: calendar?.routes });
  if (slack) calendar?.attach(slack.commands);
  const sink = createSink(config, { logger, write, slack });
  const ledger = new Ledger(db);
  // Announcements of changes share the reminders' outbox; the dispatcher's ticks retry them.
  const announcer = new Announcer({ db, ledger, sink, plans, clock, defaultChannel, logger });
  const staff = await installStaffChanges({
    plans,
    schedulePath: config.schedulePath,
    instructors: config.instructors,
    clock,
    logger,
    announcer,
    slack,
    command: config.command,
  });
  // The Home tab reads the same effective plan and uses the staff desk the /schedule staff words use.
  // Personal reminders by DM (Slack only): derived with the channel posts, so they share the outbox, the
  // ledger and the dispatcher's retries; a DM post is addressed to the user's ID.
  const subscriptions = new DmSubscriptions(db);
  // Set by `/schedule remind` and by the Home tab's controls alike, with the timezone from Slack's profile.
  const reminders = slack && {
    store: subscriptions,
    courseId: () => courseId(plans.current()),
    timezoneOf: (user: string) => slack.sink.users.timezoneOf(user),
    log: logger,
  };
  const home = slack
    ? installHome(slack.app, {
        plans,
        desk: staff.desk,
        clock,
        defaultChannel,
        log: logger,
        command: config.command,
        ...(reminders ? { reminders } : {}),
        ...(calendar ? { calendarFeedUrl: () => calendar.url() } : {}),
      })
    : undefined;
  const derive: DerivePosts = slack
    ? (p, window, opts) => [
        ...derivePosts(p, window, opts),
        ...derivePersonalDms(p, courseId(p), subscriptions.list(courseId(p)), window, (user) =>
          slack.sink.users.knownTimezone(user),
        ),
      ]
    : derivePosts;
  if (slack) {
    if (reminders) registerRemindCommand(slack.commands, reminders);
    const courseChannel = new ChannelDirectory(slack.app.client);
    stopDmsOnLeave(slack.app, {
      isCourseChannel: async (id) => {
        const target = await courseChannel.idOf(defaultChannel);
        return target.ok && target.id === id;
      },
      stop: (user) => subscriptions.leave(courseId(plans.current()), user, clock.now()),
      log: logger,
    });
  }
  const dispatcher = new Dispatcher({
    ledger,
    announcer,
    sink,
    plans,
    clock,
    derive,
    // A post whose other reminders already went out carries only the new ones.
    narrow: (post, reminders) => narrowPostContent(plans.current(), post, reminders),
    defaultChannel,
    logger,
    monotonicMs: () => performance.now(),
    clockSetBy: config.now === undefined ? undefined : config.nowSource,
    storeProblem: () => store.check(),
  });
  // Posts that failed because the bot was not in the channel: sent again on /schedule resend and on joining.
  const resend = { ledger, clock, tick: () => dispatcher.tick() };
  if (slack) {
    registerResend(slack.commands, async () => resendReply(await resendFailed(resend)));
    slack.onBotJoined(
      (matches) =>
        void resendFailed(resend, matches).catch((error: unknown) =>
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
      for (const user of presenterUserIds(plans.current())) void slack.sink.users.timezoneOf(user);
    }
    started = await dispatcher.start();
  } catch (error) {
    home?.stop();
    await slack?.stop();
    await staff.stop();
    throw error;
  }
  const summary = startupSummary({
    plan: plans.current(),
    now: clock.now(),
    mode: describeMode(config),
    databasePath: describeDatabase(config),
    derive: derivePosts,
    defaultChannel,
    due: dispatcher.due(),
    clockSetBy: config.now === undefined ? undefined : config.nowSource,
    notes: started.clockNote ? [started.clockNote] : [],
    recorded: (keys) => ledger.rows(keys).size === keys.length,
  });
  write(`${summary.join('\n')}\n\n`);
  const scheduler = startScheduler(() => dispatcher.tick(), { tickNow: true, logger });
  return {
    ...(port === undefined ? {} : { port }),
    async stop() {
      dispatcher.interrupt();
      home?.stop();
      await slack?.stop();
      await scheduler.stop();
      await staff.stop();
      store.close();
    },
  };
}

const stdout = (text: string): void => {
  // Synchronous, so a post is on the terminal before the ledger records it (see ConsoleSink).
  writeSync(1, text);
};
