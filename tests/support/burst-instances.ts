/**
 * A department's morning burst served by real `coursebot start` processes (HTTP mode, as behind a load
 * balancer) on one store, against the burst's fake Slack: for the end-to-end tests of several instances.
 * The courses, the fake Slack and the counting of what landed are the benchmark's (bench/department-plans.ts,
 * bench/morning-burst.ts), so a test and the benchmark judge a burst alike.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import {
  BURST_DAY,
  DEPARTMENT_ZONE,
  writeDepartment,
  type DepartmentCourse,
} from '../../bench/department-plans.ts';
import { startBurstSlack, tallyBurst, type BurstResult } from '../../bench/morning-burst.ts';
import type { FakeSlack } from '../fakes/fake-slack.ts';
import { BOT_TOKEN, SIGNING_SECRET } from '../slack/slack-kit.ts';
import { startBot, type BotProcess } from './bot-process.ts';

/** The send lease the instances are started with (COURSEBOT_SEND_LEASE_SECONDS): a takeover in seconds. */
export const TEST_LEASE_MS = 4_000;

export interface BurstDepartmentOptions {
  courses: number;
  /** Every call to the fake Slack is answered this late: the burst lasts long enough to be interrupted. */
  latencyMs: number;
  /**
   * How long after the first instance is started the bots' clocks read 08:00: enough for every instance
   * to start, load every course and make its first tick, so that none starts late into the burst.
   */
  startMs: number;
}

export interface BurstDepartment {
  dir: string;
  courses: DepartmentCourse[];
  fake: FakeSlack;
  /**
   * The real instant (epoch ms) the bots' clocks read 08:00, or a little later: a process sets its clock
   * once it has loaded, from the instant it was started at.
   */
  eightReal: number;
  /** Starts one more `coursebot start` in the department, its clock running with the others'. */
  start(name: string, env: Record<string, string>): Promise<Instance>;
  /** What landed so far, counted as the benchmark counts it. */
  tally(): BurstResult;
  /** Channels with their post. */
  landed(): number;
  /** Real time (epoch ms) of the last post that landed at the fake Slack, by its ts. */
  lastLandedAt(): number;
  /** Kills what still runs, stops the fake Slack, removes the folder. */
  close(): Promise<void>;
}

export interface Instance extends BotProcess {
  name: string;
  port: number;
  /** Real time (epoch ms) its start summary was seen: every course loaded, its first tick begun. */
  readyAt: number;
  /** Its own clock then (epoch ms), by its last log line's time: before 08:00, or it came in late. */
  clockAtReady: number;
  /** The posts this process says it sent ("posted N reminder(s)" in its log). */
  posted(): number;
  /** `kill -9`: no stop, no last write; resolves once it is gone. */
  kill(): Promise<void>;
}

/** 08:00 of the burst day, when every course's class-day post is due. */
export const EIGHT = DateTime.fromISO(`${BURST_DAY}T08:00`, { zone: DEPARTMENT_ZONE }).toMillis();

export async function burstDepartment(o: BurstDepartmentOptions): Promise<BurstDepartment> {
  const dir = mkdtempSync(join(tmpdir(), 'coursebot-e2e-instances-'));
  const courses = writeDepartment(join(dir, 'courses'), o.courses);
  // No 429s of its own: what is measured here is who sends, not how a refusal is retried.
  const fake = await startBurstSlack(courses, { latencyMs: o.latencyMs, refusedShare: 0 });
  // The real instant the bots' clocks read 08:00; each clock is set from it when its process starts.
  const eightReal = Date.now() + o.startMs;
  const clockNow = () => new Date(EIGHT - (eightReal - Date.now())).toISOString();
  const instances: Instance[] = [];
  return {
    dir,
    courses,
    fake,
    eightReal,
    async start(name, env) {
      const instance = await startInstance(name, dir, {
        SLACK_MODE: 'http',
        SLACK_BOT_TOKEN: BOT_TOKEN,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: fake.apiUrl,
        PORT: '0',
        COURSEBOT_NOW: clockNow(),
        COURSEBOT_COURSES: './courses',
        COURSEBOT_SEND_LEASE_SECONDS: String(TEST_LEASE_MS / 1000),
        ...env,
      });
      instances.push(instance);
      return instance;
    },
    tally: () => tallyBurst(fake, courses, eightReal),
    landed: () => new Set(fake.messages().map((m) => m.channel)).size,
    lastLandedAt: () => Math.max(...fake.messages().map((m) => Number(m.ts) * 1000)),
    async close() {
      await Promise.all(instances.map((instance) => instance.kill()));
      await fake.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function startInstance(name: string, dir: string, env: Record<string, string>): Promise<Instance> {
  const bot = startBot(dir, env);
  // Listening, then the start summary: every course loaded, its interrupted posts resolved.
  try {
    await bot.waitFor(`${name} to start`, (out) => /^coursebot: \d+ courses?$/m.test(out), 60_000);
  } catch (error) {
    bot.child.kill('SIGKILL');
    throw error;
  }
  const readyAt = Date.now();
  const stamps = [...bot.out().matchAll(/^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[-+]\d\d:\d\d) /gm)];
  const clockAtReady = Date.parse(stamps.at(-1)?.[1] ?? '');
  const port = Number(/HTTP on port (\d+)/.exec(bot.out())![1]);
  return {
    ...bot,
    name,
    port,
    readyAt,
    clockAtReady,
    posted: () =>
      [...bot.out().matchAll(/: posted (\d+) reminder\(s\)/g)].reduce((n, m) => n + Number(m[1]), 0),
    async kill() {
      if (bot.child.exitCode === null && bot.child.signalCode === null) bot.child.kill('SIGKILL');
      await bot.exited;
    },
  };
}

/** Resolves once `test` holds; rejects with `why()` after `ms`. */
export async function waitUntil(
  what: string,
  test: () => boolean,
  ms: number,
  why = () => '',
): Promise<void> {
  for (const end = performance.now() + ms; !test();) {
    if (performance.now() > end)
      throw new Error(`timed out waiting for ${what}${why() ? `:\n${why()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
