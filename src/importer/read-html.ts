import { parse, type HTMLElement } from 'node-html-parser';
import { UserError } from '../util/user-error.ts';
import { columnRemarks, hasDateColumn, requireDateColumn } from './columns.ts';
import { tableGrid } from './html-grid.ts';
import { cleanText, type TableRead } from './rows.ts';
import { tableItems, type SourceRow } from './table-items.ts';

const SHARED = new Set(['topic', 'readings', 'other']);

/**
 * Line breaks and list items inside a cell separate words: "<br>" becomes a space and "</li>" a comma.
 * Each is replaced by as many characters, so offsets (and the line numbers in the review) stay the same.
 */
function separateWords(html: string): string {
  return html
    .replace(/<br\s*\/?>|<\/(?:p|div)>/gi, (tag) => ' '.repeat(tag.length))
    .replace(/<\/li>/gi, (tag) => `,${' '.repeat(tag.length - 1)}`);
}

/**
 * Reads the schedule table of an HTML page: the first table with a row of headers naming a date column.
 * Rows and columns spanned by a cell are laid out first; links in the cells become reading urls; a row of
 * one cell heads a section.
 */
export function readHtml(text: string): TableRead {
  const html = separateWords(text);
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false } });
  const tables = root.querySelectorAll('table');
  if (tables.length === 0) {
    throw new UserError(
      'cannot import this HTML page: it has no <table>; save the page that shows the schedule',
    );
  }
  const lineAt = (offset: number) => html.slice(0, offset).split('\n').length;
  const rowsOf = (table: HTMLElement) =>
    table.querySelectorAll('tr').filter((tr) => tr.closest('table') === table);
  const headersOf = (tr: HTMLElement) => tr.querySelectorAll('th, td').map((c) => cleanText(c.textContent));
  // The header row is the first one naming a date column: a caption-like row may come before it.
  const found = tables
    .map((table) => ({ table, at: rowsOf(table).findIndex((tr) => hasDateColumn(headersOf(tr))) }))
    .find((t) => t.at >= 0);
  const table = found?.table ?? tables[0]!;
  const rows = rowsOf(table);
  const headerAt = Math.max(0, found?.at ?? 0);
  const columns = requireDateColumn(rows[headerAt] ? headersOf(rows[headerAt]) : [], 'this HTML table');
  const dateColumns = columns.flatMap((c, i) => (c.column === 'date' ? [i] : []));
  const sourceRows: SourceRow[] = tableGrid(rows.slice(headerAt + 1)).map((row) => {
    const sameDate = dateColumns.length > 0 && dateColumns.every((i) => row.carried.has(i));
    // A topic, reading or room spanning several classes is each one's; a note spanning them is one
    // event, kept on the first.
    const cells = row.cells.map((cell, i) =>
      !sameDate && SHARED.has(columns[i]?.column ?? '') ? (row.carried.get(i) ?? cell) : cell,
    );
    return {
      line: lineAt(row.tr.range[0]),
      cells,
      links: row.links,
      single: row.own === 1 && row.cells.filter(Boolean).length <= 1 && columns.length > 1,
      sameDate,
    };
  });
  const title = cleanText(
    root.querySelector('h1')?.textContent ?? root.querySelector('title')?.textContent ?? '',
  );
  return {
    items: tableItems(sourceRows, columns),
    heading: title || undefined,
    hasReadings: columns.some((c) => c.column === 'readings'),
    remarks: columnRemarks(columns, lineAt(rows[headerAt]?.range[0] ?? 0)),
  };
}
