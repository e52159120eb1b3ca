/**
 * `npm run bench:instances`: the morning burst of a synthetic department (bench/morning-burst.ts: a
 * class-day post per course due at 08:00, a fake Slack taking 50 ms per call, one post per second per
 * channel, 429 with Retry-After: 1 to 5% of posts) served by two `coursebot start` processes on one
 * PostgreSQL database, beside one process on SQLite. Prints the time to the last post, the lateness of the
 * posts (p50, p99), and the posts sent twice or missing (both must be 0).
 *
 *   npm run bench:instances -- --courses 1000
 *
 * PostgreSQL is DATABASE_URL or postgres://postgres@127.0.0.1:5432/test; the run creates a schema of its own
 * there and drops it. `--from-source` runs coursebot from its TypeScript sources; `--strict` exits 1 on a MISS.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createTestSchema, postgresUrlFromEnv, probePostgres } from '../tests/support/postgres.ts';
import { departmentEnv, writeDepartment } from './department-plans.ts';
import { instancesRows } from './instances-report.ts';
import { describeBurst, runBurst, type BurstOptions } from './morning-burst.ts';
import { nodeOptionsOfStartScript } from './start-options.ts';
import { whole } from './whole-option.ts';

const { values } = parseArgs({
  options: {
    courses: { type: 'string', default: '1000' },
    // How long a bot takes to start with every course loaded, so that 08:00 comes after both are up.
    startup: { type: 'string', default: '30' },
    'from-source': { type: 'boolean', default: false },
    strict: { type: 'boolean', default: false },
  },
});
const count = whole('courses', values.courses, 1);
const startupMs = whole('startup', values.startup, 1) * 1000;
const server = postgresUrlFromEnv();

const dir = mkdtempSync(join(tmpdir(), 'coursebot-instances-'));
let exitCode = 0;
try {
  const problem = await probePostgres(server);
  if (problem) throw new Error(`${problem} (set DATABASE_URL to the server to run on)`);
  const courses = writeDepartment(join(dir, 'courses'), count);
  const burst = (instances: number, env: Record<string, string>) => {
    const options: BurstOptions = {
      courses,
      instances,
      env: { ...departmentEnv(join(dir, 'courses')), ...env },
      nodeOptions: nodeOptionsOfStartScript(),
      fromSource: values['from-source'],
      startupMs,
      timeoutMs: 60_000,
    };
    return runBurst(options);
  };
  console.log(
    `node ${process.version} on ${process.platform}/${process.arch}; ${count} courses, a post each at 08:00.`,
  );
  console.log('');
  const sqlite = await burst(1, {});
  const schema = await createTestSchema(server);
  let postgres;
  try {
    postgres = await burst(2, { DATABASE_URL: schema.url });
  } finally {
    await schema.drop();
  }
  const { rows, pass } = instancesRows({ sqlite, postgres });
  for (const row of rows) console.log(row);
  console.log('');
  console.log(`SQLite: ${describeBurst(sqlite)}.`);
  console.log(`PostgreSQL: ${describeBurst(postgres)}.`);
  console.log(pass ? 'All targets met.' : 'Targets not met (see MISS above).');
  if (values.strict && !pass) exitCode = 1;
} catch (error) {
  console.error(`bench failed: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  rmSync(dir, { recursive: true, force: true });
}
process.exit(exitCode);
