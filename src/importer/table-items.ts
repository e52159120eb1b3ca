import { rowFromCells, type Column, type ColumnInfo } from './columns.ts';
import { noClassReason } from './no-class.ts';
import { isWeekHeading, parseLead } from './parse-lead.ts';
import { cleanText, type CellLink, type RawRow, type TableItem } from './rows.ts';

/** A row of a table as its reader found it: the cells in column order. */
export interface SourceRow {
  line: number;
  cells: string[];
  links: CellLink[];
  /** The row has one cell spanning the table (an HTML colspan row). */
  single?: boolean;
  /** The date cell is the one of the row above, spanning both (an HTML rowspan): the same class. */
  sameDate?: boolean;
}

const CELLS: Column[] = ['label', 'topic', 'notes', 'readings', 'assigned', 'due', 'presentations'];
const LISTS = new Set<Column>(['readings', 'assigned', 'due', 'presentations']);

/**
 * Turns table rows into items. A row with one filled first cell heads a section (or is a week heading,
 * page structure); a row without a date continues the row above: a cell broken over two rows, or a second
 * line of the same class. Nothing is dropped: what cannot be placed is reported.
 */
export function tableItems(rows: SourceRow[], columns: ColumnInfo[]): TableItem[] {
  const items: TableItem[] = [];
  const dateAt = columns.flatMap((c, i) => (c.column === 'date' ? [i] : []));
  let last: RawRow | undefined;
  for (const source of rows) {
    const texts = source.cells.map(cleanText);
    const filled = texts.filter(Boolean);
    if (filled.length === 0) continue;
    const first = texts.findIndex(Boolean);
    if (source.single || (filled.length === 1 && (first === 0 || first === dateAt[0]))) {
      const text = filled[0]!;
      if (isWeekHeading(text)) continue;
      if (!parseLead(text)) {
        last = undefined;
        if (noClassReason(text, false) !== undefined) {
          items.push({
            kind: 'skipped',
            line: source.line,
            text,
            why: 'a day off without a date, not imported (add its days as sessions with "noClass")',
          });
        } else items.push({ kind: 'section', title: text, line: source.line });
        continue;
      }
    }
    const row = rowFromCells(texts, columns, source.line, source.links);
    const hasDate = dateAt.some((i) => texts[i]);
    if (last && (source.sameDate || !hasDate)) {
      join(last, row, Boolean(source.sameDate));
      if (!source.sameDate)
        items.push({
          kind: 'skipped',
          line: source.line,
          text: filled.join(' | '),
          why: `joined to the row on line ${last.line}`,
        });
      continue;
    }
    items.push({ kind: 'row', row });
    last = row;
  }
  return items;
}

/**
 * Adds a row's cells to the row above. Text that runs on (the cell above ends with a comma, or a text
 * cell starts in lower case) is joined with a space; a new item is added to a list, or as a new sentence.
 */
function join(into: RawRow, row: RawRow, separate: boolean): void {
  for (const column of [...CELLS, 'other'] as const) {
    const more = row[column];
    if (!more) continue;
    const before = into[column];
    const list = column !== 'other' && LISTS.has(column);
    // A list runs on only after a comma ("ch2.1," + "ch2.5"): its items may well start in lower case.
    const runsOn = !separate && before && (/[,;:(-]$/.test(before) || (!list && /^[a-z(]/.test(more)));
    const glue = runsOn ? ' ' : list ? ', ' : '; ';
    into[column] = before ? `${before}${glue}${more}` : more;
  }
  into.links = [...into.links, ...row.links];
}
