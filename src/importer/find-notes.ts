import type { LocalTime } from '../plan/local-date.ts';
import type { EventKind } from '../plan/schema.ts';
import { cleanSubject, listSubject, subjectStart, workBefore } from './due-subject.ts';
import { readWhen } from './note-when.ts';
import type { PageDate } from './parse-date.ts';
import { capitalize, slugify } from './slug.ts';

/** An event read from a note, before it gets its date, class number and a unique id. */
export interface EventDraft {
  kind: EventKind;
  title: string;
  idBase: string;
  time?: LocalTime;
  /** The date the note states ("due Oct 3"); without it the event is on the row's date. */
  date?: PageDate;
  /** A weekday the note names without a date ("due Friday"). */
  weekday?: number;
  /** Days from the row's date the note names ("due 5pm tomorrow"). */
  offset?: number;
}

/** Where in a text a note was found, and what it means. */
export interface NoteSpan {
  start: number;
  end: number;
  text: string;
  /** The note without the date and time read after it: "HW1 due" of "HW1 due Oct 3 5pm". */
  label: string;
  event: EventDraft;
  /** The piece of work the note is about ("HW3"), so that "HW3 out, due Oct 3" can name its deadline. */
  work?: string;
  /** A time range the event cannot hold ("6–8pm"): kept in words where the note is kept. */
  timeRange?: string;
  /** Words naming a date that cannot be read ("next week"): such a note is reported, not made an event. */
  unreadableDate?: string;
}

type EventBase = Pick<EventDraft, 'kind' | 'title' | 'idBase'>;

const WORK = String.raw`(?:HW|Homework|Assignment|Problem\s+set|PS|Pset|Lab|Project|Quiz|Exercise)\s*#?\s*\d+[a-z]?`;
const RELEASE = new RegExp(
  String.raw`\b(${WORK})\s+(?:is\s+)?(?:posted|released|out|assigned|available|announced|handed\s+out)\b`,
  'gi',
);
const IMPERATIVE =
  /\b(?:Send|Submit|Email|E-mail|Upload|Choose|Pick|Turn in|Hand in|Sign up for|Register for)\b/g;
// "Mid-term test", "Test 2" and "Prelim 1" are exams too; a practice or mock one is not.
const EXAM =
  /(?<!\b(?:for|before|after|review|the|post|pre|practice|sample|mock)[\s-]+)\b(mid-?term(?:\s+(?:exam(?:ination)?|test))?(?:\s*#?\d)?|final\s+exam(?:ination)?|quiz(?:\s*#?\d+)?|exam(?:ination)?(?:\s*#?\d+)?|(?:term|class)\s+test(?:\s*#?\d+)?|test\s*#?\d+|prelim(?:inary\s+exam)?(?:\s*#?\d+)?)\b(?!\s+(?:review|report|project|prep|preparation|solutions?|grades?|due|posted|released|out)\b)/gi;
const ROMAN_EXAM =
  /(?<!\b(?:[Ff]or|[Bb]efore|[Aa]fter|[Rr]eview|[Tt]he|[Pp]ractice|[Ss]ample|[Mm]ock)\s+)\b((?:[Mm]id-?term|[Ee]xam|[Tt]est|[Pp]relim)\s+(?:I{1,3}|IV|V))\b(?!\s+(?:review|solutions?|grades?)\b)/g;
// "due to the snow" is a reason; "due to D2L by midnight" is a deadline.
const DUE = /\bdue\b(?!\s+to\b(?!\s+\S+\s+(?:by|before|at)\b))/gi;
// The items may be bulleted ("Assignments Released: • Project 3 (Due Oct 29)").
const LABELLED =
  /\b(Out|Released|Assigned|Posted|Due)\s*:\s*(?:[•·]\s*)?((?:[A-Z][\w-]*(?:\s+#?\d+[a-z]?)?\s*[,•·]\s*)*[A-Z][\w-]*(?:\s+#?\d+[a-z]?)?)(?=\s*(?:[.;()•·]|$))/g;
const WORK_NAME = new RegExp(`^${WORK}$`, 'i');

/** A short name for a piece of work: "HW 1" → "HW1", "homework 2" → "Homework 2". */
export function workName(text: string): string {
  const compact = text.replace(/\s+/g, ' ').trim();
  return /^(hw|ps|pset)\s/i.test(compact) ? compact.replace(/\s+#?\s*/, '') : capitalize(compact);
}

/** "title of paper you intend to present" → "Paper title"; other work keeps its own words. */
function deadlineSubject(object: string): string {
  const m =
    /^(?:the\s+|your\s+)?(title|topic)s?\s+of\s+(?:the\s+|your\s+|a\s+)?(paper|project|presentation|talk)\b/i.exec(
      object,
    );
  return m ? `${capitalize(m[2]!.toLowerCase())} ${m[1]!.toLowerCase()}` : workName(object);
}

/** A label keeps its "(" only with the ")" that closed it: "(due" of "(due Oct 3)" → "(due)". */
function balanced(label: string): string {
  const opened = (label.match(/\(/g) ?? []).length - (label.match(/\)/g) ?? []).length;
  return opened > 0 ? `${label})` : label;
}

/**
 * Finds notes in a cell or a flattened row: "HW1 posted", "Project proposal due 11:59pm", "HW3 out, due
 * Oct 3", "Send title of paper you intend to present", "Midterm exam". A date or time stated right after a
 * note is the event's. In flattened text a note's words run into the next cell, so a note ends at the next
 * capitalised word, and a "… due" note starts at the nearest capitalised word before "due" (cells start
 * with a capital letter), or names the work of the note just before it ("HW3 out, due Oct 3").
 */
export function findNotes(text: string): NoteSpan[] {
  const spans: NoteSpan[] = [];
  const free = (start: number, end: number) => spans.every((s) => end <= s.start || start >= s.end);
  const add = (start: number, labelEnd: number, base: EventBase, work?: string, needsDate = false) => {
    const when = readWhen(text, labelEnd);
    if (needsDate && when.end === labelEnd) {
      // "HW5 out, due sometime soon": work is not due the day it comes out, so the words after "due" are a
      // date, even when they cannot be read; up to the next cell, which starts with a capital.
      const words = /^[\s,]*((?:[a-z0-9][\w'’.-]*\s*)*)/.exec(text.slice(labelEnd))!;
      when.unreadable = words[1]!.trim();
      when.end = labelEnd + words[0].trimEnd().length;
    }
    let end = Math.max(labelEnd, when.end);
    // "HW2 out (due Oct 3)": the ")" closes a "(" opened inside the note.
    const close =
      balanced(text.slice(start, end)) !== text.slice(start, end) && /^\s*\)/.exec(text.slice(end));
    if (close) end += close[0].length;
    if (!free(start, end)) return;
    const event: EventDraft = { ...base };
    if (when.time) event.time = when.time;
    if (when.date) event.date = when.date;
    if (when.weekday) event.weekday = when.weekday;
    if (when.offset) event.offset = when.offset;
    spans.push({
      start,
      end,
      text: text.slice(start, end),
      label: balanced(text.slice(start, labelEnd).trim()),
      event,
      ...(work ? { work } : {}),
      ...(when.unreadable !== undefined ? { unreadableDate: when.unreadable } : {}),
      ...(when.timeRange ? { timeRange: when.timeRange } : {}),
    });
  };

  // "Out: HW2. Due: HW1, Project 1.": a label names what each of the items after it is.
  for (const m of text.matchAll(LABELLED)) {
    const kind = /^due/i.test(m[1]!) ? 'deadline' : 'homework-release';
    const listAt = m.index + m[0].length - m[2]!.length;
    for (const item of m[2]!.matchAll(/[^,•·]+/g)) {
      const words = item[0].trim();
      // "Due: Sept 1 (noon)" says when, not what.
      if (!words || readWhen(words, 0).end > 0) continue;
      const name = workName(words);
      const title = `${name} ${kind === 'deadline' ? 'due' : 'released'}`;
      const start = item.index === 0 ? m.index : listAt + item.index + item[0].indexOf(words);
      add(start, listAt + item.index + item[0].length, { kind, title, idBase: slugify(title) }, name);
    }
  }
  for (const m of text.matchAll(RELEASE)) {
    const name = workName(m[1]!);
    const base: EventBase = {
      kind: 'homework-release',
      title: `${name} released`,
      idBase: `${slugify(name)}-released`,
    };
    add(m.index, m.index + m[0].length, base, name);
  }
  for (const m of text.matchAll(IMPERATIVE)) {
    const start = m.index;
    const from = start + m[0].length;
    const words = [...text.slice(from).matchAll(/\S+/g)];
    let end = from;
    for (const [i, w] of words.entries()) {
      const plain = w[0].replace(/[,.;:]$/, '');
      const workLike = i === 0 && WORK_NAME.test(plain);
      const at = from + w.index;
      if (readWhen(text, at).end > at) break;
      if (!workLike && !/^[a-z0-9&]/.test(w[0])) break;
      end = at + w[0].replace(/[,;:]$/, '').length;
      if (w[0].endsWith(',') || w[0].endsWith(';') || i >= 11) break;
    }
    const object = text.slice(from, end).trim();
    if (!object) continue;
    const subject = deadlineSubject(object);
    add(
      start,
      end,
      { kind: 'deadline', title: `${subject} due`, idBase: `${slugify(subject)}-due` },
      subject,
    );
  }
  // "Exam II": a Roman numeral counts only in capitals, so that "exam i.e." stays words.
  for (const m of text.matchAll(ROMAN_EXAM)) {
    const name = capitalize(m[1]!.replace(/\s+/g, ' '));
    add(m.index, m.index + m[0].length, { kind: 'exam', title: name, idBase: slugify(name) });
  }
  for (const m of text.matchAll(EXAM)) {
    const name = capitalize(m[1]!.replace(/\s+/g, ' '));
    add(m.index, m.index + m[0].length, { kind: 'exam', title: name, idBase: slugify(name) });
  }
  for (const m of text.matchAll(DUE)) {
    let start = subjectStart(text, m.index, spans);
    let subject = cleanSubject(text.slice(start, m.index));
    if (!/\p{L}/u.test(subject)) {
      const owner = listSubject(text, m.index, spans, new RegExp(WORK));
      if (owner) ({ start, subject } = owner);
    }
    const borrowed = !subject;
    if (borrowed) {
      const previous = workBefore(text, m.index, spans);
      if (!previous) continue;
      subject = previous.work!;
      start = previous.end;
    }
    const name = workName(subject);
    const base: EventBase = { kind: 'deadline', title: `${name} due`, idBase: `${slugify(name)}-due` };
    add(start, m.index + m[0].length, base, name, borrowed);
  }
  return spans.sort((a, b) => a.start - b.start);
}
