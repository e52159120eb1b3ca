import { parse } from 'csv-parse/sync';
import { UserError } from '../util/user-error.ts';
import { columnRemarks, requireDateColumn } from './columns.ts';
import { cellText } from './cell-html.ts';
import { cleanText, type TableRead } from './rows.ts';
import { tableItems } from './table-items.ts';

/** Reads CSV or TSV with a header row naming the columns (Date, Topic, Readings, …). */
export function readDelimited(text: string, delimiter: ',' | '\t'): TableRead {
  const name = delimiter === ',' ? 'CSV' : 'TSV';
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      bom: true,
    }) as unknown as typeof records;
  } catch (error) {
    throw new UserError(`cannot read this ${name}: ${(error as Error).message}`);
  }
  // The first line of a record, counted from its last line and the line breaks inside its cells.
  const lineOf = (r: (typeof records)[number]) =>
    r.info.lines - (r.record.join('').match(/\n/g)?.length ?? 0);
  const headerAt = Math.max(
    0,
    records.findIndex((r) => r.record.some((c) => /^\s*dates?\s*$/i.test(c))),
  );
  const header = records[headerAt];
  const columns = requireDateColumn(header?.record.map(cleanText) ?? [], `this ${name}`);
  const rows = records.slice(headerAt + 1).map((r) => {
    // Cells may be written in HTML (a site's data file): their words and links, as in an HTML table.
    const read = r.record.map(cellText);
    return { line: lineOf(r), cells: read.map((c) => c.text), links: read.flatMap((c) => c.links) };
  });
  return {
    items: tableItems(rows, columns),
    hasReadings: columns.some((c) => c.column === 'readings'),
    remarks: columnRemarks(columns, lineOf(header!)),
  };
}
