import type { LocalTime } from '../plan/local-date.ts';
import type { EventKind } from '../plan/schema.ts';
import { parseTimeAt } from './parse-time.ts';
import { capitalize, slugify } from './slug.ts';

/** An event read from a note, before it gets its date, class number and a unique id. */
export interface EventDraft {
  kind: EventKind;
  title: string;
  idBase: string;
  time?: LocalTime;
}

/** Where in a text a note was found, and what it means. */
export interface NoteSpan {
  start: number;
  end: number;
  text: string;
  event: EventDraft;
}

const WORK = String.raw`(?:HW|Homework|Assignment|Problem\s+set|PS|Pset|Lab|Project|Quiz|Exercise)\s*#?\s*\d+[a-z]?`;
const RELEASE = new RegExp(
  String.raw`\b(${WORK})\s+(?:is\s+)?(?:posted|released|out|assigned|available|handed\s+out)\b`,
  'gi',
);
const IMPERATIVE =
  /\b(?:Send|Submit|Email|E-mail|Upload|Choose|Pick|Turn in|Hand in|Sign up for|Register for)\b/g;
const EXAM =
  /(?<!\b(?:for|before|after|review|the|post|pre)[\s-]+)\b(midterm(?:\s+exam(?:ination)?)?(?:\s*#?\d)?|final\s+exam(?:ination)?|quiz(?:\s*#?\d+)?|exam(?:ination)?(?:\s*#?\d+)?)\b(?!\s+(?:review|report|project|prep|preparation|solutions?|grades?|due|posted|released|out)\b)/gi;
const DUE = /\bdue\b(?!\s+to\b)/gi;
const WORK_NAME = new RegExp(`^${WORK}$`, 'i');

/** A short name for a piece of work: "HW 1" → "HW1", "homework 2" → "Homework 2". */
function workName(text: string): string {
  const compact = text.replace(/\s+/g, ' ').trim();
  return /^(hw|ps|pset)\s/i.test(compact) ? compact.replace(/\s+#?\s*/, '') : capitalize(compact);
}

function afterTime(text: string, from: number): { time?: LocalTime; end: number } {
  const m = /^[\s,]*(?:\(\s*)?/.exec(text.slice(from))!;
  const found = parseTimeAt(text.slice(from + m[0].length));
  if (!found) return { end: from };
  let end = from + m[0].length + found.length;
  if (m[0].includes('(') && text[end] === ')') end += 1;
  return { time: found.time, end };
}

/** "title of paper you intend to present" → "Paper title"; other work keeps its own words. */
function deadlineSubject(object: string): string {
  const m =
    /^(?:the\s+|your\s+)?(title|topic)s?\s+of\s+(?:the\s+|your\s+|a\s+)?(paper|project|presentation|talk)\b/i.exec(
      object,
    );
  return m ? `${capitalize(m[2]!.toLowerCase())} ${m[1]!.toLowerCase()}` : workName(object);
}

/**
 * Finds notes in a cell or a flattened row: "HW1 posted", "Project proposal due 11:59pm", "Send title of
 * paper you intend to present", "Midterm exam". In flattened text a note's words run into the next cell, so
 * a note ends at the next capitalised word, and a "… due" note starts at the nearest capitalised word before
 * "due" (cells start with a capital letter).
 */
export function findNotes(text: string): NoteSpan[] {
  const spans: NoteSpan[] = [];
  const free = (start: number, end: number) => spans.every((s) => end <= s.start || start >= s.end);
  const add = (start: number, end: number, event: EventDraft) => {
    if (free(start, end)) spans.push({ start, end, text: text.slice(start, end), event });
  };

  for (const m of text.matchAll(RELEASE)) {
    const name = workName(m[1]!);
    add(m.index, m.index + m[0].length, {
      kind: 'homework-release',
      title: `${name} released`,
      idBase: `${slugify(name)}-released`,
    });
  }
  for (const m of text.matchAll(IMPERATIVE)) {
    const start = m.index;
    const words = [...text.slice(start + m[0].length).matchAll(/\S+/g)];
    let end = start + m[0].length;
    for (const [i, w] of words.entries()) {
      const plain = w[0].replace(/[,.;:]$/, '');
      const workLike = i === 0 && WORK_NAME.test(plain);
      if (parseTimeAt(text.slice(start + m[0].length + w.index))) break;
      if (!workLike && !/^[a-z0-9&]/.test(w[0])) break;
      end = start + m[0].length + w.index + w[0].replace(/[,;:]$/, '').length;
      if (w[0].endsWith(',') || w[0].endsWith(';') || i >= 11) break;
    }
    const object = text.slice(start + m[0].length, end).trim();
    if (!object) continue;
    const subject = deadlineSubject(object);
    const timed = afterTime(text, end);
    add(start, timed.end, {
      kind: 'deadline',
      title: `${subject} due`,
      idBase: `${slugify(subject)}-due`,
      ...(timed.time ? { time: timed.time } : {}),
    });
  }
  for (const m of text.matchAll(EXAM)) {
    const name = capitalize(m[1]!.replace(/\s+/g, ' '));
    const timed = afterTime(text, m.index + m[0].length);
    add(m.index, timed.end, {
      kind: 'exam',
      title: name,
      idBase: slugify(name),
      ...(timed.time ? { time: timed.time } : {}),
    });
  }
  for (const m of text.matchAll(DUE)) {
    const start = subjectStart(text, m.index, spans);
    const subject = text
      .slice(start, m.index)
      .trim()
      .replace(/[,:;]$/, '');
    if (!subject) continue;
    const timed = afterTime(text, m.index + m[0].length);
    const name = workName(subject);
    add(start, timed.end, {
      kind: 'deadline',
      title: `${name} due`,
      idBase: `${slugify(name)}-due`,
      ...(timed.time ? { time: timed.time } : {}),
    });
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Walks back from "due" over lower-case words to the capitalised word that starts the note. */
function subjectStart(text: string, dueAt: number, taken: NoteSpan[]): number {
  const floor = Math.max(0, ...taken.filter((s) => s.end <= dueAt).map((s) => s.end));
  const words = [...text.slice(floor, dueAt).matchAll(/\S+/g)].reverse();
  let start = dueAt;
  for (const [i, w] of words.entries()) {
    if (/[,;:)]$/.test(w[0]) || i >= 6) break;
    start = floor + w.index;
    if (!/^[a-z0-9&#]/.test(w[0])) break;
  }
  return start;
}
