import type { Plan, PlanEvent, Session } from '../plan/schema.ts';
import { termOf, type Term } from '../plan/term.ts';
import { CalendarMemo } from './calendar-memo.ts';
import {
  byEventTime,
  classEnd,
  classNumberRange,
  eventDue,
  isHeld,
  sessionsByDate,
} from './course-calendar.ts';

export interface IndexedSession {
  session: Session;
  held: boolean;
  /** classEnd in epoch milliseconds. */
  endMs: number;
}

export interface IndexedEvent {
  event: PlanEvent;
  /** eventDue in epoch milliseconds. */
  dueMs: number;
}

/**
 * What every answer needs from a plan, computed once per plan object. Instants are epoch milliseconds, so
 * an answer compares numbers instead of building a zoned DateTime for every session and event (whose
 * offset lookup was most of the cost of an answer). Orders are those of sessionsByDate and byEventTime;
 * both sorts are stable, so filtering the sorted list gives what sorting the filtered one gave.
 */
export interface PlanIndex {
  /** Sessions in date order. */
  sessions: readonly IndexedSession[];
  /** Events in time order. */
  events: readonly IndexedEvent[];
  term: Term | undefined;
  classRange: { first: number; last: number } | undefined;
  /** The roster by lower-cased initials: presenters match it whatever their case. */
  roster: ReadonlyMap<string, string>;
  /** Remembered dates, times and "today" in the course timezone. */
  calendar: CalendarMemo;
}

// Plans are never changed in place: a confirmed change or a reloaded file makes a new object. So an index
// keyed by the object is always current, and is collected with the plan it was made from.
const indexes = new WeakMap<Plan, PlanIndex>();

export function planIndex(plan: Plan): PlanIndex {
  let index = indexes.get(plan);
  if (!index) {
    index = buildIndex(plan);
    indexes.set(plan, index);
  }
  return index;
}

function buildIndex(plan: Plan): PlanIndex {
  const calendar = new CalendarMemo(plan.course.timezone);
  const roster = new Map<string, string>();
  // The first entry wins, as a search through the entries in order would find it.
  for (const [initials, userId] of Object.entries(plan.course.roster ?? {})) {
    if (!roster.has(initials.toLowerCase())) roster.set(initials.toLowerCase(), userId);
  }
  return {
    sessions: sessionsByDate(plan).map((session) => ({
      session,
      held: isHeld(session),
      endMs: classEnd(plan, session).toMillis(),
    })),
    events: [...plan.events]
      .sort(byEventTime)
      .map((event) => ({ event, dueMs: eventDue(plan, event).toMillis() })),
    term: termOf(plan),
    classRange: classNumberRange(plan),
    roster,
    calendar,
  };
}
