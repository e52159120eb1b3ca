import type { Presentation } from '../plan/schema.ts';
import { findNotes } from './find-notes.ts';
import type { DateStyle } from './parse-date.ts';
import { parsePresentations, startsWithPresenters } from './parse-presentations.ts';
import { cleanText, type RawRow } from './rows.ts';
import { takeReadingNotes } from './reading-notes.ts';
import { topicMaterials } from './topic-materials.ts';
import { splitReadings } from './split-readings.ts';
import { outside, takeNotes, withoutWhen } from './take-notes.ts';
import { dayOff, joinedNotes, rowLead, type RowMeaning } from './understand-row.ts';
import { workEvents } from './work-events.ts';

/**
 * A row from a table with named columns: each cell already says what it is. Notes in the topic cell
 * ("Final exam 9am") become events and leave the topic their words without the time; notes in the notes
 * cell become events, and its other words stay notes.
 */
export function understandTableRow(
  row: RawRow,
  section: string | undefined,
  style: DateStyle = {},
): RowMeaning | null {
  // A date cell holds nothing but the date, so "8.27" is one there.
  const head = rowLead(row, { ...style, dotted: true });
  if (!head) return null;
  const { extra, ...lead } = head;
  const hasNumber = lead.number !== undefined;
  // What the date and label cells say besides the date is the topic when there is none, else a note.
  const written = cleanText(row.topic ?? '') || (extra ?? '');
  // "Overview / Slides (pdf) / Recording": the linked materials after a topic are its readings.
  const materials = topicMaterials(written, row.links);
  const topicCell = materials.topic;
  const notesCell = cleanText(
    [topicCell === extra ? '' : extra, row.notes, row.other].filter(Boolean).join('; '),
  );
  const text = [topicCell, notesCell, row.readings ?? '', row.assigned ?? '', row.due ?? ''].join(' ');
  const base = { line: row.line, ...lead, readings: [], presentations: [], events: [], doubts: [], text };

  const work = [workEvents(row.assigned, 'homework-release'), workEvents(row.due, 'deadline', row.dueWhen)];
  const off = topicCell ? dayOff(topicCell, hasNumber) : dayOff(notesCell, hasNumber);
  if (off) {
    const noteSpans = topicCell ? findNotes(notesCell) : [];
    const parts = [off.taken, takeNotes(noteSpans), ...work];
    return {
      ...base,
      noClass: off.noClass,
      topic: '',
      events: parts.flatMap((p) => p.events),
      doubts: parts.flatMap((p) => p.doubts),
      ...joinedNotes([...outside(notesCell, noteSpans).filter(Boolean), ...parts.flatMap((p) => p.kept)]),
    };
  }

  const topicSpans = findNotes(topicCell);
  const noteSpans = findNotes(notesCell);
  const parts = [takeNotes(topicSpans), takeNotes(noteSpans), ...work];
  const notes = [...outside(notesCell, noteSpans).filter(Boolean), ...parts.slice(1).flatMap((p) => p.kept)];
  const doubts = parts.flatMap((p) => p.doubts);
  let topic = withoutWhen(topicCell, topicSpans);
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
  const fromReadings = takeReadingNotes([
    ...materials.readings,
    ...splitReadings(row.readings ?? '', row.links).filter(
      (r) => !materials.readings.some((m) => m.url === r.url && r.url),
    ),
  ]);
  return {
    ...base,
    topic,
    readings: fromReadings.readings,
    presentations,
    events: [...parts.flatMap((p) => p.events), ...fromReadings.taken.events],
    ...joinedNotes([...notes, ...fromReadings.taken.kept]),
    doubts: [...doubts, ...fromReadings.taken.doubts],
  };
}
