import type { Reading } from '../plan/schema.ts';
import type { EventDraft } from './find-notes.ts';
import { parseDateAt } from './parse-date.ts';
import { slugify } from './slug.ts';
import type { RowMeaning } from './understand-row.ts';

/*
 * Pages that list work by code ("CX1", "LR5+6", "PC 1", "A1: Vector library") write no verb beside it:
 * a code standing alone in a row's list is work handed in that day, and a code with a title after a
 * colon is work given out that day. Codes of the course's structure or of its book are not work.
 */
const NOT_WORK = new Set([
  'CH', 'CHAP', 'SEC', 'SECT', 'PART', 'UNIT', 'WEEK', 'WK', 'DAY', 'LEC', 'L', 'MOD', 'Q', 'PP', 'PG',
  'FIG', 'EQ', 'APP', 'VOL', 'NO', 'RM', 'ROOM', 'T', 'S',
]); // prettier-ignore
// "CX1", "PC 1", "LR5+6", "LR7(final map product)": the whole item.
const ALONE = /^([A-Z]{1,4}) ?(\d{1,2}[a-z]?(?:\+\d{1,2})?)\s*(?:\(([^()]{0,80})\))?\.?$/;
// "A1: Vector library" at the end of an item, after other words or alone.
const TITLED = /(?:^|\s)([A-Z]{1,4})(\d{1,2}[a-z]?):\s+(\S.*)$/;

const KIND_TITLED =
  /^(HW|Homework|Assignment|Problem set|Pset|Worksheet)\s*:\s+(\S(?:.{0,80}?\S)?)(?:\s+(released|out|posted|assigned|due))?\.?$/i;

interface Found {
  event: EventDraft;
  /** What stays of the item: the words around a titled code. */
  rest: string;
  doubt: string;
}

function readItem(item: string, inReadings = false): Found | null {
  const alone = ALONE.exec(item.trim());
  // Among readings "FG 8" is a book and its chapter: only a code written as one word ("CX1") is work there.
  if (alone && inReadings && /\s/.test(alone[0].slice(0, alone[1]!.length + 1))) return null;
  // "HW4 (due date TBD)" was kept on purpose: its date could not be read, so it is no event.
  if (alone && !NOT_WORK.has(alone[1]!) && !/\b(?:due|dates?|deadline|tb[ad])\b/i.test(alone[3] ?? '')) {
    const described = alone[3]?.trim();
    const title = `${alone[1]}${alone[2]}${described ? ` (${described})` : ''} due`;
    return {
      event: { kind: 'deadline', title, idBase: slugify(title) },
      rest: '',
      doubt: `"${item.trim()}" stands alone, with no "due" or "out": imported as due that day; check it`,
    };
  }
  // "HW: LoRA", "Assignment: Search engine due": work named by its kind and a title, no number. ("Lab:"
  // and "Project:" more often head a session than name work.)
  const kinded = KIND_TITLED.exec(item.trim());
  if (kinded) {
    const name = `${kinded[1]}: ${kinded[2]}`;
    const kind = /^due$/i.test(kinded[3] ?? '') ? 'deadline' : 'homework-release';
    const title = `${name} ${kind === 'deadline' ? 'due' : 'released'}`;
    return {
      event: { kind, title, idBase: slugify(title) },
      rest: '',
      doubt: kinded[3]
        ? `"${item.trim()}" was read as ${kind === 'deadline' ? 'a deadline' : 'a release'} ("${title}"); check it`
        : `"${name}" names work with a title and no verb: imported as released that day; check it`,
    };
  }
  const titled = TITLED.exec(item);
  if (!titled || NOT_WORK.has(titled[1]!)) return null;
  // The title ends where a date starts: "A1: Vector library M-W-F Sept. 9" keeps the date for the row.
  const words = titled[3]!;
  const dateAt = [...words.matchAll(/\s\S/g)].find((m) =>
    parseDateAt(words.slice(m.index + 1, m.index + 41)),
  );
  const name = `${titled[1]}${titled[2]}: ${dateAt ? words.slice(0, dateAt.index).trim() : words.trim()}`;
  const title = `${name} released`;
  const before = item.slice(0, titled.index).trim();
  const after = dateAt ? words.slice(dateAt.index).trim() : '';
  return {
    event: { kind: 'homework-release', title, idBase: slugify(title) },
    rest: [before, after].filter(Boolean).join(' '),
    doubt: `"${name}" names work with a title and no verb: imported as released that day; check it`,
  };
}

/** Takes the work codes out of the list items of a topic or a notes cell ("4.0-4.3,LR1"; "Activity: PC 1"). */
function fromList(text: string, separator: RegExp, found: Found[]): string {
  // The separators are kept, so that a topic without codes reads exactly as before.
  const pieces = text.split(separator);
  let out = '';
  for (let i = 0; i < pieces.length; i += 2) {
    const part = pieces[i]!;
    const sep = i > 0 ? pieces[i - 1]! : '';
    // "Activity: PC 1": a column's name before the item stays with what remains of it.
    const label = /^([A-Z][\w ]{0,30}:\s+)(?=\S)/.exec(part);
    const labelled =
      label && !TITLED.test(part.slice(0, label[0].length + 1)) && !KIND_TITLED.test(part.trim());
    const body = labelled ? part.slice(label[0].length) : part;
    const read = body.trim() ? readItem(body) : null;
    if (!read) {
      out += (out ? sep : '') + part;
      continue;
    }
    found.push(read);
    if (read.rest) out += (out ? sep : '') + (labelled ? label[1] : '') + read.rest;
  }
  return out.trim();
}

/** The row with its work codes made events, each listed for review. */
export function takeWorkCodes(meaning: RowMeaning): RowMeaning {
  const found: Found[] = [];
  const topic = fromList(meaning.topic, /(,(?!\d)|;\s*)/, found);
  const readings: Reading[] = [];
  for (const reading of meaning.readings) {
    const read = reading.url ? null : readItem(reading.title, true);
    if (!read) readings.push(reading);
    else {
      found.push(read);
      if (read.rest) readings.push({ ...reading, title: read.rest });
    }
  }
  const notes = meaning.notes === undefined ? undefined : fromList(meaning.notes, /(;\s*)/, found);
  if (found.length === 0) return meaning;
  const { notes: _old, ...rest } = meaning;
  return {
    ...rest,
    topic,
    readings,
    ...(notes ? { notes } : {}),
    events: [...meaning.events, ...found.map((f) => f.event)],
    doubts: [...meaning.doubts, ...found.map((f) => f.doubt)],
  };
}
