/**
 * Shared set-up for the Slack tests: a posting client, directory and sink pointed at the fake, and a
 * logger that keeps its lines for assertions.
 */
import type { Sink } from '../../src/delivery/sink.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { webApi } from '@slack/bolt';
import { DateTime } from 'luxon';
import type { SlackSettings } from '../../src/config/env.ts';
import { parsePlanText } from '../../src/plan/parse-plan.ts';
import { staticPlanSource } from '../../src/plan/plan-source.ts';
import type { Plan } from '../../src/plan/schema.ts';
import { ask } from '../../src/queries/ask.ts';
import { createSlackApp, type SlackApp, type SlackAppOptions } from '../../src/slack/create-slack-app.ts';
import { ManualClock } from '../../src/util/clock.ts';
import type { Content } from '../../src/content/content.ts';
import type { Logger } from '../../src/util/logger.ts';
import { ChannelDirectory } from '../../src/slack/channel-directory.ts';
import { ChannelPacer } from '../../src/slack/channel-pacer.ts';
import { SlackSink } from '../../src/slack/slack-sink.ts';
import type { FakeSlack } from '../fakes/fake-slack.ts';
import type { RevisedPlanSource } from '../../src/changes/revised-plan-source.ts';
import { Announcer } from '../../src/delivery/announcer.ts';
import { SqlLedger } from '../../src/storage/sql/tables/sql-ledger.ts';
import { sqlDepsOver } from '../support/sql-deps.ts';
import { installStaffChanges } from '../../src/slack/staff/install-staff-changes.ts';
import type { Database } from '../../src/storage/database.ts';
import type { Clock } from '../../src/util/clock.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export const BOT_TOKEN = 'xoxb-test-token';
export const APP_TOKEN = 'xapp-test-token';
export const SIGNING_SECRET = 'test-signing-secret';

export function postingClient(fake: FakeSlack): webApi.WebClient {
  return new webApi.WebClient(BOT_TOKEN, {
    slackApiUrl: fake.apiUrl,
    retryConfig: { retries: 0 },
    rejectRateLimitedCalls: true,
    timeout: 2000,
    logLevel: webApi.LogLevel.ERROR,
  });
}

export function sinkFor(fake: FakeSlack, options: { intervalMs?: number } = {}) {
  const client = postingClient(fake);
  const directory = new ChannelDirectory(client);
  const sink = new SlackSink({
    client,
    directory,
    botId: () => fake.state.identity.botId,
    pacer: new ChannelPacer(options.intervalMs ?? 1000),
  });
  return { client, directory, sink };
}

export interface RecordingLogger extends Logger {
  lines: string[];
}

export function recordingLogger(): RecordingLogger {
  const lines: string[] = [];
  const at = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

export const textContent = (text: string): Content => ({
  blocks: [{ kind: 'section', lines: [[text]] }],
});

const NOW = '2025-10-13T18:00:00-04:00';

/** The imported CS 599 plan, as the running bot holds it in memory. */
export function fixturePlan(): Plan {
  const parsed = parsePlanText(readFileSync(join(FIXTURES, 'plans/cs599-fall-2025.json'), 'utf8'));
  if (!parsed.ok) throw new Error('the CS 599 fixture plan does not parse');
  return parsed.plan;
}

export interface StartedApp {
  slack: SlackApp;
  log: RecordingLogger;
  /** HTTP mode: `http://127.0.0.1:PORT`. */
  url: string;
  askCalls: string[];
}

/** A real Bolt app (HTTP or Socket Mode) against the fake, at Mon Oct 13 2025, 6 pm in New York. */
export async function startApp(
  fake: FakeSlack,
  mode: 'http' | 'socket',
  extra: Partial<SlackAppOptions> = {},
): Promise<StartedApp> {
  const log = recordingLogger();
  const askCalls: string[] = [];
  const settings: SlackSettings =
    mode === 'http'
      ? { mode, botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, port: 0, apiUrl: fake.apiUrl }
      : { mode, botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl };
  const slack = createSlackApp({
    settings,
    plans: staticPlanSource(fixturePlan()),
    clock: new ManualClock(DateTime.fromISO(NOW, { setZone: true })),
    ask: (...args) => {
      askCalls.push(args[1]);
      return ask(...args);
    },
    log,
    host: '127.0.0.1',
    requestTimeoutMs: 2000,
    ...extra,
  });
  const { port } = await slack.start();
  return { slack, log, url: `http://127.0.0.1:${port ?? 0}`, askCalls };
}

/**
 * The sink of a process that dies right after its post reached the destination: the send never returns, so
 * nothing is recorded, as after a kill between posting and recording.
 */
export function diesAfterSending(sink: Sink): Sink {
  return {
    name: sink.name,
    canConfirm: sink.canConfirm,
    findPosted: (...args) => sink.findPosted(...args),
    send: async (message) => {
      await sink.send(message);
      return new Promise(() => {});
    },
  };
}

export interface StaffBotOptions {
  fake: FakeSlack;
  db: Database;
  plans: RevisedPlanSource;
  clock: Clock;
  log: RecordingLogger;
  instructors?: string[];
  /** schedule.json, watched for edits; omit to not watch. */
  schedulePath?: string;
  debounceMs?: number;
  /** The course whose rows the plan's revisions are (the ledger's must match); the placeholder course by default. */
  courseId?: string;
  /** The course's channels (home first), as its configuration names them. */
  channels?: string[];
}

/**
 * The staff side of the running bot against the fake, composed as `coursebot start` composes it: the Slack
 * app in Socket Mode, the announcer over the outbox, the staff words and buttons. Not started yet, so a
 * test can add to it first.
 */
export async function staffBot(options: StaffBotOptions) {
  const { fake, db, plans, clock, log } = options;
  const instructors = options.instructors ?? ['U0PROF'];
  const slack = createSlackApp({
    settings: { mode: 'socket', botToken: BOT_TOKEN, appToken: APP_TOKEN, apiUrl: fake.apiUrl },
    plans,
    clock,
    ask,
    log,
    instructors,
    requestTimeoutMs: 2000,
    ...(options.channels ? { channels: () => options.channels! } : {}),
  });
  const { sql, lease, retry } = await sqlDepsOver(db);
  const ledger = new SqlLedger(sql, lease, options.courseId, retry);
  const announcer = new Announcer({
    sql,
    retry,
    ledger,
    sink: slack.sink,
    plans,
    clock,
    defaultChannel: 'C0CLASS',
    logger: log,
  });
  const staff = await installStaffChanges({
    plans,
    instructors,
    clock,
    logger: log,
    announcer,
    slack,
    ...(options.schedulePath === undefined ? {} : { schedulePath: options.schedulePath }),
    ...(options.debounceMs === undefined ? {} : { debounceMs: options.debounceMs }),
  });
  return { slack, ledger, announcer, staff };
}
