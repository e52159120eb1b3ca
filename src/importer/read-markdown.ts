import { UserError } from '../util/user-error.ts';
import { columnRemarks, hasDateColumn, mapColumns, requireDateColumn } from './columns.ts';
import { cleanText, type CellLink, type TableRead } from './rows.ts';
import { tableItems, type SourceRow } from './table-items.ts';

const SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;
// Reference-style links: "[HW1]" or "[the notes][n3]" in a cell, "[HW1]: ../hw/hw1.pdf" on a line of its own.
const REFERENCE = /\[([^\]]+)\](?:\[([^\]]*)\])?/g;
const DEFINITION = /^\s{0,3}\[([^\]]+)\]:\s*(\S+)/;

function cells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}

/**
 * Reads the Markdown (pipe) tables of a page: every table whose header names a date column, each with its
 * own columns, in page order; `[text](url)` and `[text]` reference links become reading urls. Blank lines between the rows of a
 * table do not end it; a line of text without a pipe does. Lines before the first table are the preamble.
 */
export function readMarkdown(text: string): TableRead {
  const lines = text.split(/\r?\n/);
  const separated = (i: number) => SEPARATOR.test((lines[i + 1] ?? '').trim());
  // A header needs its |---| line, unless it names a date column: "Date | Lecture | Due |" over pipe rows.
  const isHeader = (i: number) =>
    lines[i]!.includes('|') &&
    (separated(i) || (!SEPARATOR.test(lines[i]!.trim()) && hasDateColumn(cells(lines[i]!).map(cleanText))));
  const starts = lines.flatMap((_, i) => (isHeader(i) ? [i] : []));
  if (starts.length === 0)
    throw new UserError('cannot import this Markdown: it has no table (a header row, then |---|---|)');
  const tables = starts.map((start) => ({ start, columns: mapColumns(cells(lines[start]!).map(cleanText)) }));
  const dated = tables.filter((t) => t.columns.some((c) => c.column === 'date'));
  if (dated.length === 0) requireDateColumn(cells(lines[starts[0]!]!).map(cleanText), 'this Markdown table');
  const heading = lines.slice(0, dated[0]!.start).find((l) => /^#{1,3}\s/.test(l));
  const defined = new Map<string, string>();
  for (const line of lines) {
    const m = DEFINITION.exec(line);
    if (m) defined.set(m[1]!.trim().toLowerCase(), m[2]!.replace(/^<|>$/g, ''));
  }
  const items: TableRead['items'] = [];
  const remarks: NonNullable<TableRead['remarks']> = [];
  for (const { start, columns } of dated) {
    const rows: SourceRow[] = [];
    for (let i = start + (separated(start) ? 2 : 1); i < lines.length; i += 1) {
      const line = lines[i]!;
      if (!line.trim()) continue;
      if (!line.includes('|') || isHeader(i)) break;
      const links: CellLink[] = [];
      const texts = cells(line).map((cell) =>
        cleanText(
          cell
            .replace(LINK, (_, label: string, url: string) => {
              links.push({ text: cleanText(label), url });
              return label;
            })
            .replace(REFERENCE, (whole, label: string, ref?: string) => {
              const url = defined.get((ref || label).trim().toLowerCase());
              if (url === undefined) return whole;
              links.push({ text: cleanText(label), url });
              return label;
            }),
        ).replace(/\*\*|__|`|(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)/g, ''),
      );
      rows.push({ line: i + 1, cells: texts, links });
    }
    items.push(...tableItems(rows, columns));
    remarks.push(...columnRemarks(columns, start + 1));
  }
  return {
    items,
    heading: heading?.replace(/^#+\s+/, '').trim(),
    preamble: lines.slice(0, dated[0]!.start).join('\n'),
    hasReadings: dated.some((t) => t.columns.some((c) => c.column === 'readings')),
    remarks,
  };
}
