/**
 * `npm run bench`: the round-trip latency and memory of `/schedule next` in HTTP mode, coursebot's real Slack
 * app against a bare Bolt app that only acks a constant string. Both run in their own child process, behind
 * the same load generator, on 127.0.0.1, with a fake Slack serving the Web API; runs alternate between them
 * to spread noise evenly.
 *
 *   npm run bench -- --n 3000 --rounds 6 --warmup 300 --schedule ./schedule.json --now 2025-10-14T09:00-04:00
 *
 * Options default to the values shown; `--strict` exits 1 when a target is missed (for CI); `--profile DIR`
 * writes each app's CPU profiles under DIR/bare and DIR/coursebot (open the largest in Chrome DevTools).
 */
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { startFakeSlack } from '../tests/fakes/fake-slack.ts';
import { slashCommandBody } from '../tests/fakes/signed-request.ts';
import { compare, DEFAULT_TARGETS, type SideResult } from './latency-report.ts';
import { openTarget, runBatch, waitUntilListening, type Batch, type Target } from './load-generator.ts';
import { BENCH_SECRET, type ServerSettings } from './server-settings.ts';
import { startChild, type Child } from './spawn-server.ts';
import { describeAnswer } from './describe-answer.ts';

const { values } = parseArgs({
  options: {
    n: { type: 'string', default: '3000' },
    rounds: { type: 'string', default: '6' },
    warmup: { type: 'string', default: '300' },
    schedule: { type: 'string', default: './schedule.json' },
    now: { type: 'string', default: '2025-10-14T09:00:00-04:00' },
    strict: { type: 'boolean', default: false },
    profile: { type: 'string' },
  },
});
const positive = (name: string, raw: string) => {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`--${name} must be a positive whole number (got "${raw}")`);
    process.exit(2);
  }
  return value;
};
const n = positive('n', values.n);
const rounds = Math.min(positive('rounds', values.rounds), n);
const warmup = positive('warmup', values.warmup);

const fake = await startFakeSlack({ channels: [{ id: 'C0CLASS', name: 'cs599' }] });
const base: Omit<ServerSettings, 'port'> = {
  apiUrl: fake.apiUrl,
  botToken: 'xoxb-bench',
  signingSecret: BENCH_SECRET,
  botId: fake.state.identity.botId,
  botUserId: fake.state.identity.botUserId,
  schedulePath: resolve(values.schedule),
  now: values.now,
};
// One body for every request: the answer goes in the ack, so the response_url is never called.
const body = slashCommandBody({ text: 'next', channel_id: 'C0CLASS' }, fake);

const children: Child[] = [];
let exitCode = 0;
try {
  const bare = await startChild('bare', base, values.profile);
  children.push(bare);
  let ours: Child | undefined;
  let oursMissing: string | undefined;
  try {
    ours = await startChild('coursebot', base, values.profile);
    children.push(ours);
  } catch (error) {
    oursMissing = error instanceof Error ? error.message : String(error);
  }

  const targets: Target[] = [bare, ...(ours ? [ours] : [])].map((c) =>
    openTarget(c.kind, c.origin, body, BENCH_SECRET),
  );
  for (const t of targets) await waitUntilListening(t.origin);
  for (const t of targets) await runBatch(t, warmup);

  const totals = new Map<string, Batch>(targets.map((t) => [t.label, { latenciesMs: [], errors: 0 }]));
  for (let round = 0; round < rounds; round++) {
    const count = Math.floor(n / rounds) + (round < n % rounds ? 1 : 0);
    const order = round % 2 === 0 ? targets : [...targets].reverse();
    for (const t of order) {
      const batch = await runBatch(t, count);
      const total = totals.get(t.label)!;
      total.latenciesMs.push(...batch.latenciesMs);
      total.errors += batch.errors;
      total.firstError ??= batch.firstError;
      total.lastBody = batch.lastBody ?? total.lastBody;
    }
  }
  for (const t of targets) await t.pool.close();

  const sides: SideResult[] = [];
  let gcExposed = true;
  for (const child of children) {
    const memory = await child.measure();
    gcExposed &&= memory.gcExposed;
    const total = totals.get(child.kind)!;
    sides.push({
      label: child.kind,
      latenciesMs: total.latenciesMs,
      rssBytes: memory.rssBytes,
      errors: total.errors,
    });
  }

  console.log(
    `/schedule next over HTTP on 127.0.0.1 — ${n} requests per app in ${rounds} alternating rounds,`,
  );
  console.log(
    `after ${warmup} warm-up requests each; node ${process.version}; rss after the run${gcExposed ? ', after a GC' : ''}.`,
  );
  console.log('');
  const { rows, pass } = compare(sides[0]!, sides[1], DEFAULT_TARGETS);
  for (const row of rows) console.log(row);
  console.log('');
  for (const [label, total] of totals) {
    if (total.firstError) console.log(`${label}: first error: ${total.firstError}`);
  }
  const answer = totals.get('coursebot')?.lastBody;
  if (answer) console.log(`coursebot answered: ${describeAnswer(answer)}`);
  if (oursMissing) console.log(`coursebot side not measured: ${oursMissing}`);
  console.log(pass ? 'Both targets met.' : 'Targets not met (see MISS / n/a above).');
  if (values.strict && !pass) exitCode = 1;
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  for (const child of children) await child.stop();
  await fake.close();
}
process.exit(exitCode);
