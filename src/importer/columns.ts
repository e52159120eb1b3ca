import { UserError } from '../util/user-error.ts';
import { readWhen } from './note-when.ts';
import type { CellLink, ColumnWhen, RawRow } from './rows.ts';

export type Column = 'date' | 'label' | 'topic' | 'notes' | 'readings' | 'assigned' | 'due' | 'presentations';

/** What a column holds: one of the cells a row is made of, the week (page structure), or something else. */
export interface ColumnInfo {
  column: Column | 'week' | 'other';
  header: string;
  /** A day or time the header gives its cells ("Due [Friday 5:15pm unless noted]"). */
  when?: ColumnWhen;
}

const NAMES: [RegExp, Column | 'week'][] = [
  [/^(?:date|day|when|dates|weekday)$/, 'date'],
  [/^(?:week|wk|week #|week no)$/, 'week'],
  [/^(?:class|lecture|lec|session|meeting|#|no|number|class #|lecture #)$/, 'label'],
  [/^(?:topics?|subject|title|lecture topic|content)$/, 'topic'],
  [/^(?:notes?|remarks?|comments?|announcements?|events?)$/, 'notes'],
  [/^(?:.*\breadings?\b.*|materials?|resources|references|papers?|slides)$/, 'readings'],
  [/^(?:assigned|released|out|homework|assignments?|hw)$/, 'assigned'],
  [/^(?:due|deadlines?|due dates?|hw due)$/, 'due'],
  [/^(?:presentations?|presenters?|presenter|speakers?)$/, 'presentations'],
];

/** How the cells of two columns of the same kind are joined: "Tue" + "Sep 2", two lists, two texts. */
const JOIN: Record<Column, string> = {
  date: ' ',
  label: ' ',
  topic: '; ',
  notes: '; ',
  readings: ', ',
  assigned: ', ',
  due: ', ',
  presentations: ', ',
};

/**
 * Which column of a table holds what, from its header names ("Date", "Lecture", "Recommended reading"…).
 * Two columns of one kind ("Day" and "Date", "Required reading" and "Optional reading") are both read.
 */
export function mapColumns(headers: string[]): ColumnInfo[] {
  return headers.map((header) => {
    // What a header says in brackets qualifies its name: "Due [Friday 5:15pm unless noted]", "Due (11:59pm)".
    const qualifiers = [...header.matchAll(/[[(]([^\][()]*)[\])]/g)].map((m) => m[1]!);
    const bare = qualifiers.length ? header.replace(/[[(][^\][()]*[\])]/g, ' ') : header;
    const name = bare.toLowerCase().replace(/[.:*]/g, '').replace(/\s+/g, ' ').trim();
    const column = NAMES.find(([re]) => re.test(name))?.[1] ?? 'other';
    const when = column === 'due' ? qualifiers.map(headerWhen).find(Boolean) : undefined;
    return when ? { column, header, when } : { column, header };
  });
}

/** The weekday and time a header's qualifier states, wherever in it they are ("by Friday 5pm", "5:15pm"). */
function headerWhen(text: string): ColumnWhen | undefined {
  for (const m of [{ index: -1 }, ...text.matchAll(/\s+/g)]) {
    const from = m.index < 0 ? 0 : m.index;
    const read = readWhen(text, from);
    if (read.end === from || read.date) continue;
    const when: ColumnWhen = {};
    if (read.weekday !== undefined) when.weekday = read.weekday;
    if (read.time) when.time = read.time;
    if (when.weekday !== undefined || when.time) return when;
  }
  return undefined;
}

/** True when the headers name a date column: how a table is told apart from other tables on a page. */
export function hasDateColumn(headers: string[]): boolean {
  return mapColumns(headers).some((c) => c.column === 'date');
}

export function requireDateColumn(headers: string[], where: string): ColumnInfo[] {
  const columns = mapColumns(headers);
  if (!columns.some((c) => c.column === 'date')) {
    const shown = headers.map((h) => `"${h}"`).join(', ');
    throw new UserError(
      `cannot import ${where}: no date column among its headers (${shown}); name the column of dates "Date"`,
    );
  }
  return columns;
}

/** Review remarks about columns the importer does not know: their cells go to the class notes. */
export function columnRemarks(columns: ColumnInfo[], line: number): { line: number; message: string }[] {
  return columns
    .filter((c) => c.column === 'other' && c.header)
    .map((c) => ({
      line,
      message: `column "${c.header}" is not one the importer knows: its cells are kept in the class notes`,
    }));
}

/** Puts each cell of a table row under its column's name; a week column is page structure, not kept. */
export function rowFromCells(
  cells: string[],
  columns: ColumnInfo[],
  line: number,
  links: CellLink[] = [],
): RawRow {
  const row: RawRow = { line, date: '', links };
  const others: string[] = [];
  columns.forEach(({ column, header, when }, i) => {
    const cell = cells[i]?.trim();
    if (!cell || column === 'week') return;
    if (when && !row.dueWhen) row.dueWhen = when;
    if (column === 'other') others.push(header ? `${header}: ${cell}` : cell);
    else row[column] = row[column] ? `${row[column]}${JOIN[column]}${cell}` : cell;
  });
  // Cells beyond the header's columns are kept too.
  for (const cell of cells.slice(columns.length)) if (cell.trim()) others.push(cell.trim());
  if (others.length) row.other = others.join('; ');
  return row;
}

/**
 * A table whose header names no date column may still hold its dates in one ("Lecture" cells such as
 * "Mo Apr 1 Intro"): the column in which most rows start with a date becomes the date column, and says so.
 * Null when no column has dates in at least half of its filled cells.
 */
export function guessDateColumn(
  columns: ColumnInfo[],
  rows: string[][],
  startsWithDate: (cell: string) => boolean,
): { columns: ColumnInfo[]; remark: string } | null {
  let best = -1;
  let bestCount = 0;
  columns.forEach((_, i) => {
    const filled = rows.map((r) => r[i]?.trim() ?? '').filter(Boolean);
    const dated = filled.filter(startsWithDate).length;
    if (dated >= 2 && dated * 2 >= filled.length && dated > bestCount) {
      best = i;
      bestCount = dated;
    }
  });
  if (best < 0) return null;
  const header = columns[best]!.header;
  return {
    columns: columns.map((c, i) => (i === best ? { ...c, column: 'date' } : c)),
    remark:
      `no column is named "Date": the dates were read from column "${header}", ` +
      `where ${bestCount} rows start with one; what follows a date there is the topic`,
  };
}
