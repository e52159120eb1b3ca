import { UserError } from '../util/user-error.ts';
import { parseLead } from './parse-lead.ts';
import { requireDateColumn, rowFromCells } from './columns.ts';
import { cleanText, type CellLink, type TableItem, type TableRead } from './rows.ts';

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
  const items: TableItem[] = [];
  const heading = lines.slice(0, start).find((l) => /^#\s/.test(l));
  for (let i = start + 2; i < lines.length && lines[i]!.includes('|'); i += 1) {
    const raw = cells(lines[i]!);
    const links: CellLink[] = [];
    const texts = raw.map((cell) =>
      cleanText(
        cell.replace(LINK, (_, label: string, url: string) => {
          links.push({ text: cleanText(label), url });
          return label;
        }),
      ).replace(/\*\*|__|`/g, ''),
    );
    const filled = texts.filter(Boolean);
    if (filled.length === 0) continue;
    if (filled.length === 1 && !parseLead(filled[0]!)) {
      if (!/^week\s*\d+$/i.test(filled[0]!)) items.push({ kind: 'section', title: filled[0]!, line: i + 1 });
      continue;
    }
    items.push({ kind: 'row', row: rowFromCells(texts, columns, i + 1, links) });
  }
  return { items, heading: heading?.replace(/^#\s+/, '').trim(), hasReadings: columns.includes('readings') };
}
