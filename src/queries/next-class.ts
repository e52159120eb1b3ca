import type { DateTime } from 'luxon';
import type { LocalDate } from '../plan/local-date.ts';
import type { Plan, PlanEvent, Session } from '../plan/schema.ts';
import { answerIndex } from './answer-index.ts';
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
  const nowMs = now.toMillis();
  return answerIndex(plan).sessions.find((s) => s.held && s.endMs > nowMs)?.session;
}

export function nextClass(plan: Plan, now: DateTime): NextClassAnswer {
  const index = answerIndex(plan);
  const today = index.calendar.today(now);
  const phase = termPhase(plan, today);
  const session = findNextClass(plan, now);
  if (!session) {
    const last = index.sessions.filter((s) => s.held).at(-1)?.session;
    return { kind: 'next', today, phase, skipped: [], events: [], ...(last ? { last } : {}) };
  }
  const skipped = index.sessions
    .filter((s) => !s.held && s.session.date >= today && s.session.date < session.date)
    .map((s) => s.session);
  // In the plan's order, as the plan lists them.
  const events = plan.events.filter((e) => e.date === session.date);
  return { kind: 'next', today, phase, session, skipped, events };
}
