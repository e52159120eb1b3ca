import type { EventDraft, NoteSpan } from './find-notes.ts';
import { cleanText } from './rows.ts';

/** What the notes found in a text give the plan: events, and the notes whose date could not be read. */
export interface TakenNotes {
  events: EventDraft[];
  /** Words kept as text: notes that could not become events ("HW1 due next week"), time ranges ("6–8pm"). */
  kept: string[];
  doubts: string[];
}

const KIND_NAME: Record<EventDraft['kind'], string> = {
  'homework-release': 'release',
  deadline: 'deadline',
  exam: 'exam',
  other: 'event',
};

/** The words of a note as a reader would write them: ", due Oct 32" of "HW1 out, due Oct 32" → "HW1 due Oct 32". */
export function noteText(span: NoteSpan): string {
  let text = cleanText(span.text)
    .replace(/^[,;(]\s*/, '')
    .replace(/^(?:and|&)\s+/i, '');
  if ((text.match(/\)/g) ?? []).length > (text.match(/\(/g) ?? []).length) text = text.replace(/\)$/, '');
  return /^\(?due\b/i.test(text) && span.work ? `${span.work} ${text.replace(/^\(/, '')}` : text;
}

/**
 * Turns found notes into events. A note naming a date the importer cannot read ("due next week") becomes
 * no event, since a wrong date would remind students on the wrong day: its words stay in the class notes
 * and the instructor is told.
 */
export function takeNotes(spans: NoteSpan[]): TakenNotes {
  const taken: TakenNotes = { events: [], kept: [], doubts: [] };
  for (const span of spans) {
    if (span.unreadableDate === undefined) {
      taken.events.push(span.event);
      if (span.timeRange) taken.kept.push(`${span.event.title} ${span.timeRange}`);
      continue;
    }
    const note = noteText(span);
    taken.kept.push(note);
    const problem = span.unreadableDate
      ? `cannot read the date "${span.unreadableDate}" in "${note}"`
      : `no date given in "${note}"`;
    taken.doubts.push(
      `${problem}: no ${KIND_NAME[span.event.kind]} imported; the note is kept in the class notes, add the event by hand`,
    );
  }
  return taken;
}

/** Everything outside the notes found in a text, in pieces: the parts that are not events. */
export function outside(text: string, spans: NoteSpan[]): string[] {
  const parts: string[] = [];
  let at = 0;
  for (const span of spans) {
    parts.push(text.slice(at, span.start));
    at = span.end;
  }
  parts.push(text.slice(at));
  return parts.map((p) => cleanText(p).replace(/^[,;.]\s*|[,;]$/g, ''));
}

/** The text with each note replaced by its words without the date and time that became the event's. */
export function withoutWhen(text: string, spans: NoteSpan[]): string {
  let out = '';
  let at = 0;
  for (const span of spans) {
    const lead = /^\s*/.exec(span.text)![0];
    const whole = span.unreadableDate !== undefined || span.timeRange !== undefined;
    out += text.slice(at, span.start) + (whole ? span.text : lead + span.label);
    at = span.end;
  }
  return cleanText(out + text.slice(at));
}
