/**
 * The running bot's memory against a bare Bolt app: each started as its own process (`coursebot start` in
 * HTTP mode through bin/coursebot.js, with the node options of `npm start` and without any; the bare app
 * bench/bare-bolt.js with none), sent the same signed `/schedule next` requests, then measured from
 * outside. One run starts, loads and stops each in turn, in an order that alternates from run to run.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeSlack } from '../tests/fakes/fake-slack.ts';
import { slashCommandBody } from '../tests/fakes/signed-request.ts';
import { openTarget, runBatch, waitUntilListening } from './load-generator.ts';
import { processMemory, type ProcessMemory } from './process-memory.ts';
import { BENCH_SECRET, settingsToEnv } from './server-settings.ts';
import { freePort } from './spawn-server.ts';
import { median } from './weight-report.ts';

const ROOT = join(import.meta.dirname, '..');
const START_TIMEOUT_MS = 30_000;

export interface BotMemoryOptions {
  fake: FakeSlack;
  /** node's options in `npm start` (e.g. --max-semi-space-size=4). */
  startOptions: string[];
  runs: number;
  warmup: number;
  requests: number;
  schedulePath: string;
  now: string;
  /** Run coursebot from its TypeScript sources through tsx (COURSEBOT_FROM_SOURCE=1). */
  fromSource: boolean;
}

export interface Sample extends ProcessMemory {
  /** Median round trip of the measured requests. */
  p50Ms: number;
}

/** The bare app; coursebot with `npm start`'s node options; coursebot without any. */
export type Side = 'bare' | 'npmStart' | 'plain';
const SIDES: readonly Side[] = ['bare', 'npmStart', 'plain'];

export interface BotMemory {
  samples: Record<Side, Sample[]>;
  /** coursebot's last answer, to show it answered the question. */
  answer?: string;
}

export async function measureBotMemory(options: BotMemoryOptions): Promise<BotMemory> {
  const result: BotMemory = { samples: { bare: [], npmStart: [], plain: [] } };
  for (let run = 0; run < options.runs; run++) {
    const order = run % 2 === 0 ? SIDES : [...SIDES].reverse();
    for (const side of order) {
      const { sample, answer } = await measureOne(side, options);
      result.samples[side].push(sample);
      if (side !== 'bare') result.answer = answer;
    }
  }
  return result;
}

async function measureOne(side: Side, o: BotMemoryOptions): Promise<{ sample: Sample; answer?: string }> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'coursebot-weight-'));
  const child =
    side === 'bare'
      ? startBare(o, port)
      : startCoursebot(o, port, dir, side === 'npmStart' ? o.startOptions : []);
  try {
    await listening(child, side);
    const origin = `http://127.0.0.1:${port}`;
    await waitUntilListening(origin);
    // One body for every request: the answer goes in the ack, so the response_url is never called.
    const target = openTarget(
      side,
      origin,
      slashCommandBody({ text: 'next', channel_id: 'C0CLASS' }, o.fake),
      BENCH_SECRET,
    );
    await runBatch(target, o.warmup);
    const batch = await runBatch(target, o.requests);
    await target.pool.close();
    if (batch.errors > 0)
      throw new Error(`${side}: ${batch.errors} failed requests, first: ${batch.firstError}`);
    const sample = { ...processMemory(child.pid!), p50Ms: median(batch.latenciesMs) };
    return { sample, answer: batch.lastBody };
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The bare Bolt app (bench/bare-bolt.js) on `port`, as its own process. */
export function startBare(
  o: Pick<BotMemoryOptions, 'fake' | 'schedulePath' | 'now'>,
  port: number,
): ChildProcess {
  const settings = {
    apiUrl: o.fake.apiUrl,
    port,
    botToken: 'xoxb-bench',
    signingSecret: BENCH_SECRET,
    botId: o.fake.state.identity.botId,
    botUserId: o.fake.state.identity.botUserId,
    schedulePath: o.schedulePath,
    now: o.now,
  };
  return spawn(process.execPath, [join(ROOT, 'bench', 'bare-bolt.js')], {
    cwd: ROOT,
    env: { PATH: process.env.PATH, ...settingsToEnv(settings) },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/**
 * `coursebot start` in HTTP mode on `port`, as its own process, in `dir`; `env` adds or replaces settings
 * (e.g. COURSEBOT_COURSES instead of COURSEBOT_SCHEDULE, with COURSEBOT_SCHEDULE set to '').
 */
export function startCoursebot(
  o: Pick<BotMemoryOptions, 'fake' | 'schedulePath' | 'now' | 'fromSource'>,
  port: number,
  dir: string,
  nodeOptions: string[],
  env: Record<string, string | undefined> = {},
): ChildProcess {
  // A scratch working directory and database: no developer's ./.env or data is read.
  return spawn(process.execPath, [...nodeOptions, join(ROOT, 'bin', 'coursebot.js'), 'start'], {
    cwd: dir,
    env: {
      PATH: process.env.PATH,
      SLACK_MODE: 'http',
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: BENCH_SECRET,
      SLACK_API_URL: o.fake.apiUrl,
      PORT: String(port),
      COURSEBOT_NOW: o.now,
      COURSEBOT_SCHEDULE: o.schedulePath,
      COURSEBOT_DB: join(dir, 'coursebot.db'),
      COURSEBOT_CHANNEL: '#cs599',
      COURSEBOT_FROM_SOURCE: o.fromSource ? '1' : '',
      ...env,
    },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
}

/** Resolves once the process logs that it listens ("HTTP on port N"); rejects if it exits or stalls. */
export function listening(child: ChildProcess, side: string, timeoutMs = START_TIMEOUT_MS): Promise<void> {
  let stderr = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(`no start within ${timeoutMs / 1000} s`), timeoutMs);
    const onData = (chunk: Buffer) => {
      stderr = (stderr + chunk.toString()).slice(-4000);
      if (/HTTP on port \d+/.test(stderr)) done();
    };
    const onExit = (code: number | null) => fail(`exited (code ${code}) before listening`);
    function done() {
      clearTimeout(timer);
      child.off('exit', onExit);
      // Keep reading, so that a full pipe never blocks the process.
      child.stderr!.off('data', onData).resume();
      resolve();
    }
    function fail(why: string) {
      clearTimeout(timer);
      child.stderr!.off('data', onData);
      child.off('exit', onExit);
      reject(new Error(`${side}: ${why}${stderr ? `:\n${stderr.trim()}` : ''}`));
    }
    child.stderr!.on('data', onData);
    child.once('exit', onExit);
  });
}

/** SIGTERM, then SIGKILL after 5 s; resolves once it exited. */
export async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}
