/**
 * `npm run bench:department`: one coursebot serving a synthetic department — 1,000 generated courses of 30
 * sessions and 6 events, each in its own channel, loaded from a folder of plan files (COURSEBOT_COURSES) —
 * against a bare Bolt app where that applies. Prints, each with its target and PASS/MISS:
 *  - start-up time and resident memory with every course loaded;
 *  - one scheduler tick with every course, nothing due (median, p99);
 *  - `/schedule next` typed in one course's channel (p50, p99) against the bare app, the sides taking turns
 *    in `--rounds` batches so that the machine's ups and downs fall on all of them alike;
 *  - memory and p50 again for coursebot under plain `node`, without npm start's options (informational);
 *  - the morning burst: a class-day post per course due at 08:00, a fake Slack taking 50 ms per call,
 *    one post per second per channel and 429 (Retry-After: 1) to 5% of posts: when the last one lands,
 *    and that none landed twice.
 * All traffic stays on 127.0.0.1; a run takes about two minutes on two cores.
 *
 *   npm run bench:department -- --courses 1000 --runs 2 --requests 1000 --rounds 10 --ticks 30
 *
 * `--from-source` runs coursebot from its TypeScript sources through tsx; `--strict` exits 1 on a MISS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { isBuildCurrent } from '../bin/build-stamp.js';
import { startFakeSlack } from '../tests/fakes/fake-slack.ts';
import { departmentEnv, writeDepartment } from './department-plans.ts';
import { departmentRows } from './department-report.ts';
import { measureServing } from './department-serving.ts';
import { measureTick } from './department-tick.ts';
import { percentile } from './latency-report.ts';
import { describeBurst, runBurst } from './morning-burst.ts';
import { nodeOptionsOfStartScript } from './start-options.ts';
import { describeAnswer } from './describe-answer.ts';
import { whole } from './whole-option.ts';

const { values } = parseArgs({
  options: {
    courses: { type: 'string', default: '1000' },
    runs: { type: 'string', default: '2' },
    warmup: { type: 'string', default: '200' },
    requests: { type: 'string', default: '1000' },
    rounds: { type: 'string', default: '10' },
    ticks: { type: 'string', default: '30' },
    'from-source': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  },
});
const count = whole('courses', values.courses, 1);
const runs = whole('runs', values.runs, 1);
const warmup = whole('warmup', values.warmup, 0);
const requests = whole('requests', values.requests, 1);
const rounds = whole('rounds', values.rounds, 1);
const ticks = whole('ticks', values.ticks, 1);
const fromSource = values['from-source'];
const nodeOptions = nodeOptionsOfStartScript();

const dir = mkdtempSync(join(tmpdir(), 'coursebot-department-'));
let exitCode = 0;
try {
  const courses = writeDepartment(join(dir, 'courses'), count);
  // The department's settings: the plan folder instead of one plan, each course's channel from its plan.
  const env = departmentEnv(join(dir, 'courses'));
  const how = fromSource
    ? 'its TypeScript sources through tsx (--from-source)'
    : isBuildCurrent()
      ? 'dist/, compiled from the current sources'
      : 'its TypeScript sources through tsx: dist/ is missing or older than src/ (npm run build)';
  console.log(`node ${process.version} on ${process.platform}/${process.arch}; coursebot runs from ${how},`);
  console.log(`as \`npm start\` runs it (node ${[...nodeOptions, 'bin/coursebot.js start'].join(' ')}).`);
  console.log(`${count} courses × 30 sessions and 6 events, in ${count} channels.`);
  console.log('');

  const fake = await startFakeSlack({
    channels: courses.map((c) => ({ id: c.channel, name: `dept-${c.index}` })),
  });
  const asked = courses[Math.floor(count / 2)]!;
  let serving;
  try {
    serving = await measureServing({
      fake,
      channel: asked.channel,
      env,
      nodeOptions,
      fromSource,
      // A quiet afternoon: nothing is due while the commands are timed.
      now: '2025-10-21T12:00:00-04:00',
      runs,
      warmup,
      requests,
      rounds,
    });
  } finally {
    await fake.close();
  }
  const tick = await measureTick(join(dir, 'courses'), ticks);
  const startupMs = Math.max(...serving.coursebot.map((s) => s.startMs));
  const burst = await runBurst({
    courses,
    env,
    nodeOptions,
    fromSource,
    startupMs: startupMs + 5000,
    timeoutMs: 60_000,
  });

  const { rows, pass } = departmentRows({ serving, tick, burst });
  for (const row of rows) console.log(row);
  console.log('');
  const answer = serving.coursebot.at(-1)?.answer;
  if (answer)
    console.log(`coursebot answered in ${asked.channel} (${asked.code}): ${describeAnswer(answer, 140)}`);
  console.log(`burst: ${describeBurst(burst)}.`);
  console.log(
    `tick: ${tick.samplesMs.length} ticks, p50 ${percentile(tick.samplesMs, 50).toFixed(1)} ms, ${tick.sent} posts sent (must be 0).`,
  );
  console.log(pass ? 'All targets met.' : 'Targets not met (see MISS above).');
  if (values.strict && !pass) exitCode = 1;
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
