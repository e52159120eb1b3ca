/**
 * The morning burst: `coursebot start` serving a whole department, its clock set just before 08:00 of a
 * day every course meets, against a fake Slack that takes 50 ms per call, accepts one post per second per
 * channel and answers 429 (Retry-After: 1) to 5% of posts. Measures when the last class-day post lands,
 * counted from 08:00, and that every course's post landed exactly once (per metadata key).
 *
 * 08:00 is placed just after one of the scheduler's 15-second ticks (they fall on :00, :15, :30, :45 of the
 * host's clock), the worst case: the first tick to see the posts comes almost 15 s later.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { startFakeSlack, type FakeSlack } from '../tests/fakes/fake-slack.ts';
import { listening, startCoursebot, stop } from './bot-memory.ts';
import { BURST_DAY, DEPARTMENT_ZONE, type DepartmentCourse } from './department-plans.ts';
import { freePort } from './spawn-server.ts';

const TICK_MS = 15_000;

export interface BurstOptions {
  courses: readonly DepartmentCourse[];
  /** Settings that make `coursebot start` serve the department (COURSEBOT_COURSES …). */
  env: Record<string, string | undefined>;
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
}

export async function runBurst(o: BurstOptions): Promise<BurstResult> {
  const share = o.refusedShare ?? 0.05;
  const random = seeded(20251021);
  const fake = await startFakeSlack({
    channels: o.courses.map((c) => ({ id: c.channel, name: `dept-${c.index}` })),
    limits: {
      latencyMs: o.latencyMs ?? 50,
      postIntervalMs: 1000,
      refusePost: () => (random() < share ? 1 : undefined),
    },
  });
  const dir = mkdtempSync(join(tmpdir(), 'coursebot-burst-'));
  const port = await freePort();
  // 08:00 half a second after a tick, once the bot has had time to start.
  const eightReal = Math.ceil((Date.now() + o.startupMs) / TICK_MS) * TICK_MS + 500;
  const eight = DateTime.fromISO(`${BURST_DAY}T08:00`, { zone: DEPARTMENT_ZONE });
  const spawnedAt = Date.now();
  // The bot's clock is set when it starts, a moment after this: its 08:00 falls that moment later, so
  // the delays below are, if anything, overstated.
  const now = eight.minus({ milliseconds: eightReal - spawnedAt });
  const child = startCoursebot(
    { fake, schedulePath: '', now: now.toISO()!, fromSource: o.fromSource },
    port,
    dir,
    o.nodeOptions,
    { ...o.env, COURSEBOT_DB: join(dir, 'coursebot.db') },
  );
  try {
    await listening(child, 'coursebot (burst)', Math.max(30_000, eightReal - spawnedAt));
    const expected = o.courses.length;
    const deadline = eightReal + o.timeoutMs;
    while (postedChannels(fake) < expected && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return tally(fake, o.courses, eightReal);
  } finally {
    await stop(child);
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const postedChannels = (fake: FakeSlack) => new Set(fake.messages().map((m) => m.channel)).size;

function tally(fake: FakeSlack, courses: readonly DepartmentCourse[], eightReal: number): BurstResult {
  const perKey = new Map<string, number>();
  const landed: number[] = [];
  for (const message of fake.messages()) {
    const keys = String(message.metadata?.event_payload?.keys ?? '')
      .split(' ')
      .filter(Boolean);
    for (const key of keys) {
      const where = `${message.channel} ${key}`;
      perKey.set(where, (perKey.get(where) ?? 0) + 1);
    }
    landed.push(Number(message.ts) * 1000 - eightReal);
  }
  const channels = new Set(fake.messages().map((m) => m.channel));
  const posts = fake.callsTo('chat.postMessage');
  return {
    expected: courses.length,
    posted: perKey.size,
    duplicates: [...perKey.values()].filter((n) => n > 1).length,
    missing: courses.filter((c) => !channels.has(c.channel)).length,
    refused: posts.filter((c) => c.failure && 'status' in c.failure && c.failure.status === 429).length,
    calls: posts.length,
    firstMs: landed.length ? Math.min(...landed) : Number.NaN,
    lastMs: landed.length ? Math.max(...landed) : Number.NaN,
  };
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
