// A second coursebot instance starting on the same SQLite file. Run as
// `node --import tsx migrate-instance.ts FILE`: it opens the store, says "ready", waits for a line on
// stdin (so the test can start two at the same moment), migrates and prints what it found and when.
import { once } from 'node:events';
import { migrateSql } from '../../../src/storage/sql/migrate.ts';
import { openSql } from '../../../src/storage/sql/open-sql.ts';
import { createCourses, createRuns, slowInJs } from './test-migrations.ts';

const store = await openSql({ sqlitePath: process.argv[2]! });
try {
  process.stdout.write('ready\n');
  await once(process.stdin, 'data');
  const startedAt = performance.timeOrigin + performance.now();
  const result = await migrateSql(store, [createRuns, createCourses, slowInJs]);
  const endedAt = performance.timeOrigin + performance.now();
  process.stdout.write(`${JSON.stringify({ ...result, startedAt, endedAt })}\n`);
} finally {
  await store.close();
  process.stdin.destroy();
}
