import type { Presentation, Reading } from '../plan/schema.ts';
import { findNotes, type EventDraft } from './find-notes.ts';
import { noClassReason } from './no-class.ts';
import { parseLead } from './parse-lead.ts';
import type { DateStyle, NumericOrder, PageDate } from './parse-date.ts';
import { parsePresentations, startsWithPresenters } from './parse-presentations.ts';
import { cleanText, type RawRow } from './rows.ts';
import { splitReadings } from './split-readings.ts';
import { splitTopic } from './split-topic.ts';
import { outside, takeNotes, type TakenNotes } from './take-notes.ts';

/** A row understood: what the plan needs from it, and what the instructor should check. */
export interface RowMeaning {
  line: number;
  date: PageDate;
  /** The last day of a row that covers several ("Mar 9–13 Spring break"). */
  until?: PageDate;
  number?: number;
  /** The page marks the row as one without a class number ("–", "XX" in the number column). */
  unnumbered?: true;
  noClass?: string;
  topic: string;
  readings: Reading[];
  presentations: Presentation[];
  events: EventDraft[];
  notes?: string;
  doubts: string[];
  /** All the row's words, for spotting holidays. */
  text: string;
  /** What a numbers-only date shows of its order ("3/4" either, "9/16" month first). */
  numeric?: NumericOrder;
  /** More meetings the row names after its date ("Mar 10, 12"): each a class like this one. */
  also?: PageDate[];
}

/**
 * Reads the date cell ("Class 5 (Sep 16)", "Tu Jan 25") and the label column, if any. `extra` is what
 * else they say ("Sep 1 (Labor Day)", a label "Guest lecture"), so that it can be kept.
 */
const NAMED_ITEM =
  /^(?:(?:mid-?term|final|term|class)\s+)?(?:test|exam(?:ination)?|quiz|mid-?term|prelim|project|hw|homework|assignment|lab|ps|problem\s+set)\s*#?\d/i;

export function rowLead(
  row: RawRow,
  style: DateStyle = {},
): {
  number?: number;
  date: PageDate;
  until?: PageDate;
  extra?: string;
  numeric?: NumericOrder;
  unnumbered?: true;
  also?: PageDate[];
} | null {
  const found = parseLead(cleanText(row.date), style);
  if (!found) return null;
  const label = cleanText(row.label ?? '');
  const unnumbered = /^(?:[-–—*]+|x+|n\/?a|tba|–)$/i.test(label);
  // "5", "Lecture 5", "1. Ocean basins": the number, and any words after it (a topic in the label column).
  const numbered =
    /^(?:(?:class|lecture|lec\.?|session|meeting|no\.?)\s*)?#?\s*(\d{1,3})(?!\d)\s*[.:)]?\s*(.*)$/i.exec(
      label,
    );
  // "Test 1 (in class)", "Prelim 2" in the label column name an exam or a piece of work, not a class number.
  const named = !numbered && NAMED_ITEM.test(label);
  const digits = numbered ? [numbered[1]!] : named ? null : /\d{1,3}/.exec(label);
  const labelWords = numbered
    ? numbered[2]!.trim()
    : named
      ? label
      : label
          .replace(/\d{1,3}/, '')
          .replace(/^(?:class|lecture|lec\.?|session|meeting|no\.?)?\s*#?\s*[.:)]?\s*$/i, '')
          .trim();
  const extra = [found.rest.replace(/^\((.*)\)$/, '$1'), labelWords].filter(Boolean).join('; ');
  return {
    date: found.date,
    ...(found.until ? { until: found.until } : {}),
    number: digits ? Number(digits[0]) : found.number,
    ...(extra ? { extra } : {}),
    ...(found.numeric ? { numeric: found.numeric } : {}),
    ...(unnumbered || found.unnumbered ? { unnumbered: true as const } : {}),
    ...(found.also ? { also: found.also } : {}),
  };
}

const LEADING_NO_CLASS =
  /^\s*(?:no\s+(?:class|lecture|meeting)|(?:class(?:es)?\s+(?:is\s+|are\s+)?)?cancell?ed)/i;

/**
 * Why a day has no class, and the notes it still carries: "No class, Monday schedule; HW2 due 11:59pm"
 * keeps HW2's deadline. Exams are left in the reason: a day without class holds none.
 */
export function dayOff(text: string, hasNumber: boolean): { noClass: string; taken: TakenNotes } | undefined {
  const reason = noClassReason(text, hasNumber);
  if (reason === undefined) return undefined;
  const found = findNotes(text);
  // "Midterm exam 7pm (no lecture that morning)": the exam is the day's meeting, so the day is not off.
  if (found.some((s) => s.event.kind === 'exam') && !LEADING_NO_CLASS.test(text)) return undefined;
  const spans = found.filter((s) => s.event.kind !== 'exam');
  const rest = outside(text, spans).filter(Boolean).join('; ');
  return { noClass: noClassReason(rest, hasNumber) ?? reason, taken: takeNotes(spans) };
}

/** `notes` when there are any. */
export function joinedNotes(notes: string[]): { notes?: string } {
  return notes.length ? { notes: notes.join('; ') } : {};
}

/** A flattened text row: cells must be told apart by their words (see splitTopic and findNotes). */
export function understandTextRow(
  row: RawRow,
  hasReadings: boolean,
  style: DateStyle = {},
): RowMeaning | null {
  const head = rowLead(row, style);
  if (!head) return null;
  const rest = cleanText(row.rest ?? '');
  const base = {
    line: row.line,
    ...head,
    readings: [],
    presentations: [],
    events: [],
    doubts: [],
    text: rest,
  };
  const off = dayOff(rest, head.number !== undefined);
  if (off) {
    const { events, kept, doubts } = off.taken;
    return { ...base, noClass: off.noClass, topic: '', events, doubts, ...joinedNotes(kept) };
  }

  const spans = findNotes(rest);
  const taken = takeNotes(spans);
  const parts = outside(rest, spans);
  const before = parts[0]!;
  const after = parts.length > 1 ? parts.at(-1)! : '';
  const between = parts.slice(1, -1).filter(Boolean);
  const doubts = [...taken.doubts];
  if (between.length) doubts.push(`kept "${between.join('; ')}" (between notes) as a note`);

  let topic = before;
  let readingsText = after;
  let presentations: Presentation[] = [];
  if (startsWithPresenters(before)) {
    presentations = parsePresentations(before);
    topic = '';
  } else if (!after && hasReadings) {
    const split = splitTopic(before);
    topic = split.topic;
    readingsText = split.readings;
    if (split.doubt) doubts.push(split.doubt);
    else if (!split.readings && spans.length === 0)
      doubts.push(`no readings found: kept "${topic}" as the topic`);
  }
  if (!topic && presentations.length === 0) {
    const exam = taken.events.find((e) => e.kind === 'exam');
    if (exam) topic = exam.title;
    else doubts.push('no topic found');
  }
  return {
    ...base,
    topic,
    readings: splitReadings(readingsText, row.links),
    presentations,
    events: taken.events,
    ...joinedNotes([...between, ...taken.kept]),
    doubts,
  };
}
