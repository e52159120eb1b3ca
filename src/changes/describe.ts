import { formatDay, formatTime, type LocalDate, type LocalTime } from '../plan/local-date.ts';
import type { Plan, PlanEvent, Presentation, Reading, Session } from '../plan/schema.ts';
import { termOf } from '../plan/term.ts';

/** What a class is about, in a few words: its topic, else its papers, else its section. */
export function classSubject(session: Pick<Session, 'topic' | 'presentations' | 'section'>): string {
  if (session.topic.trim()) return session.topic.trim();
  if (session.presentations.length > 0) return session.presentations.map((p) => p.title).join(', ');
  return session.section ?? '';
}

/** "Class 14 (Sparse approximation of attention)", or "Class 14" when it has no subject. */
export function classLabel(session: Pick<Session, 'number' | 'topic' | 'presentations' | 'section'>): string {
  const subject = classSubject(session);
  const name = session.number === null ? 'The meeting' : `Class ${session.number}`;
  return subject ? `${name} (${subject})` : name;
}

/**
 * How an event is named in a sentence: "Project proposal due" becomes "Project proposal deadline", "HW1
 * posted" becomes "HW1 release"; other titles stay as they are.
 */
export function eventName(event: Pick<PlanEvent, 'kind' | 'title'>): string {
  const title = event.title.trim();
  if (event.kind === 'deadline' && /\s+(is\s+)?due$/i.test(title)) {
    return `${title.replace(/\s+(is\s+)?due$/i, '')} deadline`;
  }
  if (event.kind === 'homework-release' && /\s+(is\s+)?(posted|released|out)$/i.test(title)) {
    return `${title.replace(/\s+(is\s+)?(posted|released|out)$/i, '')} release`;
  }
  return title;
}

/** "Thu Oct 30", or "Thu Oct 30 at 11:59 PM" when the time matters. */
export function when(date: LocalDate, time?: LocalTime, day: DayFormat = formatDay): string {
  return time ? `${day(date)} at ${formatTime(time)}` : day(date);
}

export type DayFormat = (date: LocalDate) => string;

/**
 * "Thu Oct 30" for a day in the term's year(s), "Wed Nov 4, 2026" for any other: a day named without its
 * year is read as this term's, so a year away must say so.
 */
export function dayInTerm(plan: Pick<Plan, 'sessions' | 'events'>): DayFormat {
  const term = termOf(plan);
  const years = new Set(term ? [term.start.slice(0, 4), term.end.slice(0, 4)] : []);
  return (date) =>
    years.size === 0 || years.has(date.slice(0, 4))
      ? formatDay(date)
      : `${formatDay(date)}, ${date.slice(0, 4)}`;
}

export const readingsText = (readings: Reading[]): string =>
  readings.length === 0 ? 'none' : readings.map((r) => r.title).join(', ');

/** "DeepSeek-v3 by CG and OO; Mamba by YK" */
export const presentationsText = (presentations: Presentation[]): string =>
  presentations.length === 0
    ? 'none'
    : presentations
        .map((p) => (p.presenters.length > 0 ? `${p.title} by ${namesText(p.presenters)}` : p.title))
        .join('; ');

/** "A", "A and B", "A, B and C" */
export function namesText(names: string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * The reason a class is off, when it says more than that: the default "cancelled" (or "No class") would only
 * repeat the sentence it sits in ("is cancelled on Tue Oct 21: cancelled"), so it is left out.
 */
export function reasonOf(noClass: string): string | undefined {
  const text = noClass.trim().replace(/\s*\.+$/, '');
  return /^((the )?class(es)? )?(cancell?ed|no class(es)?|none)?!?$/i.test(text) ? undefined : text;
}

/** " (snow day)" after a sentence's subject, or nothing when the reason says nothing more. */
export const parenthesised = (noClass: string | undefined): string => {
  const reason = noClass === undefined ? undefined : reasonOf(noClass);
  return reason ? ` (${reason})` : '';
};

/** `text: reason`, or just `text` when the reason says nothing more. */
export const withReason = (text: string, noClass: string): string => {
  const reason = reasonOf(noClass);
  return reason ? `${text}: ${reason}` : text;
};
