import type { LocalTime } from '../plan/local-date.ts';

/** The input formats the importer reads. */
export const importFormats = ['text', 'html', 'markdown', 'csv', 'tsv'] as const;
export type ImportFormat = (typeof importFormats)[number];

/** The day and time a due column's header gives the work listed in it: "Due [Friday 5:15pm]". */
export interface ColumnWhen {
  /** 1 = Monday … 7 = Sunday: the first such day after the row's date. */
  weekday?: number;
  time?: LocalTime;
}

/** A link found in a cell: kept as a reading's url. */
export interface CellLink {
  text: string;
  url: string;
}

/**
 * One row of the page's schedule table, before it is understood. Table formats fill the named cells from
 * their columns; flattened text cannot tell its cells apart, so everything after the date is in `rest`.
 */
export interface RawRow {
  /** 1-based line of the row in the input. */
  line: number;
  /** The date cell, possibly with the class label: "Class 5 (Sep 16)", "Tu Jan 25", "9/2". */
  date: string;
  label?: string;
  topic?: string;
  notes?: string;
  readings?: string;
  assigned?: string;
  due?: string;
  presentations?: string;
  /** What the due column's header says of when its work is due, if it says. */
  dueWhen?: ColumnWhen;
  /** Cells of columns the importer does not know, as "Room: B12": kept in the class notes. */
  other?: string;
  /** Flattened text only: the row after its date, cells joined by spaces. */
  rest?: string;
  links: CellLink[];
}

export type TableItem =
  | { kind: 'row'; row: RawRow }
  | { kind: 'section'; title: string; line: number }
  | { kind: 'skipped'; line: number; text: string; why: string };

/** What a reader hands on: the rows in page order, and what it could tell about the course. */
export interface TableRead {
  items: TableItem[];
  /** A heading such as "CS 599 E1: Algorithms for Machine Learning", when the page has one. */
  heading?: string;
  /** The page's text before its schedule (title, notes), where the term and times are stated. */
  preamble?: string;
  /** False when a header row is known and has no readings column (so nothing is split off as readings). */
  hasReadings: boolean;
  /** What the reader noticed about the page as a whole, for the review (a column it does not know). */
  remarks?: { line?: number; message: string }[];
}

/** Collapses every kind of white space (including non-breaking spaces) into single spaces. */
export function cleanText(text: string): string {
  return text
    .replace(/[\s\u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, ' ')
    .replace(/\s+([,;])/g, '$1')
    .trim();
}
