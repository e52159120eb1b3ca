import { findNotes, workName, type EventDraft, type NoteSpan } from './find-notes.ts';
import { readWhen } from './note-when.ts';
import { cleanText } from './rows.ts';
import { slugify } from './slug.ts';
import { splitList } from './split-readings.ts';
import { takeNotes, type TakenNotes } from './take-notes.ts';

type WorkKind = 'homework-release' | 'deadline';

/**
 * Events from an "assigned" or "due" column. Each item names a piece of work, maybe with its own note,
 * date or time: "HW1", "HW1 (11:59pm)", "Project report 5pm", "HW3 (due Oct 3)", "Project proposal due".
 * The column says what happens to the work on the row's date unless the item says otherwise.
 */
export function workEvents(cell: string | undefined, kind: WorkKind): TakenNotes {
  const all: TakenNotes = { events: [], kept: [], doubts: [] };
  for (const item of splitList(cleanText(cell ?? ''))) {
    const spans = findNotes(item);
    const taken = takeNotes(spans);
    all.events.push(...taken.events);
    all.kept.push(...taken.kept);
    all.doubts.push(...taken.doubts);
    if (spans.some((s) => s.event.kind === kind)) continue;
    const outside = cleanText(spans.reduceRight((t, s) => t.slice(0, s.start) + t.slice(s.end), item));
    const own = outside ? namedWork(outside, kind) : null;
    if (own) {
      const taken = takeNotes([own.span]);
      all.events.push(...taken.events);
      all.kept.push(...taken.kept, ...(own.rest ? [own.rest] : []));
      all.doubts.push(...taken.doubts);
    } else if (kind === 'homework-release') {
      // "HW3 (due Oct 3)" in an "assigned" column: HW3 is released on the row's date and due later.
      const work = spans.find((s) => s.event.kind === 'deadline' && s.work)?.work;
      if (work) all.events.push(draft(work, kind));
    }
  }
  return all;
}

function draft(name: string, kind: WorkKind): EventDraft {
  const compact = workName(name);
  const title = `${compact} ${kind === 'deadline' ? 'due' : 'released'}`;
  return { kind, title, idBase: slugify(title) };
}

/** "HW1 (11:59pm)" → the work "HW1" and when: the name runs up to the first date or time. */
function namedWork(text: string, kind: WorkKind): { span: NoteSpan; rest: string } | null {
  const starts = [...text.matchAll(/\s+/g)].map((m) => m.index);
  const at = starts.find((i) => readWhen(text, i).end > i) ?? text.length;
  const name = text.slice(0, at).replace(/[\s,(]+$/, '');
  if (!name) return null;
  const when = readWhen(text, at);
  const event: EventDraft = draft(name, kind);
  if (when.time) event.time = when.time;
  if (when.date) event.date = when.date;
  if (when.weekday) event.weekday = when.weekday;
  const end = Math.max(at, when.end);
  const span: NoteSpan = { start: 0, end, text: text.slice(0, end), label: name, event, work: name };
  if (when.unreadable) span.unreadableDate = when.unreadable;
  return { span, rest: cleanText(text.slice(end)).replace(/^[,;)]\s*/, '') };
}
