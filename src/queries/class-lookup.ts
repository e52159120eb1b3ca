import type { DateTime } from 'luxon';
import type { LocalDate } from '../plan/local-date.ts';
import type { Plan, PlanEvent, Session } from '../plan/schema.ts';
import { findNextClass } from './next-class.ts';
import { answerIndex } from './answer-index.ts';
import { termPhase, type TermPhase } from './term-phase.ts';

export interface ClassAnswer {
  kind: 'class';
  today: LocalDate;
  session: Session;
  /** Events on that day or tied to that class. */
  events: PlanEvent[];
}

export interface ClassMissingAnswer {
  kind: 'class-missing';
  number: number;
  range?: { first: number; last: number };
}

export interface ReadingsAnswer {
  kind: 'readings';
  today: LocalDate;
  phase: TermPhase;
  /** The next class; absent when none is left. */
  session?: Session;
}

export function classByNumber(plan: Plan, now: DateTime, number: number): ClassAnswer | ClassMissingAnswer {
  const index = answerIndex(plan);
  const session = plan.sessions.find((s) => s.number === number);
  if (!session) {
    const range = index.classRange;
    return { kind: 'class-missing', number, ...(range ? { range: { ...range } } : {}) };
  }
  const events = index.events
    .filter(({ event: e }) => e.date === session.date || e.session === number)
    .map((e) => e.event);
  return { kind: 'class', today: index.calendar.today(now), session, events };
}

export function readingsForNextClass(plan: Plan, now: DateTime): ReadingsAnswer {
  const today = answerIndex(plan).calendar.today(now);
  const session = findNextClass(plan, now);
  return { kind: 'readings', today, phase: termPhase(plan, today), ...(session ? { session } : {}) };
}
