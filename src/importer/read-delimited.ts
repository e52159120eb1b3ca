import { parse } from 'csv-parse/sync';
import { UserError } from '../util/user-error.ts';
import { parseLead } from './parse-lead.ts';
import { requireDateColumn, rowFromCells } from './columns.ts';
import { cleanText, type TableItem, type TableRead } from './rows.ts';

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
  const headerAt = records.findIndex((r) => r.record.some((c) => /^\s*dates?\s*$/i.test(c)));
  if (headerAt < 0) {
    const first = records[0]?.record.map(cleanText) ?? [];
    requireDateColumn(first, `this ${name}`);
  }
  const columns = requireDateColumn(records[headerAt]!.record.map(cleanText), `this ${name}`);
  const items: TableItem[] = [];
  for (const { record, info } of records.slice(headerAt + 1)) {
    const texts = record.map(cleanText);
    const filled = texts.filter(Boolean);
    if (filled.length === 0) continue;
    const line = info.lines - (record.join('').match(/\n/g)?.length ?? 0);
    if (filled.length === 1 && !parseLead(filled[0]!)) {
      if (!/^week\s*\d+$/i.test(filled[0]!)) items.push({ kind: 'section', title: filled[0]!, line });
      continue;
    }
    items.push({ kind: 'row', row: rowFromCells(texts, columns, line) });
  }
  return { items, hasReadings: columns.includes('readings') };
}
