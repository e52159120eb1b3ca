import type { Presentation, Reading } from '../plan/schema.ts';
import { findNotes, type EventDraft, type NoteSpan } from './find-notes.ts';
import { noClassReason } from './no-class.ts';
import { parseLead } from './parse-lead.ts';
import type { PageDate } from './parse-date.ts';
import { parsePresentations, startsWithPresenters } from './parse-presentations.ts';
import { cleanText, type RawRow } from './rows.ts';
import { capitalize, slugify } from './slug.ts';
import { splitList, splitReadings } from './split-readings.ts';
import { splitTopic } from './split-topic.ts';
import { parseTimeAt } from './parse-time.ts';

/** A row understood: what the plan needs from it, and what the instructor should check. */
export interface RowMeaning {
  line: number;
  date: PageDate;
  number?: number;
  noClass?: string;
  topic: string;
  readings: Reading[];
  presentations: Presentation[];
  events: EventDraft[];
  notes?: string;
  doubts: string[];
  /** All the row's words, for spotting holidays. */
  text: string;
}

/** Reads the date cell ("Class 5 (Sep 16)", "Tu Jan 25") and the label column, if any. */
function lead(row: RawRow): { number?: number; date: PageDate } | null {
  const found = parseLead(cleanText(row.date));
  if (!found) return null;
  const label = row.label ? /\d{1,3}/.exec(row.label) : null;
  return { date: found.date, number: label ? Number(label[0]) : found.number };
}

/** Everything outside the notes found in a text, joined: the parts that are not events. */
function outside(text: string, spans: NoteSpan[]): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(text.slice(at, span.start));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.map((p) => cleanText(p).replace(/^[,;.]\s*|[,;]$/g, ''));
}

/** A flattened text row: cells must be told apart by their words (see splitTopic and findNotes). */
export function understandTextRow(row: RawRow, hasReadings: boolean): RowMeaning | null {
  const head = lead(row);
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
  const noClass = noClassReason(rest, head.number !== undefined);
  if (noClass !== undefined) return { ...base, noClass, topic: '' };

  const spans = findNotes(rest);
  const events = spans.map((s) => s.event);
  const parts = outside(rest, spans);
  const before = parts[0]!;
  const after = parts.length > 1 ? parts.at(-1)! : '';
  const between = parts.slice(1, -1).filter(Boolean);
  const doubts: string[] = [];
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
    const exam = events.find((e) => e.kind === 'exam');
    if (exam) topic = exam.title;
    else doubts.push('no topic found');
  }
  return {
    ...base,
    topic,
    readings: splitReadings(readingsText, row.links),
    presentations,
    events,
    notes: between.length ? between.join('; ') : undefined,
    doubts,
  };
}

/** Events from an "assigned" or "due" column: each item is a piece of work ("HW1", "Project report 5pm"). */
function workEvents(cell: string | undefined, kind: 'homework-release' | 'deadline'): EventDraft[] {
  if (!cell) return [];
  return splitList(cell).flatMap((item): EventDraft[] => {
    const found = findNotes(item);
    if (found.length) return found.map((s) => s.event);
    const words = item.split(' ');
    const timeAt = words.findIndex((_, i) => parseTimeAt(words.slice(i).join(' ')));
    const name = capitalize(timeAt >= 0 ? words.slice(0, timeAt).join(' ') : item).replace(/[\s(]+$/, '');
    const time = timeAt >= 0 ? parseTimeAt(words.slice(timeAt).join(' '))?.time : undefined;
    if (!name) return [];
    const compact = /^(hw|ps)\s+\d/i.test(name) ? name.replace(/\s+/, '') : name;
    const suffix = kind === 'deadline' ? 'due' : 'released';
    return [
      {
        kind,
        title: `${compact} ${suffix}`,
        idBase: slugify(`${compact} ${suffix}`),
        ...(time ? { time } : {}),
      },
    ];
  });
}

/** A row from a table with named columns: each cell already says what it is. */
export function understandTableRow(row: RawRow, section: string | undefined): RowMeaning | null {
  const head = lead(row);
  if (!head) return null;
  const topicCell = cleanText(row.topic ?? '');
  const notesCell = cleanText(row.notes ?? '');
  const text = [topicCell, notesCell, row.readings ?? '', row.assigned ?? '', row.due ?? ''].join(' ');
  const base = { line: row.line, ...head, readings: [], presentations: [], events: [], doubts: [], text };
  const noClass =
    noClassReason(topicCell, head.number !== undefined) ??
    (topicCell ? undefined : noClassReason(notesCell, head.number !== undefined));
  if (noClass !== undefined) return { ...base, noClass, topic: '' };

  const noteSpans = findNotes(notesCell);
  const leftover = outside(notesCell, noteSpans).filter(Boolean).join('; ');
  const events = [
    ...findNotes(topicCell).map((s) => s.event),
    ...noteSpans.map((s) => s.event),
    ...workEvents(row.assigned, 'homework-release'),
    ...workEvents(row.due, 'deadline'),
  ];
  const doubts: string[] = [];
  let topic = topicCell;
  let presentations: Presentation[] = [];
  const presentationCell = cleanText(row.presentations ?? '');
  if (presentationCell) {
    presentations = parsePresentations(presentationCell);
    if (!presentations.length)
      doubts.push(`could not read presenters in "${presentationCell}" (expected "AB: Title")`);
  } else if (startsWithPresenters(topicCell)) {
    presentations = parsePresentations(topicCell);
    topic = section ?? 'Paper presentations';
  }
  if (!topic && presentations.length) topic = section ?? 'Paper presentations';
  if (!topic) doubts.push('no topic found');
  return {
    ...base,
    topic,
    readings: splitReadings(row.readings ?? '', row.links),
    presentations,
    events,
    notes: leftover || undefined,
    doubts,
  };
}
