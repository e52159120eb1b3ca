import { classEndsAt, eventDueAt, isHeldClass } from '../plan/calendar.ts';
import { recentPlans } from '../plan/per-plan.ts';
import type { Plan, PlanEvent, Session } from '../plan/schema.ts';
import { termOf, type Term } from '../plan/term.ts';
import { CalendarMemo } from './calendar-memo.ts';
import { byEventTime, classNumberRange, sessionsByDate } from './course-calendar.ts';

export interface IndexedSession {
  session: Session;
  held: boolean;
  /** classEndsAt in epoch milliseconds. */
  endMs: number;
}

export interface IndexedEvent {
  event: PlanEvent;
  /** eventDueAt in epoch milliseconds. */
  dueMs: number;
}

/**
 * What every answer needs from a plan, computed once per plan object. Instants are epoch milliseconds, so
 * an answer compares numbers instead of building a zoned DateTime for every session and event (whose
 * offset lookup was most of the cost of an answer). Orders are those of sessionsByDate and byEventTime;
 * both sorts are stable, so filtering the sorted list gives what sorting the filtered one gave.
 */
export interface AnswerIndex {
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

/**
 * How many courses' indexes (and remembered answers) are kept: the courses asked about lately. A department's
 * thousand courses are each asked now and then; an index is rebuilt in well under a millisecond.
 */
export const RECENTLY_ASKED_PLANS = 128;

/** Built on a plan's first question, kept while the course is among those asked lately. */
export const answerIndex: (plan: Plan) => AnswerIndex = recentPlans(buildIndex, RECENTLY_ASKED_PLANS);

function buildIndex(plan: Plan): AnswerIndex {
  const { course } = plan;
  const calendar = new CalendarMemo(course.timezone);
  const roster = new Map<string, string>();
  // The first entry wins, as a search through the entries in order would find it.
  for (const [initials, userId] of Object.entries(course.roster ?? {})) {
    if (!roster.has(initials.toLowerCase())) roster.set(initials.toLowerCase(), userId);
  }
  return {
    sessions: sessionsByDate(plan).map((session) => ({
      session,
      held: isHeldClass(session),
      endMs: classEndsAt(course, session.date, session).toMillis(),
    })),
    events: [...plan.events]
      .sort(byEventTime)
      .map((event) => ({ event, dueMs: eventDueAt(event, course.timezone).toMillis() })),
    term: termOf(plan),
    classRange: classNumberRange(plan),
    roster,
    calendar,
  };
}
