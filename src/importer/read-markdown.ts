import { UserError } from '../util/user-error.ts';
import { columnRemarks, requireDateColumn } from './columns.ts';
import { cleanText, type CellLink, type TableRead } from './rows.ts';
import { tableItems, type SourceRow } from './table-items.ts';

const SEPARATOR = /^\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?$/;
const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g;

function cells(line: string): string[] {
  const inner = line
    .trim()
    .replace(/^\|/, '')
    .replace(/(?<!\\)\|$/, '');
  return inner.split(/(?<!\\)\|/).map((c) => c.replace(/\\\|/g, '|'));
}

/** Reads a Markdown (pipe) table; `[text](url)` links become reading urls. Other lines are the preamble. */
export function readMarkdown(text: string): TableRead {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l, i) => l.includes('|') && SEPARATOR.test((lines[i + 1] ?? '').trim()));
  if (start < 0)
    throw new UserError('cannot import this Markdown: it has no table (a header row, then |---|---|)');
  const columns = requireDateColumn(cells(lines[start]!).map(cleanText), 'this Markdown table');
  const heading = lines.slice(0, start).find((l) => /^#\s/.test(l));
  const rows: SourceRow[] = [];
  for (let i = start + 2; i < lines.length && lines[i]!.includes('|'); i += 1) {
    const links: CellLink[] = [];
    const texts = cells(lines[i]!).map((cell) =>
      cleanText(
        cell.replace(LINK, (_, label: string, url: string) => {
          links.push({ text: cleanText(label), url });
          return label;
        }),
      ).replace(/\*\*|__|`/g, ''),
    );
    rows.push({ line: i + 1, cells: texts, links });
  }
  return {
    items: tableItems(rows, columns),
    heading: heading?.replace(/^#\s+/, '').trim(),
    hasReadings: columns.some((c) => c.column === 'readings'),
    remarks: columnRemarks(columns, start + 1),
  };
}
