import { parse, type HTMLElement } from 'node-html-parser';
import { UserError } from '../util/user-error.ts';
import { parseLead } from './parse-lead.ts';
import { hasDateColumn, requireDateColumn, rowFromCells } from './columns.ts';
import { cleanText, type CellLink, type TableItem, type TableRead } from './rows.ts';

const cellsOf = (tr: HTMLElement) => tr.querySelectorAll('th, td');

/**
 * Reads the schedule table of an HTML page: the first table whose header names a date column. Links in
 * the cells become reading urls; a row with a single non-date cell (a colspan row) heads a section.
 */
export function readHtml(text: string): TableRead {
  const root = parse(text, { comment: false, blockTextElements: { script: false, style: false } });
  const tables = root.querySelectorAll('table');
  if (tables.length === 0) {
    throw new UserError(
      'cannot import this HTML page: it has no <table>; save the page that shows the schedule',
    );
  }
  const lineAt = (offset: number) => text.slice(0, offset).split('\n').length;
  const headerOf = (table: HTMLElement) => {
    const first = table.querySelector('tr');
    return first ? cellsOf(first).map((c) => cleanText(c.textContent)) : [];
  };
  const table = tables.find((t) => hasDateColumn(headerOf(t))) ?? tables[0]!;
  const headers = headerOf(table);
  const columns = requireDateColumn(headers, 'this HTML table');
  const items: TableItem[] = [];
  for (const tr of table.querySelectorAll('tr').slice(1)) {
    const cells = cellsOf(tr);
    const texts = cells.map((c) => cleanText(c.textContent));
    const line = lineAt(tr.range[0]);
    const filled = texts.filter(Boolean);
    if (filled.length === 0) continue;
    if (cells.length === 1 || (filled.length === 1 && !parseLead(filled[0]!))) {
      if (/^week\s*\d+$/i.test(filled[0]!)) continue;
      items.push({ kind: 'section', title: filled[0]!, line });
      continue;
    }
    const links: CellLink[] = tr
      .querySelectorAll('a[href]')
      .map((a) => ({ text: cleanText(a.textContent), url: a.getAttribute('href') ?? '' }))
      .filter((l) => /^https?:\/\//.test(l.url));
    items.push({ kind: 'row', row: rowFromCells(texts, columns, line, links) });
  }
  const title = cleanText(
    root.querySelector('h1')?.textContent ?? root.querySelector('title')?.textContent ?? '',
  );
  return { items, heading: title || undefined, hasReadings: columns.includes('readings') };
}
