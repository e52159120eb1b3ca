/**
 * The department's bot at rest, against a bare Bolt app: each started as its own process (coursebot with
 * every course loaded), timed from spawn until it listens, then sent the same signed `/schedule next` typed
 * in one course's channel and measured from outside (resident memory).
 *
 * The sides of a run are up side by side and take turns: the commands go in rounds, a batch to each side in
 * turn (the order alternating), so that a machine that slows down or speeds up during the run (another
 * process, the CPU's clock) weighs on every side alike instead of on whichever was measured then. Each side's
 * memory is read right after its last batch.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { FakeSlack } from '../tests/fakes/fake-slack.ts';
import { signForm, slashCommandBody } from '../tests/fakes/signed-request.ts';
import { listening, startBare, startCoursebot, stop } from './bot-memory.ts';
import { openTarget, runBatch, waitUntilListening, type Target } from './load-generator.ts';
import { processMemory } from './process-memory.ts';
import { BENCH_SECRET } from './server-settings.ts';
import { freePort } from './spawn-server.ts';

/** The bare app; coursebot as `npm start` runs it; coursebot under plain `node` (no options), to show what they buy. */
export type ServingSide = 'bare' | 'coursebot' | 'plain';
const SIDES: readonly ServingSide[] = ['bare', 'coursebot', 'plain'];

export interface ServingSample {
  /** From spawn until the process logs that it listens. */
  listeningMs: number;
  /** From spawn until it has answered a first `/schedule next` (work after listening delays that answer). */
  startMs: number;
  rssBytes: number;
  latenciesMs: number[];
  /** The last answer, to show what was answered. */
  answer?: string;
}

export interface ServingOptions {
  fake: FakeSlack;
  /** The channel the command is typed in. */
  channel: string;
  env: Record<string, string | undefined>;
  nodeOptions: string[];
  fromSource: boolean;
  now: string;
  runs: number;
  warmup: number;
  /** Commands timed per side and run, sent in `rounds` turns. */
  requests: number;
  rounds: number;
}

interface Running {
  side: ServingSide;
  child: ChildProcess;
  dir: string;
  target: Target;
  sample: ServingSample;
}

export async function measureServing(o: ServingOptions): Promise<Record<ServingSide, ServingSample[]>> {
  const samples: Record<ServingSide, ServingSample[]> = { bare: [], coursebot: [], plain: [] };
  const rounds = Math.max(1, Math.min(o.rounds, o.requests));
  for (let run = 0; run < o.runs; run++) {
    const running: Running[] = [];
    try {
      // Started one after the other, so that no start-up is timed while another process starts.
      for (const side of run % 2 === 0 ? SIDES : [...SIDES].reverse()) running.push(await startOne(side, o));
      for (let round = 0; round < rounds; round++) {
        const count =
          Math.floor((o.requests * (round + 1)) / rounds) - Math.floor((o.requests * round) / rounds);
        for (const r of round % 2 === 0 ? running : [...running].reverse()) {
          const batch = await runBatch(r.target, count, 60_000);
          if (batch.errors > 0)
            throw new Error(`${r.side}: ${batch.errors} failed requests, first: ${batch.firstError}`);
          r.sample.latenciesMs.push(...batch.latenciesMs);
          r.sample.answer = batch.lastBody;
          if (round === rounds - 1) r.sample.rssBytes = processMemory(r.child.pid!).rssBytes;
        }
      }
      for (const r of running) samples[r.side].push(r.sample);
    } finally {
      for (const r of running) {
        await r.target.pool.close();
        await stop(r.child);
        rmSync(r.dir, { recursive: true, force: true });
      }
    }
  }
  return samples;
}

/** Spawns one side, waits for it to listen and answer, and warms it up. */
async function startOne(side: ServingSide, o: ServingOptions): Promise<Running> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'coursebot-department-'));
  const spawnedAt = performance.now();
  const child =
    side === 'bare'
      ? startBare({ fake: o.fake, schedulePath: '', now: o.now }, port)
      : startCoursebot(
          { fake: o.fake, schedulePath: '', now: o.now, fromSource: o.fromSource },
          port,
          dir,
          side === 'plain' ? [] : o.nodeOptions,
          o.env,
        );
  try {
    await listening(child, side, 120_000);
    const listeningMs = performance.now() - spawnedAt;
    const origin = `http://127.0.0.1:${port}`;
    await waitUntilListening(origin);
    const body = slashCommandBody({ text: 'next', channel_id: o.channel }, o.fake);
    await firstAnswer(origin, body);
    const startMs = performance.now() - spawnedAt;
    const target = openTarget(side, origin, body, BENCH_SECRET);
    // Slack gives up on a command after 3 s; a longer answer is counted (see the report), not an error.
    await runBatch(target, o.warmup, 60_000);
    return { side, child, dir, target, sample: { listeningMs, startMs, rssBytes: NaN, latenciesMs: [] } };
  } catch (error) {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}

/** One signed command, waited for patiently: the first answer after the start. */
async function firstAnswer(origin: string, body: string): Promise<void> {
  const signed = signForm(body, BENCH_SECRET);
  const response = await fetch(`${origin}/slack/events`, {
    method: 'POST',
    headers: signed.headers,
    body: signed.body,
    signal: AbortSignal.timeout(60_000),
  });
  const text = await response.text();
  if (response.status !== 200 || text === '')
    throw new Error(`first answer: HTTP ${response.status} ${text}`);
}
