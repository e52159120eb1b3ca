import type { DateTime } from 'luxon';
import type { LocalDate } from '../plan/local-date.ts';
import type { Plan, PlanEvent, Session } from '../plan/schema.ts';
import { classEnd, courseDay, isHeld, sessionsByDate } from './course-calendar.ts';
import { termPhase, type TermPhase } from './term-phase.ts';

export interface NextClassAnswer {
  kind: 'next';
  today: LocalDate;
  phase: TermPhase;
  /** The next class; absent when none is left. */
  session?: Session;
  /** Days without class from today up to the next class, so the answer can say why there is a gap. */
  skipped: Session[];
  /** Events on the day of the next class. */
  events: PlanEvent[];
  /** The last class held, when none is left. */
  last?: Session;
}

/** The next class that has not ended: a class later today still counts. */
export function findNextClass(plan: Plan, now: DateTime): Session | undefined {
  return sessionsByDate(plan).find((s) => isHeld(s) && classEnd(plan, s) > now);
}

export function nextClass(plan: Plan, now: DateTime): NextClassAnswer {
  const today = courseDay(plan, now);
  const phase = termPhase(plan, today);
  const session = findNextClass(plan, now);
  if (!session) {
    const last = sessionsByDate(plan).filter(isHeld).at(-1);
    return { kind: 'next', today, phase, skipped: [], events: [], ...(last ? { last } : {}) };
  }
  const skipped = sessionsByDate(plan).filter((s) => !isHeld(s) && s.date >= today && s.date < session.date);
  const events = plan.events.filter((e) => e.date === session.date);
  return { kind: 'next', today, phase, session, skipped, events };
}
