/**
 * `npm run bench:weight`: how heavy coursebot's processes are against what they cannot do without.
 *  - the running bot (`coursebot start`, HTTP mode) after answering `/schedule next`, against a bare Bolt
 *    app answering the same requests: resident memory;
 *  - `coursebot ask next`, against `node` importing @slack/bolt, luxon, zod and better-sqlite3 and exiting:
 *    wall time and peak memory.
 * Medians over the runs, each ratio with its target (≤ 1.3×). All traffic stays on 127.0.0.1: a fake Slack
 * serves the Web API.
 *
 *   npm run bench:weight -- --runs 7 --warmup 1 --requests 500 --schedule ./schedule.json --now 2025-10-14T09:00-04:00
 *
 * `--from-source` measures coursebot run from its TypeScript sources through tsx (as when dist/ is missing
 * or older than src/); `--strict` exits 1 when a target is missed.
 */
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isBuildCurrent } from '../bin/build-stamp.js';
import { startFakeSlack } from '../tests/fakes/fake-slack.ts';
import { measureBotMemory } from './bot-memory.ts';
import { measureCommands } from './cli-weight.ts';
import { verdict, weightTable, type Figure } from './weight-report.ts';
import { describeAnswer } from './describe-answer.ts';
import { nodeOptionsOfStartScript } from './start-options.ts';
import { whole } from './whole-option.ts';

const TARGET = 1.3;
const ROOT = resolve(import.meta.dirname, '..');
const DEPENDENCIES = ['@slack/bolt', 'luxon', 'zod', 'better-sqlite3'];

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '1' },
    requests: { type: 'string', default: '500' },
    schedule: { type: 'string', default: './schedule.json' },
    now: { type: 'string', default: '2025-10-14T09:00:00-04:00' },
    'from-source': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  },
});
const runs = whole('runs', values.runs, 1);
const warmup = whole('warmup', values.warmup, 0);
const requests = whole('requests', values.requests, 1);
const fromSource = values['from-source'];
const schedulePath = resolve(values.schedule);
const startOptions = nodeOptionsOfStartScript();

const how = fromSource
  ? 'its TypeScript sources through tsx (--from-source)'
  : isBuildCurrent()
    ? 'dist/, compiled from the current sources'
    : 'its TypeScript sources through tsx: dist/ is missing or older than src/ (npm run build)';
console.log(`node ${process.version} on ${process.platform}/${process.arch}; coursebot runs from ${how}.`);
console.log(`${runs} runs of each side, alternating, after ${warmup} warm-up run(s) (the CLI) each.`);
console.log('');

const fake = await startFakeSlack({ channels: [{ id: 'C0CLASS', name: 'cs599' }] });
let exitCode = 0;
try {
  const bot = await measureBotMemory({
    fake,
    startOptions,
    runs,
    warmup: Math.max(1, Math.floor(requests / 5)),
    requests,
    schedulePath,
    now: values.now,
    fromSource,
  });
  const { bare, npmStart, plain } = bot.samples;
  const botFigures: Figure[] = [
    {
      name: 'rss',
      unit: 'MB',
      baseline: bare.map((s) => s.rssBytes),
      ours: npmStart.map((s) => s.rssBytes),
      target: TARGET,
    },
    { name: 'p50', unit: 'ms', baseline: bare.map((s) => s.p50Ms), ours: npmStart.map((s) => s.p50Ms) },
  ];
  const plainFigures: Figure[] = [
    { name: 'rss', unit: 'MB', baseline: bare.map((s) => s.rssBytes), ours: plain.map((s) => s.rssBytes) },
    { name: 'p50', unit: 'ms', baseline: bare.map((s) => s.p50Ms), ours: plain.map((s) => s.p50Ms) },
  ];
  console.log(`The running bot after ${requests} signed /schedule next requests over HTTP (and a warm-up):`);
  console.log(`  as \`npm start\` runs it (node ${[...startOptions, 'bin/coursebot.js start'].join(' ')}):`);
  for (const row of weightTable(botFigures, { baseline: 'bare Bolt app', ours: 'coursebot start' }))
    console.log(`    ${row}`);
  console.log('  without node options (node bin/coursebot.js start):');
  for (const row of weightTable(plainFigures, { baseline: 'bare Bolt app', ours: 'coursebot start' }))
    console.log(`    ${row}`);
  if (bot.answer) console.log(`  coursebot answered: ${describeAnswer(bot.answer, 120)}`);
  console.log('');

  const [ask, deps] = await measureCommands(
    {
      args: [
        resolve(ROOT, 'bin/coursebot.js'),
        'ask',
        'next',
        '--now',
        values.now,
        '--schedule',
        schedulePath,
      ],
      env: { COURSEBOT_FROM_SOURCE: fromSource ? '1' : '' },
    },
    { args: ['--input-type=module', '-e', DEPENDENCIES.map((name) => `import '${name}';`).join(' ')] },
    { runs, warmup, cwd: ROOT },
  );
  const cliFigures: Figure[] = [
    { name: 'wall', unit: 's', baseline: deps.wallSeconds, ours: ask.wallSeconds, target: TARGET },
    { name: 'peak rss', unit: 'MB', baseline: deps.peakBytes, ours: ask.peakBytes, target: TARGET },
  ];
  console.log(`\`coursebot ask next\` against node importing ${DEPENDENCIES.join(', ')}:`);
  for (const row of weightTable(cliFigures, { baseline: 'node + deps', ours: 'coursebot ask' }))
    console.log(`  ${row}`);
  console.log('');

  const pass = [...botFigures, ...cliFigures].every((figure) => verdict(figure).pass);
  console.log(pass ? 'All three targets met.' : 'Targets not met (see MISS above).');
  if (values.strict && !pass) exitCode = 1;
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await fake.close();
}
process.exit(exitCode);
