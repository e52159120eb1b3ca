import type { LocalTime } from '../plan/local-date.ts';
import { parseDateAt, type PageDate } from './parse-date.ts';
import { parseTimeAt } from './parse-time.ts';

/** The date and time a note states after its words: "due Oct 3 11:59pm", "(due 10/14)", "by Friday 5pm". */
export interface NoteWhen {
  date?: PageDate;
  /** A weekday named without a date ("due Friday"): the first such day after the row's date. */
  weekday?: number;
  /** Days from the row's date: "tomorrow" is 1, "yesterday" -1. */
  offset?: number;
  time?: LocalTime;
  /** A time range as written ("6–8pm"): an event holds only its start, so the words are kept. */
  timeRange?: string;
  /** Words that name a date the importer cannot read ("next week", "Oct 32"): reported, never guessed. */
  unreadable?: string;
  /** Where the note ends: just after what was read, or `from` when nothing was. */
  end: number;
}

const BARE_WEEKDAY =
  /^(mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:rs(?:day)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?)\.?/i;
const WEEKDAY_NUMBER: Record<string, number> = { mo: 1, tu: 2, we: 3, th: 4, fr: 5, sa: 6, su: 7 };
// Words that try to say when but name no day the importer can place.
const DATE_LIKE =
  /^(?:(?:next|this|following|coming)\s+[a-z]+|end\s+of\s+(?:the\s+)?[a-z]+|in\s+(?:\d+|a|one|two|three)\s+(?:days?|weeks?)|tb[ad]\b|week\s+\d+|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*\d+[a-z]*|\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?)/i;
const TODAY = /^(?:today|tonight)\b/i;
const NEXT_TO = /^(?:(tomorrow)|yesterday)\b/i;
// "due on Oct 3", "due by Friday", "due date: Oct 3".
const GAP = /^[\s,]*(?:date\b\s*:?\s*)?(?:(?:on|by|before|at)\s+(?=\S)|@\s*)?/i;

/**
 * Reads the date and time stated from `from` on: an optional "(", then dates, weekdays and times in either
 * order ("Oct 3 at 5pm", "5pm Fri Oct 3"), then the ")" that closes the "(". A weekday alone counts only
 * before punctuation, a time or a capitalised word, so a reading such as "Sun et al." stays a reading.
 */
export function readWhen(text: string, from: number): NoteWhen {
  const open = /^[\s,]*(\(\s*)?/.exec(text.slice(from))!;
  let at = from + open[0].length;
  const when: NoteWhen = { end: from };
  let read = false;
  for (let step = 0; step < 3; step += 1) {
    const gap = GAP.exec(text.slice(at))![0];
    const here = text.slice(at + gap.length);
    const date = when.date || when.weekday ? null : parseDateAt(here);
    const today = !read && TODAY.exec(here);
    const nextTo = when.date || when.weekday || when.offset ? null : NEXT_TO.exec(here);
    const weekday = when.date || when.weekday ? null : bareWeekday(here);
    const time = when.time ? null : parseTimeAt(here);
    if (date) {
      when.date = date.date;
      at += gap.length + date.length;
    } else if (today) at += gap.length + today[0].length;
    else if (nextTo) {
      when.offset = nextTo[1] ? 1 : -1;
      at += gap.length + nextTo[0].length;
    } else if (weekday) {
      when.weekday = weekday.weekday;
      at += gap.length + weekday.length;
    } else if (time) {
      when.time = time.time;
      if (time.range) when.timeRange = here.slice(0, time.length).trim();
      at += gap.length + time.length;
    } else break;
    read = true;
  }
  if (!read) {
    const gap = GAP.exec(text.slice(at))![0];
    const vague = DATE_LIKE.exec(text.slice(at + gap.length));
    if (!vague) return when;
    const after = at + gap.length + vague[0].length;
    // "(week 1, 2, 3, 4)", "(Ch 2-3.4, lectures 3-4)": a parenthesis that goes on after the words says
    // what the work covers, not when it is.
    if (open[1] && !/^\s*\)/.test(text.slice(after))) return when;
    when.unreadable = vague[0];
    at = after;
  }
  const close = open[1] ? /^\s*\)/.exec(text.slice(at)) : null;
  when.end = at + (close ? close[0].length : 0);
  return when;
}

function bareWeekday(text: string): { weekday: number; length: number } | null {
  const m = BARE_WEEKDAY.exec(text);
  if (!m) return null;
  const after = text.slice(m[0].length);
  if (/^\w/.test(after)) return null;
  const rest = after.trimStart();
  // In flattened text the next cell starts with a capital: "due Fri Dragon ch6".
  if (rest && !/^[,;.)]/.test(rest) && !parseTimeAt(rest) && !/^[A-Z]/.test(rest)) return null;
  return { weekday: WEEKDAY_NUMBER[m[1]!.slice(0, 2).toLowerCase()]!, length: m[0].length };
}
