/** Lays a benchmark's table out for a terminal: the first column left-aligned, the figures right-aligned. */
export function alignTable(table: readonly (readonly string[])[]): string[] {
  const widths = table[0]!.map((_, col) => Math.max(...table.map((row) => row[col]!.length)));
  return table.map((row) =>
    row.map((cell, col) => (col === 0 ? cell.padEnd(widths[col]!) : cell.padStart(widths[col]!))).join('  '),
  );
}
