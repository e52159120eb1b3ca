/**
 * The printed table of `npm run bench:instances`: the morning burst served by one instance on SQLite and by
 * two on one PostgreSQL database, side by side, with the targets of the many-courses burst.
 */
import { TARGETS } from './department-report.ts';
import type { BurstResult } from './morning-burst.ts';
import { alignTable } from './text-table.ts';

export interface InstancesFigures {
  sqlite: BurstResult;
  postgres: BurstResult;
}

const s = (v: number) => (Number.isFinite(v) ? `${(v / 1000).toFixed(1)} s` : 'n/a');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

export function instancesRows({ sqlite, postgres }: InstancesFigures): { rows: string[]; pass: boolean } {
  const limitMs = TARGETS.burstSeconds * 1000;
  const both = (test: (burst: BurstResult) => boolean) => test(sqlite) && test(postgres);
  const checks = {
    last: both((b) => b.lastMs <= limitMs),
    twice: both((b) => b.duplicates === 0),
    missing: both((b) => b.missing === 0),
  };
  const table: string[][] = [
    ['morning burst', '1 instance, SQLite', '2 instances, PostgreSQL', 'target', 'result'],
    [
      'time to the last post after 08:00',
      s(sqlite.lastMs),
      s(postgres.lastMs),
      `≤ ${TARGETS.burstSeconds} s`,
      verdict(checks.last),
    ],
    ['lateness: p50', s(sqlite.p50Ms), s(postgres.p50Ms), '', ''],
    ['lateness: p99', s(sqlite.p99Ms), s(postgres.p99Ms), '', ''],
    ['posts twice', String(sqlite.duplicates), String(postgres.duplicates), '0', verdict(checks.twice)],
    ['posts missing', String(sqlite.missing), String(postgres.missing), '0', verdict(checks.missing)],
    [
      'chat.postMessage calls (429s)',
      `${sqlite.calls} (${sqlite.refused})`,
      `${postgres.calls} (${postgres.refused})`,
      '',
      '',
    ],
  ];
  return { rows: alignTable(table), pass: Object.values(checks).every(Boolean) };
}
