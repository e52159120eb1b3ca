import { parseDateAt } from './parse-date.ts';
import { isWeekHeading, parseLead } from './parse-lead.ts';
import { cleanText, type RawRow, type TableItem, type TableRead } from './rows.ts';

const HEADER_WORDS =
  /^(?:date|day|class|lecture|#|no\.?|topics?|subject|notes?|readings?|recommended|suggested|required|optional|assigned|released|out|due|deadlines?|presenters?|presentations?|materials?|slides|homework|and|&|\/|-|\|)$/i;
const SECTION_WORDS =
  /\b(?:presentations?|part|unit|module|section|review|topics|project|exams?|talks|seminar|guest|lectures)\b/i;

const RULE = /^[-=_~+*|\s]{3,}$/;

/** "Date Topic Notes Recommended reading": a line made only of column names. */
function headerColumns(line: string): string[] | null {
  const words = line.split(' ');
  if (words.length < 2 || !words.every((w) => HEADER_WORDS.test(w))) return null;
  return words.map((w) => w.toLowerCase());
}

/** A short title line such as "Paper presentations" or "Part II: Systems" that heads the rows below it. */
function isSection(line: string): boolean {
  return (
    line.split(' ').length <= 6 && /^[A-Z]/.test(line) && !/[,.;()]/.test(line) && SECTION_WORDS.test(line)
  );
}

/**
 * Reads the flattened text of a web page: one table row per line, cells joined by spaces. Lines before the
 * first dated row are the page's preamble; later lines without a date are section headings, the rest of a
 * row broken over two lines, or text that is reported as skipped.
 */
export function readText(text: string): TableRead {
  const lines = text.split(/\r?\n/);
  const items: TableItem[] = [];
  let heading: string | undefined;
  let hasReadings = true;
  let started = false;
  let previousWasRow = false;
  // The row that lines after it continue, up to a blank line, a heading or the next row.
  let lastRow: RawRow | undefined;
  const segments = lines.flatMap((raw, index) => splitGluedRows(raw).map((part) => ({ part, index })));
  segments.forEach(({ part: raw, index }) => {
    // Markdown emphasis copied with the text ("**Homework 1**") is not part of any cell.
    const line = cleanText(raw.replace(/\*\*|__/g, ' '));
    const number = index + 1;
    if (!line) {
      previousWasRow = false;
      return;
    }
    // A rule of dashes above, between or below a fixed-width table belongs to no row.
    if (isWeekHeading(line) || RULE.test(line)) {
      previousWasRow = false;
      return;
    }
    const lead = parseLead(line);
    if (lead) {
      started = true;
      previousWasRow = true;
      lastRow = {
        line: number,
        date: line.slice(0, line.length - lead.rest.length),
        rest: lead.rest,
        links: [],
      };
      items.push({ kind: 'row', row: lastRow });
      return;
    }
    const columns = headerColumns(line);
    if (columns) {
      hasReadings = columns.some((c) => /^read|^material/.test(c));
      previousWasRow = false;
      return;
    }
    if (!started) {
      heading ??= /^[A-Z]{2,5}\s?\d{2,4}/.test(line) ? line : undefined;
      return;
    }
    if (isSection(line)) {
      items.push({ kind: 'section', title: line, line: number });
      previousWasRow = false;
      return;
    }
    // Every line after a row, up to a blank line or the next row, continues it (a topic's bullets, its
    // homework line, the due date under that).
    if (previousWasRow && lastRow) {
      const last = lastRow;
      last.rest = `${last.rest} ${line}`;
      items.push({
        kind: 'skipped',
        line: number,
        text: line,
        why: `joined to the row on line ${last.line}`,
      });
      return;
    }
    items.push({ kind: 'skipped', line: number, text: line, why: 'not a dated row, skipped' });
  });
  return { items, heading, hasReadings };
}

/**
 * A bullet list flattened onto one line ("… Due Sept 6. - Sept. 1: Section 12.3") holds several rows: the
 * line is cut before each " - " that a date and a colon follow. Only the start of each cut is tried, so this stays linear.
 */
function splitGluedRows(line: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (const m of line.matchAll(/\s[-–•*]\s+(?=[A-Z0-9])/g)) {
    if (m.index <= from) continue;
    const rest = line.slice(m.index + m[0].length);
    // Only a bullet's own "date:" starts a row: "HW1 out - Sep 9 due" stays one row.
    const date = parseDateAt(rest.slice(0, 40));
    if (!date || !/^\s*:/.test(rest.slice(date.length))) continue;
    parts.push(line.slice(from, m.index));
    from = m.index + 1;
  }
  parts.push(line.slice(from));
  return parts;
}
