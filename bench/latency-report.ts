/**
 * Turns the raw measurements of the slash-command benchmark into the printed comparison: percentiles,
 * ratios against the bare Bolt app, and PASS/MISS per target.
 */

export interface SideResult {
  label: string;
  /** Round-trip times in milliseconds, one per measured request. */
  latenciesMs: number[];
  rssBytes: number;
  errors: number;
}

export interface Targets {
  /** coursebot p50 / bare p50 at most this. */
  p50Ratio: number;
  /** coursebot rss / bare rss at most this. */
  rssRatio: number;
}

export const DEFAULT_TARGETS: Targets = { p50Ratio: 1.2, rssRatio: 1.3 };

/** Nearest-rank percentile (p in 0..100) of unsorted samples; NaN when there are none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export interface Comparison {
  rows: string[];
  pass: boolean;
}

const ms = (v: number) => (Number.isNaN(v) ? 'n/a' : `${v.toFixed(3)} ms`);
const mb = (v: number) => (Number.isNaN(v) ? 'n/a' : `${(v / 1024 / 1024).toFixed(1)} MB`);
const ratio = (v: number) => (Number.isFinite(v) ? `${v.toFixed(2)}×` : 'n/a');

/** The printed table; `ours` is undefined when coursebot's side could not run. */
export function compare(
  bare: SideResult,
  ours: SideResult | undefined,
  targets = DEFAULT_TARGETS,
): Comparison {
  const b = { p50: percentile(bare.latenciesMs, 50), p99: percentile(bare.latenciesMs, 99) };
  const o = ours
    ? { p50: percentile(ours.latenciesMs, 50), p99: percentile(ours.latenciesMs, 99) }
    : { p50: Number.NaN, p99: Number.NaN };
  const oursRss = ours?.rssBytes ?? Number.NaN;
  const p50Ratio = o.p50 / b.p50;
  const p99Ratio = o.p99 / b.p99;
  const rssRatio = oursRss / bare.rssBytes;
  const verdict = (value: number, limit: number) =>
    Number.isFinite(value) ? (value <= limit ? 'PASS' : 'MISS') : 'n/a';
  const table: string[][] = [
    ['', bare.label, ours?.label ?? 'coursebot', 'ratio', 'target', 'result'],
    [
      'p50',
      ms(b.p50),
      ms(o.p50),
      ratio(p50Ratio),
      `≤ ${targets.p50Ratio}×`,
      verdict(p50Ratio, targets.p50Ratio),
    ],
    ['p99', ms(b.p99), ms(o.p99), ratio(p99Ratio), '', ''],
    [
      'rss',
      mb(bare.rssBytes),
      mb(oursRss),
      ratio(rssRatio),
      `≤ ${targets.rssRatio}×`,
      verdict(rssRatio, targets.rssRatio),
    ],
    ['requests', String(bare.latenciesMs.length), String(ours?.latenciesMs.length ?? 0), '', '', ''],
    ['errors', String(bare.errors), String(ours?.errors ?? 'n/a'), '', '', ''],
  ];
  const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
  const rows = table.map((row) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  '),
  );
  const pass =
    ours !== undefined &&
    ours.errors === 0 &&
    bare.errors === 0 &&
    p50Ratio <= targets.p50Ratio &&
    rssRatio <= targets.rssRatio;
  return { rows, pass };
}
