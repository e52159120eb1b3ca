import { addDays, formatDay, type LocalDate } from '../plan/local-date.ts';
import type { Plan, Session } from '../plan/schema.ts';
import { parseDatePhrase, type DateContext, type DatePhrase } from './date-phrase.ts';
import { classLabel, parenthesised } from './describe.ts';
import { monthDay } from './year-less-date.ts';

/**
 * `class 14`, `14` or `#14` at the start of the text, and what follows. Never the start of a date: `10/23`,
 * `10.23` and `10-23` are not Class 10 (the callers read a leading `21 Oct` as a date before this).
 */
export function classRef(text: string): { number: number; rest: string } | undefined {
  const m = /^(?:class\s*)?#?(\d{1,3})(?![\d\-/]|[:.]\d)[:,.]?\s*(.*)$/is.exec(text.trim());
  return m ? { number: Number(m[1]), rest: m[2]!.trim() } : undefined;
}

/** A time of day at the start of the text ("11:00", "5pm", "at noon"), as staff might add to a day. */
export function leadingTime(text: string): string | undefined {
  return /^(?:at\s+)?(?:\d{1,2}(?::\d{2})?\s?(?:am|pm)|\d{1,2}:\d{2}|noon|midnight)(?=$|[\s,.;:])/i.exec(
    text.trim(),
  )?.[0];
}

/** The longest leading run of words that reads as a date phrase, and what follows it. */
export function leadingDate(
  text: string,
  context: DateContext,
): { phrase: DatePhrase; rest: string } | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (let n = Math.min(words.length, 6); n >= 1; n--) {
    const phrase = parseDatePhrase(words.slice(0, n).join(' '), context);
    if (phrase.ok || phrase.recognised) return { phrase, rest: words.slice(n).join(' ') };
  }
  return undefined;
}

/** The longest trailing run of words that reads as a date phrase, and what precedes it. */
export function trailingDate(
  text: string,
  context: DateContext,
): { phrase: DatePhrase; rest: string } | undefined {
  const words = text.trim().split(/\s+/).filter(Boolean);
  for (let n = Math.min(words.length - 1, 6); n >= 1; n--) {
    const phrase = parseDatePhrase(words.slice(-n).join(' '), context);
    if (phrase.ok || phrase.recognised) return { phrase, rest: words.slice(0, -n).join(' ') };
  }
  return undefined;
}

/** Class `number` if it is still to be held: not past, not cancelled. */
export function heldClass(
  plan: Plan,
  number: number,
  today: LocalDate,
): { session: Session } | { message: string } {
  const session = plan.sessions.find((s) => s.number === number);
  if (!session) return { message: `There is no Class ${number} in the plan.` };
  if (session.date < today)
    return { message: `${classLabel(session)} was on ${formatDay(session.date)}: it is past.` };
  if (session.noClass) {
    return {
      message: `${classLabel(session)} on ${formatDay(session.date)} is already cancelled${parenthesised(session.noClass)}.`,
    };
  }
  return { session };
}

/** A class still to come, for the examples in a hint: the next one held, else the last. */
export function exampleClass(plan: Plan, today: LocalDate): number {
  const held = plan.sessions.filter((s) => s.number !== null && !s.noClass);
  return (held.find((s) => s.date >= today) ?? held.at(-1))?.number ?? 1;
}

/**
 * A day of the term for the examples in a hint ("Oct 23"), so an example typed as shown is read: the first
 * class day from `from` on, moved `ahead` days (a free day to move a class to), as a year-less month and day.
 */
export function exampleDay(plan: Plan, from: LocalDate, ahead = 0): string {
  const day =
    plan.sessions.find((s) => s.date >= from && s.number !== null)?.date ?? plan.sessions.at(-1)?.date;
  const date = day ? addDays(day, ahead) : from;
  const [, month, dayOfMonth] = date.split('-').map(Number) as [number, number, number];
  return monthDay(month, dayOfMonth);
}
