/**
 * The department's bot at rest, against a bare Bolt app: each started as its own process (coursebot with
 * every course loaded), timed from spawn until it listens, sent the same signed `/schedule next` typed in
 * one course's channel, then measured from outside (resident memory). Runs alternate the order.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeSlack } from '../tests/fakes/fake-slack.ts';
import { signForm, slashCommandBody } from '../tests/fakes/signed-request.ts';
import { listening, startBare, startCoursebot, stop } from './bot-memory.ts';
import { openTarget, runBatch, waitUntilListening } from './load-generator.ts';
import { processMemory } from './process-memory.ts';
import { BENCH_SECRET } from './server-settings.ts';
import { freePort } from './spawn-server.ts';

/** The bare app; coursebot as `npm start` runs it; coursebot under plain `node` (no options), to show what they buy. */
export type ServingSide = 'bare' | 'coursebot' | 'plain';

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
  requests: number;
}

export async function measureServing(o: ServingOptions): Promise<Record<ServingSide, ServingSample[]>> {
  const samples: Record<ServingSide, ServingSample[]> = { bare: [], coursebot: [], plain: [] };
  const sides: ServingSide[] = ['bare', 'coursebot', 'plain'];
  for (let run = 0; run < o.runs; run++) {
    for (const side of run % 2 === 0 ? sides : [...sides].reverse()) {
      samples[side].push(await measureOne(side, o));
    }
  }
  return samples;
}

async function measureOne(side: ServingSide, o: ServingOptions): Promise<ServingSample> {
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
    const batch = await runBatch(target, o.requests, 60_000);
    await target.pool.close();
    if (batch.errors > 0)
      throw new Error(`${side}: ${batch.errors} failed requests, first: ${batch.firstError}`);
    const { rssBytes } = processMemory(child.pid!);
    return { listeningMs, startMs, rssBytes, latenciesMs: batch.latenciesMs, answer: batch.lastBody };
  } finally {
    await stop(child);
    rmSync(dir, { recursive: true, force: true });
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
