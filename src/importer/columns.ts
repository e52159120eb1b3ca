import { UserError } from '../util/user-error.ts';
import type { RawRow } from './rows.ts';

export type Column = 'date' | 'label' | 'topic' | 'notes' | 'readings' | 'assigned' | 'due' | 'presentations';

const NAMES: [RegExp, Column][] = [
  [/^(?:date|day|when|dates)$/, 'date'],
  [/^(?:class|lecture|lec|session|meeting|#|no|number|class #|lecture #)$/, 'label'],
  [/^(?:topics?|subject|title|lecture topic|content)$/, 'topic'],
  [/^(?:notes?|remarks?|comments?|announcements?|events?)$/, 'notes'],
  [/^(?:.*\breadings?\b.*|materials?|resources|references|papers?|slides)$/, 'readings'],
  [/^(?:assigned|released|out|homework|assignments?|hw)$/, 'assigned'],
  [/^(?:due|deadlines?|due dates?|hw due)$/, 'due'],
  [/^(?:presentations?|presenters?|presenter|speakers?)$/, 'presentations'],
];

/** Which column of a table holds what, from its header names ("Date", "Lecture", "Recommended reading"…). */
export function mapColumns(headers: string[]): (Column | undefined)[] {
  const seen = new Set<Column>();
  return headers.map((header) => {
    const name = header.toLowerCase().replace(/[.:*]/g, '').replace(/\s+/g, ' ').trim();
    const column = NAMES.find(([re]) => re.test(name))?.[1];
    if (!column || seen.has(column)) return undefined;
    seen.add(column);
    return column;
  });
}

/** True when the headers name a date column: how a table is told apart from other tables on a page. */
export function hasDateColumn(headers: string[]): boolean {
  return mapColumns(headers).includes('date');
}

export function requireDateColumn(headers: string[], where: string): (Column | undefined)[] {
  const columns = mapColumns(headers);
  if (!columns.includes('date')) {
    const shown = headers.map((h) => `"${h}"`).join(', ');
    throw new UserError(
      `cannot import ${where}: no date column among its headers (${shown}); name the column of dates "Date"`,
    );
  }
  return columns;
}

/** Puts each cell of a table row under its column's name. */
export function rowFromCells(
  cells: string[],
  columns: (Column | undefined)[],
  line: number,
  links: RawRow['links'] = [],
): RawRow {
  const row: RawRow = { line, date: '', links };
  columns.forEach((column, i) => {
    const cell = cells[i]?.trim();
    if (column && cell) row[column] = cell;
  });
  return row;
}
