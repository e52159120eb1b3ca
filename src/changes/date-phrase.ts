import type { DateTime } from 'luxon';
import {
  addDays,
  formatDay,
  localDateOf,
  weekdayOf,
  type LocalDate,
  type LocalTime,
} from '../plan/local-date.ts';
import type { Term } from '../plan/term.ts';
import { impossibleDate, impossibleIsoDate, monthDay, outsideWindow, yearFor } from './year-less-date.ts';

/**
 * Reads the date phrases staff type: `2025-10-23`, `Oct 23`, `Thu Oct 23`, `October 23 2025`, `today`,
 * `tomorrow`, `thursday`, `next thursday`, each optionally followed by a time (`23:59`, `5pm`, `at 11:59pm`).
 * A small grammar instead of a general parser: every phrase it accepts has exactly one reading, and anything
 * doubtful is refused with the reason rather than guessed.
 */
export type DatePhrase =
  | { ok: true; date: LocalDate; time?: LocalTime }
  /** `recognised`: the words are a date, but not one we accept (past, ambiguous, impossible). */
  | { ok: false; recognised: boolean; message: string };

export interface DateContext {
  now: DateTime;
  zone: string;
  /** The course's term: a year-less date is read as the one near it (without it, within six months). */
  term?: Term;
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];

/** 1-based index of the name a word abbreviates (at least three letters: "oct", "sept", "thurs"). */
function nameIndex(names: string[], word: string): number | undefined {
  const w = word.replace(/[.,]$/, '');
  if (w.length < 3) return undefined;
  const i = names.findIndex((name) => name.startsWith(w));
  return i < 0 ? undefined : i + 1;
}
const monthOf = (word: string) => nameIndex(MONTHS, word);
const weekdayIn = (word: string) => nameIndex(WEEKDAYS, word);
const COUNTS: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3 };

/**
 * Zones of courses that write month/day, as the importer reads a page's "9/2". Elsewhere day/month is as
 * likely, so a slash date is read only when one of the two readings is no date.
 */
const MONTH_FIRST_ZONES =
  /^(?:America\/(?:New_York|Chicago|Denver|Los_Angeles|Phoenix|Anchorage|Detroit|Boise|Juneau|Sitka|Nome|Yakutat|Adak|Metlakatla|Menominee|Indiana\/\w+|Kentucky\/\w+|North_Dakota\/\w+)|Pacific\/Honolulu|US\/\w+)$/;

function slashDate(m: RegExpExecArray, context: DateContext, today: LocalDate): DateOnly {
  const [a, b] = [Number(m[1]), Number(m[2])];
  const year = m[3] === undefined ? undefined : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const valid = (month: number, day: number) => impossibleDate(month, day, year) === undefined;
  const readings = [
    ...(valid(a, b) ? [{ month: a, day: b }] : []),
    ...(a !== b && valid(b, a) ? [{ month: b, day: a }] : []),
  ];
  if (readings.length === 0) {
    // The example is a day of the term (today, or its first day before it starts), so it can be typed as is.
    const example = context.term && context.term.start > today ? context.term.start : today;
    const [, month, day] = example.split('-').map(Number) as [number, number, number];
    return {
      ok: false,
      recognised: true,
      message: `"${m[0]}" is not a date: write ${monthDay(month, day)} or ${example}.`,
    };
  }
  const monthFirst = MONTH_FIRST_ZONES.test(context.zone);
  if (readings.length === 2 && !monthFirst) {
    const [x, y] = readings.map((r) => monthDay(r.month, r.day));
    return {
      ok: false,
      recognised: true,
      message: `"${m[0]}" can be ${x} or ${y}: write the month's name, e.g. ${y}.`,
    };
  }
  const { month, day } = readings[0]!;
  if (year !== undefined) {
    return { ok: true, date: `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
  }
  const found = yearFor(month, day, today, context.term);
  return found.ok ? { ok: true, date: found.date } : { ok: false, recognised: true, message: found.message };
}

const capital = (word: string) => `${word[0]!.toUpperCase()}${word.slice(1)}`;

export function parseDatePhrase(text: string, context: DateContext): DatePhrase {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const { time, rest, bad } = takeTime(words);
  if (bad) return { ok: false, recognised: true, message: bad };
  const dated = readDate(rest, context);
  if (!dated.ok) return dated;
  const today = localDateOf(context.now, context.zone);
  if (dated.date < today) {
    return {
      ok: false,
      recognised: true,
      message: `${formatDay(dated.date)}, ${dated.date.slice(0, 4)} is in the past (today is ${formatDay(today)}).`,
    };
  }
  // A year typed out (or "in 400 days") is held to the same window as a year-less date.
  const far = outsideWindow(dated.date, today, context.term);
  if (far) return { ok: false, recognised: true, message: far };
  return time ? { ok: true, date: dated.date, time } : { ok: true, date: dated.date };
}

/** A trailing time: `23:59`, `5pm`, `11:30 am`, optionally after `at`. */
function takeTime(words: string[]): { time?: LocalTime; rest: string[]; bad?: string } {
  let rest = [...words];
  let phrase = '';
  const named = rest.at(-1);
  if (named === 'noon' || named === 'midday') {
    rest = rest.slice(0, -1);
    if (rest.at(-1) === 'at') rest = rest.slice(0, -1);
    return { time: '12:00', rest };
  }
  if (named === 'midnight') {
    // Midnight "on Oct 23" is read as both its start and its end: ask for the one meant.
    return {
      rest: rest.slice(0, -1),
      bad: '"midnight" can mean the start or the end of the day: write 23:59, or 00:00 of the next day.',
    };
  }
  const last2 = rest.slice(-2).join(' ');
  if (/^\d{1,2}(:\d{2})? ?(am|pm)$/.test(last2) && rest.length >= 2 && /^(am|pm)$/.test(rest.at(-1)!)) {
    phrase = last2;
    rest = rest.slice(0, -2);
  } else if (rest.length > 0 && /^\d{1,2}(:\d{2})?(am|pm)$|^\d{1,2}:\d{2}$/.test(rest.at(-1)!)) {
    phrase = rest.at(-1)!;
    rest = rest.slice(0, -1);
  } else return { rest };
  if (rest.at(-1) === 'at') rest = rest.slice(0, -1);
  const m = /^(\d{1,2})(?::(\d{2}))? ?(am|pm)?$/.exec(phrase)!;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  if (m[3]) {
    if (hour < 1 || hour > 12) return { rest, bad: `"${phrase}" is not a time: write 5pm or 17:00.` };
    hour = (hour % 12) + (m[3] === 'pm' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return { rest, bad: `"${phrase}" is not a time: write 23:59 or 11:59pm.` };
  return { time: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`, rest };
}

type DateOnly = { ok: true; date: LocalDate } | { ok: false; recognised: boolean; message: string };

function readDate(words: string[], context: DateContext): DateOnly {
  const today = localDateOf(context.now, context.zone);
  const refuse = (message: string): DateOnly => ({ ok: false, recognised: true, message });
  const phrase = words.join(' ');
  if (words.length === 0) return { ok: false, recognised: false, message: 'a date is missing' };
  if (phrase === 'today') return { ok: true, date: today };
  if (phrase === 'tomorrow') return { ok: true, date: addDays(today, 1) };
  if (phrase === 'yesterday') return { ok: true, date: addDays(today, -1) };
  if (/^\d{4}-\d{2}-\d{2}$/.test(phrase)) {
    const bad = impossibleIsoDate(phrase);
    return bad ? refuse(bad) : { ok: true, date: phrase };
  }
  const slash = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(phrase);
  if (slash) return slashDate(slash, context, today);
  const inDays = /^in (\d{1,3}|a|an|one|two|three) (day|week)s?$/.exec(phrase);
  if (inDays) {
    const count = /^\d/.test(inDays[1]!) ? Number(inDays[1]) : (COUNTS[inDays[1]!] ?? 1);
    return { ok: true, date: addDays(today, count * (inDays[2] === 'week' ? 7 : 1)) };
  }
  if (
    /^(?:(?:next|this|the following) (?:week|month)|end of (?:the )?(?:week|month)|tonight|tbd|tba)$/.test(
      phrase,
    )
  ) {
    const example = addDays(today, 7);
    return refuse(
      `"${phrase}" names no single day: write the day, e.g. \`next ${WEEKDAYS[weekdayOf(example) - 1]}\` or ${formatDay(example)}.`,
    );
  }
  // <weekday> and "next <weekday>": the first such day after today; "this <weekday>" may be today.
  const relative = /^(?:(this|next) )?([a-z]+)$/.exec(phrase);
  if (relative && weekdayIn(relative[2]!) !== undefined) {
    const wanted = weekdayIn(relative[2]!)!;
    const ahead = (wanted - weekdayOf(today) + 7) % 7 || (relative[1] === 'this' ? 0 : 7);
    return { ok: true, date: addDays(today, ahead) };
  }
  // [weekday[,]] month day[,] [year]   or   [weekday] day month [year]
  let rest = [...words];
  const weekday = rest.length > 2 ? weekdayIn(rest[0]!) : undefined;
  if (weekday !== undefined) rest = rest.slice(1);
  let month: number | undefined;
  let day: number | undefined;
  const dayOf = (w: string) => (/^\d{1,2}(st|nd|rd|th)?,?$/.test(w) ? parseInt(w, 10) : undefined);
  if (rest[0] && monthOf(rest[0]) && rest[1] && dayOf(rest[1]))
    [month, day] = [monthOf(rest[0]), dayOf(rest[1])];
  else if (rest[0] && dayOf(rest[0]) && rest[1] && monthOf(rest[1]))
    [day, month] = [dayOf(rest[0]), monthOf(rest[1])];
  if (month === undefined || day === undefined)
    return { ok: false, recognised: false, message: `"${phrase}" is not a date` };
  rest = rest.slice(2);
  if (rest.length > 1 || (rest.length === 1 && !/^\d{4}$/.test(rest[0]!))) {
    return { ok: false, recognised: false, message: `"${phrase}" is not a date` };
  }
  const named = monthDay(month, day);
  let date: LocalDate;
  if (rest.length === 1) {
    const bad = impossibleDate(month, day, Number(rest[0]));
    if (bad) return refuse(bad);
    date = `${rest[0]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  } else {
    const found = yearFor(month, day, today, context.term);
    if (!found.ok) return refuse(found.message);
    date = found.date;
  }
  if (weekday !== undefined && weekdayOf(date) !== weekday) {
    return refuse(
      `${named}, ${date.slice(0, 4)} is a ${capital(WEEKDAYS[weekdayOf(date) - 1]!)}, not a ${capital(WEEKDAYS[weekday - 1]!)}: check the date.`,
    );
  }
  return { ok: true, date };
}
