import { parseDateAt, type PageDate } from './parse-date.ts';

/** The start of a row: its class label and date, and what follows them. */
export interface RowLead {
  number?: number;
  date: PageDate;
  rest: string;
}

const LABEL = /^(?:class|lecture|lec\.?|session|meeting|#)\s*#?\s*(\d{1,3})(?![\w/])[.:)]?\s*/i;
const WEEK = /^week\s*\d{1,2}(?!\w)[.:,)]?\s*[-–—:]?\s*/i;
const SEPARATOR = /^[\s\-–—:|,.)]+/;

/**
 * Reads "Class 5 (Sep 16) …", "Lecture 5: Sep 16 …", "Sep 16 …", "Sep 16 Lecture 5 …", "Week 3 Tu Jan 25 …".
 * Returns null when the text does not start with a date (after an optional label).
 */
export function parseLead(text: string): RowLead | null {
  let rest = text.trim().replace(WEEK, '');
  let number: number | undefined;
  const label = LABEL.exec(rest);
  if (label) {
    number = Number(label[1]);
    rest = rest.slice(label[0].length);
  }
  const opened = rest.startsWith('(') || rest.startsWith('[');
  if (opened) rest = rest.slice(1).trimStart();
  const found = parseDateAt(rest);
  if (!found) return null;
  rest = rest.slice(found.length);
  if (opened) rest = rest.replace(/^\s*[)\]]/, '');
  rest = rest.replace(SEPARATOR, '');
  if (number === undefined) {
    // The label may follow the date: "Sep 16 Lecture 5 Backprop", "9/2 (Class 1)".
    const after =
      /^\(?\s*(?:class|lecture|lec\.?|session|meeting)\s*#?\s*(\d{1,3})(?![\w/])\s*\)?[.:]?\s*/i.exec(rest);
    if (after) {
      number = Number(after[1]);
      rest = rest.slice(after[0].length).replace(SEPARATOR, '');
    }
  }
  return { number, date: found.date, rest: rest.trim() };
}

/** A "Week 3" line with nothing else on it: a heading of the table, not a row. */
export function isWeekHeading(text: string): boolean {
  return /^week\s*\d{1,2}\s*[:.]?$/i.test(text.trim());
}
