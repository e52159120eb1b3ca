/**
 * The morning burst: `coursebot start` serving a whole department, its clock set just before 08:00 of a
 * day every course meets, against a fake Slack that takes 50 ms per call, accepts one post per second per
 * channel and answers 429 (Retry-After: 1) to 5% of posts. Measures when the class-day posts land, counted
 * from 08:00, and that every course's post landed exactly once (per metadata key). Several instances may
 * serve the department on one PostgreSQL store (bench/two-instances.ts).
 *
 * 08:00 is placed just after one of the scheduler's 15-second ticks (they fall on :00, :15, :30, :45 of the
 * host's clock), the worst case: the first tick to see the posts comes almost 15 s later.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { startFakeSlack, type FakeSlack } from '../tests/fakes/fake-slack.ts';
import { listening, startCoursebot, stop } from './bot-memory.ts';
import { BURST_DAY, DEPARTMENT_ZONE, type DepartmentCourse } from './department-plans.ts';
import { percentile } from './latency-report.ts';
import { freePort } from './spawn-server.ts';

/** The scheduler's slots fall on :00, :15, :30 and :45 of the host's clock. */
export const TICK_MS = 15_000;

export interface BurstOptions {
  courses: readonly DepartmentCourse[];
  /**
   * Settings that make `coursebot start` serve the department (COURSEBOT_COURSES …); a DATABASE_URL puts
   * its store in PostgreSQL instead of a SQLite file of the run's own.
   */
  env: Record<string, string | undefined>;
  /** How many `coursebot start` processes serve it side by side, on one store (default 1). */
  instances?: number;
  nodeOptions: string[];
  fromSource: boolean;
  /** How long the bot needs to start, so 08:00 comes after it listens. */
  startupMs: number;
  /** Give up this long after 08:00. */
  timeoutMs: number;
  latencyMs?: number;
  refusedShare?: number;
}

export interface BurstResult {
  expected: number;
  /** Distinct reminder keys posted, per channel (two courses' "class 14" share a key, not a channel). */
  posted: number;
  /** Keys posted more than once in one channel (must be 0). */
  duplicates: number;
  /** Channels without their post (must be 0). */
  missing: number;
  /** chat.postMessage calls answered 429. */
  refused: number;
  calls: number;
  /** From 08:00 (the bot's clock) to the first and the last post landing, by Slack's clock. */
  firstMs: number;
  lastMs: number;
  /** Each course's post, from 08:00 to its first landing: how late it was (median and 99th percentile). */
  p50Ms: number;
  p99Ms: number;
}

export interface BurstSlackOptions {
  latencyMs?: number;
  /** The share of posts answered 429 (Retry-After: 1) whatever the pace; the same ones on every run. */
  refusedShare?: number;
}

/**
 * The busy Slack of the burst: every call answered after `latencyMs` (50), one post per second per
 * channel, and 429 with Retry-After: 1 to a seeded `refusedShare` (5%) of posts.
 */
export function startBurstSlack(
  courses: readonly DepartmentCourse[],
  o: BurstSlackOptions = {},
): Promise<FakeSlack> {
  const share = o.refusedShare ?? 0.05;
  const random = seeded(20251021);
  return startFakeSlack({
    channels: courses.map((c) => ({ id: c.channel, name: `dept-${c.index}` })),
    limits: {
      latencyMs: o.latencyMs ?? 50,
      postIntervalMs: 1000,
      refusePost: () => (random() < share ? 1 : undefined),
    },
  });
}

export async function runBurst(o: BurstOptions): Promise<BurstResult> {
  const fake = await startBurstSlack(o.courses, {
    ...(o.latencyMs === undefined ? {} : { latencyMs: o.latencyMs }),
    ...(o.refusedShare === undefined ? {} : { refusedShare: o.refusedShare }),
  });
  const dir = mkdtempSync(join(tmpdir(), 'coursebot-burst-'));
  // 08:00 half a second after a tick, once the bots have had time to start.
  const eightReal = Math.ceil((Date.now() + o.startupMs) / TICK_MS) * TICK_MS + 500;
  const eight = DateTime.fromISO(`${BURST_DAY}T08:00`, { zone: DEPARTMENT_ZONE });
  const children: ChildProcess[] = [];
  try {
    for (let i = 0; i < (o.instances ?? 1); i++) {
      const spawnedAt = Date.now();
      // Each bot's clock is set when it starts, a moment after this: its 08:00 falls that moment later, so
      // the delays below are, if anything, overstated.
      const now = eight.minus({ milliseconds: eightReal - spawnedAt });
      const child = startCoursebot(
        { fake, schedulePath: '', now: now.toISO()!, fromSource: o.fromSource },
        await freePort(),
        dir,
        o.nodeOptions,
        { ...o.env, COURSEBOT_DB: join(dir, 'coursebot.db') },
      );
      children.push(child);
    }
    await Promise.all(
      children.map((child, i) =>
        listening(child, `coursebot ${i + 1} (burst)`, Math.max(30_000, eightReal - Date.now())),
      ),
    );
    const expected = o.courses.length;
    const deadline = eightReal + o.timeoutMs;
    while (postedChannels(fake) < expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return tallyBurst(fake, o.courses, eightReal);
  } finally {
    await Promise.all(children.map((child) => stop(child)));
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const postedChannels = (fake: FakeSlack) => new Set(fake.messages().map((m) => m.channel)).size;

/**
 * What landed at `fake`: each course's post by channel and metadata key, how many twice, which channels
 * have none, and how late each landed after `eightReal` (the real instant the bots' clocks read 08:00).
 */
export function tallyBurst(
  fake: FakeSlack,
  courses: readonly DepartmentCourse[],
  eightReal: number,
): BurstResult {
  const perKey = new Map<string, number>();
  const firstLanded = new Map<string, number>();
  const allLanded: number[] = [];
  for (const message of fake.messages()) {
    const landed = Number(message.ts) * 1000 - eightReal;
    allLanded.push(landed);
    const keys = String(message.metadata?.event_payload?.keys ?? '')
      .split(' ')
      .filter(Boolean);
    for (const key of keys) {
      const where = `${message.channel} ${key}`;
      perKey.set(where, (perKey.get(where) ?? 0) + 1);
    }
    if (!firstLanded.has(message.channel)) firstLanded.set(message.channel, landed);
  }
  const lateness = [...firstLanded.values()];
  const posts = fake.callsTo('chat.postMessage');
  return {
    expected: courses.length,
    posted: perKey.size,
    duplicates: [...perKey.values()].filter((n) => n > 1).length,
    missing: courses.filter((c) => !firstLanded.has(c.channel)).length,
    refused: posts.filter((c) => c.failure && 'status' in c.failure && c.failure.status === 429).length,
    calls: posts.length,
    firstMs: lateness.length ? Math.min(...lateness) : Number.NaN,
    // The last of any post, a second copy included: the burst is over only then.
    lastMs: allLanded.length ? Math.max(...allLanded) : Number.NaN,
    p50Ms: percentile(lateness, 50),
    p99Ms: percentile(lateness, 99),
  };
}

/** One line of what a burst did, for the report under its table. */
export function describeBurst(burst: BurstResult): string {
  return `${burst.posted}/${burst.expected} posted, ${burst.duplicates} twice, ${burst.missing} channels without their post; ${burst.calls} calls, ${burst.refused} answered 429; first landed ${(burst.firstMs / 1000).toFixed(1)} s after 08:00 (08:00 falls just after a 15 s tick)`;
}

/** A small seeded generator (mulberry32): the same 5% of posts are refused on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
