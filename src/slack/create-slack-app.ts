import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, SocketModeReceiver, webApi, type Logger as BoltLogger } from '@slack/bolt';
import { DEFAULT_COMMAND, type SlackSettings } from '../config/env.ts';
import type { HttpRoute } from '../http/calendar-route.ts';
import { startFeedListener, type FeedListener } from '../http/feed-listener.ts';
import type { ConfirmationStore } from '../changes/confirmations.ts';
import type { StaffDesk } from '../changes/staff-desk.ts';
import { singleCourseDeployment, type SingleCourseDeployment } from '../courses/single-course-deployment.ts';
import type { AnnounceStatus } from '../delivery/announcer.ts';
import type { Course, Deployment } from '../deployment/deployment.ts';
import type { PlanSource } from '../plan/plan-source.ts';
import type { Clock } from '../util/clock.ts';
import type { Logger, LogLevel } from '../util/logger.ts';
import { UserError } from '../util/user-error.ts';
import { boltLevel, boltLogger } from './bolt-logger.ts';
import { ChannelDirectory } from './channel-directory.ts';
import { bindCourseListeners } from './listeners/course-listeners.ts';
import { SlackListeners } from './listeners/slack-listeners.ts';
import type { SlackDeliveries } from './listeners/slack-deliveries.ts';
import { MemberChannels } from './member-channels.ts';
import { userByName } from './user-by-name.ts';
import type { AskFn } from './schedule-callback.ts';
import { ScheduleCommandTable } from './schedule-commands.ts';
import { SlackSink } from './slack-sink.ts';
import { DEFAULT_API_URL, verifyBotToken, type BotIdentity } from './verify-bot-token.ts';

export interface SlackAppOptions {
  settings: SlackSettings;
  /** Every course the bot serves: each request is answered for its course. */
  deployment?: Deployment;
  /** Without a deployment: the one course's plan (a deployment of one course is made of it). */
  plans?: PlanSource;
  /** Without a deployment: the one course's staff (COURSEBOT_INSTRUCTORS). */
  instructors?: readonly string[];
  clock: Clock;
  /** The read-only `/schedule` answers. */
  ask: AskFn;
  log: Logger;
  logLevel?: LogLevel;
  /** The channels reminders go to, checked once at the start (each problem logged with its fix); every course's by default. */
  channels?: () => readonly string[];
  /** The slash command as the app's manifest names it (COURSEBOT_COMMAND), /schedule by default. */
  command?: string;
  /** Extra `/schedule` words (staff commands); a fresh table when omitted. */
  commands?: ScheduleCommandTable;
  /** The course of a staff Confirm or Cancel that carries no course id (the Home tab's); the only course by default. */
  courseOfBareButton?: () => Course | undefined;
  /** How long a setup, retire or staff preview can be confirmed. */
  previewMinutes?: number;
  /** Where setup and retire previews wait for Confirm: the shared database with several instances. */
  confirmations?: ConfirmationStore;
  /** Where deliveries are recorded, so Slack's re-sends are handled once: the shared database likewise. */
  deliveries?: SlackDeliveries;
  /** Web API request timeout; without one a hung connection would hold a post forever. */
  requestTimeoutMs?: number;
  /** HTTP mode: the interface to listen on (all by default). */
  host?: string;
  /** Socket Mode: the pong wait, also the delay before a reconnect (the client's default is 5 s). */
  socketPingTimeoutMs?: number;
  /** More HTTP routes besides /healthz (the calendar feeds): on Bolt's listener, or Socket Mode's own. */
  routes?: readonly HttpRoute[];
}

export interface SlackApp {
  app: App;
  /** Posts reminders; shares the bot identity learned at the start. */
  sink: SlackSink;
  /** The workspace's channels, listed once with the bot token: the one place a channel name finds its ID. */
  directory: ChannelDirectory;
  commands: ScheduleCommandTable;
  /** Where every Slack listener is bound, by surface, behind the one failure handler. */
  listeners: SlackListeners;
  /** The channel IDs a person is a member of, cached briefly (the lookup `/schedule` uses outside a course channel). */
  memberChannels(userId: string): Promise<ReadonlySet<string>>;
  deployment: Deployment;
  /**
   * A one-course deployment only: gives it the running bot's staff desk and announcements, built after the
   * Slack app (the Home tab and `/schedule` then share one desk).
   */
  attachStaffDesk?(desk: StaffDesk, announce: (revisionId: number) => Promise<AnnounceStatus>): void;
  identity(): BotIdentity | undefined;
  /** What /healthz reports: a reason makes it answer 503 with that reason. */
  reportHealth(problem: () => string | undefined): void;
  /** Told when the bot itself joins a channel; `matches` says whether a configured channel is that one. */
  onBotJoined(handler: (matches: (channel: string) => Promise<boolean>) => void): void;
  /**
   * Checks the token, connects (Socket Mode) or listens (HTTP), then checks the reminder channels. `port`
   * is the HTTP listener's: Bolt's in HTTP mode, the feeds' in Socket Mode when PORT is set.
   */
  start(): Promise<{ port?: number }>;
  stop(): Promise<void>;
}

/** The Bolt app: `/schedule` answers, the Slack sink, Socket Mode by default or HTTP. */
export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { settings, log } = options;
  const apiUrl = settings.apiUrl ?? DEFAULT_API_URL;
  const level = boltLevel(options.logLevel ?? 'info');
  const logger = boltLogger(log, level);
  // No automatic retries anywhere: a post whose answer was lost must not be sent again blindly, and one
  // 429 must not stall every other call. The dispatcher decides what to retry.
  const clientOptions = (): webApi.WebClientOptions => ({
    slackApiUrl: apiUrl,
    retryConfig: { retries: 0 },
    timeout: options.requestTimeoutMs ?? 10_000,
    logger,
  });
  const client = new webApi.WebClient(settings.botToken, {
    ...clientOptions(),
    rejectRateLimitedCalls: true,
  });
  let identity: BotIdentity | undefined;
  const directory = new ChannelDirectory(client);
  const sink = new SlackSink({ client, directory, botId: () => identity?.botId });
  const commands = options.commands ?? new ScheduleCommandTable();
  let health: () => string | undefined = () => undefined;
  let botJoined: ((matches: (channel: string) => Promise<boolean>) => void) | undefined;

  const app = new App({
    ...(settings.mode === 'socket'
      ? {
          socketMode: true,
          receiver: socketReceiver(
            settings.appToken,
            clientOptions(),
            logger,
            log,
            options.socketPingTimeoutMs,
          ),
        }
      : {
          signingSecret: settings.signingSecret,
          customRoutes: [healthRoute(() => health()), ...(options.routes ?? [])],
        }),
    // The identity comes from our own auth.test at start, so no request waits on Slack before its ack.
    authorize: async () => {
      if (!identity) throw new Error('the Slack app received a request before it started');
      return { botToken: settings.botToken, botId: identity.botId, botUserId: identity.botUserId };
    },
    clientOptions: clientOptions(),
    logger,
    logLevel: level,
    convoStore: false,
  });
  const deployment = options.deployment ?? oneCourse(options);
  const listeners = new SlackListeners(
    app,
    log,
    options.deliveries ? { deliveries: options.deliveries } : {},
  );
  const members = new MemberChannels(client);
  bindCourseListeners(listeners, {
    slashCommand: options.command ?? DEFAULT_COMMAND,
    deployment,
    clock: options.clock,
    ask: options.ask,
    commands,
    log,
    memberChannels: (user) => members.of(user),
    findUser: (typed) => userByName(client, typed),
    ...(options.courseOfBareButton ? { courseOfBareButton: options.courseOfBareButton } : {}),
    ...(options.command ? { command: options.command } : {}),
    ...(options.previewMinutes === undefined ? {} : { previewMinutes: options.previewMinutes }),
    ...(options.confirmations ? { confirmations: options.confirmations } : {}),
  });
  listeners.event('member_joined_channel', async ({ event }) => {
    if (!identity || event.user !== identity.botUserId || !botJoined) return;
    const joined = event.channel;
    botJoined(async (channel) => {
      const target = await directory.idOf(channel);
      return target.ok && target.id === joined;
    });
  });
  // What escapes every listener's own handler (middleware, Bolt itself): one line in the log.
  app.error(async (error) => {
    log.error(`slack: ${error.message}`);
  });

  let started = false;
  let listener: FeedListener | undefined;
  return {
    app,
    sink,
    directory,
    commands,
    listeners,
    memberChannels: (user) => members.of(user),
    deployment,
    ...(isSingleCourse(deployment) ? { attachStaffDesk: deployment.attach } : {}),
    identity: () => identity,
    reportHealth: (problem) => void (health = problem),
    onBotJoined: (handler) => void (botJoined = handler),
    async start() {
      identity = await verifyBotToken(client, apiUrl);
      // Socket Mode with PORT: the feeds' listener first, so a port in use stops the start before connecting.
      if (settings.mode === 'socket' && settings.port !== undefined) {
        listener = await startFeedListener(
          [healthRoute(() => health()), ...(options.routes ?? [])],
          settings.port,
          options.host,
        );
      }
      const port = await startReceiver(app, settings, options.host).then(
        (received) => received ?? listener?.port,
        async (error: unknown) => {
          await listener?.close();
          listener = undefined;
          throw error;
        },
      );
      started = true;
      const where =
        settings.mode === 'socket'
          ? `Socket Mode${listener ? `, feeds and /healthz on port ${port}` : ''}`
          : `HTTP on port ${port}`;
      log.info(
        `slack: connected as ${identity.botUserId}${identity.team ? ` in ${identity.team}` : ''} (${where})`,
      );
      const channels = options.channels?.() ?? [
        ...new Set(deployment.courses().flatMap((c) => c.channels())),
      ];
      for (const problem of await directory.problems(channels)) log.warn(`slack: ${problem}`);
      return port === undefined ? {} : { port };
    },
    async stop() {
      if (!started) return;
      started = false;
      await listener?.close();
      listener = undefined;
      await app.stop();
    },
  };
}

const isSingleCourse = (deployment: Deployment): deployment is SingleCourseDeployment =>
  typeof (deployment as Partial<SingleCourseDeployment>).attach === 'function';

/** The deployment of a bot given one plan: every channel, and the instructors, are that course's. */
function oneCourse(options: SlackAppOptions) {
  if (!options.plans) throw new Error('createSlackApp needs a deployment, or the plans of its one course');
  const plans = options.plans;
  return singleCourseDeployment({
    plans,
    staff: options.instructors ?? [],
    channels: () => options.channels?.() ?? [],
    log: options.log,
    ...(options.command ? { command: options.command } : {}),
  });
}

/**
 * Socket Mode with its connection's life in the log: Slack recycles connections every few hours, and a
 * bot that silently stopped reconnecting is otherwise found only when /schedule stops answering. Built
 * here because a receiver given to App does not inherit App's clientOptions (API URL, no retries).
 */
function socketReceiver(
  appToken: string,
  clientOptions: webApi.WebClientOptions,
  logger: BoltLogger,
  log: Logger,
  clientPingTimeout: number | undefined,
): SocketModeReceiver {
  const receiver = new SocketModeReceiver({
    appToken,
    logger,
    installerOptions: { clientOptions },
    ...(clientPingTimeout ? { clientPingTimeout } : {}),
  });
  let connectedBefore = false;
  receiver.client.on('connected', () => {
    if (connectedBefore) log.info('slack: Socket Mode reconnected');
    connectedBefore = true;
  });
  receiver.client.on('reconnecting', () => log.warn('slack: Socket Mode connection lost, reconnecting'));
  return receiver;
}

/** Liveness for load balancers and container probes (HTTP mode, and Socket Mode with PORT): 503 with the reason when unhealthy. */
const healthRoute = (problem: () => string | undefined) => ({
  path: '/healthz',
  method: ['GET'],
  handler: (_req: unknown, res: ServerResponse) => {
    const why = problem();
    res.writeHead(why ? 503 : 200, { 'content-type': 'text/plain' }).end(why ?? 'ok');
  },
});

async function startReceiver(
  app: App,
  settings: SlackSettings,
  host: string | undefined,
): Promise<number | undefined> {
  if (settings.mode === 'http') {
    try {
      const server = (await app.start({ port: settings.port, ...(host ? { host } : {}) })) as Server;
      return (server.address() as AddressInfo).port;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE' || code === 'EACCES') {
        throw new UserError(`Cannot listen on port ${settings.port} (${code}): set PORT to a free port`);
      }
      throw error;
    }
  }
  try {
    await app.start();
    return undefined;
  } catch (error) {
    if (error instanceof webApi.WebAPIPlatformError) {
      throw new UserError(
        `Slack rejected SLACK_APP_TOKEN (${error.data.error}): create an app-level token with connections:write under Basic Information → App-Level Tokens`,
      );
    }
    throw error;
  }
}
