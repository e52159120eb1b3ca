import { orderByWeekdays } from './date-order.ts';
import { eachMeeting } from './each-meeting.ts';
import { describePageDate, type DateOrder } from './parse-date.ts';
import type { ReviewItem } from './review.ts';
import type { ImportFormat, RawRow, TableRead } from './rows.ts';
import { understandTextRow, type RowMeaning } from './understand-row.ts';
import { understandTableRow } from './understand-table-row.ts';
import { takeWorkCodes } from './work-codes.ts';

type Understood = { meanings: (RowMeaning & { section?: string })[]; review: ReviewItem[] };

/**
 * Understands the rows with numbers-only dates read the right way round: as `order` says, else as the
 * page shows ("16/9" is day first), else as the weekdays beside them show, else month first, with a
 * review line saying so.
 */
export function understandInOrder(
  read: TableRead,
  format: ImportFormat,
  order: DateOrder | undefined,
  referenceYear: number,
): Understood {
  let understood = understandItems(read, format, order);
  const orders = new Set(understood.meanings.map((m) => m.numeric));
  // "16/9" on the page shows it writes the day first, "9/16" the month; "3/4" alone shows neither.
  if (!order && orders.has('dmy') && !orders.has('mdy')) understood = understandItems(read, format, 'dmy');
  let either = understood.meanings.find((m) => m.numeric === 'either');
  let decided: ReviewItem | undefined;
  const weekdays = understood.meanings.filter((m) => m.date.weekday !== undefined).length;
  if (either && weekdays >= 2 && !order && !orders.has('mdy') && !orders.has('dmy')) {
    // "Tue 3/4": the weekdays beside such dates may show which way they are written.
    const dayFirst = understandItems(read, format, 'dmy');
    const byWeekdays = orderByWeekdays(
      understood.meanings.map((m) => m.date),
      dayFirst.meanings.map((m) => m.date),
      referenceYear,
    );
    if (byWeekdays) {
      if (byWeekdays.order === 'dmy') understood = dayFirst;
      const first = understood.meanings.find((m) => m.numeric === 'either')!;
      decided = {
        line: first.line,
        message:
          `dates such as "${either.date.month}/${either.date.day}" were read ` +
          `${byWeekdays.order === 'dmy' ? 'day' : 'month'} first (${describePageDate(first.date)}): ` +
          `${byWeekdays.fit} of the ${byWeekdays.named} weekdays written beside the dates fit that reading, fewer the other`,
      };
      either = undefined;
    }
  }
  const { review } = understood;
  if (decided) review.push(decided);
  if (either && !order && !orders.has('mdy') && !orders.has('dmy')) {
    review.push({
      line: either.line,
      message:
        `dates such as "${either.date.month}/${either.date.day}" were read month first ` +
        `(${describePageDate(either.date)}); pass --date-order dmy if the page writes the day first`,
    });
  }
  return understood;
}

/** Understands every row the reader found; rows without a readable date are listed for review. */
function understandItems(read: TableRead, format: ImportFormat, order: DateOrder | undefined): Understood {
  const style = order ? { order } : {};
  const review: ReviewItem[] = [...(read.remarks ?? [])];
  const meanings: (RowMeaning & { section?: string })[] = [];
  let section: string | undefined;
  for (const item of read.items) {
    if (item.kind === 'section') section = item.title;
    else if (item.kind === 'skipped')
      review.push({ line: item.line, message: `${item.why}: "${item.text}"` });
    else {
      const understood =
        format === 'text'
          ? understandTextRow(item.row, read.hasReadings, style)
          : understandTableRow(item.row, section, style);
      const meaning = understood && takeWorkCodes(understood);
      if (meaning) meanings.push(...eachMeeting(section ? { ...meaning, section } : meaning));
      else {
        review.push({ line: item.row.line, message: undatedRow(item.row) });
      }
    }
  }
  return { meanings, review };
}

/** The message for a row without a readable date: the whole row is quoted, so none of it is lost. */
function undatedRow(row: RawRow): string {
  const { line: _line, links: _links, ...cells } = row;
  const all = Object.values(cells).filter((v): v is string => typeof v === 'string' && v.trim() !== '');
  const shown = row.date.trim() ? `a date in "${row.date.trim()}"` : 'a date';
  return `cannot read ${shown}: row not imported: "${all.map((v) => v.trim()).join(' | ')}"`;
}

/** The first few rows or lines the importer tried to date, quoted short, for the "no rows" message. */
export function firstTried(text: string, read: TableRead): string {
  const rows = read.items.flatMap((item) =>
    item.kind === 'row' ? [{ line: item.row.line, text: item.row.date }] : [],
  );
  const tried = rows.length
    ? rows.slice(0, 3)
    : text
        .slice(0, 2000)
        .split(/\r?\n/)
        .map((line, i) => ({ line: i + 1, text: line.trim() }))
        .filter((l) => l.text)
        .slice(0, 3);
  const short = (t: string) => (t.length > 40 ? `${t.slice(0, 37)}…` : t);
  return tried.map((l) => `${l.line} "${short(l.text)}"`).join(', ');
}
