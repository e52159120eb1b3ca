/**
 * The printed comparison of `npm run bench:weight`: per figure the median of each side over the runs, the
 * ratio of the medians, the spread of the run-by-run ratios, and the target.
 */

export interface Figure {
  name: string;
  unit: 'MB' | 's' | 'ms';
  /** One sample per run, baseline side. */
  baseline: number[];
  /** One sample per run, coursebot side, paired with `baseline` by index. */
  ours: number[];
  /** ours / baseline at most this; none: shown for information. */
  target?: number;
}

export function median(samples: readonly number[]): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export interface Verdict {
  ratio: number;
  pass: boolean;
}

export function verdict(figure: Figure): Verdict {
  const ratio = median(figure.ours) / median(figure.baseline);
  return { ratio, pass: figure.target === undefined || (Number.isFinite(ratio) && ratio <= figure.target) };
}

const show = (value: number, unit: Figure['unit']) =>
  Number.isNaN(value)
    ? 'n/a'
    : unit === 'MB'
      ? `${(value / 1024 / 1024).toFixed(1)} MB`
      : `${value.toFixed(3)} ${unit}`;
const times = (value: number) => (Number.isFinite(value) ? `${value.toFixed(2)}×` : 'n/a');

/** Rows of a table: figure, baseline, coursebot, ratio, run-by-run ratio range, target, result. */
export function weightTable(
  figures: readonly Figure[],
  labels: { baseline: string; ours: string },
): string[] {
  const table: string[][] = [
    ['', labels.baseline, labels.ours, 'ratio', 'runs (min–max)', 'target', 'result'],
  ];
  for (const figure of figures) {
    const { ratio, pass } = verdict(figure);
    const pairs = figure.ours.map((value, i) => value / figure.baseline[i]!).filter(Number.isFinite);
    table.push([
      figure.name,
      show(median(figure.baseline), figure.unit),
      show(median(figure.ours), figure.unit),
      times(ratio),
      pairs.length ? `${times(Math.min(...pairs))}–${times(Math.max(...pairs))}` : 'n/a',
      figure.target === undefined ? '' : `≤ ${figure.target}×`,
      figure.target === undefined ? '' : Number.isFinite(ratio) ? (pass ? 'PASS' : 'MISS') : 'n/a',
    ]);
  }
  const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
  return table.map((row) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  '),
  );
}
