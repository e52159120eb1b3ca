import { formatDay, type LocalDate } from '../plan/local-date.ts';
import type { Plan, Session } from '../plan/schema.ts';
import { parseDatePhrase, type DateContext, type DatePhrase } from './date-phrase.ts';
import { classLabel, parenthesised } from './describe.ts';

/** `class 14`, `14` or `#14` at the start of the text, and what follows. */
export function classRef(text: string): { number: number; rest: string } | undefined {
  const m = /^(?:class\s*)?#?(\d{1,3})(?![\d-])[:,.]?\s*(.*)$/is.exec(text.trim());
  return m ? { number: Number(m[1]), rest: m[2]!.trim() } : undefined;
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
