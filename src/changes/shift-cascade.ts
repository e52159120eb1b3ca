import { isHeldClass } from '../plan/calendar.ts';
import type { LocalDate } from '../plan/local-date.ts';
import type { PlanEvent, Session } from '../plan/schema.ts';
import { byDate } from './announce-diff.ts';

export interface ShiftResult {
  sessions: Session[];
  /** Each class that moved, by number: from its old meeting to the next. */
  moves: { number: number; from: LocalDate; to: LocalDate }[];
  /** The meeting without content that absorbed the cascade, when there was one. */
  slack?: Session;
  /** The class pushed past the last meeting of the term, when there was no slack. */
  overflow?: Session;
  /** Events tied (event.session) to a class that moved or fell off: listed for a decision, never moved. */
  tied: { event: PlanEvent; to?: LocalDate }[];
}

const isEmpty = (s: Session) => !s.topic.trim() && s.readings.length === 0 && s.presentations.length === 0;

/**
 * Cancels the class meeting on `date` and moves its content (number, topic, readings, presentations, notes,
 * section) to the next meeting, each later class to the one after, skipping days without class, up to the
 * first meeting without content or the end of the term. The cancelled day becomes a day without class.
 * Returns undefined when `date` holds no class.
 */
export function shiftCascade(
  sessions: Session[],
  events: PlanEvent[],
  date: LocalDate,
  reason: string,
): ShiftResult | undefined {
  const ordered = [...sessions].sort(byDate);
  const slots = ordered.filter((s) => isHeldClass(s) && s.date >= date);
  if (slots[0]?.date !== date) return undefined;
  const slackIndex = slots.findIndex((s, i) => i > 0 && isEmpty(s));
  // With slack, the cascade ends there (its empty content is dropped); without, the last class falls off.
  const last = slackIndex > 0 ? slackIndex : slots.length - 1;
  const replaced = new Map<Session, Session>();
  const moves: ShiftResult['moves'] = [];
  for (let i = 1; i <= last; i++) {
    const from = slots[i - 1]!;
    const to = slots[i]!;
    replaced.set(to, { date: to.date, ...contentOf(from) });
    moves.push({ number: from.number!, from: from.date, to: to.date });
  }
  replaced.set(slots[0]!, {
    date,
    number: null,
    topic: '',
    readings: [],
    presentations: [],
    noClass: reason,
  });
  const overflow = slackIndex > 0 ? undefined : slots.at(-1);
  const moved = new Map(moves.map((m) => [m.number, m.to]));
  const tied = events
    .filter((e) => e.session !== undefined && (moved.has(e.session) || e.session === overflow?.number))
    .map((e) => ({ event: e, to: moved.get(e.session!) }));
  return {
    sessions: ordered.map((s) => replaced.get(s) ?? s),
    moves,
    slack: slackIndex > 0 ? slots[slackIndex] : undefined,
    overflow,
    tied,
  };
}

function contentOf(s: Session): Omit<Session, 'date'> {
  const { date: _date, noClass: _noClass, ...content } = s;
  return content;
}
