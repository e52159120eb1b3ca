import { daysBeforeMonth, moreMeetings } from './more-meetings.ts';
import { parseDateAt, type DateStyle, type NumericOrder, type PageDate } from './parse-date.ts';

/** The start of a row: its class label and date, and what follows them. */
export interface RowLead {
  number?: number;
  date: PageDate;
  /** The last day of a row that covers several ("Mar 9–13 Spring break"). */
  until?: PageDate;
  rest: string;
  /** The row is marked as having no class number: "XX. Tu 3/4 Midterm". */
  unnumbered?: true;
  /** A unit's name written before the date: "Geometry" of "Geometry Thurs. Sept. 5". */
  unit?: string;
  /** What a numbers-only date shows of its order ("3/4" either, "9/16" month first). */
  numeric?: NumericOrder;
  /** More meetings the row names after its date: "Mar 10, 12", "14 and 16 January". */
  also?: PageDate[];
}

const LABEL = /^(?:class|lecture|lec\.?|session|meeting|day|#)\s*#?\s*(\d{1,3})(?![\w/])[.:)]?\s*/i;
const BULLET = /^(?:[-*•·]+|\*\*)\s*/;
const BARE_NUMBER = /^(\d{1,3}|xx?)(?:[.)]\s*|\s+)/i;
const UNIT = /^((?:[A-Z][\w&'-]*\s+){1,3})/;
const WEEK = /^week\s*\d{1,2}(?!\w)[.:,)]?\s*[-–—:]?\s*/i;
const SEPARATOR = /^[\s\-–—:|,.)]+/;
const DAY_LETTERS = /^[MTWRFSU](?:-[MTWRFSU]){1,4}\s+/;

/**
 * Reads "Class 5 (Sep 16) …", "Lecture 5: Sep 16 …", "Sep 16 …", "Sep 16 Lecture 5 …", "Week 3 Tu Jan 25 …".
 * Returns null when the text does not start with a date (after an optional label).
 */
export function parseLead(text: string, style: DateStyle = {}): RowLead | null {
  let rest = text.trim().replace(BULLET, '').replace(WEEK, '');
  let number: number | undefined;
  let unnumbered = false;
  let unit: string | undefined;
  const label = LABEL.exec(rest);
  if (label) {
    number = Number(label[1]);
    rest = rest.slice(label[0].length);
  } else if (!parseDateAt(rest, style)) {
    // "12. Th 10/16", "01  27 Aug Wed", "XX. Tu 3/4": a bare number (or XX for none) before the date.
    const bare = BARE_NUMBER.exec(rest);
    const named = bare ? null : UNIT.exec(rest);
    if (bare && parseDateAt(rest.slice(bare[0].length), style)) {
      if (/x/i.test(bare[1]!)) unnumbered = true;
      else number = Number(bare[1]);
      rest = rest.slice(bare[0].length);
    } else if (named) {
      // "Geometry Thurs. Sept. 5": a unit's name before a date with its weekday.
      const dated = parseDateAt(rest.slice(named[0].length), style);
      if (dated?.date.weekday !== undefined) {
        unit = named[1]!.trim();
        rest = rest.slice(named[0].length);
      }
    }
  }
  const opened = rest.startsWith('(') || rest.startsWith('[');
  if (opened) rest = rest.slice(1).trimStart();
  // "M-W-F Sept. 9,11,13": the meeting days written before the dates.
  const days = DAY_LETTERS.exec(rest);
  if (days && parseDateAt(rest.slice(days[0].length), style)) rest = rest.slice(days[0].length);
  const twoDays = daysBeforeMonth(rest, style);
  if (twoDays) rest = rest.slice(twoDays.length);
  const found = parseDateAt(rest, style);
  if (!found) return null;
  rest = rest.slice(found.length);
  const range = rangeEnd(rest, found.date, style);
  if (range) rest = rest.slice(range.length);
  const more = range ? null : moreMeetings(rest, found.date, style);
  if (more) rest = rest.slice(more.length);
  const also = [...(twoDays ? [found.date] : []), ...(more?.also ?? [])];
  if (twoDays) found.date = twoDays.date;
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
  return {
    number,
    date: found.date,
    ...(range ? { until: range.until } : {}),
    rest: rest.trim(),
    ...(found.numeric ? { numeric: found.numeric } : {}),
    ...(unnumbered ? { unnumbered: true as const } : {}),
    ...(unit ? { unit } : {}),
    ...(also.length ? { also } : {}),
  };
}

/**
 * The end of a range after its first day: "–13", "-Mar 13", " to 3/13", " through Mar 13". A bare day
 * must follow the dash at once, since "Sep 2 – 10 tips" is a topic, not a range.
 */
function rangeEnd(
  text: string,
  start: PageDate,
  style: DateStyle,
): { until: PageDate; length: number } | null {
  const sep = /^\s*(?:[-–—]|to\b|through\b|thru\b|until\b)\s*/i.exec(text);
  if (!sep) return null;
  const after = text.slice(sep[0].length);
  const full = parseDateAt(after, style);
  if (full) return { until: full.date, length: sep[0].length + full.length };
  const day = /^(\d{1,2})(?:st|nd|rd|th)?(?![\w/])/.exec(after);
  if (!day || /\s/.test(sep[0]) || Number(day[1]) <= start.day) return null;
  return { until: { month: start.month, day: Number(day[1]) }, length: sep[0].length + day[0].length };
}

/**
 * A "Week 3" line with nothing else on it but maybe its days ("Week 3 (Sep 15–19)", "Week of Sep 15"): a
 * heading of the table, not a row.
 */
export function isWeekHeading(text: string): boolean {
  const label = /^week\s*(?:\d{1,2}(?!\w)|of\b)\s*[:.,]?\s*/i.exec(text.trim());
  if (!label) return false;
  const rest = text.trim().slice(label[0].length);
  if (!rest) return true;
  const inner = rest.replace(/^\((.*)\)$/, '$1');
  const dated = parseLead(inner);
  return dated !== null && dated.number === undefined && dated.rest === '';
}
