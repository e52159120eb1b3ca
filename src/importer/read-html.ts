import { parse, type HTMLElement } from 'node-html-parser';
import { UserError } from '../util/user-error.ts';
import {
  columnRemarks,
  guessDateColumn,
  hasDateColumn,
  mapColumns,
  requireDateColumn,
  type ColumnInfo,
} from './columns.ts';
import { parseLead } from './parse-lead.ts';
import { separateWords } from './cell-html.ts';
import { closeTableTags } from './close-table-tags.ts';
import { tableGrid } from './html-grid.ts';
import { childrenNamed, elementsNamed } from './html-walk.ts';
import { cleanText, type TableRead } from './rows.ts';
import { tableItems, type SourceRow } from './table-items.ts';

const SHARED = new Set(['topic', 'readings', 'other']);
const TABLE = new Set(['table']);
const ROW = new Set(['tr']);
const ROW_OR_TABLE = new Set(['tr', 'table']);
const CELL = new Set(['td', 'th']);
const H1 = new Set(['h1']);
const TITLE = new Set(['title']);

/**
 * Reads the schedule table of an HTML page: the first table with a row of headers naming a date column.
 * Rows and columns spanned by a cell are laid out first; links in the cells become reading urls; a row of
 * one cell heads a section.
 */
export function readHtml(text: string): TableRead {
  const html = closeTableTags(separateWords(text));
  const root = parse(html, { comment: false, blockTextElements: { script: false, style: false } });
  const tables = elementsNamed(root, TABLE);
  if (tables.length === 0) {
    throw new UserError(
      'cannot import this HTML page: it has no <table>; save the page that shows the schedule',
    );
  }
  const lineAt = lineFinder(html);
  const rowsOf = (table: HTMLElement) => elementsNamed(table, ROW, ROW_OR_TABLE);
  const headersOf = (tr: HTMLElement) => childrenNamed(tr, CELL).map((c) => cleanText(c.textContent));
  // The header row is the first one naming a date column: a caption-like row may come before it.
  const found = tables
    .map((table) => ({ table, at: rowsOf(table).findIndex((tr) => hasDateColumn(headersOf(tr))) }))
    .find((t) => t.at >= 0);
  let table = found?.table ?? tables[0]!;
  let headerAt = Math.max(0, found?.at ?? 0);
  let columns: ColumnInfo[] | undefined;
  const guessRemarks: string[] = [];
  if (!found) {
    // No header names a date column: take the first table with a column of dates under its first row.
    for (const candidate of tables) {
      const candidateRows = rowsOf(candidate);
      if (!candidateRows[0]) continue;
      const guess = guessDateColumn(
        mapColumns(headersOf(candidateRows[0])),
        tableGrid(candidateRows.slice(1)).map((r) => r.cells),
        (cell) => parseLead(cell) !== null,
      );
      if (!guess) continue;
      table = candidate;
      headerAt = 0;
      columns = guess.columns;
      guessRemarks.push(guess.remark);
      break;
    }
  }
  const rows = rowsOf(table);
  const headerRow = rows[headerAt];
  columns ??= requireDateColumn(headerRow ? headersOf(headerRow) : [], 'this HTML table');
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
    elementsNamed(root, H1)[0]?.textContent ?? elementsNamed(root, TITLE)[0]?.textContent ?? '',
  );
  return {
    items: tableItems(sourceRows, columns),
    heading: title || undefined,
    hasReadings: columns.some((c) => c.column === 'readings'),
    remarks: [
      ...guessRemarks.map((message) => ({ line: lineAt(rows[headerAt]?.range[0] ?? 0), message })),
      ...columnRemarks(columns, lineAt(rows[headerAt]?.range[0] ?? 0)),
    ],
  };
}

/** The 1-based line of an offset, by a binary search over where the lines start. */
function lineFinder(text: string): (offset: number) => number {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= offset) low = mid;
      else high = mid - 1;
    }
    return low + 1;
  };
}
