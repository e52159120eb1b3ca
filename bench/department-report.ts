/**
 * The printed table of `npm run bench:department`: each figure beside the bare Bolt app where one applies,
 * with its target and PASS/MISS.
 */
import type { TickCost } from './department-tick.ts';
import type { ServingSample, ServingSide } from './department-serving.ts';
import { percentile } from './latency-report.ts';
import type { BurstResult } from './morning-burst.ts';
import { alignTable } from './text-table.ts';
import { median } from './weight-report.ts';

export const TARGETS = {
  /** coursebot's memory at most this × the bare app's, plus `rssExtraMB`. */
  rssRatio: 1.3,
  rssExtraMB: 50,
  tickMedianMs: 50,
  p50Ratio: 1.2,
  burstSeconds: 30,
};

export interface DepartmentFigures {
  serving: Record<ServingSide, ServingSample[]>;
  tick: TickCost;
  burst: BurstResult;
}

const MB = 1024 * 1024;
/** Slack shows the user an error when a command is not answered within this. */
const SLACK_ACK_MS = 3000;
const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : 'n/a');
/** Round trips of well under a millisecond: one decimal would show 0.4 against 0.5 for a 1.1× ratio. */
const fineMs = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)} ms` : 'n/a');
const mb = (v: number) => (Number.isFinite(v) ? `${(v / MB).toFixed(1)} MB` : 'n/a');
const s = (v: number) => (Number.isFinite(v) ? `${(v / 1000).toFixed(1)} s` : 'n/a');
const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : '');
const verdict = (ok: boolean) => (ok ? 'PASS' : 'MISS');

export function departmentRows({ serving, tick, burst }: DepartmentFigures): {
  rows: string[];
  pass: boolean;
} {
  const side = (k: ServingSide) => {
    const all = serving[k].flatMap((x) => x.latenciesMs);
    return {
      listeningMs: median(serving[k].map((x) => x.listeningMs)),
      startMs: median(serving[k].map((x) => x.startMs)),
      rss: median(serving[k].map((x) => x.rssBytes)),
      p50: percentile(all, 50),
      p99: percentile(all, 99),
      longest: Math.max(...all),
      overSlackLimit: all.filter((t) => t > SLACK_ACK_MS).length,
      count: all.length,
    };
  };
  const bare = side('bare');
  const ours = side('coursebot');
  const plain = side('plain');
  const rssLimit = bare.rss * TARGETS.rssRatio + TARGETS.rssExtraMB * MB;
  const tickP50 = percentile(tick.samplesMs, 50);
  const p50Ratio = ours.p50 / bare.p50;
  const burstOk =
    burst.missing === 0 && burst.duplicates === 0 && burst.lastMs <= TARGETS.burstSeconds * 1000;
  const checks = {
    rss: ours.rss <= rssLimit,
    tick: tickP50 < TARGETS.tickMedianMs && tick.sent === 0,
    p50: p50Ratio <= TARGETS.p50Ratio,
    burst: burstOk,
    slackLimit: ours.overSlackLimit === 0,
  };
  const table: string[][] = [
    ['', 'bare Bolt', 'coursebot', 'ratio', 'target', 'result'],
    [
      'start-up: spawn → listening',
      ms(bare.listeningMs),
      ms(ours.listeningMs),
      ratio(ours.listeningMs / bare.listeningMs),
      '',
      '',
    ],
    [
      'start-up: spawn → first answer',
      ms(bare.startMs),
      ms(ours.startMs),
      ratio(ours.startMs / bare.startMs),
      '',
      '',
    ],
    [
      'resident memory',
      mb(bare.rss),
      mb(ours.rss),
      ratio(ours.rss / bare.rss),
      `≤ ${mb(rssLimit)} (${TARGETS.rssRatio}× + ${TARGETS.rssExtraMB} MB)`,
      verdict(checks.rss),
    ],
    ['  the same under plain node (no options)', '', mb(plain.rss), ratio(plain.rss / bare.rss), '', ''],
    ['tick, nothing due: median', '', ms(tickP50), '', `< ${TARGETS.tickMedianMs} ms`, verdict(checks.tick)],
    ['tick, nothing due: p99', '', ms(percentile(tick.samplesMs, 99)), '', '', ''],
    ['first tick after the start', '', ms(tick.firstMs), '', '', ''],
    [
      '/schedule next: p50',
      fineMs(bare.p50),
      fineMs(ours.p50),
      ratio(p50Ratio),
      `≤ ${TARGETS.p50Ratio}×`,
      verdict(checks.p50),
    ],
    ['  the same under plain node (no options)', '', fineMs(plain.p50), ratio(plain.p50 / bare.p50), '', ''],
    ['/schedule next: p99', fineMs(bare.p99), fineMs(ours.p99), ratio(ours.p99 / bare.p99), '', ''],
    ['/schedule next: longest', ms(bare.longest), ms(ours.longest), '', '', ''],
    [
      `/schedule next: over ${SLACK_ACK_MS / 1000} s (of ${ours.count})`,
      String(bare.overSlackLimit),
      String(ours.overSlackLimit),
      '',
      '0 (Slack gives up)',
      verdict(checks.slackLimit),
    ],
    [
      'morning burst: last post after 08:00',
      '',
      s(burst.lastMs),
      '',
      `≤ ${TARGETS.burstSeconds} s, each once`,
      verdict(checks.burst),
    ],
  ];
  return { rows: alignTable(table), pass: Object.values(checks).every(Boolean) };
}
