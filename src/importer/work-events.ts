import { findNotes, workName, type EventDraft, type NoteSpan } from './find-notes.ts';
import { readWhen } from './note-when.ts';
import { cleanText, type ColumnWhen } from './rows.ts';
import { slugify } from './slug.ts';
import { splitList } from './split-readings.ts';
import { outside, takeNotes, type TakenNotes } from './take-notes.ts';

type WorkKind = 'homework-release' | 'deadline';

/**
 * Events from an "assigned" or "due" column. Notes in the cell are read first ("HW1 out, due Sep 16",
 * "HW3 (due Oct 3)", "Project proposal due"); every other item names a piece of work, maybe with its date
 * or time ("HW1", "HW1 (11:59pm)", "Project report 5pm"), that the column says is out or due on the row's
 * date unless the item says otherwise.
 */
export function workEvents(cell: string | undefined, kind: WorkKind, given: ColumnWhen = {}): TakenNotes {
  const text = cleanText(cell ?? '');
  // The column decides the kind: "Reading quiz" in a Due column is work due, not an exam; an exam that
  // starts an item ("Midterm exam") stays one.
  const spans = findNotes(text).filter(
    (s) => s.event.kind !== 'exam' || /(?:^|[,;]\s*)$/.test(text.slice(0, s.start)),
  );
  const all = takeNotes(spans);
  for (const [at, part] of outside(text, spans).entries()) {
    // "Part I due in person in hard copy": lower-case words after a note go on with it; they name no work.
    if (at > 0 && /^[a-z]/.test(part)) {
      all.kept.push(part);
      continue;
    }
    for (const item of splitList(part)) {
      const own = namedWork(item, kind);
      if (!own) continue;
      const taken = takeNotes([own.span]);
      all.events.push(...taken.events);
      all.kept.push(...taken.kept, ...(own.rest ? [own.rest] : []));
      all.doubts.push(...taken.doubts);
    }
  }
  // The header's day and time hold for the work that states none of its own ("unless noted").
  for (const event of all.events) {
    if (event.kind !== 'deadline') continue;
    if (given.weekday !== undefined && !event.date && event.weekday === undefined && !event.offset)
      event.weekday = given.weekday;
    if (given.time && !event.time) event.time = given.time;
  }
  if (kind === 'homework-release') {
    // "HW3 (due Oct 3)" in an "assigned" column: HW3 is also released on the row's date.
    const released = new Set(spans.filter((s) => s.event.kind === kind).map((s) => s.work));
    for (const span of spans) {
      if (span.event.kind !== 'deadline' || !span.work || released.has(span.work)) continue;
      released.add(span.work);
      all.events.push(draft(span.work, kind));
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
  // Only outside parentheses: "WS2 (TOS Ch 2-3.4, lectures 3-4)" describes the work, it does not date it.
  const depth = depths(text);
  const starts = [...text.matchAll(/\s+/g)].map((m) => m.index).filter((i) => depth[i] === 0);
  const at = starts.find((i) => readWhen(text, i).end > i) ?? text.length;
  let name = text.slice(0, at).replace(/[\s,(]+$/, '');
  let described = '';
  const open = name.indexOf('(');
  // A long description in parentheses is kept as a note; the work's name is what comes before it.
  if (open > 0 && /,|(?:\S+\s+){3}\S/.test(name.slice(open))) {
    described = name.slice(open).replace(/^\(\s*|\s*\)$/g, '');
    name = name.slice(0, open).trim();
  }
  if (!name) return null;
  const when = readWhen(text, at);
  const event: EventDraft = draft(name, kind);
  if (when.time) event.time = when.time;
  if (when.date) event.date = when.date;
  if (when.weekday) event.weekday = when.weekday;
  if (when.offset) event.offset = when.offset;
  const end = Math.max(at, when.end);
  const span: NoteSpan = { start: 0, end, text: text.slice(0, end), label: name, event, work: name };
  if (when.unreadable !== undefined) span.unreadableDate = when.unreadable;
  const rest = cleanText(text.slice(end)).replace(/^[,;)]\s*/, '');
  return { span, rest: [described, rest].filter(Boolean).join('; ') };
}

/** How deep in parentheses each character of the text is. */
function depths(text: string): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let i = 0; i < text.length; i += 1) {
    out.push(depth);
    if (text[i] === '(') depth += 1;
    else if (text[i] === ')' && depth > 0) depth -= 1;
  }
  return out;
}
